package io.deskforge.apps.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.chromium.Chromium;
import io.deskforge.apps.dokuwiki.DokuWiki;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.desktop.RunningApp;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page getters on real sandbox desktops, read from outside through Playwright over CDP: each
 * reads the value the page shows, absent where the page lacks it, and unreadable (never a pass)
 * where there is no browser to read.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PageGettersOnDesktopTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final GetterReader READER = new GetterReader(CATALOG);
  @TempDir Path work;

  static final String PAGE = "/home/user/page.html";
  static final String HTML = """
      <!doctype html><html><head><title>Local page</title></head><body>
      <h1 id="greeting">Hello <b>Ada</b></h1><p class="note">first note</p><p class="note">second note</p>
      <script>localStorage.setItem('theme', 'dark');</script>
      </body></html>
      """;

  private Desktop desktop(DesktopProvider p, String app) {
    return p.create(CATALOG.desktopFor(List.of(app)).workRoot(work).accessibility(false).build());
  }

  @Test
  void aLocalPageReadsItsAddressElementTextAndLocalStorage() throws Exception {
    try (DesktopProvider p = DesktopProviders.create("sandbox"); Desktop d = desktop(p, Chromium.NAME)) {
      d.start();
      d.privileged().writeText(PAGE, HTML);
      d.launch(CATALOG.get(Chromium.NAME).launch(List.of("file://" + PAGE)));
      d.waitForWindow("^Local page - Chromium$", Duration.ofSeconds(30));

      assertThat(READER.read(d, new Getter.PageUrl(null)).text()).isEqualTo("file://" + PAGE);
      assertThat(READER.read(d, new Getter.PageText("#greeting")).text()).isEqualTo("Hello Ada");
      // the first element the selector matches
      assertThat(READER.read(d, new Getter.PageText(".note")).text()).isEqualTo("first note");
      assertThat(READER.read(d, new Getter.LocalStorage("theme")).text()).isEqualTo("dark");

      Reading noElement = READER.read(d, new Getter.PageText("#nowhere"));
      assertThat(noElement.present()).isFalse();
      assertThat(noElement.unreadable()).isNull();
      assertThat(READER.read(d, new Getter.LocalStorage("font")).present()).isFalse();
      assertThat(READER.read(d, new Getter.PageUrl("id")).present()).isFalse();

      // a checker's page getters are read together, from one connection
      Checker both = Checker.all(Checker.check(new Getter.PageText("#greeting"), new Metric.EqualsText("Hello Ada", true, false)),
          Checker.check(new Getter.LocalStorage("theme"), new Metric.EqualsText("dark", true, false)));
      assertThat(READER.check(d, both).passed()).isTrue();
      Checker wrong = Checker.check(new Getter.LocalStorage("theme"), new Metric.EqualsText("light", true, false));
      assertThat(READER.check(d, wrong).passed()).isFalse();
    }
  }

  @Test
  void aWikiPageReadsItsIdTheShownHeadingAndTheSessionCookie() throws Exception {
    try (DesktopProvider p = DesktopProviders.create("sandbox"); Desktop d = desktop(p, DokuWiki.NAME)) {
      d.start();
      d.privileged().writeText(DokuWiki.pagePath("budget_notes"), "====== Budget notes ======\n\nThe travel budget is owned by Ada.\n");
      d.launch(CATALOG.get(DokuWiki.NAME).launch(List.of("budget_notes")));

      assertThat(READER.read(d, new Getter.PageUrl(null)).text()).isEqualTo(DokuWiki.url("budget_notes"));
      assertThat(READER.read(d, new Getter.PageUrl("id")).text()).isEqualTo("budget_notes");
      assertThat(READER.read(d, new Getter.PageUrl("do")).present()).isFalse();
      assertThat(READER.read(d, new Getter.PageText("#dokuwiki__top.mode_show .page h1")).text()).isEqualTo("Budget notes");
      assertThat(READER.read(d, new Getter.PageText("#dokuwiki__top.mode_search .page h1")).present()).isFalse();
      // DokuWiki keeps a session for every visitor, under its cookie "DokuWiki"
      assertThat(READER.read(d, new Getter.Cookie("http://127.0.0.1:" + DokuWiki.PORT + "/doku.php", "DokuWiki")).text()).isNotBlank();
      assertThat(READER.read(d, new Getter.Cookie("http://127.0.0.1:" + DokuWiki.PORT + "/doku.php", "nosuchcookie")).present()).isFalse();
    }
  }

  @Test
  void withoutARunningBrowserEveryPageGetterIsUnreadableAndNoCheckPasses() throws Exception {
    List<Getter> getters = List.of(new Getter.PageUrl(null), new Getter.PageText("h1"), new Getter.LocalStorage("k"),
        new Getter.Cookie("http://127.0.0.1/", "k"));
    try (DesktopProvider p = DesktopProviders.create("sandbox"); Desktop d = desktop(p, "mousepad")) {
      d.start();
      for (Getter g : getters) assertThat(READER.read(d, g).unreadable()).as(g.toString()).startsWith("no browser");
    }
    try (DesktopProvider p = DesktopProviders.create("sandbox"); Desktop d = desktop(p, Chromium.NAME)) {
      d.start();
      d.privileged().writeText(PAGE, HTML);
      RunningApp browser = d.launch(CATALOG.get(Chromium.NAME).launch(List.of("file://" + PAGE)));
      d.waitForWindow("^Local page - Chromium$", Duration.ofSeconds(30));
      ProcessHandle.of(browser.hostPid()).ifPresent(ProcessHandle::destroyForcibly);
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (browser.alive() && System.nanoTime() < until) Thread.sleep(100);
      for (Getter g : getters) assertThat(READER.read(d, g).unreadable()).as(g.toString()).isNotNull();
      // NotContains passes on any text: an unreadable page still fails it
      assertThat(READER.check(d, Checker.check(new Getter.PageText("h1"), new Metric.NotContains("x", false))).passed()).isFalse();
      // a reader that knows no browser reads no page either, even with the browser's files at hand
      assertThat(new GetterReader(CATALOG.formats()).read(d, new Getter.PageUrl(null)).unreadable()).startsWith("no browser");
    }
  }

  @Test
  void theTunnelRefusesAConnectionWithoutItsToken() throws Exception {
    try (DesktopProvider p = DesktopProviders.create("sandbox"); Desktop d = desktop(p, Chromium.NAME)) {
      d.start();
      d.privileged().writeText(PAGE, HTML);
      d.launch(CATALOG.get(Chromium.NAME).launch(List.of("file://" + PAGE)));
      d.waitForWindow("^Local page - Chromium$", Duration.ofSeconds(30));
      try (CdpTunnel tunnel = new CdpTunnel(d, Chromium.DEBUGGING_PORT)) {
        assertThat(get(tunnel, null)).startsWith("HTTP/1.1 401");
        assertThat(get(tunnel, "Bearer not-the-token")).startsWith("HTTP/1.1 401");
        assertThat(get(tunnel, tunnel.authorization())).startsWith("HTTP/1.1 200").contains("webSocketDebuggerUrl");
      }
    }
  }

  /** GET /json/version through the tunnel, with this Authorization header (none when null): the whole answer. */
  private static String get(CdpTunnel tunnel, String authorization) throws IOException {
    URI u = URI.create(tunnel.url());
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET /json/version HTTP/1.1\r\nHost: " + u.getAuthority() + "\r\nConnection: close\r\n"
          + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Chromium keeps the connection open: read the head, then as many bytes as it says the body has
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) return head.toString();
        head.append((char) b);
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
      return head + (m.find() ? new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.ISO_8859_1) : "");
    }
  }
}
