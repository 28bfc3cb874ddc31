package io.deskforge.gym.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.BrowserDebugging;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.DesktopStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * An env's browser endpoints on the host's loopback: the browser's Chrome DevTools Protocol (what
 * Playwright's {@code connectOverCDP} and Puppeteer's {@code connect} speak) and a WebDriver server
 * (what Selenium's {@code RemoteWebDriver} speaks), both relayed into the env's desktop and
 * guarded by a token of the env's own, so agents built on them connect unchanged.
 *
 * <p>The desktop is asked for at each new connection, so the endpoints outlive a reset (a fresh
 * desktop) with the same addresses and token. The WebDriver server runs inside the desktop as its
 * user, started at the first WebDriver connection, and attaches to the running browser: every new
 * session is told the browser's debugger address, whatever the client asked, so a session never
 * starts a browser of its own (with other flags or another profile).
 */
public final class BrowserEndpoints implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** How long the WebDriver server may take to listen once started. */
  static final Duration WEBDRIVER_START = Duration.ofSeconds(15);

  /** The endpoints' names, as episodes record the requests made through them. */
  public static final String CDP = "cdp";
  public static final String WEBDRIVER = "webdriver";

  private final BrowserDebugging browser;
  private final Supplier<Desktop> desktop;
  private final String token;
  private final HttpRelay cdp;
  private final HttpRelay webDriver;
  private Desktop driverDesktop;
  private Process driver;

  /**
   * @param desktop the env's desktop now (null while it has none)
   * @param gate refuses requests when the env may not be driven (its episode ended)
   * @param onRequest gets each request relayed, with the endpoint's name ({@link #CDP} or {@link
   *     #WEBDRIVER}), its token removed
   * @param activity runs at most once a second while an agent sends on a CDP session's WebSocket,
   *     whose messages are no requests (the env's idle clock)
   */
  public BrowserEndpoints(String envId, BrowserDebugging browser, Supplier<Desktop> desktop, Supplier<HttpRelay.Refusal> gate,
      java.util.function.BiConsumer<String, HttpRelay.Request> onRequest, Runnable activity) {
    this.browser = browser;
    this.desktop = desktop;
    byte[] t = new byte[32];
    RANDOM.nextBytes(t);
    this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
    this.cdp = new HttpRelay(envId + "-cdp", token, () -> HttpRelay.Connection.of(current().privileged().connect(browser.cdpPort())), r -> r, gate, r -> onRequest.accept(CDP, r),
        activity);
    try {
      this.webDriver = new HttpRelay(envId + "-webdriver", token, () -> HttpRelay.Connection.of(webDriverStream()), r -> attachOnly(r, browser.debuggerAddress()),
          gate, r -> onRequest.accept(WEBDRIVER, r), activity);
    } catch (RuntimeException e) {
      cdp.close();
      throw e;
    }
  }

  /** The CDP endpoint: {@code /json/version} names the browser's WebSocket on this address. */
  public String cdpUrl() {
    return cdp.url();
  }

  /** The WebDriver endpoint (W3C WebDriver, as chromedriver serves it; {@code /wd/hub} may prefix paths). */
  public String webDriverUrl() {
    return webDriver.url();
  }

  /** The env's token for both endpoints. */
  public String token() {
    return token;
  }

  /**
   * Ends every connection open through the endpoints (a CDP session's WebSocket, which no later
   * request passes through to be refused); they keep listening.
   */
  public void disconnect() {
    cdp.disconnect();
    webDriver.disconnect();
  }

  @Override
  public synchronized void close() {
    cdp.close();
    webDriver.close();
    if (driver != null) driver.destroyForcibly();
    driver = null;
    driverDesktop = null;
  }

  private Desktop current() {
    Desktop d = desktop.get();
    if (d == null || !d.isRunning()) throw new DesktopException("the env has no running desktop");
    return d;
  }

  /** A connection to the WebDriver server in the current desktop, started there first if it is not running. */
  private synchronized DesktopStream webDriverStream() {
    Desktop d = current();
    if (driver == null || !driver.isAlive() || driverDesktop != d) {
      if (driver != null) driver.destroyForcibly();
      driver = d.privileged().startService(browser.webDriverCommand());
      driverDesktop = d;
      if (!d.privileged().waitForPort(browser.webDriverPort(), WEBDRIVER_START)) {
        driver.destroyForcibly();
        driver = null;
        throw new DesktopException(browser.webDriverCommand().get(0) + " did not listen on port " + browser.webDriverPort()
            + " within " + WEBDRIVER_START.toSeconds() + " s");
      }
    }
    return d.privileged().connect(browser.webDriverPort());
  }

  /**
   * A new-session request made to attach to the desktop's browser: {@code goog:chromeOptions} is
   * replaced by the debugger address in {@code alwaysMatch} and dropped from every
   * {@code firstMatch} (binary, args, a profile: none applies to a browser already running), and
   * the legacy {@code desiredCapabilities} go. A {@code /wd/hub} prefix (Selenium Grid's) is
   * dropped from every path. Other requests pass unchanged.
   */
  static HttpRelay.Request attachOnly(HttpRelay.Request r, String debuggerAddress) {
    if (r.target().startsWith("/wd/hub/") || r.target().equals("/wd/hub")) {
      String rest = r.target().substring("/wd/hub".length());
      r = r.withTarget(rest.isEmpty() ? "/" : rest);
    }
    if (!r.method().equals("POST") || !r.path().replaceAll("/+$", "").equals("/session")) return r;
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      return r; // the WebDriver server answers a malformed body itself
    }
    if (body == null || !body.isObject()) return r;
    ObjectNode b = (ObjectNode) body;
    b.remove("desiredCapabilities");
    ObjectNode caps = b.has("capabilities") && b.get("capabilities").isObject() ? (ObjectNode) b.get("capabilities") : b.putObject("capabilities");
    ObjectNode always = caps.has("alwaysMatch") && caps.get("alwaysMatch").isObject() ? (ObjectNode) caps.get("alwaysMatch")
        : caps.putObject("alwaysMatch");
    always.putObject("goog:chromeOptions").put("debuggerAddress", debuggerAddress);
    if (caps.has("firstMatch") && caps.get("firstMatch").isArray()) {
      for (JsonNode m : caps.get("firstMatch")) if (m.isObject()) ((ObjectNode) m).remove("goog:chromeOptions");
    }
    try {
      return r.withBody(JSON.writeValueAsBytes(b));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
