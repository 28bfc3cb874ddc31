package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
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
 * Every built-in family and every shipped data family (family files), 2 seeds each in CI: distinct
 * tasks that pass the static audit and are proved by replay in fresh sandbox desktops. All audits
 * share one pool, one more worker than there are cores, fed across families. The full sweep is
 * {@code -Ddeskforge.verify.seeds=20 -Ddeskforge.verify.slowSeeds=20 -Ddeskforge.verify.dataSeeds=20}
 * (README, "Apps and task families"), and FamiliesStaticTest draws 20 seeds of every family.
 */
class FamiliesVerifyTest {
  static final int SEEDS = Integer.getInteger("deskforge.verify.seeds", 2);
  static final int DATA_SEEDS = Integer.getInteger("deskforge.verify.dataSeeds", 2);
  /** The first seed drawn (1000); a sweep can run in parts, say 10 seeds from 1000, then 10 from 1010. */
  static final long FIRST_SEED = Long.getLong("deskforge.verify.firstSeed", 1000);
  static final AppCatalog BUILT_IN = AppCatalog.load();
  static final List<DataFamily> DATA = FamilyFiles.shipped();
  static final AppCatalog CATALOG = BUILT_IN.withFamilies(DATA);
  @TempDir static Path work;
  static DesktopProvider provider;
  static ReplayAuditor replay;
  static ExecutorService pool;

  @BeforeAll
  static void start() {
    provider = DesktopProviders.create("sandbox");
    replay = new ReplayAuditor(provider, CATALOG, b -> b.workRoot(work));
    // one audit per core: each runs three of its desktops at once (ReplayAuditor), which already
    // fills the time an audit spends waiting for apps to go quiet
    pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    provider.close();
  }

  @TestFactory
  List<DynamicTest> twentySeedsGiveTwentyDistinctTasksThatAllVerify() {
    return dynamicTests(BUILT_IN.families(BUILT_IN.names()).stream().filter(FamiliesVerifyTest::selected).toList(), FamiliesVerifyTest::seedsOf);
  }

  /**
   * A family whose reference solution waits 5 s or more for its app to write its state on its own
   * (a browser's profile) costs that in each of a task's desktops: it verifies deskforge.verify.slowSeeds (2)
   * seeds in CI, the full sweep the same way as the others.
   */
  static final int SLOW_SEEDS = Integer.getInteger("deskforge.verify.slowSeeds", 2);

  /**
   * The apps whose families verify deskforge.verify.seeds (2) seeds in CI; the families of the apps
   * added since (office and browser apps, whose audits take 30-70 s) verify slowSeeds (2), as their
   * issues ask, and the full sweep of every family is the same command with both set to 20.
   */
  static final java.util.Set<String> FIRST_APPS = java.util.Set.of("mousepad", "gnumeric", "xterm");

  /**
   * The apps or families whose tasks to verify, from deskforge.verify.apps (comma-separated app
   * names or family ids; all when unset): one app's sweep without the others' desktops.
   */
  static boolean selected(TaskFamily family) {
    String apps = System.getProperty("deskforge.verify.apps", "");
    List<String> names = java.util.Arrays.asList(apps.split(","));
    return apps.isBlank() || names.contains(family.app()) || names.contains(family.id());
  }

  static int seedsOf(TaskFamily family) {
    long waited = family.sample(1000).solution().actions().stream()
        .mapToLong(a -> a instanceof io.deskforge.task.action.Action.Wait w ? w.ms() : 0).sum();
    return waited >= 5_000 || !FIRST_APPS.contains(family.app()) ? Math.min(SEEDS, SLOW_SEEDS) : SEEDS;
  }

  @TestFactory
  List<DynamicTest> twoSeedsOfEveryDataFamilyVerify() {
    return dynamicTests(DATA.stream().filter(FamiliesVerifyTest::selected).toList(), f -> DATA_SEEDS);
  }

  /**
   * Every family's audits go to the pool when the tests are made, not when each test starts: the
   * workers never wait for the slowest task of one family before starting the next family's (with
   * two seeds a family, one worker of three used to idle), and each test awaits its own.
   */
  private static List<DynamicTest> dynamicTests(List<? extends TaskFamily> families, java.util.function.ToIntFunction<TaskFamily> seeds) {
    List<DynamicTest> tests = new ArrayList<>();
    for (TaskFamily family : families) {
      List<TaskSpec> tasks;
      try {
        tasks = LongStream.range(FIRST_SEED, FIRST_SEED + seeds.applyAsInt(family)).mapToObj(family::sample).toList();
      } catch (RuntimeException e) {
        tests.add(DynamicTest.dynamicTest(family.id(), () -> { throw e; }));  // a family that cannot draw fails alone
        continue;
      }
      List<Future<String>> results = tasks.stream().map(t -> submit(family, t)).toList();
      tests.add(DynamicTest.dynamicTest(family.id(), () -> verify(family, tasks, results)));
    }
    return tests;
  }

  private static void verify(TaskFamily family, List<TaskSpec> tasks, List<Future<String>> results) throws Exception {
    Set<String> ids = new HashSet<>();
    tasks.forEach(t -> ids.add(t.id()));
    assertThat(ids).as("distinct tasks").hasSize(tasks.size());
    List<String> failures = new ArrayList<>();
    for (Future<String> f : results) {
      String r = f.get();
      if (r != null) failures.add(r);
    }
    assertThat(failures).as("tasks of " + family.id() + " that did not verify").isEmpty();
  }

  private static Future<String> submit(TaskFamily family, TaskSpec t) {
    StaticAuditor statics = new StaticAuditor(CATALOG);
    return pool.submit(() -> {
      List<String> reasons = statics.audit(t);
      if (!reasons.isEmpty()) return t.id() + " static: " + reasons;
      long t0 = System.nanoTime();
      ReplayAuditor.Outcome o;
      try {
        o = replay.replay(t, EvidenceSink.none());
      } catch (io.deskforge.desktop.DesktopException e) {
        // as the generator does: an infrastructure failure (an app slow to save on a loaded
        // host) is retried once in a fresh desktop before it counts
        System.out.printf("audit %s seed %d: retried after %d ms: %s%n", family.id(), t.seed(), (System.nanoTime() - t0) / 1_000_000, e.getMessage());
        t0 = System.nanoTime();
        o = replay.replay(t, EvidenceSink.none());
      }
      // one line a task, for a sweep's audit times
      System.out.printf("audit %s seed %d: %s in %d ms%n", family.id(), t.seed(), o.proved() ? "proved" : "REJECTED",
          (System.nanoTime() - t0) / 1_000_000);
      return o.proved() ? null : t.id() + " (" + t.instruction() + "): " + o.reasons();
    });
  }
}
