package io.deskforge.apps.check;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.util.HashMap;
import java.util.Map;

/**
 * Playwright for Java attached over CDP to a browser someone else runs (a desktop's Chromium),
 * closed so that it leaves nothing behind. Every connection makes a {@code playwright-artifacts-*}
 * folder in the driver's temp folder, which the driver removes only when the browser is closed or
 * disconnects; {@link Playwright#close()} alone ends the driver first and leaves the folder (one
 * per reading, hundreds in /tmp after a test run). So {@link #close()} closes the {@link Browser}
 * first, which for a browser connected over CDP ends the connection and removes the folder without
 * touching the browser or its tabs, then the driver. The driver downloads no browser of its own
 * ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}).
 *
 * <p>Playwright objects belong to the thread that made them: open, use and close a connection on
 * one thread.
 */
public final class CdpConnection implements AutoCloseable {
  private static final Map<String, String> DRIVER_ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

  private final Playwright playwright;
  private final Browser browser;

  private CdpConnection(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Connects to the DevTools endpoint at {@code url} (an HTTP address whose {@code /json/version}
   * names the browser's WebSocket) with these request headers, waiting at most {@code timeoutMillis}.
   * Throws Playwright's exception when no browser answers; the driver is closed then too.
   */
  public static CdpConnection open(String url, Map<String, String> headers, double timeoutMillis) {
    return open(url, headers, timeoutMillis, Map.of());
  }

  /** As {@link #open(String, Map, double)}, with more variables for the driver ({@code TMPDIR}: where its folders go). */
  static CdpConnection open(String url, Map<String, String> headers, double timeoutMillis, Map<String, String> driverEnv) {
    Map<String, String> env = new HashMap<>(DRIVER_ENV);
    env.putAll(driverEnv);
    Playwright playwright = driver(env);
    try {
      Browser browser = playwright.chromium().connectOverCDP(url,
          new BrowserType.ConnectOverCDPOptions().setHeaders(headers).setTimeout(timeoutMillis));
      return new CdpConnection(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /**
   * Playwright's driver, a process of its own for each connection. One that fails to start is
   * started once more, half a second later: a host hiccup (seen once in 158 audits of a sweep on a
   * loaded 2-core host, "Failed to launch driver") is not the task's fault. A second failure is
   * thrown with the reason Playwright gives below its own message, which names only the step.
   */
  private static Playwright driver(Map<String, String> env) {
    Playwright.CreateOptions options = new Playwright.CreateOptions().setEnv(env);
    try {
      return Playwright.create(options);
    } catch (PlaywrightException first) {
      try {
        Thread.sleep(500);
        return Playwright.create(options);
      } catch (PlaywrightException second) {
        second.addSuppressed(first);
        throw new PlaywrightException(second.getMessage() + reasons(second), second);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw first;
      }
    }
  }

  /** The messages of the causes below an exception, each after a colon ("" when it has none). */
  private static String reasons(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null) out.append(": ").append(c.getMessage());
    }
    return out.toString();
  }

  /** The connected browser: its contexts and pages are the ones the browser shows. */
  public Browser browser() {
    return browser;
  }

  /** Disconnects (the browser keeps running, tabs and all), then ends the driver. */
  @Override
  public void close() {
    try {
      browser.close();
    } catch (PlaywrightException e) {
      // the connection was already cut (an episode's end, a tunnel closed): the driver has removed its folder
    } finally {
      playwright.close();
    }
  }
}
