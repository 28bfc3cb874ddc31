package io.deskforge.apps.check;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desktop browser's DevTools port, for the length of one reading, on the host's loopback:
 * what Playwright's {@code connectOverCDP} needs (an HTTP address whose {@code /json/version}
 * names a WebSocket on the same address), since only the desktop itself reaches its loopback.
 * Each connection is carried into the desktop by one {@link DesktopStream}.
 *
 * <p>A connection must open with a request bearing the tunnel's random token
 * ({@code Authorization: Bearer T}, which Playwright sends with every request when told to), or it
 * is answered 401 and closed: another program of the host finding the port during a reading gets
 * nothing. The header is removed before the request goes on; the rest of the connection (the
 * WebSocket it upgrades to) is relayed byte for byte. The {@code Host} header passes unchanged,
 * so Chromium names its WebSocket on this address.
 */
final class CdpTunnel implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Desktop desktop;
  private final int port;
  private final ServerSocket server;
  private final String token;
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Listens at once; {@code port} is the browser's debugging port on the desktop's loopback. */
  CdpTunnel(Desktop desktop, int port) throws IOException {
    this.desktop = desktop;
    this.port = port;
    this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    byte[] t = new byte[32];
    RANDOM.nextBytes(t);
    this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
    Thread.ofVirtual().name("cdp-tunnel-" + desktop.id()).start(this::accept);
  }

  /** The address to connect over CDP to. */
  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The header every request must bear. */
  String authorization() {
    return "Bearer " + token;
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(s);
      Thread.ofVirtual().start(() -> relay(s));
    }
  }

  private void relay(Socket client) {
    DesktopStream up = null;
    try {
      client.setSoTimeout(20_000);
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      String text = head == null ? "" : new String(head, StandardCharsets.ISO_8859_1);
      String kept = withoutAuthorization(text);
      if (head == null || kept == null) {
        client.getOutputStream().write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      client.setSoTimeout(0);
      up = desktop.privileged().connect(port);
      open.add(up);
      OutputStream toDesktop = up.out();
      toDesktop.write(kept.getBytes(StandardCharsets.ISO_8859_1));
      toDesktop.flush();
      DesktopStream stream = up;
      Thread back = Thread.ofVirtual().start(() -> {
        try {
          stream.in().transferTo(client.getOutputStream());
        } catch (IOException e) {
          // either side ended
        } finally {
          quietly(client);
        }
      });
      try {
        byte[] buf = new byte[65536];
        for (int n; (n = in.read(buf)) > 0; ) {
          toDesktop.write(buf, 0, n);
          toDesktop.flush();
        }
      } catch (IOException e) {
        // either side ended
      }
      stream.close();
      back.join();
    } catch (IOException | RuntimeException e) {
      // the connection fails; Playwright says so to the reading, which fails closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      quietly(client);
      if (up != null) up.close();
      open.remove(client);
      if (up != null) open.remove(up);
    }
  }

  /** The request head up to its blank line, or null when the connection ends first or it is too long. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int last = 0;
    while (out.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) return null;
      out.write(b);
      last = (last << 8) | b;
      if (last == 0x0D0A0D0A) return out.toByteArray();
    }
    return null;
  }

  /** The head without its Authorization line, or null when that line does not bear the token. */
  private String withoutAuthorization(String head) {
    StringBuilder kept = new StringBuilder();
    boolean authorized = false;
    for (String line : head.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Authorization")) {
        authorized |= MessageDigest.isEqual(line.substring(colon + 1).strip().getBytes(StandardCharsets.ISO_8859_1),
            authorization().getBytes(StandardCharsets.ISO_8859_1));
        continue;
      }
      kept.append(line).append("\r\n");
    }
    // the split's last two pieces are the blank line and what follows it: put back exactly one CRLF CRLF end
    String s = kept.toString();
    while (s.endsWith("\r\n")) s = s.substring(0, s.length() - 2);
    return authorized ? s + "\r\n\r\n" : null;
  }

  private static void quietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing left to do
    }
  }

  /** Stops listening and ends every connection (a reading that overran its time ends with them). */
  @Override
  public void close() {
    closed = true;
    quietly(server);
    for (AutoCloseable c : open) quietly(c);
    open.clear();
  }
}
