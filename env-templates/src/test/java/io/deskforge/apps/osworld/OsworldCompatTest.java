package io.deskforge.apps.osworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.calc.CalcEndState;
import io.deskforge.apps.gnumeric.GnumericEndState;
import io.deskforge.apps.mousepad.MousepadEndState;
import io.deskforge.apps.xterm.XtermEndState;
import io.deskforge.task.export.OsworldExporter;
import io.deskforge.task.export.PublicEvalSets;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * deskforge's OSWorld export, run by OSWorld's own code (DesktopEnv.reset() with its
 * SetupController, then DesktopEnv.evaluate(), unedited, on Debian's python3) against a loopback
 * stand-in of the VM's server that runs commands in a scratch home. For tasks of every family,
 * reset() passes; for those of the {@link Representatives} (every family with {@code
 * -Ddeskforge.osworld.families=all}), OSWorld scores every state exactly as deskforge's checker does: 0 on the
 * initial state, 1 on the reference solution's end state, 0 on every negative's and every checker
 * mutation's, and the same as deskforge on edge states of the files read (missing, a folder, a
 * link to it, CRLF line ends, a byte-order mark, bytes that are not UTF-8, white space that trim
 * keeps or drops; a PDF empty, cut in half, or the Word file under its name), and 0 on an unreadable one. End states are re-created from each trajectory by the app's
 * {@link EndStateModel}, mutations from the facts, as the replay audit derives them (a document
 * read by queries: its format's own mutations). Office documents are scored by OSWorld's
 * {@code compare_table} or by the VM reader's document queries; a task whose query has neither yet
 * is left out of the export and named on standard output, and Writer's and Impress's families are
 * drawn with one seed each to keep the test's time.
 *
 * <p>Time: families score on {@link #LANES} lanes at once (each its own scratch home, stand-in and
 * driver), and a task's solved state is made once by its model and restored ({@link HomeImage})
 * for each mutation and edge state instead of re-made (Writer's model runs LibreOffice to write a
 * PDF or ODF file). Each family's line on standard output says where its seconds went.
 *
 * <p>Needs Debian's python3 with the packages in {@code osworld-python.packages} (run-tests
 * installs them as root), bubblewrap, ssconvert (the gnumeric package), and OSWorld's code in
 * {@code shared/osworld-code} or $DESKFORGE_OSWORLD_CODE.
 */
class OsworldCompatTest {
  /**
   * The seeds of each family's tasks: one by default, which scores every family's every state and
   * keeps CI's time (two seeds took over nine minutes); {@code -Ddeskforge.osworld.seeds=N} scores N.
   */
  static final long[] SEEDS = java.util.stream.LongStream.range(0, Math.max(1, Integer.getInteger("deskforge.osworld.seeds", 1))).toArray();
  static final AppCatalog CATALOG = AppCatalog.load();

  /**
   * deskforge.osworld.families: unset, every family is exported and reset, and its {@link
   * Representatives} scored; {@code all}, every family scored; otherwise comma-separated family ids
   * or apps, those alone exported and scored.
   */
  static final String ONLY = System.getProperty("deskforge.osworld.families", "");

  /** The families exported (and reset): all, unless deskforge.osworld.families names some. */
  static boolean selected(TaskFamily f) {
    return ONLY.isBlank() || ONLY.equals("all") || List.of(ONLY.split(",")).contains(f.id()) || List.of(ONLY.split(",")).contains(f.app());
  }
  static final Map<String, EndStateModel> MODELS = Map.ofEntries(
      Map.entry("mousepad", new MousepadEndState()), Map.entry("gnumeric", new GnumericEndState()),
      Map.entry("xterm", new XtermEndState()), Map.entry("libreoffice-calc", new CalcEndState()),
      Map.entry("chromium", new io.deskforge.apps.chromium.ChromiumEndState()),
      Map.entry("dokuwiki", new io.deskforge.apps.dokuwiki.DokuWikiEndState()),
      Map.entry("libreoffice-writer", new io.deskforge.apps.writer.WriterEndState()),
      Map.entry("libreoffice-impress", new io.deskforge.apps.impress.ImpressEndState()),
      Map.entry("mediawiki", new io.deskforge.apps.mediawiki.MediaWikiEndState()),
      Map.entry("jupyter", new io.deskforge.apps.jupyter.JupyterEndState()),
      Map.entry("tiddlywiki", new io.deskforge.apps.tiddlywiki.TiddlyWikiEndState()));

