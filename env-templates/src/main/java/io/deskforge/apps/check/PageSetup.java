package io.deskforge.apps.check;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import io.deskforge.apps.BrowserDebugging;
import io.deskforge.desktop.Desktop;
import io.deskforge.task.spec.SetupStep;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link SetupStep.Page}: Playwright for Java attached over CDP to the desktop's running
 * browser from the privileged side (a {@link CdpTunnel} into the desktop's loopback, for the one
 * step), driving its active tab as a person would have before the task starts (the page opened,
 * a login form filled and sent), then detached, the browser left running as the step left it.
 *
 * <p>Each failure says which part of the step failed and where: a page that does not load or
 * answers an HTTP error, a selector that matches nothing, an element that never appears. The values
 * filled are never in a message: they are privileged.
 */
public final class PageSetup {
  /** How long one part of the step (a page load, a field, a click, the wait) may take on a loaded host. */
  static final Duration PART = Duration.ofSeconds(20);
  /** How long the whole step may take, connection included. */
  static final Duration LIMIT = Duration.ofSeconds(90);

  private PageSetup() {}

  /** Runs the step in the desktop's browser; throws {@link IllegalStateException} saying what failed. */
  public static void run(Desktop desktop, Optional<BrowserDebugging> browser, SetupStep.Page step) {
    if (browser.isEmpty()) {
      throw new IllegalStateException("no browser among the desktop's running apps to open " + step.url() + " in; a page step follows the launch of one");
    }
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "page-setup-" + desktop.id()));
    try (CdpTunnel tunnel = new CdpTunnel(desktop, browser.get().cdpPort())) {
      Future<?> session = thread.submit(() -> drive(tunnel, step));
      try {
        session.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        tunnel.close(); // ends Playwright's connection, so the session ends too
        throw new IllegalStateException("the page step on " + step.url() + " did not finish within " + LIMIT.toSeconds() + " s");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof IllegalStateException i ? i
            : new IllegalStateException("the page step on " + step.url() + " failed: " + PageReader.firstLine(cause), cause);
      }
    } catch (IOException e) {
      throw new IllegalStateException("no tunnel to the desktop's browser for the page step on " + step.url() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted in the page step on " + step.url(), e);
    } finally {
      thread.shutdownNow();
    }
  }

  /** The step, part by part, in one Playwright session. */
  private static Void drive(CdpTunnel tunnel, SetupStep.Page step) {
    CdpConnection connection;
    try {
      connection = PageReader.connect(tunnel);
    } catch (PlaywrightException e) {
      throw new IllegalStateException("no browser answers on its DevTools port for the page step on " + step.url() + ": " + PageReader.firstLine(e));
    }
    try (connection) {
      Browser b = connection.browser();
      if (b.contexts().isEmpty()) throw new IllegalStateException("the browser has no window to open " + step.url() + " in");
      BrowserContext context = b.contexts().get(0);
      Page page = PageReader.active(context);
      if (page == null) throw new IllegalStateException("the browser shows no tab to open " + step.url() + " in");
      double ms = PART.toMillis();
      if (!step.cookies().isEmpty()) {
        context.addCookies(step.cookies().entrySet().stream().map(c -> new Cookie(c.getKey(), c.getValue()).setUrl(step.url())).toList());
      }
      open(page, step.url(), ms);
      if (!step.localStorage().isEmpty()) {
        page.evaluate("items => { for (const [k, v] of Object.entries(items)) window.localStorage.setItem(k, v); }", step.localStorage());
        // the page's scripts read local storage as it loads: load it again with the values in place
        page.reload(new Page.ReloadOptions().setTimeout(ms));
      }
      for (var field : step.fill().entrySet()) {
        Locator target = element(page, field.getKey(), "fill", ms);
        try {
          target.fill(field.getValue(), new Locator.FillOptions().setTimeout(ms));
        } catch (PlaywrightException e) {
          throw new IllegalStateException("the field '" + field.getKey() + "' on " + page.url() + " could not be filled: " + PageReader.firstLine(e));
        }
      }
      if (step.click() != null) {
        Locator target = element(page, step.click(), "click", ms);
        try {
          target.click(new Locator.ClickOptions().setTimeout(ms));
        } catch (PlaywrightException e) {
          throw new IllegalStateException("'" + step.click() + "' on " + page.url() + " could not be clicked: " + PageReader.firstLine(e));
        }
      }
      if (step.waitFor() != null) {
        try {
          page.waitForSelector(step.waitFor(), new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(ms));
        } catch (PlaywrightException e) {
          throw new IllegalStateException("wait_for '" + step.waitFor() + "' never appeared within " + PART.toSeconds() + " s; the tab shows "
              + page.url() + " (" + PageReader.firstLine(e) + ")");
        }
      }
      // whatever the click started has loaded before the agent's turn
      page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(ms));
      return null;
    }
  }

  /** Opens the address and waits for its load event; an HTTP error or no answer fails the step. */
  private static void open(Page page, String url, double ms) {
    Response r;
    try {
      r = page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(ms));
    } catch (PlaywrightException e) {
      throw new IllegalStateException("the page " + url + " did not load within " + PART.toSeconds() + " s: " + PageReader.firstLine(e));
    }
    if (r != null && r.status() >= 400) throw new IllegalStateException("the page " + url + " answered HTTP " + r.status() + " " + r.statusText());
  }

  /** The one element the selector matches, once it is there; no element, or several, fails the step naming the selector. */
  private static Locator element(Page page, String selector, String part, double ms) {
    Locator l = page.locator(selector);
    try {
      l.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(ms));
    } catch (PlaywrightException e) {
      throw new IllegalStateException(part + " selector '" + selector + "' matches no element on " + page.url() + " within " + PART.toSeconds() + " s");
    }
    int n = l.count();
    if (n > 1) throw new IllegalStateException(part + " selector '" + selector + "' matches " + n + " elements on " + page.url() + "; it must name one");
    return l;
  }
}
