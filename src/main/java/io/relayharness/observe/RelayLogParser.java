package io.relayharness.observe;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the relay's Postfix log incrementally, one line at a time, as {@code docker logs -t} gives
 * it:
 *
 * <pre>
 * 2026-11-22T10:01:02.123456789Z Nov 22 10:01:02 relay postfix/smtp[123]: QID: to=&lt;a@x&gt;, relay=..
 * └── engine time (used) ──────┘ └─ syslog time (1 s, fallback) ─┘ └ program ┘  └ message ┘
 * </pre>
 *
 * <p>It keeps delivery attempts ({@code to=.., status=sent|deferred|bounced|expired}, and the queue
 * manager's {@code from=.., status=expired}), warnings ("may be sent more than once", "loops back
 * to myself", {@code warning:} lines), and per queue id the smtpd {@code client=}, the cleanup
 * {@code message-id=}, the queue manager {@code from=, size=, nrcpt=} and {@code removed}. Lines it
 * does not know are counted and dropped. Without an engine timestamp the syslog time is used, in
 * UTC, in the year given to the constructor. Thread-safe: every method is synchronized, and getters
 * return copies.
 */
public final class RelayLogParser {

  private static final DateTimeFormatter SYSLOG_TIME =
      DateTimeFormatter.ofPattern("yyyy MMM d HH:mm:ss", Locale.ROOT);
  private static final Pattern HOST_IP = Pattern.compile("^([^\\[\\s]*)\\[([^\\]]*)\\]");
  private static final Pattern CONNECT_TO = Pattern.compile("connect to ([^\\[\\s]+\\[[^\\]]*\\])");
  private static final Pattern WORKER_HOST = Pattern.compile("^worker(\\d+)(?:\\.|$)");
  private static final String WORKER_NET = "127.0.1.";

  private final int fallbackYear;
  private final RelayLogListener listener;
  private final List<DeliveryAttempt> attempts = new ArrayList<>();
  private final List<RelayWarning> warnings = new ArrayList<>();
  private final Map<String, MessageState> messages = new LinkedHashMap<>();
  private long linesFed;
  private long linesUsed;

  /** Makes a parser that keeps everything and assumes the current UTC year for syslog times. */
  public RelayLogParser() {
    this(Instant.now().atZone(ZoneOffset.UTC).getYear(), new RelayLogListener() {});
  }

  /** Makes a parser that also tells {@code listener} about each attempt and warning. */
  public RelayLogParser(int fallbackYear, RelayLogListener listener) {
    this.fallbackYear = fallbackYear;
    this.listener = listener;
  }

  /** Parses a whole log (e.g. a run folder's {@code relay.log}) into a new parser. */
  public static RelayLogParser parseAll(Iterable<String> lines) {
    RelayLogParser parser = new RelayLogParser();
    for (String line : lines) {
      parser.feed(line);
    }
    return parser;
  }

  /** Reads one log line; returns whether it was recognised. */
  public synchronized boolean feed(String line) {
    linesFed++;
    if (line == null || line.isEmpty()) {
      return false;
    }
    int at = 0;
    long engineMs = -1;
    int space = line.indexOf(' ');
    if (space > 10 && line.charAt(10) == 'T' && Character.isDigit(line.charAt(0))) {
      engineMs = EngineTime.parse(line, 0, space);
      if (engineMs >= 0) {
        at = space + 1;
      }
    }
    // syslog header: "Mmm dd hh:mm:ss[.ffffff] host tag[pid]: message"
    int tagEnd = line.indexOf("]: ", at);
    if (tagEnd < 0) {
      return false;
    }
    int open = line.lastIndexOf('[', tagEnd);
    int tagStart = line.lastIndexOf(' ', open) + 1;
    if (open < 0 || tagStart <= at || open <= tagStart) {
      return false;
    }
    long epochMs = engineMs >= 0 ? engineMs : parseSyslogTime(line.substring(at, tagStart));
    if (epochMs < 0) {
      return false;
    }
    String tag = line.substring(tagStart, open);
    String program = tag.substring(tag.lastIndexOf('/') + 1);
    boolean used = interpret(epochMs, program, line.substring(tagEnd + 3), line);
    if (used) {
      linesUsed++;
    }
    return used;
  }

  private boolean interpret(long epochMs, String program, String message, String line) {
    String queueId = null;
    String text = message;
    int idEnd = queueIdEnd(message);
    if (idEnd > 0) {
      queueId = message.substring(0, idEnd);
      text = message.substring(idEnd + 2);
    }
    boolean used = false;
    String kind = RelayWarning.classify(text);
    if (kind != null) {
      warn(epochMs, queueId, kind, line);
      used = true;
    }
    if (queueId == null) {
      return used;
    }
    if (text.startsWith("to=<")) {
      DeliveryAttempt attempt = parseStatus(epochMs, queueId, text);
      if (attempt != null) {
        state(queueId, epochMs).lastLine = line;
        attempts.add(attempt);
        listener.onAttempt(attempt);
        return true;
      }
      return used;
    }
    if (text.startsWith("message-id=")) {
      state(queueId, epochMs).messageId = text.substring("message-id=".length()).strip();
      return true;
    }
    if (text.startsWith("client=")) {
      state(queueId, epochMs).client = field(text, "client=");
      return true;
    }
    if (text.startsWith("from=<")) {
      return queueManagerLine(epochMs, queueId, text, line) || used;
    }
    if (text.equals("removed")) {
      state(queueId, epochMs).removedEpochMs = epochMs;
      return true;
    }
    return used;
  }

  private boolean queueManagerLine(long epochMs, String queueId, String text, String line) {
    MessageState s = state(queueId, epochMs);
    int close = text.indexOf('>');
    if (close < 0) {
      return false;
    }
    s.sender = text.substring("from=<".length(), close);
    s.lastLine = line;
    String status = field(text, "status=");
    if ("expired".equals(status)) {
      DeliveryAttempt attempt =
          new DeliveryAttempt(
              epochMs,
              queueId,
              null,
              "none",
              null,
              null,
              DeliveryAttempt.EXPIRED,
              (epochMs - s.firstSeenEpochMs) / 1000.0,
              null,
              text.substring(text.indexOf("status=expired") + "status=expired".length())
                  .replaceFirst("^,\\s*", ""));
      attempts.add(attempt);
      listener.onAttempt(attempt);
      return true;
    }
    String size = field(text, "size=");
    String nrcpt = field(text, "nrcpt=");
    try {
      if (size != null) {
        s.sizeBytes = Long.parseLong(size);
      }
      if (nrcpt != null) {
        s.recipientCount = Integer.parseInt(nrcpt.split(" ")[0]);
      }
    } catch (NumberFormatException e) {
      return false;
    }
    return true;
  }

  /** Parses {@code to=<..>, relay=.., delay=.., delays=.., dsn=.., status=WORD (detail)}. */
  private DeliveryAttempt parseStatus(long epochMs, String queueId, String text) {
    int statusAt = text.indexOf(", status=");
    int close = text.indexOf(">, ");
    if (statusAt < 0 || close < 0 || close > statusAt) {
      return null;
    }
    String recipient = text.substring("to=<".length(), close);
    Map<String, String> fields = new HashMap<>();
    int from = close + 3;
    while (from < statusAt) {
      int to = text.indexOf(", ", from);
      if (to < 0 || to > statusAt) {
        to = statusAt;
      }
      int eq = text.indexOf('=', from);
      if (eq > from && eq < to) {
        fields.put(text.substring(from, eq), text.substring(eq + 1, to));
      }
      from = to + 2;
    }
    String tail = text.substring(statusAt + ", status=".length());
    int end = 0;
    while (end < tail.length() && Character.isLetter(tail.charAt(end))) {
      end++;
    }
    String status = tail.substring(0, end);
    String after = tail.substring(end);
    String detail = null;
    int open = after.indexOf('(');
    int last = after.lastIndexOf(')');
    if (open >= 0 && last > open) {
      detail = after.substring(open + 1, last);
    } else if (after.startsWith(", ")) {
      detail = after.substring(2);
    }
    String relay = fields.getOrDefault("relay", "none");
    String worker = workerOf(relay);
    // "connect to HOST[IP]: refused", also after "delivery temporarily suspended: " (a throttled
    // destination repeats the failure that throttled it).
    if (worker == null
        && "none".equals(relay)
        && detail != null
        && detail.contains("connect to ")) {
      Matcher c = CONNECT_TO.matcher(detail);
      if (c.find()) {
        worker = workerOf(c.group(1));
      }
    }
    double delaySeconds;
    try {
      delaySeconds = Double.parseDouble(fields.getOrDefault("delay", "0"));
    } catch (NumberFormatException e) {
      delaySeconds = 0;
    }
    return new DeliveryAttempt(
        epochMs,
        queueId,
        recipient,
        relay,
        worker,
        fields.get("dsn"),
        status,
        delaySeconds,
        fields.get("delays"),
        detail);
  }

  /**
   * Returns {@code worker<i>} for a relay such as {@code worker1.int.example.com[127.0.1.11]:2525}
   * (by host name {@code worker<i>...}, else by address {@code 127.0.1.(10+i)}), or null.
   */
  public static String workerOf(String relay) {
    if (relay == null) {
      return null;
    }
    Matcher m = HOST_IP.matcher(relay);
    String host = relay;
    String ip = null;
    if (m.find()) {
      host = m.group(1);
      ip = m.group(2);
    }
    Matcher w = WORKER_HOST.matcher(host);
    if (w.find()) {
      return "worker" + Integer.parseInt(w.group(1));
    }
    if (ip != null && ip.startsWith(WORKER_NET)) {
      try {
        int octet = Integer.parseInt(ip.substring(WORKER_NET.length()));
        if (octet >= 10 && octet <= 255) {
          return "worker" + (octet - 10);
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private void warn(long epochMs, String queueId, String kind, String line) {
    RelayWarning w = new RelayWarning(epochMs, queueId, kind, line);
    warnings.add(w);
    listener.onWarning(w);
  }

  private MessageState state(String queueId, long epochMs) {
    return messages.computeIfAbsent(queueId, id -> new MessageState(id, epochMs));
  }

  /** Returns the value after {@code key} up to the next {@code ", "} (or the end), or null. */
  private static String field(String text, String key) {
    int at = text.startsWith(key) ? 0 : text.indexOf(", " + key);
    if (at < 0) {
      return null;
    }
    int from = at == 0 && text.startsWith(key) ? key.length() : at + 2 + key.length();
    int to = text.indexOf(", ", from);
    return text.substring(from, to < 0 ? text.length() : to);
  }

  /**
   * Returns the length of a leading queue id followed by {@code ": "}, or -1. A queue id is at
   * least 5 letters/digits, not all lower case (that would be "warning", "fatal", ...).
   */
  private static int queueIdEnd(String message) {
    int i = 0;
    boolean notLower = false;
    while (i < message.length()) {
      char c = message.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
        notLower = true;
      } else if (!(c >= 'a' && c <= 'z')) {
        break;
      }
      i++;
    }
    boolean separated =
        i + 1 < message.length() && message.charAt(i) == ':' && message.charAt(i + 1) == ' ';
    return i >= 5 && notLower && separated ? i : -1;
  }

  private long parseSyslogTime(String header) {
    // header: "Mmm dd hh:mm:ss[.ffffff] host "
    String[] parts = header.strip().split(" +");
    if (parts.length < 4) {
      return -1;
    }
    String time = parts[2].length() > 8 ? parts[2].substring(0, 8) : parts[2];
    try {
      String normalized = fallbackYear + " " + parts[0] + " " + parts[1] + " " + time;
      return LocalDateTime.parse(normalized, SYSLOG_TIME)
          .atZone(ZoneId.of("UTC"))
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /** Returns the attempts read so far, in log order. */
  public synchronized List<DeliveryAttempt> attempts() {
    return List.copyOf(attempts);
  }

  /** Returns the attempts read after the first {@code from} ones (for incremental consumers). */
  public synchronized List<DeliveryAttempt> attemptsFrom(int from) {
    return List.copyOf(attempts.subList(Math.min(from, attempts.size()), attempts.size()));
  }

  /** Returns the warnings read so far, in log order. */
  public synchronized List<RelayWarning> warnings() {
    return List.copyOf(warnings);
  }

  /** Returns what is known per queue id, in order of first appearance. */
  public synchronized Map<String, RelayMessage> messages() {
    Map<String, RelayMessage> out = new LinkedHashMap<>();
    messages.forEach((id, s) -> out.put(id, s.snapshot()));
    return Collections.unmodifiableMap(out);
  }

  /** Returns queue id → Message-ID (as logged) for every queue id whose cleanup line was read. */
  public synchronized Map<String, String> messageIdsByQueueId() {
    Map<String, String> out = new LinkedHashMap<>();
    messages.forEach(
        (id, s) -> {
          if (s.messageId != null) {
            out.put(id, s.messageId);
          }
        });
    return Collections.unmodifiableMap(out);
  }

  /** Returns how many lines were fed. */
  public synchronized long linesFed() {
    return linesFed;
  }

  /** Returns how many lines yielded an attempt, a warning or a queue id fact. */
  public synchronized long linesUsed() {
    return linesUsed;
  }

  /** Mutable per-queue-id facts; only touched under the parser's lock. */
  private static final class MessageState {
    final String queueId;
    final long firstSeenEpochMs;
    String messageId;
    String client;
    String sender;
    Long sizeBytes;
    Integer recipientCount;
    Long removedEpochMs;
    String lastLine;

    MessageState(String queueId, long firstSeenEpochMs) {
      this.queueId = queueId;
      this.firstSeenEpochMs = firstSeenEpochMs;
    }

    RelayMessage snapshot() {
      return new RelayMessage(
          queueId,
          messageId,
          client,
          sender,
          sizeBytes,
          recipientCount,
          firstSeenEpochMs,
          removedEpochMs,
          lastLine);
    }
  }
}