  /**
   * How many families score at once ({@code -Ddeskforge.osworld.lanes}, 2), each {@link Lane} with
   * its own scratch home, VM stand-in and OSWorld driver: a state's time is mostly processes
   * starting (the stand-in's commands, LibreOffice converting on the VM, python reading), one
   * family at a time left a core idle.
   */
  static final int LANES = Math.max(1, Integer.getInteger("deskforge.osworld.lanes", 2));

  static Path work;
  static final List<Lane> LANE_LIST = new ArrayList<>();
  static final java.util.concurrent.BlockingQueue<Lane> FREE = new java.util.concurrent.LinkedBlockingQueue<>();
  static java.util.concurrent.ExecutorService pool;
  static final Map<TaskSpec, Path> EXAMPLES = new LinkedHashMap<>();
  /** The exported tasks whose every state is scored: the representatives, unless deskforge.osworld.families says otherwise. */
  static final Map<TaskSpec, Path> SCORED = new LinkedHashMap<>();

  @BeforeAll
  static void exportTasksOfEveryFamilyAndStartOsworld() throws IOException {
    work = Files.createTempDirectory("osworld-compat-");
    List<TaskSpec> tasks = new ArrayList<>();
    // the apps whose end states are modelled here: every app of the catalog (a test below holds them equal)
    for (TaskFamily f : CATALOG.families(List.copyOf(MODELS.keySet()))) {
      if (!selected(f)) continue;
      for (long seed : SEEDS) tasks.add(f.sample(seed));
    }
    // a task a getter of which OSWorld's VM has no reader for yet (some document queries), or whose
    // setup logs in through a web page (MediaWiki's move and delete), is left out, and named
    var export = new OsworldExporter(CATALOG).skippingUnexportable().export(tasks, work, work.resolve("export"));
    export.skipped().forEach(s -> System.out.println("not exported: " + s));
    for (TaskSpec t : tasks) {
      Path example = work.resolve("export/examples").resolve(t.app()).resolve(t.id() + ".json");
      if (Files.exists(example)) EXAMPLES.put(t, example);
    }
    if (ONLY.isBlank()) {
      Representatives.of(EXAMPLES).forEach(t -> SCORED.put(t, EXAMPLES.get(t)));
      System.out.println("scoring every state of the representatives " + SCORED.keySet().stream().map(TaskSpec::family).toList()
          + " of " + EXAMPLES.size() + " exported families (-Ddeskforge.osworld.families=all scores every one)");
    } else {
      SCORED.putAll(EXAMPLES);
    }
    for (int i = 0; i < LANES; i++) {
      Lane lane = Lane.start(kit(work.resolve("kit-" + i)));
      LANE_LIST.add(lane);
      FREE.add(lane);
    }
    pool = java.util.concurrent.Executors.newFixedThreadPool(LANES);
  }

  @AfterAll
  static void stop() {
    if (pool != null) pool.shutdownNow();
    LANE_LIST.forEach(Lane::close);
    if (work != null) ScratchHome.delete(work);
  }

  /** A scratch home, the VM stand-in serving it and OSWorld's driver pointed at that stand-in. */
  record Lane(ScratchHome home, VmStandIn vm, OsworldDriver osworld, long[] spent) implements AutoCloseable {
    static Lane start(Path kit) {
      ScratchHome home = new ScratchHome();
      VmStandIn vm = new VmStandIn(home, kit);
      return new Lane(home, vm, new OsworldDriver(PublicEvalSets.osworldCode(), kit, vm, home), new long[4]);
    }

    @Override
    public void close() {
      osworld.close();
      vm.close();
      home.close();
    }
  }

  /** The work run on a free lane, which it has alone until it returns. */
  static <T> T onALane(java.util.function.Function<Lane, T> work) throws InterruptedException {
    Lane lane = FREE.take();
    try {
      return work.apply(lane);
    } finally {
      FREE.add(lane);
    }
  }

