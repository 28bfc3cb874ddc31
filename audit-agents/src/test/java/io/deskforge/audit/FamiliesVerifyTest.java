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
import java.util.Map;
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
 * Replay proof in fresh sandbox desktops: tasks that pass the static audit and are proved by replay
 * (distinct ones, with more than one seed a family). CI replays one seed of each of the {@link
 * #REPRESENTATIVE} families, one or two of each app, to keep its time; the breadth, every built-in and shipped data family, is {@code
 * deskforge sweep --seeds 2} (README, "Apps and task families"), or this test with {@code
 * -Ddeskforge.verify.apps=all}. In CI, FamiliesStaticTest draws 20 seeds of every family and
 * OsworldCompatTest resets an exported task of every family. All audits share one pool, fed across
 * families.
 */
class FamiliesVerifyTest {
  /**
   * Seeds a family (1: a second seed of the same family doubled CI's longest test for little; that
   * a family's seeds give distinct tasks is FamiliesStaticTest's, over 20 seeds, and a sweep's).
   * deskforge.verify.slowSeeds, which set it for the office and web apps' families when CI replayed
   * every family, is still read, so the commands quoted in the README run as they did.
   */
  static final int SEEDS = Integer.getInteger("deskforge.verify.seeds", Integer.getInteger("deskforge.verify.slowSeeds", 1));
  static final int DATA_SEEDS = Integer.getInteger("deskforge.verify.dataSeeds", 1);
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
    // one audit per core: each runs up to four of its desktops at once (ReplayAuditor), which already
    // fills the time an audit spends waiting for apps to go quiet
    pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    provider.close();
  }

  @TestFactory
  List<DynamicTest> seedsOfEachFamilyGiveDistinctTasksThatAllVerify() {
    List<TaskFamily> families = BUILT_IN.families(BUILT_IN.names()).stream().filter(FamiliesVerifyTest::selected).toList();
    // the order audits go to the pool: the representatives in their listed order, the longest audits
    // first (a 77 s Jupyter audit submitted last ran alone at the end), then any other family
    List<String> listed = List.copyOf(REPRESENTATIVE.keySet());
    java.util.function.ToIntFunction<TaskFamily> order = f -> {
      int i = listed.indexOf(f.id());
      return i < 0 ? listed.size() : i;
    };
    return dynamicTests(families.stream().sorted(java.util.Comparator.comparingInt(order)).toList(), f -> SEEDS);
  }

  /**
   * The families CI replays, each for the machinery it exercises beyond the others of its app: one
   * family of every app at least (a test below holds that), and two data families.
   */
  static final Map<String, String> REPRESENTATIVE = java.util.stream.Stream.of(
      // longest audits first (CI, December 6: Jupyter 77 s, the wikis 34-36 s, Chromium's chooser 41 s)
      Map.entry("jupyter.run-all", "a kernel run from the page; outputs read from the saved notebook"),
      Map.entry("chromium.download-folder", "a settings page loaded late, a button pressed until its chooser opens, the profile's Preferences"),
      Map.entry("tiddlywiki.rename-tiddler", "a single-page app's editor by its address and edit button; the .tid files the server writes"),
      Map.entry("dokuwiki.move-page", "two pages' editors in turn (one written, one emptied); the page files on disk"),
      // its login at setup is replayed in CI by WebArenaCompatTest (delete-page) and PageSetupOnDesktopTest; move-page,
      // which logs in, took 62 s of this test's 189
      Map.entry("mediawiki.append-line", "the wiki's editor through its edit address; rows of the wiki's SQLite"),
      Map.entry("chromium.bookmark-page", "the star's bubble (no window of its own) and the profile's Bookmarks"),
      Map.entry("libreoffice-calc.insert-chart", "a menu, a wizard of several pages, a chart read from the saved file"),
      Map.entry("libreoffice-writer.export-pdf", "the Export dialog and a PDF read by its text"),
      Map.entry("libreoffice-impress.speaker-notes", "the Notes view by menu, a note typed on each slide, notes read from the saved deck"),
      Map.entry("gnumeric.sum-column", "a SUM formula typed in a cell, ctrl+s, cells read back with ssconvert"),
      Map.entry("mousepad.replace-word", "the Find and Replace dialog, Replace all, ctrl+s"),
      Map.entry("xterm.rename-file", "commands at a shell prompt; state in the home folder"),
      Map.entry("xterm.make-directory.data", "a data family (family file) of a first app"),
      Map.entry("gnumeric.enter-value.data", "a data family of a spreadsheet"))
      .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));

  /**
   * The families whose tasks to verify, from deskforge.verify.apps: unset, the {@link
   * #REPRESENTATIVE} ones; {@code all}, every family; otherwise comma-separated app names or
   * family ids (one app's sweep without the others' desktops).
   */
  static boolean selected(TaskFamily family) {
    String apps = System.getProperty("deskforge.verify.apps", "");
    if (apps.isBlank()) return REPRESENTATIVE.containsKey(family.id());
    List<String> names = java.util.Arrays.asList(apps.split(","));
    return names.contains("all") || names.contains(family.app()) || names.contains(family.id());
  }

  /** Every app of the catalog has a family in CI's replay, and every family named there exists. */
  @org.junit.jupiter.api.Test
  void everyAppHasARepresentativeFamilyReplayedInCi() {
    List<TaskFamily> all = CATALOG.families(CATALOG.names());
    assertThat(all.stream().map(TaskFamily::id).toList()).as("families of the catalog").containsAll(REPRESENTATIVE.keySet());
    for (String app : CATALOG.names()) {
      if (CATALOG.families(List.of(app)).isEmpty()) continue;
      assertThat(REPRESENTATIVE.keySet()).as("families of " + app + " replayed in CI; add the one that exercises the most of it")
          .anyMatch(id -> all.stream().anyMatch(f -> f.id().equals(id) && f.app().equals(app)));
    }
  }

  @TestFactory
  List<DynamicTest> seedsOfEachDataFamilyVerify() {
    return dynamicTests(DATA.stream().filter(FamiliesVerifyTest::selected).toList(), f -> DATA_SEEDS);
  }

  /**
   * Every family's audits go to the pool when the tests are made, not when each test starts: the
   * workers never wait for the slowest task of one family before starting the next family's, and
   * each test awaits its own.
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
