package io.deskforge.apps.check;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import io.deskforge.apps.BrowserDebugging;
import io.deskforge.desktop.Desktop;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Getter;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads {@link Getter.PageGetter}s: the desktop's running browser, through Playwright for Java
 * connected over CDP from the privileged side (a {@link CdpTunnel} into the desktop's loopback, for
 * one reading). Playwright drives no browser of its own: it attaches to the one the agent used,
 * reads and detaches ({@link CdpConnection}), changing nothing in it.
 *
 * <p>The active tab is the browser's page whose document is visible (a background tab's is
 * hidden). Every failure to reach that state, no browser among the desktop's apps, a browser
 * that does not answer, no tab shown, a reading that overruns its time, reads as unreadable with
 * its reason, so a check fails closed; only what the page itself lacks (no such element, key,
 * cookie or parameter) reads as absent.
 */
public final class PageReader {
  /** How long one reading may take, connection included; a page that does not answer is no pass. */
  static final Duration LIMIT = Duration.ofSeconds(30);

  private PageReader() {}

  /** The readings of these getters, from one connection to the desktop's browser. */
  public static Map<Getter.PageGetter, Reading> read(Desktop desktop, Optional<BrowserDebugging> browser, Collection<Getter.PageGetter> getters) {
    if (browser.isEmpty()) {
      return all(getters, Reading.unreadable("no browser: none of the desktop's apps is a browser that offers its DevTools Protocol"));
    }
    if (!desktop.isRunning()) return all(getters, Reading.unreadable("no browser: the desktop is not running"));
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "page-reader-" + desktop.id()));
    try (CdpTunnel tunnel = new CdpTunnel(desktop, browser.get().cdpPort())) {
      Future<Map<Getter.PageGetter, Reading>> session = thread.submit(() -> session(tunnel, getters));
      try {
        return session.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        tunnel.close(); // ends Playwright's connection, so the session ends too
        return all(getters, Reading.unreadable("the browser did not answer over its DevTools Protocol within " + LIMIT.toSeconds() + " s"));
      } catch (ExecutionException e) {
        return all(getters, Reading.unreadable("the browser could not be read: " + firstLine(e.getCause())));
      }
    } catch (IOException e) {
      return all(getters, Reading.unreadable("no tunnel to the browser: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return all(getters, Reading.unreadable("interrupted while reading the browser"));
    } finally {
      thread.shutdownNow();
    }
  }

  /**
   * Opens an address in the browser's active tab and waits for it to load: what the replay audit
   * does to a solved state to see that a check of the page notices a page left (and to come back).
   * Throws when the browser cannot be reached or shows no tab.
   */
  public static void navigate(Desktop desktop, Optional<BrowserDebugging> browser, String url) {
    if (browser.isEmpty()) throw new IllegalStateException("no browser among the desktop's apps to open " + url + " in");
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "page-navigator-" + desktop.id()));
    try (CdpTunnel tunnel = new CdpTunnel(desktop, browser.get().cdpPort())) {
      Future<?> session = thread.submit(() -> {
        try (CdpConnection connection = connect(tunnel)) {
          Browser b = connection.browser();
          Page p = b.contexts().isEmpty() ? null : active(b.contexts().get(0));
          if (p == null) throw new IllegalStateException("the browser shows no tab to open " + url + " in");
          p.navigate(url, new Page.NavigateOptions().setTimeout(LIMIT.toMillis() / 2.0));
          return null;
        }
      });
      session.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("could not open " + url + " in the desktop's browser: " + e, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not open " + url + " in the desktop's browser: " + firstLine(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening " + url, e);
    } finally {
      thread.shutdownNow();
    }
  }

  /** One Playwright session: connect, find the active tab, read each getter, disconnect. */
  private static Map<Getter.PageGetter, Reading> session(CdpTunnel tunnel, Collection<Getter.PageGetter> getters) {
    CdpConnection connection;
    try {
      connection = connect(tunnel);
    } catch (PlaywrightException e) {
      return all(getters, Reading.unreadable("no browser answers on its DevTools port: " + firstLine(e)));
    }
    try (connection) {
      Browser b = connection.browser();
      List<BrowserContext> contexts = b.contexts();
      if (contexts.isEmpty()) return all(getters, Reading.unreadable("the browser has no window"));
      BrowserContext context = contexts.get(0);
      Page active = active(context);
      Map<Getter.PageGetter, Reading> out = new LinkedHashMap<>();
      for (Getter.PageGetter g : getters) {
        try {
          out.put(g, g instanceof Getter.Cookie c ? cookie(context, c) : active == null
              ? Reading.unreadable("the browser shows no tab (" + context.pages().size() + " pages, none visible)") : onPage(active, g));
        } catch (PlaywrightException e) {
          out.put(g, Reading.unreadable("the page could not be read: " + firstLine(e)));
        }
      }
      return out;
    }
  }

  /** The desktop's browser, attached to over CDP through the tunnel; closing detaches (the browser runs on). */
  static CdpConnection connect(CdpTunnel tunnel) {
    return CdpConnection.open(tunnel.url(), Map.of("Authorization", tunnel.authorization()), LIMIT.toMillis() / 2.0);
  }

  /** The active tab: the page whose document is visible (a background tab's is hidden), or null. */
  static Page active(BrowserContext context) {
    for (Page p : context.pages()) {
      try {
        if ("visible".equals(p.evaluate("document.visibilityState"))) return p;
      } catch (PlaywrightException e) {
        // a tab navigating away as it is asked; another may be the active one
      }
    }
    return null;
  }

  private static Reading onPage(Page page, Getter.PageGetter g) {
    return switch (g) {
      case Getter.PageUrl u -> {
        // the document's own address: Playwright's page.url() is what it last heard of, which may
        // be before a navigation whose events it has not taken in yet
        String url = (String) page.evaluate("() => location.href");
        yield u.param() == null ? Reading.text(url) : param(url, u.param());
      }
      case Getter.PageText t -> text(page.evaluate("s => { const e = document.querySelector(s); return e ? e.innerText : null; }", t.selector()));
      case Getter.LocalStorage l -> text(page.evaluate("k => window.localStorage.getItem(k)", l.key()));
      case Getter.Cookie c -> throw new IllegalStateException("a cookie is read from the browser, not a page");
    };
  }

  private static Reading cookie(BrowserContext context, Getter.Cookie c) {
    for (Cookie k : context.cookies(c.url())) {
      if (k.name.equals(c.name())) return Reading.text(k.value);
    }
    return Reading.absent();
  }

  private static Reading text(Object value) {
    return value == null ? Reading.absent() : Reading.text(value.toString());
  }

  /**
   * The first value of a query parameter, decoded as a form decodes it ({@code +} is a space), or
   * absent; as Python's {@code parse_qs} reads it, so WebArena's {@code url_match} agrees.
   */
  static Reading param(String url, String name) {
    String query;
    try {
      query = URI.create(url).getRawQuery();
    } catch (IllegalArgumentException e) {
      int q = url.indexOf('?');
      query = q < 0 ? null : url.substring(q + 1).replaceAll("#.*", "");
    }
    if (query == null) return Reading.absent();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      try {
        if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
          return Reading.text(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      } catch (IllegalArgumentException e) {
        return Reading.unreadable("the address " + url + " has a malformed parameter: " + pair);
      }
    }
    return Reading.absent();
  }

  private static Map<Getter.PageGetter, Reading> all(Collection<Getter.PageGetter> getters, Reading r) {
    Map<Getter.PageGetter, Reading> out = new LinkedHashMap<>();
    for (Getter.PageGetter g : getters) out.put(g, r);
    return out;
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
