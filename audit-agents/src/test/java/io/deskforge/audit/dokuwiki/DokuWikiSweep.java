package io.deskforge.audit.dokuwiki;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DokuWiki families, each with deskforge.verify.seeds (2) seeds: distinct tasks that pass the
 * static audit and are proved by the replay audit in fresh sandbox desktops (setup, the checker
 * failing first, the reference solution through Chromium, checker mutations, every negative).
 * FamiliesVerifyTest does the same for every app in CI; this one, outside the default test run
 * (its name does not end in Test: run it with -Dtest=DokuWikiSweep), runs the wiki alone and prints the
 * audit time of each task. The full sweep: -Ddeskforge.verify.seeds=20 (or in parts, with
 * -Ddeskforge.verify.firstSeed), and -Ddeskforge.verify.log=FILE writes each task's line as it ends.
 */
class DokuWikiSweep {
  static final int SEEDS = Integer.getInteger("deskforge.verify.seeds", 2);
  /** The first seed; a sweep can be run in parts (1000 and 10 seeds, then 1010 and 10). */
  static final long FIRST_SEED = Long.getLong("deskforge.verify.firstSeed", 1000);
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir static Path work;
  static DesktopProvider provider;
  static ReplayAuditor replay;
  static ExecutorService pool;

  @BeforeAll
  static void start() {
    provider = DesktopProviders.create("sandbox");
    replay = new ReplayAuditor(provider, CATALOG, b -> b.workRoot(work));
    pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    provider.close();
  }

  @TestFactory
  List<DynamicTest> everyWikiFamilyVerifies() {
    return CATALOG.get("dokuwiki").families().stream()
        .map((TaskFamily family) -> DynamicTest.dynamicTest(family.id(), () -> verify(family))).toList();
  }

  /** One line a task, to standard output and, as it happens, to the file deskforge.verify.log names. */
  static synchronized void log(String line) {
    System.out.println(line);
    String file = System.getProperty("deskforge.verify.log");
    if (file == null) return;
    try {
      java.nio.file.Files.writeString(Path.of(file), line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      System.err.println("cannot write " + file + ": " + e.getMessage());
    }
  }

  private static void verify(TaskFamily family) throws Exception {
    StaticAuditor statics = new StaticAuditor(CATALOG);
    List<TaskSpec> tasks = LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS).mapToObj(family::sample).toList();
    Set<String> ids = new HashSet<>();
    tasks.forEach(t -> ids.add(t.id()));
    assertThat(ids).as("distinct tasks").hasSize(SEEDS);
    List<Future<String>> results = new ArrayList<>();
    for (TaskSpec t : tasks) {
      results.add(pool.submit(() -> {
        List<String> reasons = statics.audit(t);
        if (!reasons.isEmpty()) return t.id() + " static: " + reasons;
        long t0 = System.nanoTime();
        ReplayAuditor.Outcome o;
        try {
          o = replay.replay(t, EvidenceSink.none());
        } catch (io.deskforge.desktop.DesktopException e) {
          // as FamiliesVerifyTest and the generator do: an infrastructure failure (a page slow to
          // come on a loaded host) is retried once in fresh desktops before it counts
          log(String.format("audit %s seed %d: retried after %d ms: %s", family.id(), t.seed(), (System.nanoTime() - t0) / 1_000_000,
              e.getMessage()));
          t0 = System.nanoTime();
          o = replay.replay(t, EvidenceSink.none());
        }
        log(String.format("audit %s seed %d: %s in %d ms%s", family.id(), t.seed(), o.proved() ? "proved" : "REJECTED",
            (System.nanoTime() - t0) / 1_000_000, o.proved() ? "" : " " + o.reasons()));
        return o.proved() ? null : t.id() + " (" + t.instruction() + "): " + o.reasons();
      }));
    }
    List<String> failures = new ArrayList<>();
    for (Future<String> f : results) {
      String r = f.get();
      if (r != null) failures.add(r);
    }
    assertThat(failures).as("tasks of " + family.id() + " that did not verify").isEmpty();
  }
}
