package io.deskforge.apps.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection over CDP leaves no {@code playwright-artifacts-*} folder in the driver's temp folder
 * once closed, and leaves the browser it attached to running. A headless Chromium on the host
 * stands in for a desktop's (the same DevTools Protocol; no desktop needed), and the driver's
 * {@code TMPDIR} is this test's own folder, so other runs on the host do not blur the count.
 */
class CdpConnectionTest {
  @TempDir Path dir;

  @Test
  void aClosedConnectionLeavesNoArtifactsFolderAndTheBrowserRunning() throws Exception {
    Path driverTmp = Files.createDirectories(dir.resolve("driver-tmp"));
    Path profile = dir.resolve("profile");
    ProcessBuilder pb = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile());
    pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("chromium-tmp")).toString());
    Process chromium = pb.start();
    try {
      String url = "http://127.0.0.1:" + debuggingPort(profile, chromium);
      Set<Path> before = artifacts(driverTmp);
      try (CdpConnection connection = CdpConnection.open(url, Map.of(), 20_000, Map.of("TMPDIR", driverTmp.toString()))) {
        assertThat(added(before, driverTmp)).as("the driver's folder for this connection").hasSize(1);
        connection.browser().contexts().get(0).pages().get(0).evaluate("() => { document.title = 'kept'; }");
      }
      assertThat(added(before, driverTmp)).as("artifacts folders left after close").isEmpty();
      assertThat(chromium.isAlive()).as("the browser after the connection closed").isTrue();
      HttpResponse<String> version = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/json/version")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(version.body()).as("the browser still answers on its DevTools port").contains("webSocketDebuggerUrl");
      try (CdpConnection again = CdpConnection.open(url, Map.of(), 20_000, Map.of("TMPDIR", driverTmp.toString()))) {
        assertThat(again.browser().contexts().get(0).pages()).as("the tab, as the first connection left it")
            .singleElement().satisfies(p -> assertThat(p.evaluate("() => document.title")).isEqualTo("kept"));
      }
      assertThat(added(before, driverTmp)).as("artifacts folders left after the second close").isEmpty();
    } finally {
      chromium.descendants().forEach(ProcessHandle::destroy);
      chromium.destroy();
      if (!chromium.waitFor(20, TimeUnit.SECONDS)) chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The port Chromium chose, from the DevToolsActivePort file it writes into its profile. */
  private static int debuggingPort(Path profile, Process chromium) throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) return Integer.parseInt(lines.get(0).strip());
      }
      assertThat(chromium.isAlive()).as("chromium exited before it opened its DevTools port").isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("chromium wrote no " + file + " within 30 s");
  }

  /**
   * Playwright's artifacts folders in the driver's TMPDIR and in the temp folders of this JVM and
   * its environment: a Playwright driver started earlier in the same JVM (another test's) can keep
   * the temp folder it was started with, so the folder is looked for in each.
   */
  private static Set<Path> artifacts(Path driverTmp) throws Exception {
    Set<Path> out = new HashSet<>();
    List<Path> places = new ArrayList<>(List.of(driverTmp, Path.of(System.getProperty("java.io.tmpdir"))));
    if (System.getenv("TMPDIR") != null) places.add(Path.of(System.getenv("TMPDIR")));
    for (Path tmp : places) {
      if (!Files.isDirectory(tmp)) continue;
      try (Stream<Path> s = Files.list(tmp)) {
        s.filter(p -> p.getFileName().toString().startsWith("playwright-artifacts-")).map(Path::toAbsolutePath).forEach(out::add);
      }
    }
    return out;
  }

  private static Set<Path> added(Set<Path> before, Path driverTmp) throws Exception {
    Set<Path> now = artifacts(driverTmp);
    now.removeAll(before);
    return now;
  }
}
