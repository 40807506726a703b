/**
 * The toxics, one per file, each a record of parameters with units in their names, registered by
 * name in {@link io.relayharness.faultproxy.toxics.ToxicTypes}. A toxic's {@code pipe} runs on one
 * link through a {@link io.relayharness.faultproxy.toxics.ToxicStub}; optional behaviour is a small
 * extra interface ({@link io.relayharness.faultproxy.toxics.CleanupToxic}, {@link
 * io.relayharness.faultproxy.toxics.BufferedToxic}).
 */
package io.relayharness.faultproxy.toxics;
