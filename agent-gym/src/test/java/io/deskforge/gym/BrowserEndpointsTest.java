package io.deskforge.gym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.deskforge.apps.check.CdpConnection;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.server.GymServer;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.TaskSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.Filter;

/**
 * Agents built on Playwright and Selenium drive a web env's browser through the gym's browser
 * endpoints, unchanged, and earn reward 1 on a really verified Chromium task; the endpoints
 * refuse requests without the env's token, and nothing of them outlives the env.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrowserEndpointsTest {
  static final String FAMILY = "chromium.visit-pages";
  /** A task with no browser. */
  static final String NO_BROWSER = "xterm.write-file";
  static Path data;
  static Path desktops;
  static TaskBank bank;
  static DesktopProvider provider;
  static TaskSpec task;
  static TaskSpec terminalTask;
  static Gym gym;
  static GymServer server;
  static Http http;
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void serve() throws Exception {
    data = Files.createTempDirectory("deskforge-browser-bank");
    desktops = Files.createTempDirectory("deskforge-browser-desktops");
    provider = DesktopProviders.create("sandbox");
    bank = TaskBank.open(data.resolve("bank.sqlite"));
    List<TaskSpec> tasks = VerifiedBank.fill(bank, provider, desktops, List.of(FAMILY, NO_BROWSER), 1);
    task = tasks.get(0);
    terminalTask = tasks.get(1);
    gym = new Gym(bank, provider, VerifiedBank.CATALOG, GymConfig.defaults().withWorkRoot(desktops)).start();
    server = new GymServer(gym, "127.0.0.1", null).start("127.0.0.1", 0);
    http = new Http(server.port(), null);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (gym != null) gym.close();
    if (bank != null) bank.close();
    if (provider != null) provider.close();
    if (data != null) VerifiedBank.deleteTree(data);
    if (desktops != null) VerifiedBank.deleteTree(desktops);
  }

  static String open() {
    return start(task).get("env_id").asText();
  }

  static JsonNode start(TaskSpec t) {
    Http.Response r = http.post("/v1/envs", Map.of("task_id", t.id(), "agent", "test-browser"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** The episode's steps through the browser endpoints, once its trajectory audit found no action missing, the browser open and no collateral change. */
  static List<Episodes.Step> browserSteps(String episodeId, String schema) {
    gym.drainAudits(Duration.ofSeconds(180));
    Episodes.Episode e = bank.episodes().get(episodeId).orElseThrow();
    // app-config-rewritten is left out: Chromium creates profile databases lazily, seconds apart, so
    // which of them the reference run's end shows differs from run to run (measured: 16 and 44 paths)
    assertThat(e.flags()).as(String.valueOf(e.audit())).doesNotContain("success-without-action", "app-closed", "collateral");
    return bank.episodes().steps(episodeId).stream().filter(s -> schema.equals(s.schema())).toList();
  }

  static JsonNode browser(String envId) {
    Http.Response r = http.get("/v1/envs/" + envId + "/browser");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** The pages the instruction names, in order: what an agent reads from it. */
  static List<String> addresses(String instruction) {
    Matcher m = Pattern.compile("file://\\S+?\\.html").matcher(instruction);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) out.add(m.group());
    assertThat(out).as(instruction).hasSize(2);
    return out;
  }

  /**
   * Ends the episode right after the agent's last command, as an agent does: Chromium has not
   * written its history yet (it commits within about ten seconds), so reward 1 says that the
   * episode's end had the browser write it before reading.
   */
  static double finish(String envId) {
    JsonNode end = http.post("/v1/envs/" + envId + "/step", Map.of("action", "done")).json();
    assertThat(end.get("terminated").asBoolean()).isTrue();
    return end.get("reward").asDouble();
  }

  @Test
  void aPlaywrightAgentConnectedOverCdpCompletesTheTaskForRewardOne() throws Exception {
    JsonNode started = start(task);
    String envId = started.get("env_id").asText();
    JsonNode b = browser(envId);
    List<String> pages = addresses(task.instruction());
    try (CdpConnection cdp = CdpConnection.open(b.get("cdp_url").asText(), Map.of("Authorization", "Bearer " + b.get("token").asText()), 30_000)) {
      Page page = cdp.browser().contexts().get(0).pages().get(0);
      for (String address : pages) page.navigate(address);
      assertThat(page.url()).isEqualTo(pages.get(1));
      assertThat(finish(envId)).isEqualTo(1.0);
      // the episode's end closed the session: the agent drives the browser no further
      assertThatThrownBy(() -> page.navigate(pages.get(0))).isInstanceOf(PlaywrightException.class);
    }
    assertThat(http.delete("/v1/envs/" + envId).status()).isEqualTo(204);
    List<Episodes.Step> steps = browserSteps(started.get("episode_id").asText(), "cdp");
    assertThat(steps).extracting(s -> s.body().get("target").asText()).anyMatch(t -> t.startsWith("/json/version"))
        .anyMatch(t -> t.startsWith("/devtools/browser/"));
  }

  @Test
  void aSeleniumRemoteWebDriverAgentCompletesTheTaskForRewardOne() throws Exception {
    JsonNode started = start(task);
    String envId = started.get("env_id").asText();
    JsonNode b = browser(envId);
    List<String> pages = addresses(task.instruction());
    String token = b.get("token").asText();
    Filter bearer = next -> req -> {
      req.addHeader("Authorization", "Bearer " + token);
      return next.execute(req);
    };
    ClientConfig config = ClientConfig.defaultConfig().baseUrl(new URL(b.get("webdriver_url").asText())).withFilter(bearer);
    WebDriver driver = new RemoteWebDriver(new HttpCommandExecutor(config), new ChromeOptions());
    try {
      for (String address : pages) driver.get(address);
      assertThat(driver.getCurrentUrl()).isEqualTo(pages.get(1));
    } finally {
      driver.quit();
    }
    assertThat(finish(envId)).isEqualTo(1.0);
    assertThat(http.delete("/v1/envs/" + envId).status()).isEqualTo(204);
    List<Episodes.Step> steps = browserSteps(started.get("episode_id").asText(), "webdriver");
    assertThat(steps).filteredOn(s -> s.body().get("target").asText().endsWith("/url") && s.body().get("method").asText().equals("POST"))
        .extracting(s -> s.body().at("/body/url").asText()).containsExactlyElementsOf(pages);
    assertThat(steps.toString()).as("the token is not recorded").doesNotContain(token);
  }

  @Test
  void theEndpointsRefuseRequestsWithoutTheEnvsTokenAndCloseWithTheEnv() throws Exception {
    String a = open();
    String other = open();
    JsonNode ba = browser(a);
    String otherToken = browser(other).get("token").asText();
    assertThat(browser(a).get("token").asText()).as("the same endpoints at every call").isEqualTo(ba.get("token").asText());
    String cdp = ba.get("cdp_url").asText();
    String webdriver = ba.get("webdriver_url").asText();
    String token = ba.get("token").asText();

    for (String url : List.of(cdp + "/json/version", webdriver + "/status")) {
      assertThat(get(url, null).statusCode()).as(url + " without a token").isEqualTo(401);
      assertThat(get(url, "Bearer wrong").statusCode()).as(url + " with a wrong token").isEqualTo(401);
      assertThat(get(url, "Bearer " + otherToken).statusCode()).as(url + " with another env's token").isEqualTo(401);
      assertThat(get(url, basic("x", "wrong")).statusCode()).isEqualTo(401);
    }
    // a WebSocket upgrade straight to the browser's target, without the token, is refused before it reaches the desktop
    String ws = get(cdp + "/json/version", "Bearer " + token).body();
    String wsPath = URI.create(Http.JSON.readTree(ws).get("webSocketDebuggerUrl").asText()).getPath();
    assertThat(rawUpgrade(URI.create(cdp).getPort(), wsPath)).startsWith("HTTP/1.1 401");

    HttpResponse<String> version = get(cdp + "/json/version", "Bearer " + token);
    assertThat(version.statusCode()).isEqualTo(200);
    assertThat(Http.JSON.readTree(version.body()).get("webSocketDebuggerUrl").asText())
        .as("the browser's WebSocket is named on the relay").startsWith("ws://127.0.0.1:" + URI.create(cdp).getPort() + "/devtools/browser/");
    assertThat(get(webdriver + "/status", basic("agent", token)).statusCode()).as("HTTP Basic with the token").isEqualTo(200);

    // the Python client hands out the same endpoints
    Process py = new ProcessBuilder(PythonClientTest.python(), "-c", "import json, sys; sys.path.insert(0, sys.argv[1]);"
        + " from deskforge_gym.client import Client; print(json.dumps(Client(sys.argv[2]).env(sys.argv[3]).browser()))",
        PythonClientTest.clientFolder().toString(), "http://127.0.0.1:" + server.port(), a).redirectErrorStream(true).start();
    String pyOut = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(py.waitFor()).as(pyOut).isZero();
    assertThat(Http.JSON.readTree(pyOut)).isEqualTo(ba);

    // a reset gives the env a fresh desktop: the same endpoints and token reach its new browser, and a WebDriver server there
    assertThat(http.post("/v1/envs/" + a + "/reset", Map.of()).status()).isEqualTo(200);
    assertThat(get(cdp + "/json/version", "Bearer " + token).statusCode()).isEqualTo(200);
    HttpResponse<String> status = get(webdriver + "/status", "Bearer " + token);
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    assertThat(browser(a)).isEqualTo(ba);

    // the episode ended: the endpoints refuse to drive its browser
    Http.Response failed = http.post("/v1/envs/" + a + "/step", Map.of("action", "fail"));
    assertThat(failed.status()).as(failed.body()).isEqualTo(200);
    assertThat(failed.json().get("terminated").asBoolean()).as(failed.body()).isTrue();
    assertThat(get(cdp + "/json/version", "Bearer " + token).statusCode()).isEqualTo(409);

    assertThat(http.delete("/v1/envs/" + a).status()).isEqualTo(204);
    assertThat(http.delete("/v1/envs/" + other).status()).isEqualTo(204);
    for (String url : List.of(cdp, webdriver)) {
      boolean listening;
      try (Socket ignored = new Socket("127.0.0.1", URI.create(url).getPort())) {
        listening = true;
      } catch (ConnectException e) {
        listening = false;
      }
      assertThat(listening).as(url + " after the env closed").isFalse();
    }
    assertThat(relaysLeft()).as("relays and WebDriver servers of this JVM after the envs closed").isEmpty();
  }

  @Test
  void anEnvWhoseTaskRunsNoBrowserHasNoEndpoints() {
    String envId = start(terminalTask).get("env_id").asText();
    Http.Response r = http.get("/v1/envs/" + envId + "/browser");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("runs no browser");
    assertThat(http.delete("/v1/envs/" + envId).status()).isEqualTo(204);
    assertThat(http.get("/v1/envs/" + envId + "/browser").status()).as("a closed env").isEqualTo(409);
    assertThat(http.get("/v1/envs/env-nosuchenv/browser").status()).isEqualTo(404);
  }

  static HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (authorization != null) b.header("Authorization", authorization);
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String rawUpgrade(int port, String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
    }
  }

  /** Processes this JVM started that relay into a desktop or serve WebDriver there. */
  static List<String> relaysLeft() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<String> left;
    do {
      left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
          .map(p -> p.info().commandLine().orElse(""))
          .filter(c -> c.contains("chromedriver") || c.contains("create_connection")).toList();
      if (left.isEmpty()) return left;
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return left;
  }
}
