package io.deskforge.gym.browser;

import io.deskforge.desktop.DesktopStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A listener on the host's loopback that relays HTTP, and the WebSocket connections HTTP upgrades
 * to, into a port of a desktop's own loopback, for clients that present the token. Each request
 * is read whole (head and body), its token checked and removed, then written to the desktop through
 * one {@link DesktopStream} per client connection; responses flow back as bytes, untouched. After
 * an upgrade (a CDP WebSocket) the connection is relayed byte for byte both ways.
 *
 * <p>Tokens are accepted as {@code Authorization: Bearer T} (Playwright's {@code headers}, a
 * Selenium client filter) or as HTTP Basic with T as the password (a WebDriver URL
 * {@code http://any:T@127.0.0.1:port}). The {@code Host} header passes unchanged, so Chromium's
 * {@code /json/version} names WebSocket URLs on this relay's address.
 */
public final class HttpRelay implements AutoCloseable {
  static final int MAX_HEAD = 64 * 1024;
  static final int MAX_BODY = 16 << 20;

  /** Why a request is refused although its token is right (the episode ended), or null to let it through. */
  public record Refusal(int status, String message) {}

  /** Opens a fresh connection to the port inside the desktop. */
  public interface Upstream {
    Connection open();
  }

  /** One connection to the port relayed to ({@link DesktopStream} is one). */
  public interface Connection extends AutoCloseable {
    InputStream in();

    OutputStream out();

    @Override
    void close();

    static Connection of(DesktopStream s) {
      return new Connection() {
        @Override
        public InputStream in() {
          return s.in();
        }

        @Override
        public OutputStream out() {
          return s.out();
        }

        @Override
        public void close() {
          s.close();
        }
      };
    }
  }

  /** One request as read: the head's parts and the whole body. */
  public record Request(String method, String target, String version, List<Map.Entry<String, String>> headers, byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, String> h : headers) if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
      return null;
    }

    /** The target's path, without its query. */
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    public Request withoutHeader(String name) {
      return new Request(method, target, version, headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList(), body);
    }

    public Request withTarget(String newTarget) {
      return new Request(method, newTarget, version, headers, body);
    }

    /** The same request with another body, its length said by Content-Length. */
    public Request withBody(byte[] newBody) {
      List<Map.Entry<String, String>> hs = new ArrayList<>();
      for (Map.Entry<String, String> h : headers) {
        if (!h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Transfer-Encoding")) hs.add(h);
      }
      if (newBody.length > 0 || !method.equals("GET")) hs.add(Map.entry("Content-Length", Integer.toString(newBody.length)));
      return new Request(method, target, version, hs, newBody);
    }

    byte[] encode() {
      StringBuilder head = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append("\r\n");
      for (Map.Entry<String, String> h : headers) head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      head.append("\r\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      return out.toByteArray();
    }
  }

  private final String name;
  private final byte[] token;
  private final Upstream upstream;
  private final UnaryOperator<Request> rewrite;
  private final Supplier<Refusal> gate;
  private final java.util.function.Consumer<Request> onUse;
  private final Runnable activity;
  private final ServerSocket server;
  private final Set<AutoCloseable> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * Listens on 127.0.0.1 at a free port. {@code rewrite} may change a request on its way in;
   * {@code gate} may refuse it; {@code onUse} gets each request let through, as the client sent it
   * but for its token, before it is relayed.
   */
  public HttpRelay(String name, String token, Upstream upstream, UnaryOperator<Request> rewrite, Supplier<Refusal> gate,
      java.util.function.Consumer<Request> onUse) {
    this(name, token, upstream, rewrite, gate, onUse, () -> {});
  }

  /** The same, with {@code activity} run at most once a second while a client sends on a WebSocket (no request to see there). */
  public HttpRelay(String name, String token, Upstream upstream, UnaryOperator<Request> rewrite, Supplier<Refusal> gate,
      java.util.function.Consumer<Request> onUse, Runnable activity) {
    this.activity = activity;
    this.name = name;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.upstream = upstream;
    this.rewrite = rewrite;
    this.gate = gate;
    this.onUse = onUse;
    try {
      this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot listen on the loopback for " + name, e);
    }
    Thread t = new Thread(this::accept, "gym-relay-" + name);
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** "http://127.0.0.1:port". */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops listening and ends every connection it relays, with their relays inside the desktop. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    disconnect();
  }

  /** Ends every connection relayed now (an open CDP WebSocket with them); keeps listening. */
  public void disconnect() {
    for (AutoCloseable c : List.copyOf(live)) {
      closeQuietly(c);
      live.remove(c);
    }
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) System.err.println("deskforge gym: " + name + ": " + e.getMessage());
        return;
      }
      live.add(client);
      Thread.ofVirtual().name("gym-relay-" + name + "-conn").start(() -> serve(client));
    }
  }

  private void serve(Socket client) {
    Connection up = null;
    try {
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (!closed) {
        Request r;
        try {
          r = read(in);
        } catch (Refused e) {
          respond(out, e.status, e.getMessage());
          return;
        }
        if (r == null) return;
        if (!authorized(r.header("Authorization"))) {
          respond(out, 401, "send the env's token: Authorization: Bearer <token> (or HTTP Basic with the token as password)");
          return;
        }
        Refusal no = gate.get();
        if (no != null) {
          respond(out, no.status(), no.message());
          return;
        }
        boolean webSocket = r.header("Upgrade") != null && r.header("Upgrade").toLowerCase(Locale.ROOT).contains("websocket");
        r = r.withoutHeader("Authorization");
        if (!webSocket && r.header("Upgrade") != null) {
          // another protocol (the JDK client offers h2c): not relayed, so the request stays plain HTTP/1.1
          r = r.withoutHeader("Upgrade").withoutHeader("HTTP2-Settings").withoutHeader("Connection");
        }
        onUse.accept(r);
        r = rewrite.apply(r);
        if (up == null) {
          try {
            up = upstream.open();
          } catch (RuntimeException e) {
            respond(out, 503, "the desktop cannot be reached: " + e.getMessage());
            return;
          }
          live.add(up);
          Connection stream = up;
          Thread.ofVirtual().name("gym-relay-" + name + "-back").start(() -> back(stream, client, out));
        }
        OutputStream toDesktop = up.out();
        toDesktop.write(r.encode());
        toDesktop.flush();
        if (webSocket) {
          // a WebSocket from here on: frames both ways, as they come
          byte[] buf = new byte[65536];
          long reported = System.nanoTime() - 2_000_000_000L;
          for (int n; (n = in.read(buf)) > 0; ) {
            toDesktop.write(buf, 0, n);
            toDesktop.flush();
            if (System.nanoTime() - reported > 1_000_000_000L) {
              activity.run();
              reported = System.nanoTime();
            }
          }
          return;
        }
      }
    } catch (IOException e) {
      // the client or the desktop went away
    } finally {
      if (up != null) {
        up.close();
        live.remove(up);
      }
      closeQuietly(client);
      live.remove(client);
    }
  }

  /** What the desktop's port sends goes to the client; a port that answers nothing gets a 502. */
  private void back(Connection stream, Socket client, OutputStream out) {
    long sent = 0;
    try {
      InputStream in = stream.in();
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        out.flush();
        sent += n;
      }
      if (sent == 0) respond(out, 502, "nothing answers on " + name + " inside the desktop (is the browser still open?)");
    } catch (IOException e) {
      // the client went away
    } finally {
      closeQuietly(client);
    }
  }

  private boolean authorized(String given) {
    if (given == null) return false;
    byte[] presented;
    if (given.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = given.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    } else if (given.regionMatches(true, 0, "Basic ", 0, 6)) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(given.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      presented = pair.substring(pair.indexOf(':') + 1).getBytes(StandardCharsets.UTF_8);
    } else {
      return false;
    }
    return MessageDigest.isEqual(token, presented);
  }

  private static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** The next request on the connection, or null when the client closed it between requests. */
  static Request read(InputStream in) throws IOException, Refused {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) return null;
        throw new IOException("the connection ended inside a request head");
      }
      head.write(b);
      if (head.size() > MAX_HEAD) throw new Refused(431, "the request head is over " + MAX_HEAD + " bytes");
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] start = lines[0].split(" ");
    if (start.length != 3 || !start[2].startsWith("HTTP/1.")) throw new Refused(400, "not an HTTP/1.x request line");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) continue;
      int colon = lines[i].indexOf(':');
      if (colon <= 0) throw new Refused(400, "a malformed header line");
      headers.add(Map.entry(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
    }
    Request r = new Request(start[0], start[1], start[2], List.copyOf(headers), new byte[0]);
    String te = r.header("Transfer-Encoding");
    String cl = r.header("Content-Length");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) return r.withBody(chunked(in));
    if (cl != null) {
      long n;
      try {
        n = Long.parseLong(cl.strip());
      } catch (NumberFormatException e) {
        throw new Refused(400, "Content-Length is not a number");
      }
      if (n < 0 || n > MAX_BODY) throw new Refused(413, "the body is over " + MAX_BODY + " bytes");
      byte[] body = in.readNBytes((int) n);
      if (body.length < n) throw new IOException("the connection ended inside a request body");
      return new Request(r.method(), r.target(), r.version(), r.headers(), body);
    }
    return r;
  }

  private static byte[] chunked(InputStream in) throws IOException, Refused {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      int semi = sizeLine.indexOf(';');
      long size;
      try {
        size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new Refused(400, "a malformed chunk size");
      }
      if (size == 0) {
        while (!line(in).isEmpty()) { /* trailers, dropped */ }
        return body.toByteArray();
      }
      if (body.size() + size > MAX_BODY) throw new Refused(413, "the body is over " + MAX_BODY + " bytes");
      byte[] chunk = in.readNBytes((int) size);
      if (chunk.length < size) throw new IOException("the connection ended inside a chunk");
      body.writeBytes(chunk);
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream l = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) throw new IOException("the connection ended inside a chunked body");
      if (l.size() > 8192) throw new IOException("a chunk line is too long");
      if (b != '\r') l.write(b);
    }
    return l.toString(StandardCharsets.ISO_8859_1);
  }

  static void respond(OutputStream out, int status, String message) {
    String body = "{\"error\":{\"status\":" + status + ",\"message\":" + quote(message) + "},\"value\":{\"error\":"
        + quote(status == 401 ? "unauthorized" : "unavailable") + ",\"message\":" + quote(message) + "}}";
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
        + (status == 401 ? "WWW-Authenticate: Bearer realm=\"deskforge env\"\r\nWWW-Authenticate: Basic realm=\"deskforge env\"\r\n" : "")
        + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n";
    try {
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(b);
      out.flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
