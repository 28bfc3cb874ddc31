package io.deskforge.apps;

import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manual probe, outside the default test run: replays one family's task for one seed in a fresh
 * sandbox desktop, action by action, saving a screenshot after each into a folder, then prints
 * what the checker reads. Run it by name:
 * {@code -Dtest=TaskProbe -Dprobe.family=chromium.home-page -Dprobe.seed=1000 -Dprobe.out=/tmp/probe
 * [-Dprobe.trajectory=<negative name>]}.
 */
class TaskProbe {
  @TempDir Path work;

  @Test
  void probe() throws Exception {
    String id = System.getProperty("probe.family");
    Assumptions.assumeTrue(id != null);
    Path out = Path.of(System.getProperty("probe.out", "/tmp/probe"));
    Files.createDirectories(out);
    AppCatalog catalog = AppCatalog.load();
    TaskSpec task = catalog.family(id).sample(Long.getLong("probe.seed", 1000));
    String name = System.getProperty("probe.trajectory");
    List<Action> actions = name == null ? task.solution().actions()
        : task.negatives().stream().filter(t -> t.name().equals(name)).findFirst().map(Trajectory::actions).orElseThrow();
    System.out.println("PROBE " + task.id() + ": " + task.instruction());
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(catalog.desktopFor(List.of(task.app())).workRoot(work).build())) {
      d.start();
      new SetupRunner(catalog).apply(d, task.setup());
      long ts = System.nanoTime();
      boolean quiet = d.settle(Duration.ofMillis(150), Duration.ofSeconds(15));
      System.out.println("PROBE settled after setup: " + quiet + " in " + (System.nanoTime() - ts) / 1_000_000 + " ms");
      int limit = Integer.getInteger("probe.actions", actions.size());
      for (int i = 0; i < Math.min(limit, actions.size()); i++) {
        long t = System.nanoTime();
        d.act(List.of(actions.get(i)));
        Files.write(out.resolve(String.format("shot-%03d.png", i)), d.screenshot().png());
        System.out.printf("PROBE %03d %s (%d ms)%n", i, actions.get(i), (System.nanoTime() - t) / 1_000_000);
      }
      d.settle(Duration.ofMillis(150), Duration.ofSeconds(5));
      Thread.sleep(Long.getLong("probe.endWait", 0));
      Files.write(out.resolve("final.png"), d.screenshot().png());
      System.out.println("PROBE windows at the end: " + d.windows());
      // as the audit reads: each app writes what it holds in memory first (Chromium quits)
      List<String> paths = task.checker().paths();
      for (String app : task.desktopApps()) {
        List<String> commit = catalog.get(app).commitCommand(paths);
        if (commit.isEmpty()) continue;
        d.quitting(app);
        System.out.println("PROBE commit command of " + app + ": " + d.privileged().execAsUser(commit, Duration.ofSeconds(30)).exitCode());
      }
      System.out.println("PROBE check: " + new GetterReader(catalog.formats()).check(d, task.checker()).explain());
      for (var leaf : task.checker().leaves()) {
        String path = leaf.getter().path();
        if (d.privileged().exists(path)) Files.write(out.resolve(Path.of(path).getFileName()), d.privileged().readFile(path));
      }
    }
  }
}
