package io.deskforge.gym.webarena;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.audit.replay.FinalState;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.export.Export;
import io.deskforge.task.export.PublicEvalSets;
import io.deskforge.task.export.WebArenaExporter;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebArena export of generated wiki tasks, scored by WebArena's own evaluator code, unchanged
 * ({@code evaluation_harness} from {@code ../shared/webarena-code} or DESKFORGE_WEBARENA_CODE), on
 * Debian's python3, as WebArena's run.py scores an episode: {@code evaluator_router(config)(
 * trajectory, config, page, client)}. The page is the live page of a real sandbox desktop set up
 * from the task: the stand-in of {@code playwright.sync_api.Page} forwards {@code goto},
 * {@code evaluate}, {@code content} and {@code url} to Playwright for Java connected over CDP to the
 * desktop's Chromium ({@link PageBridge}), so {@code program_html} opens its URLs and runs its
 * locators there. Stand-ins replace only what Debian does not package: beartype, Playwright for
 * Python, WebArena's browser_env and llms (resources under {@code webarena/standins}).
 *
 * <p>For one seed of every exported family of the web apps ({@code deskforge.webarena.seed}, 1;
 * DokuWiki, MediaWiki, TiddlyWiki, Jupyter but its refused {@code run-all}, which the export must
 * leave out naming why): the score is 0 on the initial state, 0 after the family's near-miss
 * negative, 1 after the reference solution is replayed through the GUI, and, for DokuWiki, whose
 * state is files its server reads on each request (the other apps' servers keep theirs in a
 * database or a store a file written behind them does not change), 0 on a near miss of the solved state (the first check's page with one
 * letter's case changed, which WebArena's case-folding exact_match alone would accept, as the same
 * target with the plain text shows, the deleted page back, or the search results under the id of
 * the page to open, which url_match alone accepts). A negative the solution cannot
 * follow runs in a fresh desktop ({@link NearMiss}). deskforge's checker agrees at every step.
 *
 * <p>Which families get desktops: every family is exported (and the export checked) always, but by
 * default only {@link Representatives} of each app are scored, the fewest families whose configs
 * together hold every form the app's export uses (each {@code eval_types} entry, {@code
 * require_login} with its {@code storage_state}, each kind of {@code required_contents}, targets on
 * the agent's last page and on pages of their own): each family costs one or two desktops, and
 * all twenty took over eleven minutes of CI. {@code -Ddeskforge.webarena.families=all} scores every
 * family; a comma-separated list of family ids scores those.
 */
