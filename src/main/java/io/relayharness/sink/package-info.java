/**
 * The sink worker: a SubEtha SMTP server that stands for one archive worker behind the relay, and
 * keeps a durable ledger of what it accepted.
 *
 * <pre>
 *   relay ──SMTP :2525──► SinkServer ──append + fsync──► ledger.jsonl ──► "250 2.0.0 Ok"
 *                           │ faults                        (SinkArrival lines)
 *                           └─ drop-before-250 ──► ledger.jsonl + dropped.jsonl, close, no reply
 *   harness ──HTTP :8025──► /health /ledger /dropped /counters /faults
 * </pre>
 *
 * <h2>Running</h2>
 *
 * {@code java -cp /app/classes:/app/lib/* io.relayharness.sink.SinkMain --name worker0 [--hostname
 * worker0.int.example.com] [--bind 0.0.0.0] [--smtp-port 2525] [--http-port 8025] [--ledger
 * /data/ledger.jsonl] [--dropped-ledger /data/dropped.jsonl] [--max-connections 1000] [--backlog
 * 1024] [--ledger-sync group|per-message] [--group-commit-ms 0] [--max-message-bytes 52428800]
 * [--connection-timeout-ms 300000]}. Defaults and bounds: {@link io.relayharness.sink.SinkConfig}.
 * It logs one line at start ({@code sink started name=... smtp=host:port http=host:port records=N
 * tornBytes=N ...}) and one at SIGTERM ({@code sink stopped ... accepted=N ...}), then exits with
 * 0.
 *
 * <h2>The ledger promise</h2>
 *
 * A message is answered 250 only after an fsync covered its {@link
 * io.relayharness.ledger.SinkArrival} line ({@code fdatasync}). With {@code --ledger-sync group}
 * (the default) concurrent sessions share fsyncs: one starts as soon as none is running, covering
 * everything written so far, and what is written meanwhile goes into the next ({@code
 * --group-commit-ms N} makes each wait N ms first); with {@code per-message}, each message has its
 * own. After {@code kill -9} or a crash, a partial last line is moved aside ({@code
 * ledger.jsonl.torn-<ms>}), the file is cut to its last whole line, and appends continue. A line
 * may exist whose 250 never reached the client (crash or drop between fsync and reply): the ledger
 * says what arrived, not what was acknowledged.
 *
 * <h2>drop-before-250, and why it is recorded</h2>
 *
 * A real duplicate happens when a worker has the whole message but the relay never sees the 250:
 * the relay logs "message may be sent more than once" and delivers again. So {@code
 * drop-before-250} writes the message to the ledger like any arrival (it did arrive), also writes
 * the same record to {@code dropped.jsonl}, then closes the connection without any reply. A
 * duplicate verdict can then explain a second arrival of a harness id when an earlier one is in
 * some worker's {@code dropped.jsonl} (or the relay logged the warning for its queue id). Dropped
 * messages count as {@code dropped}, not {@code accepted}. Messages refused at the end of data with
 * a 4xx/5xx fault are not recorded: the worker did not take them.
 *
 * <h2>HTTP API</h2>
 *
 * <pre>
 * GET    /health               200 {"status":"up","worker":..,"hostname":..,"smtpPort":..,"startEpochMs":..}, 503 when down
 * GET    /ledger?from=0&amp;max=B  application/x-ndjson: whole durable lines from byte offset 'from'
 *                              (at most about B bytes, default 4 MiB); headers X-Ledger-Next-Offset
 *                              (pass as the next 'from') and X-Ledger-Size; 400 for an offset past
 *                              the end or inside a line
 * GET    /dropped?from=0       the same for dropped.jsonl
 * GET    /counters             {"worker","startEpochMs","nowEpochMs","accepted","acceptedBytes",
 *                               "rejected":{"451":n},"rejectedByStage":{"rcpt":n},"dropped","delayed",
 *                               "sessionsOpen","sessionsTotal","ledgerRecordsAtStart","ledgerBytes"}
 * GET    /faults               [{...fault, "fired":n, "remaining":n|null, "active":bool}]
 * POST   /faults               one fault object or an array; 201 with the stored fault(s) (ids given)
 * DELETE /faults               remove all: {"removed":n}
 * DELETE /faults/{id}          remove one: 204, or 404
 * </pre>
 *
 * A fault ({@link io.relayharness.sink.Fault}): {@code {"id":"f1", "stage":
 * "connect|mail|rcpt|data|eod", "action": "reply|delay|drop-before-250", "code":451, "text":"4.3.0
 * try later", "delayMs":0, "count":2, "fromEpochMs":.., "untilEpochMs":.., "probability":0.3}}.
 * Unknown keys and bad values are refused with 400 naming the key.
 */
package io.relayharness.sink;
