package io.relayharness.sink;

import com.sun.net.httpserver.HttpServer;
import io.relayharness.sink.internal.ControlApi;
import io.relayharness.sink.internal.FaultPlan;
import io.relayharness.sink.internal.FaultingDataCommand;
import io.relayharness.sink.internal.LedgerForce;
import io.relayharness.sink.internal.NoDelayServerSocket;
import io.relayharness.sink.internal.PipeliningEhloCommand;
import io.relayharness.sink.internal.RunningCounters;
import io.relayharness.sink.internal.SessionIds;
import io.relayharness.sink.internal.SinkContext;
import io.relayharness.sink.internal.SinkLedger;
import io.relayharness.sink.internal.SinkMessageHandler;
import io.relayharness.sink.internal.SinkSessionHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * One sink worker: a SubEtha SMTP server that appends every message to a durable ledger before it
 * answers 250, plus its HTTP control API.
 *
 * <pre>
 *   relay ──SMTP──► SMTPServer ──► SinkMessageHandler ──append+fsync──► ledger.jsonl ──► 250
 *                       │  faults (connect, mail, rcpt, data, eod)          │
 *   harness ──HTTP──► ControlApi: /health /ledger /dropped /counters /faults ┘
 * </pre>
 *
 * {@link #start} returns once both servers listen. Thread-safe.
 */
public final class SinkServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SinkServer.class);

  private final SinkConfig config;
  private final long startEpochMs;
  private final SinkContext context;
  private final SMTPServer smtp;
  private final HttpServer http;
  private final ExecutorService httpThreads;
  private volatile boolean closed;

  private SinkServer(SinkConfig config, LedgerForce force) throws IOException {
    this.config = config.validated();
    this.startEpochMs = System.currentTimeMillis();
    SinkLedger ledger =
        SinkLedger.open(config.ledger(), config.ledgerSync(), config.groupCommitMs(), force);
    SinkLedger dropped;
    try {
      dropped = SinkLedger.open(config.effectiveDroppedLedger(), LedgerSync.PER_MESSAGE, 0, force);
    } catch (IOException e) {
      ledger.close();
      throw e;
    }
    this.context =
        new SinkContext(
            config.name(),
            ledger,
            dropped,
            new FaultPlan(System::currentTimeMillis),
            new RunningCounters(),
            config.maxMessageBytes(),
            System::currentTimeMillis,
            new ConcurrentHashMap<>());
    InetAddress bind = InetAddress.getByName(config.bind());
    this.smtp =
        SMTPServer.port(config.smtpPort())
            .bindAddress(bind)
            .hostName(config.effectiveHostname())
            .softwareName("relay-harness sink")
            .backlog(config.backlog())
            .maxConnections(config.maxConnections())
            .connectionTimeoutMs(config.connectionTimeoutMs())
            .maxMessageSize((int) Math.min(Integer.MAX_VALUE, config.maxMessageBytes()))
            .insertReceivedHeaders(false)
            .serverSocketFactory(NoDelayServerSocket::new)
            .sessionIdFactory(new SessionIds(config.name(), startEpochMs))
            .sessionHandler(new SinkSessionHandler(context))
            .messageHandlerFactory(SinkMessageHandler.factory(context))
            .serverThreadName("sink-smtp-" + config.name())
            .build();
    CommandHandler commands = smtp.getCommandHandler();
    commands.addCommand(new PipeliningEhloCommand());
    commands.addCommand(new FaultingDataCommand(context));
    this.http = HttpServer.create(new InetSocketAddress(bind, config.httpPort()), 64);
    AtomicInteger n = new AtomicInteger();
    this.httpThreads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "sink-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(httpThreads);
    new ControlApi(context, this::isListening, this::health, this::counters).register(http);
  }

  /** Opens the ledgers, starts SMTP and HTTP, logs one start line; returns when both listen. */
  public static SinkServer start(SinkConfig config) throws IOException {
    return start(config, LedgerForce.FDATASYNC);
  }

  /** As {@link #start(SinkConfig)}, with the ledgers' fsyncs made by {@code force} (tests). */
  static SinkServer start(SinkConfig config, LedgerForce force) throws IOException {
    SinkServer server = new SinkServer(config, force);
    try {
      server.smtp.start();
      server.http.start();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    LOG.info(
        "sink started name={} hostname={} smtp={}:{} http={}:{} ledger={} records={} tornBytes={}"
            + " ledgerSync={} groupCommitMs={} maxConnections={} backlog={}",
        config.name(),
        config.effectiveHostname(),
        config.bind(),
        server.smtpPort(),
        config.bind(),
        server.httpPort(),
        config.ledger(),
        server.context.ledger().recoveredRecords(),
        server.context.ledger().tornBytes(),
        config.ledgerSync().flag(),
        config.groupCommitMs(),
        config.maxConnections(),
        config.backlog());
    return server;
  }

  /** Returns the SMTP port actually listened on. */
  public int smtpPort() {
    return smtp.getPortAllocated();
  }

  /** Returns the HTTP port actually listened on. */
  public int httpPort() {
    return http.getAddress().getPort();
  }

  /** Returns the settings it runs with. */
  public SinkConfig config() {
    return config;
  }

  /** Returns the ledger file. */
  public Path ledgerFile() {
    return context.ledger().file();
  }

  /** Returns the dropped-ledger file. */
  public Path droppedLedgerFile() {
    return context.droppedLedger().file();
  }

  /** Returns how many fsyncs the ledger made for appends since start. */
  public long fsyncCount() {
    return context.ledger().fsyncs();
  }

  /**
   * Returns {time inside the ledger's fsyncs, time group-commit leaders waited for writers on their
   * way} in nanoseconds since start (benchmarks: where the time before a 250 goes).
   */
  public long[] ledgerSyncNanos() {
    return context.ledger().syncNanos();
  }

  /** Returns whether SMTP accepts connections. */
  public boolean isListening() {
    return !closed && smtp.isRunning();
  }

  /** Adds a fault, as {@code POST /faults} does; returns it with its id. */
  public Fault addFault(Fault fault) {
    return context.faults().add(fault);
  }

  /** Removes every fault; returns how many there were. */
  public int clearFaults() {
    return context.faults().clear();
  }

  /** Returns a snapshot of the counters. */
  public SinkCounters counters() {
    RunningCounters c = context.counters();
    return new SinkCounters(
        config.name(),
        startEpochMs,
        System.currentTimeMillis(),
        c.accepted(),
        c.acceptedBytes(),
        c.rejectedByCode(),
        c.rejectedByStage(),
        c.dropped(),
        c.delayed(),
        context.openSessionCount(),
        c.sessionsTotal(),
        context.ledger().recoveredRecords(),
        context.ledger().durableBytes());
  }

  private Map<String, Object> health() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", isListening() ? "up" : "down");
    out.put("worker", config.name());
    out.put("hostname", config.effectiveHostname());
    out.put("smtpPort", smtpPort());
    out.put("startEpochMs", startEpochMs);
    return out;
  }

  /** Stops SMTP (ending open sessions), then HTTP, then closes the ledgers; logs a summary. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      smtp.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping SMTP", e);
    }
    http.stop(0);
    httpThreads.shutdownNow();
    SinkCounters c = counters();
    try {
      httpThreads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(context.ledger());
    closeQuietly(context.droppedLedger());
    LOG.info(
        "sink stopped name={} uptimeMs={} accepted={} acceptedBytes={} rejected={} dropped={}"
            + " delayed={} sessionsTotal={} ledgerRecordsAppended={} fsyncs={} ledgerBytes={}",
        config.name(),
        c.nowEpochMs() - startEpochMs,
        c.accepted(),
        c.acceptedBytes(),
        c.rejected(),
        c.dropped(),
        c.delayed(),
        c.sessionsTotal(),
        context.ledger().appendedRecords(),
        context.ledger().fsyncs(),
        context.ledger().durableBytes());
  }

  private static void closeQuietly(SinkLedger ledger) {
    try {
      ledger.close();
    } catch (IOException e) {
      LOG.error("closing ledger {}", ledger.file(), e);
    }
  }
}
