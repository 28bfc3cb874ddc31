package io.deskforge.apps;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manual probe, outside the default test run, for races that show only on a loaded host: replays
 * every trajectory (the solution and each negative) of some families' tasks, each in a fresh
 * sandbox desktop, many desktops at once, optionally beside threads that keep cores busy. A
 * trajectory whose action fails (a window that never came) leaves a screenshot of that moment in
 * the output folder, named after the run and the action; the last line says how many failed. This
 * is how the address bar's race was found and its fix measured (README, "Apps and task families"):
 * {@code -Dtest=LoadProbe -Dprobe.families=chromium.do-not-track -Dprobe.seeds=30 -Dprobe.lanes=10
 * -Dprobe.busy=4 -Dprobe.out=/tmp/load-probe}. A desktop whose setup fails also leaves its process
 * list and the desktop files named in {@code probe.keep} (comma-separated, e.g. an app server's
 * log), each as {@code <run>-setup-<file name>}. With {@code probe.check=true} the task's checker
 * also reads each end state (apps that save nothing more on their way out, as the office apps'
 * trajectories save themselves): a solution whose state fails it, or a negative whose state passes
 * it, counts as a failure ("WRONG"), with an {@code -end.png} screenshot.
 */
class LoadProbe {
  @TempDir Path work;

  @Test
  void probe() throws Exception {
    String ids = System.getProperty("probe.families");
    Assumptions.assumeTrue(ids != null);
    int seeds = Integer.getInteger("probe.seeds", 10);
    int lanes = Integer.getInteger("probe.lanes", 6);
    int busy = Integer.getInteger("probe.busy", 0);
    Path out = Path.of(System.getProperty("probe.out", "/tmp/load-probe"));
    boolean checked = Boolean.parseBoolean(System.getProperty("probe.check", "false"));
    List<String> keep = List.of(System.getProperty("probe.keep", "").split(",")).stream().filter(k -> !k.isBlank()).toList();
    Files.createDirectories(out);
    AppCatalog catalog = AppCatalog.load();
    SetupRunner setup = new SetupRunner(catalog);

    record Run(TaskSpec task, Trajectory trajectory) {}
    List<Run> runs = new ArrayList<>();
    for (long seed = 1000; seed < 1000 + seeds; seed++) {
      for (String id : ids.split(",")) {
        TaskSpec task = catalog.family(id.strip()).sample(seed);
        runs.add(new Run(task, task.solution()));
        for (Trajectory negative : task.negatives()) runs.add(new Run(task, negative));
      }
    }

    AtomicBoolean done = new AtomicBoolean();
    List<Thread> spinners = new ArrayList<>();
    for (int i = 0; i < busy; i++) {
      Thread t = Thread.ofPlatform().daemon().start(() -> {
        while (!done.get()) Thread.onSpinWait(); // a core kept busy, as a host's other work would
      });
      spinners.add(t);
    }
    AtomicInteger failures = new AtomicInteger();
    try (DesktopProvider provider = DesktopProviders.create("sandbox")) {
      ExecutorService pool = Executors.newFixedThreadPool(lanes);
      List<Future<?>> results = new ArrayList<>();
      for (int n = 0; n < runs.size(); n++) {
        Run run = runs.get(n);
        String label = String.format("run%03d-%s-%d-%s", n, run.task().family(), run.task().seed(), run.trajectory().name());
        results.add(pool.submit(() -> {
          try (Desktop d = provider.create(catalog.desktopFor(run.task().desktopApps()).accessibility(false).workRoot(work).build())) {
            try {
              d.start();
              setup.apply(d, run.task().setup());
              d.settle(Duration.ofMillis(50), Duration.ofSeconds(30));
            } catch (RuntimeException e) {
              // counted like a failed action, so one desktop's setup does not end the probe and
              // leave the other lanes' desktops to the JVM's exit
              failures.incrementAndGet();
              try {
                Files.write(out.resolve(label + "-setup.png"), d.screenshot().png());
              } catch (RuntimeException screenshotFailed) {
                // the desktop may be gone; the message says why
              }
              keep(d, out, label + "-setup", keep);
              System.out.println("LOAD PROBE FAILED " + label + " at setup: " + e.getMessage());
              return null;
            }
            List<Action> actions = run.trajectory().actions();
            for (int i = 0; i < actions.size(); i++) {
              try {
                d.act(List.of(actions.get(i)));
              } catch (RuntimeException e) {
                failures.incrementAndGet();
                Files.write(out.resolve(label + "-action" + i + ".png"), d.screenshot().png());
                System.out.println("LOAD PROBE FAILED " + label + " at action " + i + " " + actions.get(i) + ": " + e.getMessage());
                return null;
              }
            }
            if (checked) {
              // the end state, as the audit reads it: the solution's must pass, a negative's must not
              d.settle(Duration.ofMillis(200), Duration.ofSeconds(20));
              boolean passed = new io.deskforge.apps.check.GetterReader(catalog).check(d, run.task().checker()).passed();
              boolean solution = run.trajectory() == run.task().solution();
              if (passed != solution) {
                failures.incrementAndGet();
                Files.write(out.resolve(label + "-end.png"), d.screenshot().png());
                System.out.println("LOAD PROBE WRONG " + label + ": the checker " + (passed ? "passed" : "failed") + " on its end state");
                return null;
              }
            }
            System.out.println("LOAD PROBE ok " + label);
          }
          return null;
        }));
      }
      for (Future<?> f : results) f.get();
      pool.shutdown();
    } finally {
      done.set(true);
      for (Thread t : spinners) t.join();
    }
    System.out.println("LOAD PROBE failures " + failures.get() + " of " + runs.size() + " trajectories (" + lanes
        + " desktops at once, " + busy + " busy threads)");
  }

  /** The desktop's processes (CPU time, state) and the named desktop files, next to the screenshot. */
  static void keep(Desktop d, Path out, String prefix, List<String> files) {
    try {
      Files.writeString(out.resolve(prefix + "-ps.txt"),
          d.privileged().execAsUser(List.of("ps", "-eo", "pid,stat,pcpu,time,wchan:20,args", "--sort=-time"), Duration.ofSeconds(10)).stdoutText());
    } catch (RuntimeException | java.io.IOException e) {
      System.out.println("LOAD PROBE no process list of " + prefix + ": " + e.getMessage());
    }
    for (String file : files) {
      try {
        Files.write(out.resolve(prefix + "-" + Path.of(file).getFileName()), d.privileged().readFile(file));
      } catch (RuntimeException | java.io.IOException e) {
        System.out.println("LOAD PROBE no " + file + " of " + prefix + ": " + e.getMessage());
      }
    }
  }
}
