package io.relayharness.sink.internal;

import java.io.IOException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * EHLO that announces what this sink does: 8BITMIME, PIPELINING (SubEtha reads commands one line at
 * a time from a shared buffered stream, so pipelined commands are safe), SIZE, SMTPUTF8. SubEtha's
 * own EHLO does not announce PIPELINING. Stateless; thread-safe.
 */
public final class PipeliningEhloCommand extends BaseCommand {

  public PipeliningEhloCommand() {
    super("EHLO", "Introduce yourself.", "<hostname>");
  }

  @Override
  public void execute(String commandString, Session session) throws IOException {
    String[] args = getArgs(commandString);
    if (args.length < 2) {
      session.sendResponse("501 Syntax: EHLO hostname");
      return;
    }
    session.resetMailTransaction();
    session.setHelo(args[1]);
    StringBuilder reply = new StringBuilder();
    reply.append("250-").append(session.getServer().getHostName());
    reply.append("\r\n250-PIPELINING");
    int maxSize = session.getServer().getMaxMessageSize();
    if (maxSize > 0) {
      reply.append("\r\n250-SIZE ").append(maxSize);
    }
    reply.append("\r\n250-SMTPUTF8");
    reply.append("\r\n250 8BITMIME");
    session.sendResponse(reply.toString());
  }
}
