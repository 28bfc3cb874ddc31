package io.deskforge.apps.tiddlywiki;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.LoopbackHttp;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.desktop.ExecResult;
import io.deskforge.task.spec.Getter;
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
 * The wiki on real sandbox desktops: each desktop serves its own wiki folder on its own loopback,
 * which neither the host nor another desktop can reach, and the wiki is ready in Chromium with
 * the title the reference solutions wait on.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TiddlyWikiOnDesktopTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  /** The tiddler's JSON from the server inside the desktop (TiddlyWeb's route), with the status line. */
  static ExecResult get(Desktop d, String title) {
    return LoopbackHttp.inside(d, TiddlyWiki.PORT, "/recipes/default/tiddlers/" + title.replace(" ", "%20"));
  }

  @Test
  void eachDesktopServesItsOwnWikiThatNeitherTheHostNorAnotherDesktopReaches() throws Exception {
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop a = p.create(CATALOG.desktopFor(List.of(TiddlyWiki.NAME)).workRoot(work).accessibility(false).build());
        Desktop b = p.create(CATALOG.desktopFor(List.of(TiddlyWiki.NAME)).workRoot(work).accessibility(false).build())) {
      a.start();
      b.start();
      a.privileged().writeText(TiddlyWiki.tiddlerPath("Only In A"), Tiddler.of("Only In A", List.of("Marker"), "Marker of desktop A.").tid());
      a.launch(CATALOG.get(TiddlyWiki.NAME).launch(List.of("Only In A")));
      assertThat(a.windows()).extracting(w -> w.title()).contains("Only In A (viewing, saved) - TiddlyWiki - Chromium");

      // inside A: the wiki answers, from A's tiddler files
      ExecResult inA = get(a, "Only In A");
      assertThat(inA.ok()).as(inA.stderr()).isTrue();
      assertThat(inA.stdoutText()).matches("(?s)HTTP/1\\.[01] 200 .*").contains("Marker of desktop A.");

      // the host: nothing of A's wiki on its loopback or any of its addresses
      List<InetAddress> hostAddresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
      for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) hostAddresses.addAll(Collections.list(i.getInetAddresses()));
      for (InetAddress addr : hostAddresses) {
        String answer = LoopbackHttp.fromHost(addr, TiddlyWiki.PORT, "/recipes/default/tiddlers/Only%20In%20A");
        assertThat(answer == null || !answer.contains("Marker of desktop A")).as("the host reaches A's wiki at " + addr + ": " + answer).isTrue();
      }

      // B, before it runs a wiki: nothing listens on its loopback's port
      ExecResult inB = get(b, "Only In A");
      assertThat(inB.exitCode()).as("B connects to port " + TiddlyWiki.PORT + ": " + inB.stdoutText()).isEqualTo(7);

      // B with its own wiki on the same port: its own tiddlers, not A's
      b.privileged().writeText(TiddlyWiki.tiddlerPath("Only In B"), Tiddler.of("Only In B", List.of(), "Marker of desktop B.").tid());
      b.launch(CATALOG.get(TiddlyWiki.NAME).launch(List.of("Only In B")));
      assertThat(get(b, "Only In A").stdoutText()).doesNotContain("Marker of desktop A.").matches("(?s)HTTP/1\\.[01] 404 .*");
      assertThat(get(b, "Only In B").stdoutText()).contains("Marker of desktop B.");
      assertThat(get(a, "Only In B").stdoutText()).doesNotContain("Marker of desktop B.");
      assertThat(new GetterReader(CATALOG.formats()).read(a, new Getter.DocumentQuery(TiddlyWiki.tiddlerPath("Only In A"), "text")).text())
          .isEqualTo("Marker of desktop A.");
    }
  }
}