@Timeout(value = 1200, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WebArenaCompatTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  /**
   * The apps whose families are scored ({@code deskforge.webarena.apps}, comma-separated; every web
   * app by default); {@code deskforge.webarena.families} narrows them to some family ids, or, with
   * {@code all}, scores every family rather than the {@link Representatives} (the default).
   */
  static final List<String> APPS = List.of(System.getProperty("deskforge.webarena.apps", "dokuwiki,mediawiki,tiddlywiki,jupyter").split(","));
  static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Each family's near-miss negative (one detail wrong, the rest right), and whether the reference
   * solution still solves the task after it (the negative saved another page, or a text the
   * solution retypes whole): then it runs in the solution's desktop, before the solution, and else in
   * a fresh desktop of its own. Desktops are the test's time.
   */
  record NearMiss(String negative, boolean beforeSolution) {}

  static final Map<String, NearMiss> NEAR_MISS = Map.ofEntries(
      Map.entry("mediawiki.create-page", new NearMiss("wrong-page", true)),
      Map.entry("mediawiki.append-line", new NearMiss("wrong-page", true)),
      Map.entry("mediawiki.replace-word", new NearMiss("first-only", true)),
      Map.entry("mediawiki.delete-page", new NearMiss("both", false)),
      Map.entry("mediawiki.move-page", new NearMiss("copy-only", false)),
      Map.entry("tiddlywiki.create-tiddler", new NearMiss("no-tag", false)),
      Map.entry("tiddlywiki.append-line", new NearMiss("wrong-tiddler", false)),
      Map.entry("tiddlywiki.add-tag", new NearMiss("in-text", false)),
      Map.entry("tiddlywiki.delete-tiddler", new NearMiss("wrong-tiddler", false)),
      Map.entry("tiddlywiki.rename-tiddler", new NearMiss("wrong-tiddler", false)),
      Map.entry("jupyter.add-markdown", new NearMiss("at-top", false)),
      Map.entry("jupyter.delete-cell", new NearMiss("wrong-cell", false)),
      Map.entry("jupyter.edit-cell", new NearMiss("wrong-cell", false)),
      Map.entry("jupyter.rename-notebook", new NearMiss("wrong-name", false)),
      Map.entry("dokuwiki.create-page", new NearMiss("wrong-page", true)),
      Map.entry("dokuwiki.append-line", new NearMiss("wrong-page", true)),
      Map.entry("dokuwiki.replace-word", new NearMiss("first-only", true)),
      Map.entry("dokuwiki.delete-page", new NearMiss("both", false)),
      Map.entry("dokuwiki.move-page", new NearMiss("copy-only", false)),
      Map.entry("dokuwiki.find-page", new NearMiss("neighbour-page", true)));

  /** The families with no WebArena form, and why. */
  static final Map<String, String> REFUSED = Map.of("jupyter.run-all", "a JSON number or literal");

  @TempDir static Path work;
  static DesktopProvider provider;
  static List<TaskSpec> tasks;
  static Path export;
  static JsonNode taskIds;

  @BeforeAll
  static void exportOneSeedOfEveryFamily() throws Exception {
    long seed = Long.getLong("deskforge.webarena.seed", 1);
    List<TaskSpec> exported = new ArrayList<>();
    for (TaskFamily f : CATALOG.families(APPS)) {
      if (!REFUSED.containsKey(f.id())) exported.add(f.sample(seed));
    }
    export = work.resolve("webarena");
    Export e = new WebArenaExporter(CATALOG).export(exported, work, export);
    assertThat(e.skipped()).isEmpty();
    assertThat(e.tasks()).isEqualTo(exported.size());
    taskIds = JSON.readTree(export.resolve(WebArenaExporter.TASK_IDS).toFile());
    String only = System.getProperty("deskforge.webarena.families", "");
    if (only.equals("all")) {
      tasks = exported;
    } else if (only.isEmpty()) {
      tasks = Representatives.of(exported);
      System.out.println("scoring the representatives " + tasks.stream().map(TaskSpec::family).toList()
          + " of " + exported.size() + " exported families (-Ddeskforge.webarena.families=all scores every one)");
    } else {
      tasks = exported.stream().filter(t -> List.of(only.split(",")).contains(t.family())).toList();
      assertThat(tasks).as("exported families named by deskforge.webarena.families=%s", only).isNotEmpty();
    }
    for (TaskFamily f : CATALOG.families(APPS)) {
      if (!REFUSED.containsKey(f.id())) continue;
      // a family with no WebArena form is left out, named with why
      Export left = new WebArenaExporter(CATALOG).skippingUnexportable().export(List.of(exported.get(0), f.sample(seed)), work, work.resolve("left-" + f.id()));
      assertThat(left.skipped()).singleElement().asString().contains(f.id()).contains(REFUSED.get(f.id()));
    }
    assertThat(NEAR_MISS).containsKeys(exported.stream().map(TaskSpec::family).toArray(String[]::new));
    provider = DesktopProviders.create("sandbox");
  }

  @AfterAll
  static void close() {
    if (provider != null) provider.close();
  }

  /**
   * Per app, the fewest families (greedily: the one adding most forms not yet held, a family whose
   * near miss shares the solution's desktop first, then catalog order) whose exported configs
   * together hold every form that app's configs use: {@code eval_types} entries, {@code
   * require_login} (WebArena's auto-login and {@code storage_state}), each kind of {@code
   * required_contents}, and targets on the last page or on a page of their own.
   */
  static final class Representatives {
    private Representatives() {}

    static List<TaskSpec> of(List<TaskSpec> exported) throws Exception {
      Map<String, java.util.Set<String>> forms = new java.util.LinkedHashMap<>();
      for (TaskSpec t : exported) forms.put(t.id(), forms(JSON.readTree(config(t).toFile())));
      List<TaskSpec> out = new ArrayList<>();
      for (String app : exported.stream().map(TaskSpec::app).distinct().toList()) {
        List<TaskSpec> ofApp = exported.stream().filter(t -> t.app().equals(app)).toList();
        java.util.Set<String> missing = new java.util.TreeSet<>();
        ofApp.forEach(t -> missing.addAll(forms.get(t.id())));
        while (!missing.isEmpty()) {
          TaskSpec best = ofApp.stream()
              .max(java.util.Comparator.<TaskSpec>comparingLong(t -> forms.get(t.id()).stream().filter(missing::contains).count())
                  .thenComparing(t -> NEAR_MISS.get(t.family()).beforeSolution())
                  .thenComparing(t -> -ofApp.indexOf(t)))
              .orElseThrow();
          missing.removeAll(forms.get(best.id()));
          out.add(best);
        }
      }
      java.util.Set<String> held = new java.util.TreeSet<>();
      java.util.Set<String> all = new java.util.TreeSet<>();
      out.forEach(t -> held.addAll(forms.get(t.id())));
      exported.forEach(t -> all.addAll(forms.get(t.id())));
      assertThat(held).as("the forms the representatives' configs hold").isEqualTo(all);
      return out;
    }

    /** The forms of WebArena's config one task's export uses. */
    static java.util.Set<String> forms(JsonNode config) {
      java.util.Set<String> out = new java.util.TreeSet<>();
      config.at("/eval/eval_types").forEach(t -> out.add("eval_types:" + t.asText()));
      if (config.path("require_login").asBoolean()) out.add("require_login:" + config.path("storage_state").asText());
      for (JsonNode t : config.at("/eval/program_html")) {
        t.path("required_contents").fieldNames().forEachRemaining(k -> out.add("required_contents:" + k));
        out.add("program_html url:" + (t.path("url").asText().equals("last") ? "last" : "a page of its own"));
      }
      return out;
    }
  }

  /** The config file exported for the task. */
  static Path config(TaskSpec task) {
    for (var it = taskIds.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getValue().asText().equals(task.id())) return export.resolve(WebArenaExporter.CONFIG_FILES).resolve(e.getKey() + ".json");
    }
    throw new AssertionError("task " + task.id() + " was not exported");
  }

  static Path resource(String name) throws Exception {
    return Path.of(WebArenaCompatTest.class.getResource("/io/deskforge/gym/webarena/" + name).toURI());
  }

  /** WebArena's evaluator_router on the config, the page the bridge's; its score. */
  static double score(Path config, PageBridge page) throws Exception {
    Path code = PublicEvalSets.webarenaCode();
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", resource("webarena_score.py").toString(), resource("standins").toString(),
        code.toString(), config.toString()).redirectErrorStream(true);
    pb.environment().put("DESKFORGE_WEBARENA_BRIDGE", page.url());
    pb.environment().remove("PYTHONPATH");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    JsonNode answer = JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    // WebArena's own code ran, and the real nltk, not stand-ins of either
    assertThat(Path.of(answer.at("/modules/evaluation_harness.evaluators").asText()))
        .isEqualTo(code.resolve("evaluation_harness/evaluators.py"));
    assertThat(answer.at("/modules/nltk").asText()).startsWith("/usr/lib/python3/dist-packages/");
    return answer.get("score").asDouble();
  }

  Desktop setUp(TaskSpec task) {
    Desktop d = provider.create(CATALOG.desktopFor(List.of(task.app())).workRoot(work).accessibility(false).build());
    try {
      d.start();
      new SetupRunner(CATALOG).apply(d, task.setup());
      d.settle(Duration.ofMillis(50), Duration.ofSeconds(5));
      return d;
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  static boolean passes(Desktop d, TaskSpec task) {
    return new GetterReader(CATALOG).check(d, task.checker()).passed();
  }

  static String startUrl(TaskSpec task) {
    SetupStep.Launch launch = task.setup().stream().filter(s -> s instanceof SetupStep.Launch).map(s -> (SetupStep.Launch) s)
        .findFirst().orElseThrow();
    return CATALOG.webArenaSite(task.app()).orElseThrow().startUrl(launch.args());
  }

  /**
   * The solved state one detail off, on the first check's page: its text with the first letter's
   * case changed, or, for a page that must be gone, the page back, or, for a page that must be
   * shown, the wiki's search results under the same page id (url_match alone passes them).
   */
  static void nearMiss(Desktop d, TaskSpec task, PageBridge page) {
    Checker.Check first = task.checker().leaves().get(0);
    if (first.getter() instanceof Getter.PageUrl u && first.metric() instanceof Metric.EqualsText e) {
      page.navigate("http://127.0.0.1:8080/doku.php?" + u.param() + "=" + e.expected() + "&do=search&q=budget");
    } else if (first.getter() instanceof Getter.FileText t && first.metric() instanceof Metric.EqualsText e) {
      String text = e.expected();
      int i = 0;
      while (!Character.isLetter(text.charAt(i))) i++;
      char c = text.charAt(i);
      char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
      d.privileged().writeText(t.path(), text.substring(0, i) + flipped + text.substring(i + 1));
    } else if (first.getter() instanceof Getter.FileExists x && first.metric() instanceof Metric.IsFalse) {
      d.privileged().writeText(x.path(), "Back again.");
    } else {
      throw new AssertionError("no near miss for " + first);
    }
  }

  /** The config with its first target reading the text area's plain value, required to equal the plain expected text. */
  static Path plain(Path config, String expected) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode c = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(config.toFile());
    com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode) c.at("/eval/program_html/0");
    first.put("locator", "document.querySelector('#wiki__text').value");
    first.putObject("required_contents").put("exact_match", expected);
    Path out = work.resolve("plain-" + config.getFileName());
    JSON.writeValue(out.toFile(), c);
    return out;
  }

  /**
   * Desktops at once ({@code deskforge.webarena.lanes}, 3). A task's check waits for half its time,
   * on pages and on the 3 s WebArena's evaluator sleeps after it opens a target's page, so tasks
   * share the cores without slowing each other much: alone on this 2-core host the test took 212 s
   * one task at a time, 145 s two at a time, 120 s three.
   */
  static final int LANES = Integer.getInteger("deskforge.webarena.lanes", 3);

  interface TaskCheck {
    void check(TaskSpec task) throws Exception;
  }

  /** The check of every task, {@link #LANES} at a time; fails naming every task whose check failed. */
  static void onLanes(List<TaskSpec> tasks, TaskCheck check) throws Exception {
    ExecutorService lanes = Executors.newFixedThreadPool(LANES);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (TaskSpec task : tasks) runs.add(lanes.submit(() -> {
        check.check(task);
        return null;
      }));
      AssertionError failed = null;
      for (int i = 0; i < runs.size(); i++) {
        try {
          runs.get(i).get();
        } catch (ExecutionException e) {
          AssertionError one = new AssertionError(tasks.get(i).family() + ": " + e.getCause().getMessage(), e.getCause());
          if (failed == null) failed = one;
          else failed.addSuppressed(one);
        }
      }
      if (failed != null) throw failed;
    } finally {
      lanes.shutdownNow();
    }
  }

  @Test
  void eachExportScoresZeroBeforeTheReferenceSolutionOneAfterItAndZeroOnANearMiss() throws Exception {
    List<String> report = java.util.Collections.synchronizedList(new ArrayList<>());
    onLanes(tasks, task -> {
      Path config = config(task);
      long t0 = System.nanoTime();
      try (Desktop d = setUp(task); PageBridge page = new PageBridge(d, CATALOG.get("chromium").browser().orElseThrow())) {
        assertThat(passes(d, task)).as("%s: deskforge's checker on the initial state", task.family()).isFalse();
        assertThat(score(config, page)).as("%s: WebArena's score of the initial state", task.family()).isEqualTo(0.0);
        // the evaluation navigated the agent's page: back where the task starts, which the solution waits for
        page.navigate(startUrl(task));
        NearMiss near = NEAR_MISS.get(task.family());
        if (near.beforeSolution()) {
          negative(d, task, page, near.negative());
          page.navigate(startUrl(task));
        }

        d.act(task.solution().actions());
        FinalState.await(d, task);
        assertThat(passes(d, task)).as("%s: deskforge's checker after the reference solution", task.family()).isTrue();
        double solved = score(config, page);
        assertThat(solved).as("%s: WebArena's score after the reference solution; the targets selected %s", task.family(),
            solved == 1.0 ? "" : selected(config, page)).isEqualTo(1.0);

        if (!task.app().equals("dokuwiki")) {
          // the other wikis keep their state in a server's store, which a file written behind it does not change: their near misses are the negatives
          String line = task.family() + " seed " + task.seed() + ": 0" + (NEAR_MISS.get(task.family()).beforeSolution()
              ? ", negative " + NEAR_MISS.get(task.family()).negative() + " 0" : "") + ", solution 1 in " + (System.nanoTime() - t0) / 1_000_000_000 + " s";
          report.add(line);
          System.out.println(line);
          return;
        }
        nearMiss(d, task, page);
        assertThat(passes(d, task)).as("%s: deskforge's checker on the near miss", task.family()).isFalse();
        assertThat(score(config, page)).as("%s: WebArena's score of the near miss", task.family()).isEqualTo(0.0);
        if (task.checker().leaves().get(0).getter() instanceof Getter.FileText && task.checker().leaves().get(0).metric() instanceof Metric.EqualsText e) {
          // why the form: the page's plain text against the plain expected text, WebArena folds case and passes the near miss
          assertThat(score(plain(config, e.expected()), page)).as("%s: the plain text's score of the near miss", task.family()).isEqualTo(1.0);
        }
      }
      String line = task.family() + " seed " + task.seed() + ": 0" + (NEAR_MISS.get(task.family()).beforeSolution()
          ? ", negative " + NEAR_MISS.get(task.family()).negative() + " 0" : "") + ", solution 1, near miss 0 in " + (System.nanoTime() - t0) / 1_000_000_000 + " s";
      report.add(line);
      System.out.println(line);
    });
    System.out.println(String.join("\n", report));
  }

  @Test
  void theRepresentativesOfEachAppHoldEveryFormItsExportUses() throws Exception {
    List<TaskSpec> exported = CATALOG.families(APPS).stream().filter(f -> !REFUSED.containsKey(f.id()))
        .map(f -> f.sample(Long.getLong("deskforge.webarena.seed", 1))).toList();
    List<TaskSpec> chosen = Representatives.of(exported); // asserts that they hold every form
    assertThat(chosen.stream().map(TaskSpec::app).distinct()).as("an app without a representative")
        .containsExactlyElementsOf(exported.stream().map(TaskSpec::app).distinct().toList());
    assertThat(chosen.size()).as("representatives of %d families", exported.size()).isLessThan(exported.size());
    for (TaskSpec t : chosen) System.out.println("representative " + t.family() + ": " + Representatives.forms(JSON.readTree(config(t).toFile())));
  }

  /** What each target's locator selects on its page, against what it requires: why a score is 0. */
  static List<String> selected(Path config, PageBridge page) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode t : JSON.readTree(config.toFile()).at("/eval/program_html")) {
      if (!t.get("url").asText().equals("last")) page.navigate(t.get("url").asText());
      String got;
      try {
        got = page.evaluate("() => " + t.get("locator").asText());
      } catch (RuntimeException e) {
        got = "threw " + e.getMessage().lines().findFirst().orElse("");
      }
      out.add(t.get("url").asText() + " selected '" + got + "', required " + t.get("required_contents"));
    }
    return out;
  }

  /** Replays the task's negative of that name: deskforge's checker fails, and WebArena scores 0. */
  static void negative(Desktop d, TaskSpec task, PageBridge page, String name) throws Exception {
    Trajectory negative = task.negatives().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    d.act(negative.actions());
    FinalState.await(d, task);
    assertThat(passes(d, task)).as("%s: deskforge's checker after '%s'", task.family(), name).isFalse();
    assertThat(score(config(task), page)).as("%s: WebArena's score after '%s'", task.family(), name).isEqualTo(0.0);
  }

  @Test
  void eachExportScoresZeroAfterItsFamilysNearMissNegativeInAFreshDesktop() throws Exception {
    onLanes(tasks.stream().filter(t -> !NEAR_MISS.get(t.family()).beforeSolution()).toList(), task -> {
      NearMiss near = NEAR_MISS.get(task.family());
      long t0 = System.nanoTime();
      try (Desktop d = setUp(task); PageBridge page = new PageBridge(d, CATALOG.get("chromium").browser().orElseThrow())) {
        negative(d, task, page, near.negative());
      }
      System.out.println(task.family() + " seed " + task.seed() + ": negative " + near.negative() + " 0 in " + (System.nanoTime() - t0) / 1_000_000_000 + " s");
    });
  }
}
