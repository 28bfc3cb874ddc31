package io.deskforge.audit.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.PageReader;
import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.visual.VisualAudit;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.action.Action;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.check.Reading;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.AuditReport.Stage;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Proves a task by replay, each trajectory in a FRESH desktop set up from the task alone:
 *
 * <ol>
 *   <li>the checker fails on the initial state (this is also the no-op negative);
 *   <li>the reference solution, through the GUI only, makes it pass;
 *   <li>checker mutations of the solved state (a value changed, an item missing, not saved) fail;
 *   <li>every other negative fails;
 *   <li>every fresh desktop starts from the same state (the setup is deterministic).
 * </ol>
 *
 * <p>A negative that is the reference solution's first actions and nothing else (the edit made,
 * the save not: "not-saved"), or those actions and then only waits (a web app's "unsaved": the
 * draft typed, then time for an autosave that must not come), is checked where the solution's own
 * replay reaches that point, in its desktop, which got there from the same fresh state by the same
 * actions; its waits change nothing the solution goes on from. One desktop fewer for most office,
 * editor, Jupyter and TiddlyWiki tasks. Not when an app of the task must quit to write its state
 * (Chromium) or the checker reads a live page, where a reading would end or change the run; and
 * at least one negative always keeps a fresh desktop of its own, for the determinism check.
 *
 * A task the replay finds wrong gets reasons; a desktop that dies throws {@link
 * io.deskforge.desktop.DesktopException}, which is the infrastructure's fault, not the task's.
 */
public final class ReplayAuditor {
  private static final Duration SETTLE_MAX = FinalState.SETTLE_MAX;
  /** After setup, whose app launch already waited for the app to go quiet. */
  private static final Duration SETUP_QUIET = Duration.ofMillis(50);

  private final DesktopProvider provider;
  private final AppCatalog catalog;
  private final SetupRunner setup;
  private final GetterReader reader;
  private final UnaryOperator<DesktopConfig.Builder> configure;
  private final int desktopsAtOnce;

  /**
   * {@code configure} adjusts every audit desktop (work folder, resolution); accessibility is off.
   * One task's desktops run {@link #desktopsAtOnceFromEnvironment()} at once.
   */
  public ReplayAuditor(DesktopProvider provider, AppCatalog catalog, UnaryOperator<DesktopConfig.Builder> configure) {
    this(provider, catalog, configure, desktopsAtOnceFromEnvironment());
  }

  /**
   * As above, with at most {@code desktopsAtOnce} of one task's desktops running at once: the
   * solution's and {@code desktopsAtOnce - 1} negatives'. 1 replays one trajectory after another.
   */
  public ReplayAuditor(DesktopProvider provider, AppCatalog catalog, UnaryOperator<DesktopConfig.Builder> configure,
      int desktopsAtOnce) {
    if (desktopsAtOnce < 1) throw new IllegalArgumentException("desktopsAtOnce must be at least 1, not " + desktopsAtOnce);
    this.provider = provider;
    this.catalog = catalog;
    this.setup = new SetupRunner(catalog);
    this.reader = new GetterReader(catalog);
    this.configure = configure;
    this.desktopsAtOnce = desktopsAtOnce;
  }

  /**
   * Desktops of one task at once by default: enough for a web task's solution and its three
   * negatives together. An audit's desktops spend most of their time waiting (for an app to start,
   * a window, a save), so four share two cores well, even with two tasks audited at once; see the
   * README for the figures.
   */
  public static final int DEFAULT_DESKTOPS_AT_ONCE = 4;

