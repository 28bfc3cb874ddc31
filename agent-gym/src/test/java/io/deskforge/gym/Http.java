package io.deskforge.gym;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the gym's routes in tests; keeps every response body it saw. */
public final class Http {
  public static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;
  private final StringBuilder seen = new StringBuilder();

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  public Http(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, Object body) {
    String text;
    try {
      text = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /** Every response body so far, text and the base64 of binary ones left out. */
  public String seen() {
    return seen.toString();
  }

  private Response send(HttpRequest.Builder b) {
    if (token != null) b.header("Authorization", "Bearer " + token);
    try {
      HttpResponse<byte[]> r = client.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
      String ct = r.headers().firstValue("Content-Type").orElse("");
      String text = ct.startsWith("image/") ? "" : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
      synchronized (seen) {
        seen.append(text).append('\n');
      }
      return new Response(r.statusCode(), text, r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
