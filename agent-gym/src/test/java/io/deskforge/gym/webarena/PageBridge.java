package io.deskforge.gym.webarena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.deskforge.apps.BrowserDebugging;
import io.deskforge.apps.check.CdpConnection;
import io.deskforge.desktop.Desktop;
import io.deskforge.gym.browser.BrowserEndpoints;
import io.deskforge.gym.browser.HttpRelay;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live page of a desktop's Chromium, offered on the host's loopback to the Python stand-in of
 * {@code playwright.sync_api.Page}: {@code GET /url}, {@code GET /content}, {@code POST /goto
 * {"url"}} and {@code POST /evaluate {"expression"}} are Playwright for Java's {@code url},
 * {@code content}, {@code navigate} and {@code evaluate} on the browser's page, connected over CDP
 * through the gym's own browser endpoints. Each answer is {@code {"value": ...}} or
 * {@code {"error": "..."}} (what Playwright threw). Playwright is used from one thread only, as it
 * requires.
 */
final class PageBridge implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutorService playwrightThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "webarena-playwright"));
  private final BrowserEndpoints endpoints;
  private final HttpServer server;
  private CdpConnection connection;
  private Page page;

  PageBridge(Desktop desktop, BrowserDebugging browser) throws IOException {
    endpoints = new BrowserEndpoints("webarena", browser, () -> desktop, () -> (HttpRelay.Refusal) null, (name, r) -> {}, () -> {});
    try {
      onPlaywright(() -> {
        connection = CdpConnection.open(endpoints.cdpUrl(), Map.of("Authorization", "Bearer " + endpoints.token()), 30_000);
        page = connection.browser().contexts().get(0).pages().get(0);
        // Playwright dismisses a dialog no listener takes at once; the reference solution answers
        // the app's confirm() through the GUI (TiddlyWiki's delete), so a confirm stays open; a
        // page's beforeunload is accepted, as Playwright does, so that WebArena's goto leaves the
        // page (Jupyter's notebook asks); any other dialog is dismissed, as Playwright does
        page.onDialog(dialog -> {
          if (dialog.type().equals("beforeunload")) dialog.accept();
          else if (!dialog.type().equals("confirm")) dialog.dismiss();
        });
        return null;
      });
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (RuntimeException | IOException e) {
      close();
      throw e;
    }
    // Playwright for Java takes in the browser's events only during a call to it: page.url() alone
    // can still name the page before a link the agent followed, so a call to the page comes first
    server.createContext("/url", x -> answer(x, () -> {
      page.evaluate("() => 0");
      return page.url();
    }));
    server.createContext("/content", x -> answer(x, () -> page.content()));
    server.createContext("/goto", x -> {
      String url = body(x).get("url").asText();
      answer(x, () -> {
        page.navigate(url);
        return null;
      });
    });
    server.createContext("/evaluate", x -> {
      String expression = body(x).get("expression").asText();
      answer(x, () -> page.evaluate(expression));
    });
    server.start();
  }

  /** The bridge's address, for DESKFORGE_WEBARENA_BRIDGE. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Opens an address in the page (the start page again, after an evaluation navigated away). */
  void navigate(String url) {
    onPlaywright(() -> page.navigate(url));
  }

  /** Runs a JavaScript function on the page, its value as a string (what a WebArena locator selects). */
  String evaluate(String function) {
    return String.valueOf(onPlaywright(() -> page.evaluate(function)));
  }

  private static JsonNode body(HttpExchange x) throws IOException {
    return JSON.readTree(x.getRequestBody().readAllBytes());
  }

  private void answer(HttpExchange x, Callable<Object> call) throws IOException {
    Map<String, Object> answer = new HashMap<>();
    try {
      answer.put("value", onPlaywright(call));
    } catch (PlaywrightException e) {
      answer.put("error", e.getMessage());
    }
    byte[] bytes = JSON.writeValueAsBytes(answer);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private <T> T onPlaywright(Callable<T> call) {
    try {
      return playwrightThread.submit(call).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) server.stop(0);
    try {
      if (connection != null) onPlaywright(() -> {
        connection.close();
        return null;
      });
    } finally {
      playwrightThread.shutdownNow();
      endpoints.close();
    }
  }
}
