package io.deskforge.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local OpenAI-compatible test server: {@code POST /v1/chat/completions} answers scripted replies
 * in order, in the real response format, and records what it was sent. No model is reachable
 * here; the creator tests and the gym's agent tests talk to this.
 */
public final class ScriptedChat implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted answer: status, body and how long to wait before sending it. */
  public record Scripted(int status, String body, long delayMs) {}

  /** A chat completion in the real response format, replying {@code content}, with usage 1000 + 17 tokens. */
  public static ObjectNode completion(String model, String content) {
    ObjectNode completion = JSON.createObjectNode()
        .put("id", "chatcmpl-1")
        .put("object", "chat.completion")
        .put("created", 1_700_000_000L)
        .put("model", model);
    ArrayNode choices = completion.putArray("choices");
    ObjectNode choice = choices.addObject().put("index", 0).put("finish_reason", "stop");
    choice.putNull("logprobs");
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    completion.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 17).put("total_tokens", 1017);
    return completion;
  }

  public static Scripted ok(String model, String content) {
    return new Scripted(200, completion(model, content).toString(), 0);
  }

  public final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  public final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final String model;
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpServer http;

  public ScriptedChat(String model) throws IOException {
    this.model = model;
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/v1/chat/completions", this::answer);
    http.setExecutor(threads);
    http.start();
  }

  public void reply(Scripted scripted) {
    script.add(scripted);
  }

  /** Replies {@code content} with status 200. */
  public void reply(String content) {
    reply(ok(model, content));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      Scripted scripted = script.poll();
      if (scripted == null) scripted = new Scripted(500, "{\"error\":{\"message\":\"no scripted reply left\"}}", 0);
      if (scripted.delayMs() > 0 && closing.await(scripted.delayMs(), TimeUnit.MILLISECONDS)) return;
      byte[] bytes = scripted.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      // the client honours retry-after-ms, which keeps the retry tests fast
      exchange.getResponseHeaders().add("retry-after-ms", "10");
      exchange.sendResponseHeaders(scripted.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    http.stop(0);
    threads.shutdownNow();
  }
}
