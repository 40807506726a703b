package io.relayharness.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Queue ids from Postfix's Received headers. */
class ReceivedQueueIdTest {

  @Test
  void shouldFindShortAndLongPostfixQueueIds() {
    assertThat(
            ReceivedQueueId.parse(
                "from c.example.com (c.example.com [10.0.0.5]) by relay.example.com (Postfix)"
                    + " with ESMTP id 4Xyz123 for <a@b>; Sun, 22 Nov 2026 10:00:00 +0000 (UTC)"))
        .isEqualTo("4Xyz123");
    assertThat(
            ReceivedQueueId.parse(
                "from c (c [10.0.0.5]) by relay.example.com (Postfix) with ESMTP id"
                    + " 4Sx9Yq0m3Nz8RTcM; Sun, 22 Nov 2026 10:00:00 +0000"))
        .as("long id followed directly by ';'")
        .isEqualTo("4Sx9Yq0m3Nz8RTcM");
  }

  @Test
  void shouldIgnoreCommentsThatContainTheWordId() {
    String tls =
        "from c (c [10.0.0.5]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"
            + " key-exchange X25519 id 999) (No client certificate requested) by relay.example.com"
            + " (Postfix) with ESMTPS id 4TLS0001 for <a@b>; date";
    assertThat(ReceivedQueueId.parse(tls)).isEqualTo("4TLS0001");
  }

  @Test
  void shouldReturnNullWithoutAnIdClause() {
    assertThat(ReceivedQueueId.parse("from a by b; date")).isNull();
    assertThat(ReceivedQueueId.parse(null)).isNull();
    assertThat(ReceivedQueueId.parse("from mail.id.example.com by b; date")).isNull();
  }

  @Test
  void shouldTakeTheTopReceivedHeaderEvenWhenFolded() {
    String head =
        "Received: from c.example.com (c.example.com [10.0.0.5])\r\n"
            + "\tby relay.example.com (Postfix) with ESMTP\r\n"
            + "\tid 4FOLDED1\r\n"
            + "\tfor <a@b>; Sun, 22 Nov 2026 10:00:00 +0000 (UTC)\r\n"
            + "Received: from x by c.example.com (Postfix) with ESMTP id 4OLDER\r\n"
            + "message-id:   <m1@x>  \r\n"
            + "X-Harness-Id: h1\r\n"
            + "\r\n"
            + "Received: in the body, id 4BODY\r\n";
    byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
    HeaderFields h = HeaderFields.parse(bytes, bytes.length);
    assertThat(h.relayQueueId()).isEqualTo("4FOLDED1");
    assertThat(h.messageId()).isEqualTo("<m1@x>");
    assertThat(h.harnessId()).isEqualTo("h1");
    assertThat(h.declaredBodyHash()).isNull();
  }
}
