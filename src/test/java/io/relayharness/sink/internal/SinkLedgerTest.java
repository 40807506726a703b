package io.relayharness.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relayharness.ledger.JsonLines;
import io.relayharness.sink.LedgerSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable ledger: appends, group commit, torn-line repair, reads by offset. */
class SinkLedgerTest {

  @TempDir Path dir;

  @Test
  void shouldRepairATornLastLineOnOpenAndKeepTheTornBytesAside() throws Exception {
    Path file = dir.resolve("ledger.jsonl");
    Files.writeString(file, "{\"n\":1}\n{\"n\":2}\n{\"n\":3, \"trunc", StandardCharsets.UTF_8);
    try (SinkLedger ledger =
        SinkLedger.open(file, LedgerSync.PER_MESSAGE, 0, LedgerForce.FDATASYNC)) {
      assertThat(ledger.recoveredRecords()).isEqualTo(2);
      assertThat(ledger.tornBytes()).isEqualTo("{\"n\":3, \"trunc".length());
      ledger.appendLine("{\"n\":4}");
    }
    assertThat(Files.readAllLines(file)).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":4}");
    try (var torn = Files.list(dir)) {
      List<Path> tornFiles =
          torn.filter(p -> p.getFileName().toString().startsWith("ledger.jsonl.torn-")).toList();
      assertThat(tornFiles).hasSize(1);
      assertThat(Files.readString(tornFiles.get(0))).isEqualTo("{\"n\":3, \"trunc");
    }
  }

  @Test
  void shouldWriteRecordsOverPreallocatedZerosAndCutTheZerosOnClose() throws Exception {
    Path file = dir.resolve("z.jsonl");
    SinkLedger ledger = SinkLedger.open(file);
    ledger.appendLine("{\"n\":1}");
    ledger.appendLine("{\"n\":2}");
    byte[] running = Files.readAllBytes(file);
    assertThat(running.length)
        .as("file size while running (a segment is %d bytes)", SinkLedger.SEGMENT_BYTES)
        .isGreaterThanOrEqualTo(SinkLedger.SEGMENT_BYTES);
    assertThat(new String(running, 0, 16, StandardCharsets.UTF_8))
        .isEqualTo("{\"n\":1}\n{\"n\":2}\n");
    assertThat(java.util.Arrays.copyOfRange(running, 16, running.length))
        .as("after the records")
        .containsOnly((byte) 0);
    assertThat(JsonLines.read(file, Map.class))
        .as("a reader of the running file stops at the zeros")
        .hasSize(2);
    ledger.close();
    assertThat(Files.readString(file)).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
  }

  @Test
  void shouldMoveATornLineBeforeTheZerosAsideAndDropTheZerosOnOpen() throws Exception {
    Path file = dir.resolve("killed.jsonl");
    byte[] killed = new byte[4096];
    byte[] text = "{\"n\":1}\n{\"n\":2, \"cut".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(text, 0, killed, 0, text.length);
    byte[] afterGap = "{\"n\":3}\n".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(afterGap, 0, killed, 2048, afterGap.length); // a block written, one not
    Files.write(file, killed);
    try (SinkLedger ledger = SinkLedger.open(file)) {
      assertThat(ledger.recoveredRecords()).isEqualTo(1);
      assertThat(ledger.tornBytes())
          .as("from the cut line to the end of the record after the gap")
          .isEqualTo(2048 + afterGap.length - 8);
      ledger.appendLine("{\"n\":4}");
    }
    assertThat(Files.readAllLines(file)).containsExactly("{\"n\":1}", "{\"n\":4}");
  }

  @Test
  void shouldOpenAnEmptyOrMissingFile() throws Exception {
    try (SinkLedger ledger = SinkLedger.open(dir.resolve("sub/new.jsonl"))) {
      assertThat(ledger.recoveredRecords()).isZero();
      assertThat(ledger.read(0, 100).bytes()).isEmpty();
    }
  }

  @Test
  void shouldShareFsyncsAmongConcurrentWritersWithGroupCommit() throws Exception {
    int threads = 16;
    int perThread = 100;
    try (SinkLedger ledger = SinkLedger.open(dir.resolve("g.jsonl"))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    ledger.appendLine("{\"t\":" + tt + ",\"i\":" + i + "}");
                    // returned: durable; the durable size covers at least this many lines
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(ledger.appendedRecords()).isEqualTo(threads * perThread);
      assertThat(ledger.fsyncs())
          .as("fsyncs shared by %d writers", threads)
          .isLessThan(threads * perThread / 2);
    }
    List<String> lines = Files.readAllLines(dir.resolve("g.jsonl"));
    Set<String> unique = new HashSet<>(lines);
    assertThat(lines).hasSize(threads * perThread);
    assertThat(unique).hasSize(threads * perThread);
  }

  @Test
  void shouldReturnFromAppendOnlyAfterAnFsyncCoveredTheRecord() throws Exception {
    HeldForce force = new HeldForce();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (SinkLedger ledger =
        SinkLedger.open(dir.resolve("held.jsonl"), LedgerSync.GROUP, 0, force)) {
      Future<?> a = pool.submit(() -> append(ledger, "{\"n\":1}"));
      await("writer A's fsync to start").until(() -> force.started().size() == 1);
      Future<?> b = pool.submit(() -> append(ledger, "{\"n\":2}"));
      await("writer B's record to be written").until(() -> ledger.appendedRecords() == 2);
      assertThatThrownBy(() -> a.get(200, TimeUnit.MILLISECONDS))
          .as("A returns while the fsync covering its record is held")
          .isInstanceOf(TimeoutException.class);

      force.release(1);
      a.get(5, TimeUnit.SECONDS);
      assertThat(force.started().get(0)).as("the first fsync covered A's line only").isEqualTo(8L);
      await("the next fsync, for B").until(() -> force.started().size() == 2);
      assertThat(b.isDone()).as("B returned before an fsync covered its record").isFalse();
      assertThat(ledger.durableBytes()).as("durable bytes while B's fsync is held").isEqualTo(8);

      force.release(1);
      b.get(5, TimeUnit.SECONDS);
      assertThat(force.started()).containsExactly(8L, 16L);
      assertThat(ledger.durableBytes()).isEqualTo(16);
      force.release(1); // close's fsync
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldFailTheWritersOfAFailedFsyncAndRefuseLaterAppends() throws Exception {
    LedgerForce failing =
        (channel, covered) -> {
          throw new java.io.IOException("injected EIO");
        };
    try (SinkLedger ledger =
        SinkLedger.open(dir.resolve("f.jsonl"), LedgerSync.GROUP, 0, failing)) {
      assertThatThrownBy(() -> ledger.appendLine("{\"n\":1}")).hasMessageContaining("injected EIO");
      assertThatThrownBy(() -> ledger.appendLine("{\"n\":2}"))
          .as("an fsync failure closes the ledger")
          .hasMessageContaining("closed after a failed fsync");
      assertThat(ledger.durableBytes()).isZero();
    }
  }

  private static Void append(SinkLedger ledger, String line) throws java.io.IOException {
    ledger.appendLine(line);
    return null;
  }

  @Test
  void shouldReadWholeLinesByOffsetUpToTheDurableEnd() throws Exception {
    try (SinkLedger ledger = SinkLedger.open(dir.resolve("r.jsonl"))) {
      for (int i = 0; i < 10; i++) {
        ledger.appendLine("{\"i\":" + i + "}");
      }
      SinkLedger.Chunk first = ledger.read(0, 20);
      assertThat(new String(first.bytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"i\":0}\n{\"i\":1}\n");
      SinkLedger.Chunk rest = ledger.read(first.nextOffset(), 1 << 20);
      assertThat(new String(rest.bytes(), StandardCharsets.UTF_8).lines()).hasSize(8);
      assertThat(rest.nextOffset()).isEqualTo(ledger.durableBytes());
      assertThat(ledger.read(rest.nextOffset(), 100).bytes()).isEmpty();
      assertThat(ledger.read(0, 3).bytes()).as("one line longer than max").hasSize(8);
      assertThatThrownBy(() -> ledger.read(3, 100)).hasMessageContaining("not at a line start");
      assertThatThrownBy(() -> ledger.read(1 << 20, 100)).hasMessageContaining("outside");
    }
  }

  @Test
  void shouldRefuseAppendsAfterClose() throws Exception {
    SinkLedger ledger = SinkLedger.open(dir.resolve("c.jsonl"));
    ledger.close();
    assertThatThrownBy(() -> ledger.appendLine("{}")).hasMessageContaining("closed");
  }
}
