package io.deskforge.apps.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.LoopbackHttp;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.desktop.ExecResult;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiki on real sandbox desktops: each desktop unpacks and serves its own wiki on its own
 * loopback, which neither the host nor another desktop can reach, with the pages its setup seeded,
 * and the checkers' getter reads them from the wiki's database.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MediaWikiOnDesktopTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  /** GET path from 127.0.0.1:port inside the desktop, by bash: the status line and the body. */
  static ExecResult get(Desktop d, String path) {
    return LoopbackHttp.inside(d, MediaWiki.PORT, path);
  }

  /** What the host gets from addr:8080: null when nothing accepts, else the answer's first bytes. */
  static String fromHost(InetAddress addr) {
    return LoopbackHttp.fromHost(addr, MediaWiki.PORT, "/index.php?title=Only_in_a&action=raw");
  }

  @Test
  void eachDesktopServesItsOwnWikiThatNeitherTheHostNorAnotherDesktopReaches() throws Exception {
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop a = p.create(CATALOG.desktopFor(List.of(MediaWiki.NAME)).workRoot(work).accessibility(false).build());
        Desktop b = p.create(CATALOG.desktopFor(List.of(MediaWiki.NAME)).workRoot(work).accessibility(false).build())) {
      a.start();
      b.start();
      a.privileged().writeText(MediaWiki.seedPath("Only in a"), "Marker of desktop A.");
      a.launch(CATALOG.get(MediaWiki.NAME).launch(List.of("Only in a")));
      assertThat(a.windows()).extracting(w -> w.title()).contains("Only in a - Team Wiki - Chromium");

      // inside A: the wiki answers, from A's database
      ExecResult inA = get(a, "/index.php?title=Only_in_a&action=raw");
      assertThat(inA.ok()).as(inA.stderr()).isTrue();
      assertThat(inA.stdoutText()).matches("(?s)HTTP/1\\.[01] 200 .*").endsWith("Marker of desktop A.");

      // the host: nothing of A's wiki on its loopback or any of its addresses
      List<InetAddress> hostAddresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
      for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) hostAddresses.addAll(Collections.list(i.getInetAddresses()));
      for (InetAddress addr : hostAddresses) {
        String answer = fromHost(addr);
        assertThat(answer == null || !answer.contains("Marker of desktop A.")).as("the host reaches A's wiki at " + addr + ": " + answer).isTrue();
      }

      // B, before it runs a wiki: nothing listens on its loopback's port
      ExecResult inB = get(b, "/index.php?title=Only_in_a&action=raw");
      assertThat(inB.exitCode()).as("B connects to port " + MediaWiki.PORT + ": " + inB.stdoutText()).isEqualTo(7);

      // B with its own wiki on the same port: its own pages, not A's
      b.privileged().writeText(MediaWiki.seedPath("Only in b"), "Marker of desktop B.");
      b.launch(CATALOG.get(MediaWiki.NAME).launch(List.of("Only in b")));
      assertThat(get(b, "/index.php?title=Only_in_a&action=raw").stdoutText()).doesNotContain("Marker of desktop A.");
      assertThat(get(b, "/index.php?title=Only_in_b&action=raw").stdoutText()).endsWith("Marker of desktop B.");
      assertThat(get(a, "/index.php?title=Only_in_b&action=raw").stdoutText()).doesNotContain("Marker of desktop B.");

      // the checkers' getter: the page's text from A's database, none for B's page there
      GetterReader reader = new GetterReader(CATALOG.formats());
      assertThat(reader.read(a, Pages.text("Only in a")).items()).containsExactly("Marker of desktop A.");
      assertThat(reader.read(a, Pages.text("Only in b")).items()).isEmpty();
      assertThat(reader.read(a, Pages.articles(List.of("Only in a", "Only in b"))).items()).containsExactly("Only in a");

      // both wikis were unpacked from the host's template (WikiTemplate), not installed in the
      // desktop, and each launcher drew a secret key of its own
      assertThat(a.privileged().exists(MediaWiki.ROOT + "/install.log")).as("A installed its wiki").isFalse();
      assertThat(b.privileged().exists(MediaWiki.ROOT + "/install.log")).as("B installed its wiki").isFalse();
      assertThat(secretKey(a)).matches("[0-9a-f]{64}").isNotEqualTo(secretKey(b));
    }
  }

  static String secretKey(Desktop d) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\$wgSecretKey = \"([^\"]*)\";$")
        .matcher(d.privileged().readText(MediaWiki.ROOT + "/LocalSettings.php"));
    return m.find() ? m.group(1) : "none";
  }
}
