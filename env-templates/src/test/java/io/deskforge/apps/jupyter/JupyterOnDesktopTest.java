package io.deskforge.apps.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.apps.LoopbackHttp;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopPaths;
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
 * The notebook server on real sandbox desktops: each desktop serves its own notebooks on its own
 * loopback, with no token, which neither the host nor another desktop can reach; the notebook is
 * ready in Chromium with its kernel idle.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JupyterOnDesktopTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  /** GET path from 127.0.0.1:port inside the desktop, by bash: the status line, headers and body. */
  static ExecResult get(Desktop d, String path) {
    return LoopbackHttp.inside(d, Jupyter.PORT, path);
  }

  /** What the host gets from addr:8888: null when nothing accepts, else the answer's first bytes. */
  static String fromHost(InetAddress addr) {
    return LoopbackHttp.fromHost(addr, Jupyter.PORT, "/api/contents");
  }

  @Test
  void eachDesktopServesItsOwnNotebooksThatNeitherTheHostNorAnotherDesktopReaches() throws Exception {
    Notebook onlyInA = Notebook.draw(new TaskDraw("isolation", 1), "only_in_a", 2);
    Notebook onlyInB = Notebook.draw(new TaskDraw("isolation", 2), "only_in_b", 2);
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        // A's Python says what it imports, in the server's log
        Desktop a = p.create(CATALOG.desktopFor(List.of(Jupyter.NAME)).workRoot(work).accessibility(false)
            .environment(java.util.Map.of("PYTHONPROFILEIMPORTTIME", "1")).build());
        Desktop b = p.create(CATALOG.desktopFor(List.of(Jupyter.NAME)).workRoot(work).accessibility(false).build())) {
      a.start();
      b.start();
      a.privileged().writeText(onlyInA.path(), onlyInA.json());
      long t0 = System.nanoTime();
      a.launch(CATALOG.get(Jupyter.NAME).launch(List.of("only_in_a")));
      System.out.println("jupyter: notebook ready in Chromium, kernel idle, " + (System.nanoTime() - t0) / 1_000_000 + " ms after launch");
      assertThat(a.windows()).extracting(w -> w.title()).anyMatch(t -> t.matches(Jupyter.title("only_in_a", "idle, (unchanged|unsaved)")));

      // the server (its lines come before its first log line; its kernels' after) imported the
      // notebook but not setuptools, 0.3 CPU-s of its start, nor IPython, which its kernel imports
      String log = new String(a.privileged().readFile(DesktopPaths.HOME + "/.jupyter/server.log"), java.nio.charset.StandardCharsets.UTF_8);
      List<String> serverImports = log.lines().takeWhile(l -> !l.contains("NotebookApp]")).toList();
      assertThat(serverImports).as("the server's imports").anyMatch(l -> l.matches("import time:.*\\|\\s*notebook\\.nbextensions"));
      assertThat(serverImports).as("the server's imports").noneMatch(l -> l.matches("import time:.*\\|\\s*(setuptools|pkg_resources)"));
      assertThat(serverImports).as("the server's imports").noneMatch(l -> l.matches("import time:.*\\|\\s*IPython(\\..*)?"));

      // inside A: the server answers with no token, from A's notebooks
      ExecResult inA = get(a, "/api/contents/only_in_a.ipynb");
      assertThat(inA.ok()).as(inA.stderr()).isTrue();
      assertThat(inA.stdoutText()).matches("(?s)HTTP/1\\.[01] 200 .*").contains(onlyInA.source(1));

      // the host: nothing of A's server on its loopback or any of its addresses
      List<InetAddress> hostAddresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
      for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) hostAddresses.addAll(Collections.list(i.getInetAddresses()));
      for (InetAddress addr : hostAddresses) {
        String answer = fromHost(addr);
        assertThat(answer == null || !answer.contains("only_in_a")).as("the host reaches A's notebooks at " + addr + ": " + answer).isTrue();
      }

      // B, before it runs a server: nothing listens on its loopback's port
      ExecResult inB = get(b, "/api/contents");
      assertThat(inB.exitCode()).as("B connects to port " + Jupyter.PORT + ": " + inB.stdoutText()).isEqualTo(7);

      // B with its own server on the same port: its own notebooks, not A's
      b.privileged().writeText(onlyInB.path(), onlyInB.json());
      b.launch(CATALOG.get(Jupyter.NAME).launch(List.of("only_in_b")));
      assertThat(get(b, "/api/contents").stdoutText()).contains("only_in_b.ipynb").doesNotContain("only_in_a");
      assertThat(get(a, "/api/contents").stdoutText()).contains("only_in_a.ipynb").doesNotContain("only_in_b");
      assertThat(new GetterReader(CATALOG.formats()).read(a, new Getter.JsonValue(onlyInA.path(), "/cells/1/source")).items())
          .containsExactly(onlyInA.source(1));
    }
  }

  /**
   * The server takes its port before it imports, so that Chromium starts at once; a server that
   * then dies leaves no port behind for Chromium to wait on: the launch fails at once, saying so
   * with the server's log, not after the launch's 90 s. Here the server's import of tornado fails,
   * after the port was taken, from a module that shadows it.
   */
  @Test
  void aServerThatDiesAfterTakingItsPortFailsTheLaunchAtOnceWithItsLog() throws Exception {
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(CATALOG.desktopFor(List.of(Jupyter.NAME)).workRoot(work).accessibility(false)
            .environment(java.util.Map.of("PYTHONPATH", DesktopPaths.HOME + "/shadow")).build())) {
      d.start();
      d.privileged().writeText(DesktopPaths.HOME + "/shadow/tornado/__init__.py", "raise ImportError('tornado shadowed on purpose')\n");
      long t0 = System.nanoTime();
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> d.launch(CATALOG.get(Jupyter.NAME).launch(List.of())));
      long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
      assertThat(failure).as("the launch fails").isInstanceOf(io.deskforge.desktop.DesktopException.class);
      assertThat(failure.getMessage()).contains("exited before it was ready", "jupyter: the notebook server exited",
          "tornado shadowed on purpose");
      assertThat(seconds).as("seconds to fail").isLessThan(30);
    }
  }
}