  /** The stand-in and driver scripts, copied where the VM's unprivileged user can read them. */
  private static Path kit(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String name : List.of("vm_standin.py", "osworld_driver.py")) {
      try (InputStream in = OsworldCompatTest.class.getResourceAsStream(name)) {
        Files.copy(in, dir.resolve(name));
      }
      Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
    }
    return dir;
  }

  @Test
  void osworldsCodeLoadsWithOnlyModulesDebianLacksStubbed() {
    Map<String, String> loaded = new java.util.TreeMap<>();
    LANE_LIST.getFirst().osworld().started.path("loaded").fields().forEachRemaining(f -> loaded.put(f.getKey(), f.getValue().asText()));
    Set<String> lacking = Set.of("gymnasium", "playwright", "pydrive", "rapidfuzz", "borb", "easyocr", "pdfplumber", "pptx",
        "formulas", "imagehash", "librosa", "fastdtw");
    assertThat(loaded).containsKeys("requests", "lxml", "openpyxl", "pandas", "cv2", "skimage", "docx", "fitz");
    loaded.forEach((module, origin) -> {
      if (lacking.contains(module)) assertThat(origin).as("%s, which Debian lacks", module).isEqualTo("(stub)");
      else assertThat(origin).as("%s, which Debian packages", module).startsWith("/usr/lib/python3/dist-packages/");
    });
  }

  @Test
  void everyAppWhoseTasksExportHasItsEndStatesModelledHere() throws IOException {
    for (String app : CATALOG.names()) {
      if (MODELS.containsKey(app)) continue;
      List<TaskSpec> tasks = CATALOG.families(List.of(app)).stream().map(f -> f.sample(0)).toList();
      if (tasks.isEmpty()) continue;
      // an app without a model here: none of its tasks may have an OSWorld form, or this test would not score them
      Path out = work.resolve("unmodelled-" + app);
      assertThatThrownBy(() -> new OsworldExporter(CATALOG).skippingUnexportable().export(tasks, work, out))
          .as("tasks of %s export to OSWorld, so their end states need a model in this test", app)
          .hasMessageContaining("none of the " + tasks.size() + " tasks has an OSWorld form");
    }
  }

  @Test
  void resetPassesForEveryExportedTask() throws InterruptedException {
    List<String> failures = new ArrayList<>();
    onALane(lane -> {
      EXAMPLES.forEach((task, example) -> {
        List<String> problems = reset(lane, example);
        if (!problems.isEmpty()) failures.add(task.id() + " (" + task.family() + "): " + String.join("; ", problems));
      });
      return null;
    });
    assertThat(failures).as("tasks whose OSWorld reset() failed, of %d", EXAMPLES.size()).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> osworldScoresEveryStateOfTheScoredFamiliesAsDeskforgesCheckerDoes() {
    Map<String, List<TaskSpec>> byFamily = new LinkedHashMap<>();
    SCORED.keySet().forEach(t -> byFamily.computeIfAbsent(t.family(), f -> new ArrayList<>()).add(t));
    // every family is handed to the lanes now; each test below waits for its own family's scores
    record Scored(List<Score> scores, long[] spent) {}
    Map<String, java.util.concurrent.Future<Scored>> jobs = new LinkedHashMap<>();
    byFamily.forEach((family, tasks) -> jobs.put(family, pool.submit(() -> onALane(lane -> {
      java.util.Arrays.fill(lane.spent(), 0);
      List<Score> scores = new ArrayList<>();
      for (TaskSpec task : tasks) scores.addAll(scoreEveryState(lane, task));
      return new Scored(scores, lane.spent().clone());
    }))));
    return byFamily.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Scored scored;
      try {
        scored = jobs.get(e.getKey()).get();
      } catch (java.util.concurrent.ExecutionException failed) {
        throw failed.getCause();
      }
      List<Score> scores = scored.scores();
      long[] spent = scored.spent();
      List<Score> wrong = scores.stream().filter(s -> !s.agrees()).toList();
      assertThat(wrong).as("states of %s where OSWorld's score, deskforge's checker or the expected score differ",
          e.getKey()).isEmpty();
      assertThat(scores.stream().filter(s -> s.state().equals("reference"))).hasSize(e.getValue().size());
      Map<String, Long> kinds = new java.util.TreeMap<>();
      scores.forEach(s -> kinds.merge(s.state().replaceFirst(":.*", ""), 1L, Long::sum));
      System.out.printf("%s: %d tasks, %d states scored alike by OSWorld's code and deskforge's checker %s;"
          + " seconds in reset() %.1f, making states %.1f, deskforge's checker %.1f, evaluate() %.1f%n",
          e.getKey(), e.getValue().size(), scores.size(), kinds, spent[0] / 1e9, spent[1] / 1e9, spent[2] / 1e9, spent[3] / 1e9);
    }));
  }

  /**
   * Per app, the fewest families (greedily: the one adding most forms not yet held, then catalog
   * order) whose exported examples together hold every form of OSWorld's example that app's export
   * uses: each {@code evaluator.func}, getter ({@code result} type), {@code expected} type, {@code
   * options} key and {@code conj}, and each {@code config} and {@code postconfig} step type. The
   * forms decide which of OSWorld's code and which of deskforge's mappings a state goes through;
   * every family took over nine minutes of CI. Its seeds of every family are still exported and
   * reset, and {@code -Ddeskforge.osworld.families=all} scores every family.
   */
  static final class Representatives {
    private Representatives() {}

    static List<TaskSpec> of(Map<TaskSpec, Path> examples) throws IOException {
      Map<TaskSpec, Set<String>> forms = new LinkedHashMap<>();
      for (Map.Entry<TaskSpec, Path> e : examples.entrySet()) {
        forms.put(e.getKey(), forms(io.deskforge.task.json.TaskJson.mapper().readTree(e.getValue().toFile())));
      }
      List<TaskSpec> out = new ArrayList<>();
      for (String app : forms.keySet().stream().map(TaskSpec::app).distinct().toList()) {
        List<TaskSpec> ofApp = forms.keySet().stream().filter(t -> t.app().equals(app)).toList();
        Set<String> missing = new java.util.TreeSet<>();
        ofApp.forEach(t -> missing.addAll(forms.get(t)));
        while (!missing.isEmpty()) {
          TaskSpec best = ofApp.stream()
              .max(java.util.Comparator.<TaskSpec>comparingLong(t -> forms.get(t).stream().filter(missing::contains).count())
                  .thenComparing(t -> -ofApp.indexOf(t)))
              .orElseThrow();
          missing.removeAll(forms.get(best));
          out.add(best);
        }
      }
      Set<String> held = new java.util.TreeSet<>(), all = new java.util.TreeSet<>();
      out.forEach(t -> held.addAll(forms.get(t)));
      forms.values().forEach(all::addAll);
      assertThat(held).as("the forms the representatives' examples hold").isEqualTo(all);
      return out;
    }

    /** The forms of OSWorld's example one task's export uses. */
    static Set<String> forms(JsonNode example) {
      Set<String> out = new java.util.TreeSet<>();
      example.path("config").forEach(c -> out.add("config:" + c.path("type").asText()));
      JsonNode evaluator = example.path("evaluator");
      each(evaluator.path("func")).forEach(f -> out.add("func:" + f.asText()));
      each(evaluator.path("result")).forEach(r -> out.add("result:" + r.path("type").asText()));
      each(evaluator.path("expected")).forEach(r -> out.add("expected:" + r.path("type").asText()));
      each(evaluator.path("options")).forEach(o -> o.fieldNames().forEachRemaining(k -> out.add("options:" + k)));
      if (evaluator.has("conj")) out.add("conj:" + evaluator.path("conj").asText());
      evaluator.path("postconfig").forEach(c -> out.add("postconfig:" + c.path("type").asText()));
      return out;
    }

    /** A field OSWorld takes as one value or a list of them, as a list. */
    private static List<JsonNode> each(JsonNode n) {
      List<JsonNode> out = new ArrayList<>();
      if (n.isArray()) n.forEach(out::add);
      else if (!n.isMissingNode() && !n.isNull()) out.add(n);
      return out;
    }
  }

  /** One state of one task: what it should score, what deskforge's checker and OSWorld's evaluate() gave. */
  record Score(TaskSpec task, String state, Integer expected, int deskforge, double osworld, String note) {
    boolean agrees() {
      if (state.startsWith("edge:unreadable")) return osworld == 0.0; // fail closed; deskforge reads as root here
      return osworld == deskforge && (expected == null || deskforge == expected);
    }

    @Override
    public String toString() {
      return task.id() + " state '" + state + "': expected " + (expected == null ? "deskforge's" : expected)
          + ", deskforge " + deskforge + ", OSWorld " + osworld + (note.isEmpty() ? "" : " (" + note + ")");
    }
  }

  private static List<Score> scoreEveryState(Lane lane, TaskSpec task) {
    EndStateModel model = MODELS.get(task.app());
    assertThat(model).as("an end-state model for app %s (family %s)", task.app(), task.family()).isNotNull();
    Path example = EXAMPLES.get(task);
    List<Score> out = new ArrayList<>();

    out.add(score(lane, task, example, "initial", 0, h -> { }));
    Map<String, Mutations.Snapshot> initial = snapshots(lane, task);
    // the reference's end state is made once by the model and imaged; the mutations and edge states
    // start from that image restored (the same files; Writer's model runs LibreOffice for each PDF or ODF)
    HomeImage[] reference = new HomeImage[1];
    out.add(score(lane, task, example, "reference", 1, h -> {
      model.apply(task, task.solution(), h);
      reference[0] = HomeImage.of(h);
    }));
    Consumer<ScratchHome> solve = h -> {
      if (reference[0] == null) model.apply(task, task.solution(), h); // fails again, naming the state
      else reference[0].restore(h);
    };
    Map<String, Mutations.Snapshot> solved = snapshots(lane, task);
    List<Mutations.Mutation> mutations = Mutations.derive(task, lane.home(), initial, solved);

    for (Trajectory negative : task.negatives()) {
      out.add(score(lane, task, example, "negative:" + negative.name(), 0, h -> model.apply(task, negative, h)));
    }
    for (Mutations.Mutation m : mutations) {
      out.add(score(lane, task, example, "mutation:" + m.name(), 0, solve.andThen(m.apply())));
    }
    for (Map.Entry<String, Consumer<ScratchHome>> edge : EdgeStates.of(task).entrySet()) {
      out.add(score(lane, task, example, "edge:" + edge.getKey(), null, solve.andThen(edge.getValue())));
    }
    return out;
  }

  /** OSWorld's reset, then the state, then both checkers. */
  private static Score score(Lane lane, TaskSpec task, Path example, String state, Integer expected, Consumer<ScratchHome> make) {
    // where the time goes, in lane.spent(): nanoseconds in reset(), making states, deskforge's checker and evaluate()
    long[] spent = lane.spent();
    ScratchHome home = lane.home();
    long t0 = System.nanoTime();
    List<String> problems = reset(lane, example);
    long t1 = System.nanoTime();
    spent[0] += t1 - t0;
    if (!problems.isEmpty()) return new Score(task, state, expected, -1, -1, "reset: " + String.join("; ", problems));
    try {
      make.accept(home);
    } catch (RuntimeException e) {
      // a state the model or a mutation could not make is a disagreement naming the task and the state, not an error ending the family
      return new Score(task, state, expected, -1, -1, "could not make the state: " + e.getMessage());
    }
    home.chown();
    long t2 = System.nanoTime();
    spent[1] += t2 - t1;
    int deskforge;
    String note = "";
    try {
      deskforge = new GetterReader(CATALOG.formats()).check(home, task.checker()).passed() ? 1 : 0;
    } catch (RuntimeException e) {
      deskforge = 0; // a checker that cannot read never passes
      note = "deskforge's checker: " + e.getMessage();
    }
    long t3 = System.nanoTime();
    spent[2] += t3 - t2;
    double score = lane.osworld().evaluate();
    spent[3] += System.nanoTime() - t3;
    return new Score(task, state, expected, deskforge, score, note);
  }

  /** OSWorld's DesktopEnv.reset() on the example, and what the stand-in saw: problems, if any. */
  private static List<String> reset(Lane lane, Path example) {
    List<String> problems = new ArrayList<>();
    String error = lane.osworld().reset(example);
    if (error != null) problems.add("reset() raised: " + error.strip().lines().reduce((a, b) -> b).orElse(error));
    for (JsonNode r : lane.vm().newRequests()) {
      if (r.path("unknown").asBoolean()) problems.add("asked the stand-in for " + r.path("endpoint").asText() + ", which the export should never need");
      if (r.path("endpoint").asText().equals("/setup/execute") && (r.has("exception") || r.path("returncode").asInt() != 0)) {
        problems.add("setup command " + r.path("command") + " failed: " + r.path("returncode").asText(r.path("exception").asText())
            + " " + r.path("error").asText().strip());
      }
      if (r.path("endpoint").asText().equals("/setup/launch") && !r.path("found").asBoolean()) {
        problems.add("launches " + r.path("command") + ", which is not installed");
      }
    }
    return problems;
  }

  private static Map<String, Mutations.Snapshot> snapshots(Lane lane, TaskSpec task) {
    Map<String, Mutations.Snapshot> out = new LinkedHashMap<>();
    task.checker().leaves().forEach(l -> out.computeIfAbsent(l.getter().path(), p -> Mutations.Snapshot.of(lane.home(), p)));
    return out;
  }

  /** Edge states of each file a text or spreadsheet getter reads, made from the solved state. */
  static final class EdgeStates {
    private EdgeStates() {}

    static Map<String, Consumer<ScratchHome>> of(TaskSpec task) {
      Set<String> texts = new LinkedHashSet<>();
      Set<String> sheets = new LinkedHashSet<>();
      Set<String> jsons = new LinkedHashSet<>();
      Set<String> databases = new LinkedHashSet<>();
      Set<String> pdfs = new LinkedHashSet<>();
      for (var leaf : task.checker().leaves()) {
        Getter g = leaf.getter();
        if (g instanceof Getter.FileText) texts.add(g.path());
        if (g instanceof Getter.SpreadsheetCell || g instanceof Getter.SpreadsheetRange) sheets.add(g.path());
        if (g instanceof Getter.JsonValue) jsons.add(g.path());
        if (g instanceof Getter.SqliteQuery) databases.add(g.path());
        if (g instanceof Getter.DocumentQuery) sheets.add(g.path());
        if (g instanceof Getter.DocumentQuery && g.path().endsWith(".pdf")) pdfs.add(g.path());
      }
      Map<String, Consumer<ScratchHome>> out = new LinkedHashMap<>();
      for (String p : union(union(texts, sheets), union(jsons, databases))) {
        out.put("missing:" + p, h -> ScratchHome.delete(h.host(p)));
        out.put("directory:" + p, h -> {
          ScratchHome.delete(h.host(p));
          mkdir(h.host(p));
        });
        out.put("unreadable:" + p, h -> {
          h.chown();
          chmod(h.host(p), "---------");
        });
        out.put("link:" + p, h -> {
          Path file = h.host(p);
          Path target = file.resolveSibling(file.getFileName() + ".target");
          move(file, target);
          link(file, target);
        });
      }
      for (String p : texts) {
        out.put("crlf:" + p, h -> edit(h, p, b -> new String(b, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.put("byte-order-mark:" + p, h -> edit(h, p, b -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b)));
        out.put("not-utf8:" + p, h -> edit(h, p, b -> concat(b, new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        out.put("trailing-white-space:" + p, h -> edit(h, p, b -> concat(b, " \t\n\n".getBytes(StandardCharsets.UTF_8))));
        out.put("trailing-no-break-space:" + p, h -> edit(h, p, b -> concat(b, "\u00a0".getBytes(StandardCharsets.UTF_8))));
      }
      for (String p : jsons) {
        out.put("crlf:" + p, h -> edit(h, p, b -> new String(b, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.put("byte-order-mark:" + p, h -> edit(h, p, b -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b)));
        out.put("not-utf8:" + p, h -> edit(h, p, b -> concat(b, new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0x28})));
        out.put("trailing-words:" + p, h -> edit(h, p, b -> concat(b, " and more".getBytes(StandardCharsets.UTF_8))));
        out.put("truncated:" + p, h -> edit(h, p, b -> java.util.Arrays.copyOf(b, b.length / 2)));
      }
      // a PDF that is empty, cut short (PDFBox and PyMuPDF each repair what they can), or the Word file under its name
      for (String p : pdfs) {
        out.put("empty:" + p, h -> edit(h, p, b -> new byte[0]));
        out.put("truncated:" + p, h -> edit(h, p, b -> java.util.Arrays.copyOf(b, b.length / 2)));
        out.put("word-file:" + p, h -> edit(h, p, b -> h.readFile(EndStateModel.openedFile(task))));
      }
      for (String p : databases) {
        out.put("truncated:" + p, h -> edit(h, p, b -> java.util.Arrays.copyOf(b, b.length / 2)));
        out.put("not-a-database:" + p, h -> edit(h, p, b -> "SQLite format 3 but not really".getBytes(StandardCharsets.UTF_8)));
      }
      return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
      Set<String> out = new LinkedHashSet<>(a);
      out.addAll(b);
      return out;
    }

    private static void edit(ScratchHome h, String path, java.util.function.UnaryOperator<byte[]> change) {
      try {
        Path p = h.host(path);
        if (Files.isRegularFile(p)) Files.write(p, change.apply(Files.readAllBytes(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }

    private static void move(Path from, Path to) {
      try {
        if (Files.exists(from)) Files.move(from, to);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void link(Path link, Path target) {
      try {
        Files.createSymbolicLink(link, target.getFileName());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void mkdir(Path p) {
      try {
        Files.createDirectories(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void chmod(Path p, String perms) {
      try {
        if (Files.exists(p)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
