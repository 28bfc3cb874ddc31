package io.deskforge.apps;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.ExecResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Plain HTTP/1.0 GETs for the web apps' isolation tests: from inside a desktop, and from the host. */
public final class LoopbackHttp {
  private LoopbackHttp() {}

  /** GET path from 127.0.0.1:port inside the desktop, by bash as the desktop user: the status line and the body. */
  public static ExecResult inside(Desktop d, int port, String path) {
    String script = "exec 3<>/dev/tcp/127.0.0.1/" + port + " || exit 7; printf 'GET %s HTTP/1.0\\r\\nHost: 127.0.0.1:" + port
        + "\\r\\n\\r\\n' \"$0\" >&3; cat <&3";
    return d.privileged().execAsUser(List.of("bash", "-c", script, path), Duration.ofSeconds(20));
  }

  /** What the host gets from addr:port for path: null when nothing accepts, else the answer's first bytes. */
  public static String fromHost(InetAddress addr, int port, String path) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(addr, port), 1000);
      s.setSoTimeout(3000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
