/**
 * Internals of the fault proxy: the HTTP API (routing, Go-compatible JSON and error texts), the
 * proxy registry, proxies, connections and links (the data path). Not a public API.
 */
package io.relayharness.faultproxy.internal;
