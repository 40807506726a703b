/**
 * The harness's shared vocabularies, each listed once: the Toxiproxy toxic types with their
 * attributes and units ({@link io.relayharness.vocab.ToxicKind}) and streams ({@link
 * io.relayharness.vocab.ToxicStream}), the SMTP stages a fault can act at ({@link
 * io.relayharness.vocab.SmtpStage}) and the sink worker's defaults ({@link
 * io.relayharness.vocab.SinkDefaults}). Scenario schema and parser, fault actions, the fault proxy
 * and the sink all derive their lists from here.
 *
 * <p>This package sits below every other one: any package may use it, it uses none of them (the
 * architecture test holds it to that). It holds names and constants only, no behaviour.
 */
package io.relayharness.vocab;
