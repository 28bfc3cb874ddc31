package io.deskforge.gym.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against a local HTTP server standing in for the desktop's port: tokens, the gate, rewriting, bodies. */
class HttpRelayTest {
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  ServerSocket backend;
  final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
  final AtomicReference<HttpRelay.Refusal> refusal = new AtomicReference<>();
  HttpRelay relay;
  final java.util.concurrent.atomic.AtomicInteger activity = new java.util.concurrent.atomic.AtomicInteger();
  final List<HttpRelay.Request> used = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Answers every request with 200 and the request as it arrived (head and body), keeping the connection. */
  @BeforeEach
  void backend() throws IOException {
    backend = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!backend.isClosed()) {
        try {
          Socket s = backend.accept();
          Thread.ofVirtual().start(() -> echo(s));
        } catch (IOException e) {
          return;
        }
      }
    });
    relay = new HttpRelay("test", "s3cret", this::connect, r -> r.path().equals("/rewrite") ? r.withBody("changed".getBytes()) : r,
        refusal::get, used::add, activity::incrementAndGet);
  }

  @AfterEach
  void close() throws IOException {
    relay.close();
    backend.close();
  }

  HttpRelay.Connection connect() {
    try {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), backend.getLocalPort());
      return new HttpRelay.Connection() {
        @Override
        public InputStream in() {
          try {
            return s.getInputStream();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }

        @Override
        public OutputStream out() {
          try {
            return s.getOutputStream();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }

        @Override
        public void close() {
          try {
            s.close();
          } catch (IOException e) {
            // closing
          }
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void echo(Socket s) {
    try (s) {
      InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      while (true) {
        HttpRelay.Request r = HttpRelay.read(in);
        if (r == null) return;
        String text = new String(r.encode(), StandardCharsets.ISO_8859_1);
        seen.add(text);
        byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(body);
        s.getOutputStream().flush();
      }
    } catch (Exception e) {
      // the relay closed the connection
    }
  }

  HttpResponse<String> send(String path, String authorization, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.url() + path)).timeout(Duration.ofSeconds(10));
    if (authorization != null) b.header("Authorization", authorization);
    b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestWithoutTheTokenNeverReachesThePort() throws Exception {
    assertThat(send("/json/version", null, null).statusCode()).isEqualTo(401);
    assertThat(send("/json/version", "Bearer nope", null).statusCode()).isEqualTo(401);
    assertThat(send("/json/version", "Basic " + java.util.Base64.getEncoder().encodeToString("u:nope".getBytes()), null).statusCode())
        .isEqualTo(401);
    assertThat(seen).isEmpty();
    HttpResponse<String> ok = send("/json/version", "Bearer s3cret", null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).startsWith("GET /json/version HTTP/1.1").doesNotContainIgnoringCase("authorization").doesNotContain("s3cret");
    assertThat(send("/x", "Basic " + java.util.Base64.getEncoder().encodeToString("any:s3cret".getBytes()), null).statusCode()).isEqualTo(200);
    assertThat(used).extracting(HttpRelay.Request::target).containsExactly("/json/version", "/x");
    assertThat(used).allMatch(r -> r.header("Authorization") == null);
  }

  @Test
  void theGateRefusesEachRequestEvenOnAConnectionAlreadyLetThrough() throws Exception {
    assertThat(send("/a", "Bearer s3cret", null).statusCode()).isEqualTo(200);
    refusal.set(new HttpRelay.Refusal(409, "the episode has ended"));
    HttpResponse<String> refused = send("/b", "Bearer s3cret", null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("the episode has ended");
    assertThat(seen).hasSize(1);
  }

  @Test
  void bodiesPassWholeAndARewrittenOneCarriesItsOwnLength() throws Exception {
    String big = "x".repeat(200_000);
    HttpResponse<String> r = send("/echo", "Bearer s3cret", big);
    assertThat(r.body()).endsWith("\r\n\r\n" + big).contains("Content-Length: 200000");
    HttpResponse<String> rewritten = send("/rewrite", "Bearer s3cret", "original");
    assertThat(rewritten.body()).endsWith("\r\n\r\nchanged").contains("Content-Length: 7").doesNotContain("original");
  }

  @Test
  void anOfferToUpgradeToHttp2IsDroppedAndEveryRequestIsStillChecked() throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = h2.send(HttpRequest.newBuilder(URI.create(relay.url() + "/h" + i)).header("Authorization", "Bearer s3cret")
          .POST(HttpRequest.BodyPublishers.ofString("b")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).doesNotContainIgnoringCase("upgrade").doesNotContain("s3cret");
    }
    HttpResponse<String> unauthorized = h2.send(HttpRequest.newBuilder(URI.create(relay.url() + "/h")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unauthorized.statusCode()).isEqualTo(401);
  }

  @Test
  void afterAWebSocketUpgradeBytesPassAsTheyAreAndCountAsActivity() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      readUntil(s.getInputStream(), "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
      // what follows is the WebSocket's: relayed as it is, no token asked (the stand-in parses it as HTTP)
      out.write("GET /frames HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      readUntil(s.getInputStream(), "GET /frames HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    assertThat(seen).hasSize(2);
    assertThat(used).extracting(HttpRelay.Request::target).containsExactly("/ws");
    assertThat(activity.get()).isPositive();
  }

  @Test
  void aWebSocketUpgradeWithoutTheTokenIsRefused() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 401 ");
    }
    assertThat(seen).isEmpty();
  }

  static String readUntil(InputStream in, String end) throws IOException {
    StringBuilder b = new StringBuilder();
    while (!b.toString().endsWith(end)) {
      int c = in.read();
      if (c < 0) throw new IOException("ended before '" + end + "': " + b);
      b.append((char) c);
    }
    return b.toString();
  }

  @Test
  void aChunkedBodyIsPassedWithItsLength() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
      s.getOutputStream().write(("POST /c HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      s.setSoTimeout(10_000);
      StringBuilder answer = new StringBuilder();
      InputStream in = s.getInputStream();
      while (!answer.toString().endsWith("hello world")) {
        int b = in.read();
        if (b < 0) break;
        answer.append((char) b);
      }
      assertThat(answer).contains("Content-Length: 11").endsWith("\r\n\r\nhello world").doesNotContain("chunked");
    }
  }
}