  /**
   * {@code DESKFORGE_DESKTOPS_PER_TASK} when set (a whole number, at least 1), else {@link
   * #DEFAULT_DESKTOPS_AT_ONCE}, so every command that audits honours it.
   */
  public static int desktopsAtOnceFromEnvironment() {
    String v = System.getenv("DESKFORGE_DESKTOPS_PER_TASK");
    if (v == null || v.isBlank()) return DEFAULT_DESKTOPS_AT_ONCE;
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 1) return n;
    } catch (NumberFormatException e) {
      // named below
    }
    throw new IllegalArgumentException("DESKFORGE_DESKTOPS_PER_TASK: '" + v + "' is not a whole number of desktops, at least 1");
  }

  public String providerName() {
    return provider.name();
  }

  /** The stages and, when the task is wrong, the reasons. */
  public record Outcome(List<Stage> stages, List<String> reasons) {
    public boolean proved() {
      return reasons.isEmpty() && stages.stream().anyMatch(s -> s.name().equals("replay.solution") && s.passed());
    }
  }

  public Outcome replay(TaskSpec task, EvidenceSink evidence) {
    List<Stage> stages = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    // every negative not checked on the solution's way has a fresh desktop of its own, so none
    // waits for the solution's desktop or for another negative: each mostly waits for an app, a
    // window or a save
    List<Trajectory> inSolution = solutionPrefixes(task, catalog);
    try (NegativeRuns negatives = NegativeRuns.start(task, inSolution, desktopsAtOnce - 1, (n, shift) -> negative(task, n, shift))) {
      InitialState first = solved(task, inSolution, evidence, stages, reasons);
      if (first == null) return new Outcome(stages, reasons);
      for (NegativeRuns.Run run : negatives.results()) {
        if (!run.initial().equals(first)) {
          List<String> diff = first.differences(run.initial());
          stages.add(new Stage("replay.determinism", false, "two fresh desktops set up from the same task differ in " + diff, run.millis(), null));
          reasons.add("the setup is not deterministic: two fresh desktops differ in " + diff);
          return new Outcome(stages, reasons);
        }
        negativeVerdict(run.negative(), run.result(), "", run.millis(), stages, reasons);
      }
    }
    if (task.negatives().size() > 1) {
      stages.add(new Stage("replay.determinism", true, "every fresh desktop started from the same state", 0, null));
    }
    return new Outcome(stages, reasons);
  }

  /**
   * The negatives checked inside the solution's replay (see the class comment), in the order the
   * solution reaches them: each is a strict, non-empty prefix of the solution's actions, alone or
   * followed by waits only ({@link #sharedPrefix}), the task's apps write their state without
   * quitting and its checker reads no live page. At least one negative other than the no-op keeps
   * a desktop of its own (the last, when each is such a prefix).
   */
  static List<Trajectory> solutionPrefixes(TaskSpec task, AppCatalog catalog) {
    List<String> paths = task.checker().paths();
    if (paths.isEmpty() || CheckerMutation.readsPage(task)) return List.of();
    if (task.desktopApps().stream().anyMatch(app -> !catalog.commitCommand(app, paths).isEmpty())) return List.of();
    List<Action> solution = task.solution().actions();
    List<Trajectory> others = NegativeRuns.replayed(task);
    List<Trajectory> out = new ArrayList<>();
    for (Trajectory n : others) {
      if (sharedPrefix(solution, n) > 0 && out.size() < others.size() - 1) out.add(n);
    }
    out.sort(java.util.Comparator.comparingInt(n -> sharedPrefix(solution, n)));
    return List.copyOf(out);
  }

  /**
   * How many of the solution's first actions {@code negative} is, when it is those and then only
   * waits, and they are fewer than the whole solution; 0 otherwise. Its waits come after them in
   * the solution's desktop; a wait changes nothing the solution goes on from.
   */
  static int sharedPrefix(List<Action> solution, Trajectory negative) {
    List<Action> a = negative.actions();
    int k = 0;
    while (k < a.size() && k < solution.size() && a.get(k).equals(solution.get(k))) k++;
    if (k >= solution.size()) return 0;
    return a.subList(k, a.size()).stream().allMatch(Action::onlyWaits) ? k : 0;
  }

  /**
   * The solution's desktop: setup, the initial check, the reference solution (and on its way the
   * negatives that are its first actions), the visual audit and the checker mutations. Returns the
   * initial state, or null when the audit ends here.
   */
  private InitialState solved(TaskSpec task, List<Trajectory> inSolution, EvidenceSink evidence, List<Stage> stages,
      List<String> reasons) {
    InitialState first;
    CheckResult initial;
    try (Desktop d = provider.create(desktopConfig(task))) {
      long t0 = System.nanoTime();
      d.start();
      setup.apply(d, task.setup());
      d.settle(SETUP_QUIET, SETTLE_MAX);
      byte[] startPng = d.screenshot().png();
      evidence.write("start.png", startPng);
      first = InitialState.take(d, task.checker(), reader, catalog.formats());
      Map<String, PathState> initialPaths = capturePaths(d, task);
      stages.add(stage("replay.setup", true, "fresh " + provider.name() + " desktop " + d.id() + " set up", t0, null));

      long t1 = System.nanoTime();
      initial = reader.check(d, task.checker());
      stages.add(stage("replay.initial", !initial.passed(),
          initial.passed() ? "the checker already passes before anything is done: " + initial.explain()
              : "the checker fails on the initial state, as it must", t1, readings(initial)));
      stages.add(stage("replay.negative:no-op", !initial.passed(), "doing nothing leaves the checker " + (initial.passed() ? "passing" : "failing"), t1, null));
      if (initial.passed()) {
        reasons.add("the checker already passes on the initial state (" + initial.explain() + ")");
        return null;
      }

      long t2 = System.nanoTime();
      List<Action> actions = task.solution().actions();
      int done = 0;
      for (Trajectory negative : inSolution) {
        long tn = System.nanoTime();
        int upTo = sharedPrefix(actions, negative);
        d.act(actions.subList(done, upTo));
        done = upTo;
        d.act(negative.actions().subList(upTo, negative.actions().size()));
        FinalState.await(d, task);
        CheckResult r = reader.check(d, task.checker());
        int waits = negative.actions().size() - upTo;
        String where = " (the reference solution's first " + done + " of " + actions.size() + " actions"
            + (waits == 0 ? "" : ", then its own " + waits + (waits == 1 ? " wait" : " waits")) + ", checked in its desktop)";
        negativeVerdict(negative, r, where, (System.nanoTime() - tn) / 1_000_000, stages, reasons);
      }
      d.act(actions.subList(done, actions.size()));
      FinalState.await(d, task);
      // the screen and its windows as the solution left them, before an app quits to write its state
      byte[] endPng = d.screenshot().png();
      evidence.write("end.png", endPng);
      List<io.deskforge.desktop.WindowInfo> endWindows = d.windows();
      FinalState.commit(d, task, catalog);
      CheckResult solved = reader.check(d, task.checker());
      stages.add(stage("replay.solution", solved.passed(),
          solved.passed() ? "the reference solution, through the GUI, makes the checker pass"
              : "the reference solution does not solve the task: " + solved.explain(), t2, readings(solved)));
      if (!solved.passed()) {
        reasons.add("the reference solution does not make the checker pass (" + solved.explain() + ")");
        return null;
      }

      // the screen the solution left must look like a solved task, not a broken one
      long tv = System.nanoTime();
      boolean edits = task.solution().actions().stream()
          .anyMatch(a -> !a.onlyWaits());
      for (VisualAudit.Finding f : VisualAudit.inspect(startPng, endPng, endWindows, task.app(), edits)) {
        stages.add(stage("replay.visual:" + f.check(), f.passed(), f.detail(), tv, null));
        if (!f.passed()) reasons.add("visual: " + f.check() + ": " + f.detail());
      }

      List<CheckerMutation> mutations = new ArrayList<>(CheckerMutation.derive(task, d, initialPaths, catalog.formats()));
      if (CheckerMutation.readsPage(task)) mutations.add(CheckerMutation.pageLeft(reader));
      if (mutations.isEmpty()) {
        // cannot happen for a task whose solution changed what the checker reads, unless the
        // derivation is broken: then no task may pass unchallenged
        stages.add(stage("replay.mutation", false, "no checker mutation could be derived from the facts and the checker's getters", t2, null));
        reasons.add("no checker mutation could be derived for the solved state, so nothing shows that the checker notices a wrong one");
      }
      for (CheckerMutation m : mutations) {
        long tm = System.nanoTime();
        String where = m.path() == null ? "the browser's page" : m.path();
        if (m.path() == null) {
          // the page's own state: left, checked, and the solved page opened again
          Reading solvedPage = reader.read(d, new Getter.PageUrl(null));
          m.apply().accept(d);
          CheckResult r = reader.check(d, task.checker());
          if (solvedPage.text() != null) PageReader.navigate(d, reader.browser(d), solvedPage.text());
          stages.add(stage("replay.mutation:" + m.name(), !r.passed(),
              r.passed() ? "the checker accepts " + where + " left for " + CheckerMutation.BLANK + ": " + r.explain()
                  : "the checker rejects the state with " + m.name() + " in " + where, tm, readings(r)));
          if (r.passed()) reasons.add("the checker accepts the solved state with " + m.name() + " in " + where + " (too weak)");
          continue;
        }
        PathState solvedState = PathState.capture(d, m.path());
        m.apply().accept(d);
        CheckResult r = reader.check(d, task.checker());
        PathState.restore(d, m.path(), solvedState);
        stages.add(stage("replay.mutation:" + m.name(), !r.passed(),
            r.passed() ? "the checker accepts a mutated state of " + m.path() + ": " + r.explain()
                : "the checker rejects the state with " + m.name() + " in " + m.path(), tm, readings(r)));
        if (r.passed()) reasons.add("the checker accepts the solved state with " + m.name() + " in " + m.path() + " (too weak)");
      }
    }
    return first;
  }

  /**
   * One negative in a fresh desktop: the initial state its setup gives and the checker's result
   * after it. The shifted desktop lives a year and a half later, on the other side of the world, so
   * a setup that writes the date or the time zone cannot pass the determinism check.
   */
  private NegativeRuns.Run negative(TaskSpec task, Trajectory negative, boolean shiftClock) {
    DesktopConfig config = shiftClock ? shiftedClock(desktopConfig(task)) : desktopConfig(task);
    try (Desktop d = provider.create(config)) {
      long t = System.nanoTime();
      d.start();
      setup.apply(d, task.setup());
      d.settle(SETUP_QUIET, SETTLE_MAX);
      InitialState initial = InitialState.take(d, task.checker(), reader, catalog.formats());
      d.act(negative.actions());
      FinalState.await(d, task);
      FinalState.commit(d, task, catalog);
      CheckResult r = reader.check(d, task.checker());
      return new NegativeRuns.Run(negative, initial, r, (System.nanoTime() - t) / 1_000_000);
    }
  }

  /** A negative's stage, with {@code where} it ran after its detail, and its reason when it passes the checker. */
  private static void negativeVerdict(Trajectory negative, CheckResult r, String where, long millis, List<Stage> stages,
      List<String> reasons) {
    String passes = "the negative '" + negative.name() + "' (" + negative.description() + ") passes the checker";
    stages.add(new Stage("replay.negative:" + negative.name(), !r.passed(),
        (r.passed() ? passes : "the negative '" + negative.name() + "' fails the checker, as it must") + where, millis, readings(r)));
    if (r.passed()) reasons.add(passes);
  }

  /** A desktop with the task's app, its related apps and every app its setup launches. */
  /** The zone and the clock offset of the determinism check's shifted desktop. */
  static final String SHIFTED_ZONE = "Pacific/Kiritimati";
  static final String SHIFTED_OFFSET = "+555d";

  /**
   * The same desktop with another time zone and, where libfaketime is installed (a base package),
   * a clock {@value #SHIFTED_OFFSET} ahead for the commands run inside as the desktop user.
   */
  static DesktopConfig shiftedClock(DesktopConfig config) {
    java.util.Map<String, String> env = new java.util.LinkedHashMap<>(config.environment());
    env.put("TZ", SHIFTED_ZONE);
    java.util.Map<String, String> commands = new java.util.LinkedHashMap<>(config.commandEnvironment());
    String multiarch = System.getProperty("os.arch").equals("aarch64") ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
    String lib = "/usr/lib/" + multiarch + "/faketime/libfaketime.so.1";
    if (java.nio.file.Files.exists(java.nio.file.Path.of(lib))) {
      // the shifted clock is for what setup runs; apps keep the real one (their saves and timers)
      commands.put("LD_PRELOAD", lib);
      commands.put("FAKETIME", SHIFTED_OFFSET);
      commands.put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }
    return config.withEnvironments(env, commands);
  }

  public DesktopConfig desktopConfig(TaskSpec task) {
    return configure.apply(catalog.desktopFor(task.desktopApps()).accessibility(false)).build();
  }

  private static Map<String, PathState> capturePaths(Desktop d, TaskSpec task) {
    Map<String, PathState> out = new LinkedHashMap<>();
    task.checker().leaves().stream().filter(l -> l.getter().path() != null)
        .forEach(l -> out.computeIfAbsent(l.getter().path(), p -> PathState.capture(d, p)));
    return out;
  }

  private static JsonNode readings(CheckResult r) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CheckResult.Leaf l : r.leaves()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("getter", l.getter());
      m.put("reading", l.reading());
      m.put("passed", l.passed());
      m.put("why", l.why());
      out.add(m);
    }
    return TaskJson.tree(out);
  }

  private static Stage stage(String name, boolean passed, String detail, long startNanos, JsonNode readings) {
    return new Stage(name, passed, detail, (System.nanoTime() - startNanos) / 1_000_000, readings);
  }
}
