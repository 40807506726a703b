/**
 * The fault proxy: a Toxiproxy-compatible server (the HTTP API and toxics of Shopify Toxiproxy
 * 2.12.0, as its {@code api.go} and {@code toxics/*.go} define them; the toxics and their
 * attributes are listed in {@code scenarios/README.md}, "Toxics") that runs in-process ({@link
 * io.relayharness.faultproxy.FaultProxyServer}) or as a process ({@link
 * io.relayharness.faultproxy.FaultProxyMain}), because the real Go server cannot be installed here.
 *
 * <pre>
 *   relay ──► proxy "worker0" ──► [upstream toxics]   ──► sink0:2525
 *   relay ◄──                ◄── [downstream toxics] ◄──
 * </pre>
 *
 * <p>Layout: the public surface is this package and the toxic SPI in {@code toxics} (one toxic per
 * file); the API, the proxies and the data path are in {@code internal}.
 *
 * <p><b>Deliberate divergences from the real server</b> (everything else aims at exact parity):
 *
 * <ul>
 *   <li>{@code bandwidth} with a negative {@code rate}, and {@code slicer} with {@code average_size
 *       <= 0}, {@code size_variation >= average_size} or {@code average_size + size_variation < 1},
 *       are refused with 400 {@code bad request body: invalid <type> attributes: ...} (on create
 *       and update); the real server accepts them and then crashes or recurses without end once
 *       data flows.
 *   <li>The upstream is dialled off the accept thread, with a timeout (5 s by default, {@code
 *       -dial-timeout-ms}); the real server dials in its accept loop with no timeout, so one
 *       black-holed upstream stalls every later accept on that proxy. A failed dial still closes
 *       the client at once (connect, then EOF).
 *   <li>No Prometheus {@code /metrics} ({@code -proxy-metrics}/{@code -runtime-metrics} are
 *       accepted and ignored, so {@code /metrics} is 404 as when they are off) and no 25 s handler
 *       limit (503).
 *   <li>{@code /populate} lists an identical proxy that it kept as it is (bound address, toxics);
 *       what the real server lists for it was not observed.
 *   <li>Response header names come out as the JDK's HTTP server spells them ({@code
 *       X-toxiproxy-request-id}, {@code Content-type}); header names are case-insensitive, so
 *       clients are not affected.
 *   <li>A toxic update whose attributes have a wrong JSON type is refused as a whole (400); the
 *       real server may have applied the well-typed attributes before reporting the error.
 *   <li>Chunks queue in front of non-latency toxics one at a time (Go's unbuffered channel) and 16
 *       at a time in front of the writer.
 * </ul>
 *
 * <p>Performance (no toxics): a link with an empty chain copies bytes from one socket to the other
 * on one thread with one 256 KiB direct buffer; a link enters the toxic pipeline only while it has
 * toxics, and goes back once they are removed and the pipeline has drained.
 */
package io.relayharness.faultproxy;
