/** relay-harness: SMTP load and failover simulation for Postfix relays. */
package io.relayharness;
