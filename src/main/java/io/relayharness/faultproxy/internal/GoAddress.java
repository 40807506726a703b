package io.relayharness.faultproxy.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Parses and prints {@code host:port} addresses the way Go's {@code net} package does ({@code
 * net.SplitHostPort}, {@code TCPAddr.String()}), so listen addresses and error texts match the real
 * server. Stateless, thread-safe.
 */
public final class GoAddress {

  /** A host and port split from {@code host:port}; host may be empty (all interfaces). */
  public record HostPort(String host, int port) {}

  private GoAddress() {}

  /** Splits {@code address} like Go's SplitHostPort; throws Go's error text. */
  public static HostPort split(String address) throws AddressException {
    String host;
    String portText;
    int lastColon = address.lastIndexOf(':');
    if (lastColon < 0) {
      throw new AddressException("address " + address + ": missing port in address");
    }
    if (address.startsWith("[")) {
      int end = address.indexOf(']');
      if (end < 0) {
        throw new AddressException("address " + address + ": missing ']' in address");
      }
      if (end + 1 == address.length()) {
        throw new AddressException("address " + address + ": missing port in address");
      }
      if (end + 1 != lastColon) {
        throw new AddressException("address " + address + ": too many colons in address");
      }
      host = address.substring(1, end);
    } else {
      host = address.substring(0, lastColon);
      if (host.indexOf(':') >= 0) {
        throw new AddressException("address " + address + ": too many colons in address");
      }
    }
    portText = address.substring(lastColon + 1);
    int port;
    try {
      port = portText.isEmpty() ? 0 : Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new AddressException("lookup tcp/" + portText + ": unknown port");
    }
    if (port < 0 || port > 65535) {
      throw new AddressException("address " + address + ": invalid port");
    }
    return new HostPort(host, port);
  }

  /**
   * Resolves {@code address} for listening, like Go's ResolveTCPAddr: empty host means all
   * interfaces (null address), a name resolves to its first IPv4 address if it has one.
   */
  public static InetSocketAddress resolve(String address) throws AddressException {
    if (address.isEmpty()) {
      return new InetSocketAddress(0);
    }
    HostPort hp = split(address);
    if (hp.host().isEmpty()) {
      return new InetSocketAddress(hp.port());
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(hp.host());
      InetAddress pick = all[0];
      for (InetAddress a : all) {
        if (!(a instanceof Inet6Address)) {
          pick = a;
          break;
        }
      }
      return new InetSocketAddress(pick, hp.port());
    } catch (UnknownHostException e) {
      throw new AddressException("lookup " + hp.host() + ": no such host");
    }
  }

  /**
   * Go's {@code ResolveTCPAddr(addr).String()}: an empty host prints as {@code :port}, the rest as
   * {@link #format}.
   */
  public static String resolvedString(String address) throws AddressException {
    if (address.isEmpty()) {
      return ":0";
    }
    HostPort hp = split(address);
    if (hp.host().isEmpty()) {
      return ":" + hp.port();
    }
    InetSocketAddress a = resolve(address);
    return ip(a.getAddress()) + ":" + a.getPort();
  }

  /** A bound listener's address as Go prints it: the wildcard becomes {@code [::]:port}. */
  public static String formatBound(InetSocketAddress bound) {
    InetAddress a = bound.getAddress();
    if (a == null || a.isAnyLocalAddress()) {
      return "[::]:" + bound.getPort();
    }
    return ip(a) + ":" + bound.getPort();
  }

  /** An IP as Go prints it in {@code host:port}: IPv6 in brackets, compressed. */
  static String ip(InetAddress a) {
    if (a instanceof Inet6Address) {
      return "[" + compressIpv6(a.getHostAddress()) + "]";
    }
    return a.getHostAddress();
  }

  /** RFC 5952 compression of Java's full IPv6 text (longest run of two or more zero groups). */
  static String compressIpv6(String full) {
    int scope = full.indexOf('%');
    if (scope >= 0) {
      full = full.substring(0, scope);
    }
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < groups.length; ) {
      if (groups[i].equals("0")) {
        int j = i;
        while (j < groups.length && groups[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestLen < 2) {
      return String.join(":", groups);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bestStart; i++) {
      sb.append(i > 0 ? ":" : "").append(groups[i]);
    }
    sb.append("::");
    for (int i = bestStart + bestLen; i < groups.length; i++) {
      sb.append(groups[i]);
      if (i < groups.length - 1) {
        sb.append(':');
      }
    }
    return sb.toString();
  }

  /** An address that Go would refuse; the message is Go's text. */
  public static final class AddressException extends Exception {
    AddressException(String message) {
      super(message, null, false, false);
    }
  }
}
