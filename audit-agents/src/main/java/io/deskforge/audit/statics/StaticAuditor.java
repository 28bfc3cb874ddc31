package io.deskforge.audit.statics;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.check.CheckerEvaluator;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Grounding;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a task without running it: its shape, that its setup only uses allowed steps, that every
 * value the checker expects is grounded (stated in the instruction, visible in a file setup
 * writes, or derivable from such values), and that no secret (derived) fact leaks into the
 * instruction. Each problem is one reason.
 */
public final class StaticAuditor {
  private static final String HOME = "/home/user/";
  /** Where setup may write: the desktop user's home, and the root-only privileged folder. */
  private static final List<String> WRITABLE = List.of(HOME, "/var/lib/deskforge/privileged/");

  private final AppCatalog catalog;

  public StaticAuditor(AppCatalog catalog) {
    this.catalog = catalog;
  }

  /** The reasons the task is wrong; empty when it passes. */
  public List<String> audit(TaskSpec task) {
    List<String> reasons = new ArrayList<>();
    shape(task, reasons);
    if (!reasons.isEmpty()) return reasons; // the rest assumes a well-formed task
    reasons.addAll(new Replayability(catalog).problems(task));
    setupSteps(task, reasons);
    locations(task, reasons);
    consistency(task, reasons);
    grounding(task, reasons);
    leakage(task, reasons);
    return reasons;
  }

  // ------------------------------------------------------------------ shape

  private void shape(TaskSpec t, List<String> reasons) {
    if (blank(t.family())) reasons.add("schema: family is missing");
    if (blank(t.app())) reasons.add("schema: app is missing");
    else {
      try {
        catalog.get(t.app());
      } catch (IllegalArgumentException e) {
        reasons.add("schema: " + e.getMessage());
      }
    }
    if (blank(t.instruction())) reasons.add("schema: instruction is missing");
    if (t.checker() == null) reasons.add("schema: checker is missing");
    else if (t.checker().leaves().isEmpty()) reasons.add("schema: the checker has no check");
    if (t.solution() == null || t.solution().actions().isEmpty()) reasons.add("schema: the reference solution has no actions");
    if (t.negatives().stream().noneMatch(n -> n.name().equals("no-op") && n.actions().isEmpty())) {
      reasons.add("schema: the no-op negative is missing");
    }
    if (t.negatives().size() < 2) reasons.add("schema: at least two negatives are needed (the no-op and a plausible wrong attempt)");
    Set<String> names = new HashSet<>();
    for (Fact f : t.privileged().facts()) if (!names.add(f.name())) reasons.add("schema: fact '" + f.name() + "' is defined twice");
    if (t.id() != null && !t.id().equals(TaskJson.contentId(t))) {
      reasons.add("schema: id " + t.id() + " is not the content hash " + TaskJson.contentId(t));
    }
    try {
      TaskSpec back = TaskJson.mapper().readValue(TaskJson.write(t), TaskSpec.class);
      if (!back.equals(t)) reasons.add("schema: the task does not survive a JSON round trip");
    } catch (Exception e) {
      reasons.add("schema: the task does not survive a JSON round trip: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ setup

  private void setupSteps(TaskSpec t, List<String> reasons) {
    Set<String> apps = new HashSet<>(t.relatedApps());
    apps.add(t.app());
    List<String> writable = new ArrayList<>(WRITABLE);
    for (String app : apps) {
      try {
        writable.addAll(catalog.get(app).stateFolders());
      } catch (IllegalArgumentException e) {
        // named by the locations check
      }
    }
    for (int i = 0; i < t.setup().size(); i++) {
      String where = "setup[" + i + "]";
      switch (t.setup().get(i)) {
        case SetupStep.WriteFile s -> writable(s.path(), writable, where, reasons);
        case SetupStep.MakeDir s -> writable(s.path(), writable, where, reasons);
        case SetupStep.WriteSpreadsheet s -> writable(s.path(), writable, where, reasons);
        case SetupStep.WriteDocument s -> {
          writable(s.path(), writable, where, reasons);
          if (catalog.formats().claiming(s.path()).isEmpty()) {
            reasons.add("allowed steps: " + where + " writes a document " + s.path() + " that no app's document format claims");
          }
        }
        case SetupStep.Run s -> {
          if (s.asRoot()) reasons.add("allowed steps: " + where + " runs a command as root; template tasks may only run commands as the desktop user");
          if (s.command().isEmpty()) reasons.add("allowed steps: " + where + " has an empty command");
          if (!drawnByBuiltInFamily(t)) {
            reasons.add("allowed steps: " + where + " runs a free-form command " + s.command() + ", which only tasks drawn by a "
                + "built-in family may; use the typed steps (write_file, make_dir, write_spreadsheet, launch), which the audit can check");
          }
        }
        case SetupStep.Launch s -> {
          if (!apps.contains(s.app())) reasons.add("allowed steps: " + where + " launches " + s.app() + ", which is neither the task's app nor a related app");
        }
        case SetupStep.Page s -> {
          // a page of a web app the desktop serves: its loopback, nothing beyond it
          if (!LOOPBACK_URL.matcher(s.url() == null ? "" : s.url()).matches()) {
            reasons.add("allowed steps: " + where + " opens " + s.url() + ", which is not a page of the desktop's loopback (http://127.0.0.1:PORT/...)");
          }
        }
      }
    }
  }

  /** Whether the task is exactly what its (built-in) family draws for its seed: its commands are ours. */
  private boolean drawnByBuiltInFamily(TaskSpec t) {
    try {
      TaskSpec drawn = catalog.family(t.family()).sample(t.seed());
      return drawn.withId(null).withContentId().id().equals(t.withId(null).withAudit(null).withContentId().id());
    } catch (RuntimeException e) {
      return false; // no such family, or it cannot draw this seed
    }
  }

  private static void writable(String path, List<String> allowed, String where, List<String> reasons) {
    if (!confined(path.endsWith("/") ? path.substring(0, path.length() - 1) : path, allowed)) {
      reasons.add("allowed steps: " + where + " writes " + path + ", outside the task's locations " + allowed);
    }
  }

  // ------------------------------------------------------------------ locations

  /**
   * What the checker reads and the files facts are grounded in must be in the task's locations:
   * the home, or a state folder its apps declare. A getter pointed at a host or system file would
   * have the host read it for the bank; a fact grounded in the privileged folder is not something
   * the agent can see.
   */
  private void locations(TaskSpec t, List<String> reasons) {
    List<String> allowed = new ArrayList<>(List.of(HOME));
    Set<String> apps = new LinkedHashSet<>(t.relatedApps());
    apps.add(t.app());
    for (String app : apps) {
      try {
        allowed.addAll(catalog.get(app).stateFolders());
      } catch (IllegalArgumentException e) {
        reasons.add("locations: related app " + app + " is not in the catalog");
      }
    }
    List<Checker.Check> leaves = t.checker().leaves();
    boolean browser = apps.stream().anyMatch(app -> {
      try {
        return catalog.get(app).browser().isPresent();
      } catch (IllegalArgumentException e) {
        return false;
      }
    });
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i).getter() instanceof Getter.PageGetter) {
        // the page of the browser the task's apps run, read over its DevTools port from outside
        if (!browser) {
          reasons.add("locations: checker leaf " + i + " reads the browser's page, but none of the task's apps " + apps
              + " is a browser that offers its DevTools Protocol");
        }
        continue;
      }
      String path = leaves.get(i).getter().path();
      if (!confined(path, allowed)) {
        reasons.add("locations: checker leaf " + i + " reads " + path + ", outside the task's locations " + allowed
            + "; a checker reads only what the task's apps keep in the home or their declared state folders");
      }
    }
    for (Fact f : t.privileged().facts()) {
      if (f.grounding() instanceof Grounding.InFile g && !confined(g.path(), allowed)) {
        reasons.add("locations: fact '" + f.name() + "' is grounded in " + g.path() + ", outside the task's locations "
            + allowed + ", where the agent cannot see it");
      }
    }
  }

  /** An absolute path without '..' or '.' segments, strictly inside one of the folders. */
  static boolean confined(String path, List<String> folders) {
    if (path == null || !path.startsWith("/") || path.contains("\0")) return false;
    for (String seg : path.substring(1).split("/", -1)) {
      if (seg.equals("..") || seg.equals(".")) return false;
    }
    return folders.stream().anyMatch(f -> path.startsWith(f) && path.length() > f.length());
  }

  // ------------------------------------------------------------------ consistency

  /**
   * Where the checker looks must be where the instruction sends the agent: every file or folder it
   * reads, every cell, range corner and sheet is named in the instruction (or is a fact the agent
   * can see). A checker that reads another file or cell than the instruction names would reward
   * the wrong work, or none.
   */
  private void consistency(TaskSpec t, List<String> reasons) {
    List<Checker.Check> leaves = t.checker().leaves();
    List<String> appState = stateFolders(t);
    for (int i = 0; i < leaves.size(); i++) {
      Getter g = leaves.get(i).getter();
      String where = "consistency: checker leaf " + i;
      // a page getter reads what the browser shows, which the instruction names in its own words
      // (the page to open); its expected values are grounded like any other
      if (g instanceof Getter.PageGetter) continue;
      String path = g.path();
      String name = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      name = name.substring(name.lastIndexOf('/') + 1);
      // a file the app keeps for itself (a browser profile's Preferences) is where the setting the
      // instruction names is saved: the instruction names the setting, not the file
      if (confined(path, appState)) continue;
      if (!named(t, name)) {
        reasons.add(where + " reads " + path + ", but the instruction never names '" + name + "'");
      }
      switch (g) {
        case Getter.SpreadsheetCell c -> {
          if (!named(t, c.cell())) reasons.add(where + " reads cell " + c.cell() + " of " + name + ", which the instruction does not name");
          if (c.sheet() != null && !named(t, c.sheet())) reasons.add(where + " reads sheet '" + c.sheet() + "', which the instruction does not name");
        }
        case Getter.SpreadsheetRange r -> {
          String[] corners = r.range().split(":");
          if (!named(t, r.range()) && !java.util.Arrays.stream(corners).allMatch(x -> named(t, x))) {
            reasons.add(where + " reads range " + r.range() + " of " + name + ", which the instruction does not name");
          }
          if (r.sheet() != null && !named(t, r.sheet())) reasons.add(where + " reads sheet '" + r.sheet() + "', which the instruction does not name");
        }
        case Getter.DocumentQuery q -> {
          var format = catalog.formats().claiming(path);
          if (format.isEmpty()) reasons.add(where + " asks " + path + " a document query, but no app's document format claims it");
          else format.get().queryProblem(q.query()).ifPresent(p -> reasons.add(where + " asks " + q.path() + " '" + q.query() + "': " + p));
        }
        default -> { }
      }
    }
  }

  /** The state folders the task's apps declare. */
  private List<String> stateFolders(TaskSpec t) {
    List<String> out = new ArrayList<>();
    Set<String> apps = new LinkedHashSet<>(t.relatedApps());
    apps.add(t.app());
    for (String app : apps) {
      try {
        out.addAll(catalog.get(app).stateFolders());
      } catch (IllegalArgumentException e) {
        // named by the locations check
      }
    }
    return out;
  }

  /** Named as a whole word in the instruction, or the value of a fact the agent can see. */
  private static boolean named(TaskSpec t, String s) {
    if (s == null || s.isBlank()) return true;
    java.util.regex.Pattern word = java.util.regex.Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(s) + "(?![\\p{L}\\p{N}])", java.util.regex.Pattern.CASE_INSENSITIVE);
    if (word.matcher(t.instruction()).find()) return true;
    return t.privileged().facts().stream()
        .anyMatch(f -> !(f.grounding() instanceof Grounding.Derived) && f.value().strip().equalsIgnoreCase(s));
  }

  // ------------------------------------------------------------------ grounding

  private void grounding(TaskSpec t, List<String> reasons) {
    Map<String, Fact> facts = new java.util.LinkedHashMap<>();
    t.privileged().facts().forEach(f -> facts.put(f.name(), f));
    SetupTexts files = new SetupTexts(t);
    for (Fact f : facts.values()) {
      groundedWhy(f, t, facts, new LinkedHashSet<>(), files).ifPresent(why -> reasons.add("grounding: fact '" + f.name() + "' " + why));
    }
    SameValues factValues = SameValues.of(facts.values().stream().map(Fact::value));
    for (Checker.Check leaf : t.checker().leaves()) {
      for (String expected : expectedValues(leaf)) {
        if (!factValues.has(expected)) {
          reasons.add("grounding: the checker expects \"" + clip(expected) + "\" (" + (leaf.getter().path() == null ? "the browser's page" : leaf.getter().path())
              + "), which no privileged fact grounds; add a fact saying where it can be seen or how it is derived");
        }
      }
      if (leaf.getter() instanceof Getter.FileExists fe && leaf.metric() instanceof Metric.IsTrue) {
        String name = fe.path().substring(fe.path().lastIndexOf('/') + 1);
        if (!t.instruction().contains(name) && facts.values().stream().noneMatch(f -> f.value().contains(name))) {
          reasons.add("grounding: the checker expects " + fe.path() + " to exist, but its name '" + name + "' is in neither the instruction nor a fact");
        }
      }
    }
  }

  /** Why the fact is not grounded, or empty when it is; {@code visiting} holds the facts derived from it above. */
  private Optional<String> groundedWhy(Fact f, TaskSpec t, Map<String, Fact> facts, Set<String> visiting, SetupTexts files) {
    if (!visiting.add(f.name())) return Optional.of("is derived from itself");
    Optional<String> why = whyUngrounded(f, t, facts, visiting, files);
    visiting.remove(f.name()); // a fact that two derivations share (sum of n and n) is no cycle
    return why;
  }

  private Optional<String> whyUngrounded(Fact f, TaskSpec t, Map<String, Fact> facts, Set<String> visiting, SetupTexts files) {
    return switch (f.grounding()) {
      case Grounding.InInstruction g -> t.instruction().contains(f.value())
          ? Optional.empty() : Optional.of("claims to be in the instruction, but \"" + clip(f.value()) + "\" is not there");
      case Grounding.InFile g -> files.visibleIn(g.path(), f.value());
      case Grounding.Derived g -> {
        List<String> args = new ArrayList<>();
        for (String from : g.from()) {
          Fact source = facts.get(from);
          if (source == null) yield Optional.of("is derived from '" + from + "', which is not a fact");
          Optional<String> why = groundedWhy(source, t, facts, visiting, files);
          if (why.isPresent()) yield Optional.of("is derived from '" + from + "', which " + why.get());
          args.add(source.value());
        }
        try {
          String recomputed = g.op().apply(args);
          yield sameValue(recomputed, f.value()) ? Optional.empty()
              : Optional.of("is " + g.op().json() + " of " + g.from() + " = \"" + clip(recomputed) + "\", not \"" + clip(f.value()) + "\"");
        } catch (IllegalArgumentException e) {
          yield Optional.of("cannot be recomputed: " + e.getMessage());
        }
      }
    };
  }

  /**
   * What setup leaves in each file, for asking whether a value is visible there: the last step that
   * writes the file counts, and the value must be a whole line or a whole word of its text, or a
   * whole cell of its sheet, never part of a longer one (12 is not in 123). Built once a file and
   * audit: a sheet of 200 rows grounds hundreds of facts.
   */
  private static final class SetupTexts {
    private final TaskSpec t;
    private final Map<String, Optional<FileText>> byPath = new java.util.HashMap<>();

    SetupTexts(TaskSpec t) {
      this.t = t;
    }

    /** A file as setup leaves it: its text and its lines, or a sheet's cells. */
    private record FileText(String text, SameValues lines, boolean sheet) {}

    /** Why a value is not visible in the file, or empty when it is. */
    Optional<String> visibleIn(String path, String value) {
      String v = value.strip();
      Optional<FileText> file = byPath.computeIfAbsent(path, this::read);
      if (file == null) return Optional.of("claims to be in " + path + ", which setup never writes");
      if (file.isEmpty()) return Optional.of("claims to be in " + path + ", which setup makes a folder");
      FileText f = file.get();
      if (f.sheet()) {
        return f.lines().has(v) ? Optional.empty()
            : Optional.of("claims to be in " + path + ", but no cell that setup writes there holds \"" + clip(v) + "\"");
      }
      return inText(f, path, v);
    }

    /** The file's text after setup; empty for a folder; null when setup never writes it. */
    private Optional<FileText> read(String path) {
      SetupStep last = null;
      for (SetupStep s : t.setup()) {
        if (s instanceof SetupStep.WriteFile w && w.path().equals(path)) last = s;
        if (s instanceof SetupStep.WriteSpreadsheet w && w.path().equals(path)) last = s;
        if (s instanceof SetupStep.WriteDocument w && w.path().equals(path)) last = s;
        if (s instanceof SetupStep.MakeDir m && m.path().equals(path)) last = s;
      }
      return switch (last) {
        case null -> null;
        case SetupStep.WriteFile w -> Optional.of(text(w.text(), false));
        case SetupStep.WriteSpreadsheet w -> Optional.of(new FileText("", SameValues.of(w.rows().stream().flatMap(List::stream)), true));
        case SetupStep.WriteDocument w -> {
          // every text of the described document (a paragraph, a title, a cell) is a line of it
          List<String> texts = new ArrayList<>();
          collectTexts(w.content(), texts);
          yield Optional.of(text(String.join("\n", texts), false));
        }
        default -> Optional.empty();
      };
    }

    private static FileText text(String text, boolean sheet) {
      return new FileText(text, SameValues.of(text.lines()), sheet);
    }
  }

  /** Why a value is not a whole line or a whole word of a text that setup writes at the path, or empty when it is. */
  private static Optional<String> inText(SetupTexts.FileText file, String path, String v) {
    if (file.lines().has(v)) return Optional.empty();
    String text = file.text();
    boolean word = !v.isEmpty() && java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}.,-])" + java.util.regex.Pattern.quote(v)
        + "(?![\\p{L}\\p{N}]|[.,]\\p{N})").matcher(text).find();
    return word ? Optional.empty()
        : Optional.of("claims to be in " + path + ", but setup writes no line or word \"" + clip(v) + "\" there"
            + (text.contains(v) ? " (only as part of something longer)" : ""));
  }

  /** The texts of a write_document step's content, depth first: every string, and every number as written. */
  private static void collectTexts(com.fasterxml.jackson.databind.JsonNode node, List<String> out) {
    if (node == null) return;
    if (node.isTextual() || node.isNumber()) out.add(node.asText());
    node.forEach(child -> collectTexts(child, out));
  }

  private static List<String> expectedValues(Checker.Check leaf) {
    return switch (leaf.metric()) {
      case Metric.EqualsText m -> List.of(m.expected());
      case Metric.Contains m -> List.of(m.expected());
      case Metric.NotContains m -> List.of(m.expected());
      case Metric.Matches m -> List.of(m.pattern());
      case Metric.NumberWithin m -> List.of(io.deskforge.task.spec.Derivation.number(BigDecimal.valueOf(m.expected())));
      case Metric.SetEquals m -> m.expected();
      case Metric.RowsEqual m -> m.expected().stream().flatMap(List::stream).toList();
      case Metric.IsTrue m -> List.of();
      case Metric.IsFalse m -> List.of();
    };
  }

  /**
   * Values to look others up in as {@link #sameValue} compares them, without comparing each pair:
   * each is kept stripped and, when it is a number, as that number's plain form.
   */
  record SameValues(Set<String> keys) {
    static SameValues of(java.util.stream.Stream<String> values) {
      Set<String> keys = new java.util.HashSet<>();
      values.forEach(v -> {
        keys.add("s:" + v.strip());
        String n = numberKey(v);
        if (n != null) keys.add(n);
      });
      return new SameValues(keys);
    }

    boolean has(String v) {
      String n = numberKey(v);
      return keys.contains("s:" + v.strip()) || (n != null && keys.contains(n));
    }

    private static String numberKey(String v) {
      BigDecimal x = CheckerEvaluator.number(v);
      return x == null ? null : "n:" + (x.signum() == 0 ? "0" : x.stripTrailingZeros().toPlainString());
    }
  }

  /** Equal text, or equal numbers ("12" and "12.0"), or equal up to surrounding white space. */
  static boolean sameValue(String a, String b) {
    if (a.equals(b) || a.strip().equals(b.strip())) return true;
    BigDecimal x = CheckerEvaluator.number(a);
    BigDecimal y = CheckerEvaluator.number(b);
    return x != null && y != null && x.compareTo(y) == 0;
  }

  private static final java.util.regex.Pattern LOOPBACK_URL = java.util.regex.Pattern.compile("https?://(127\\.0\\.0\\.1|localhost)(:[0-9]{1,5})?(/.*)?");

  // ------------------------------------------------------------------ leakage

  /**
   * A derived fact is what the agent must work out; seeing it in the instruction gives it away. A
   * value a page step fills or sets (a password, a token) is privileged: what setup did for the
   * agent, which the agent is never told.
   */
  private void leakage(TaskSpec t, List<String> reasons) {
    for (int i = 0; i < t.setup().size(); i++) {
      if (!(t.setup().get(i) instanceof SetupStep.Page p)) continue;
      for (String v : p.values()) {
        if (v != null && !v.isBlank() && t.instruction() != null && LeakScan.leaks(t.instruction(), v.strip())) {
          reasons.add("leakage: the instruction states a value setup[" + i + "] fills or sets in the browser (" + v.strip().length()
              + " characters, not repeated here), which is privileged");
        }
      }
    }
    for (Fact f : t.privileged().facts()) {
      if (!(f.grounding() instanceof Grounding.Derived)) continue;
      String v = f.value().strip();
      if (v.isEmpty()) continue;
      // in any form a person writes it: separators, signs, units, dates, the items of a list
      boolean leaked = LeakScan.leaks(t.instruction(), v);
      if (leaked) reasons.add("leakage: the instruction states the privileged fact '" + f.name() + "' (\"" + clip(v) + "\"), which the agent should work out");
    }
    // a trajectory is data for the auditor only; none may be empty but the no-op
    for (Trajectory n : t.negatives()) {
      if (n.actions().isEmpty() && !n.name().equals("no-op")) reasons.add("schema: negative '" + n.name() + "' has no actions");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String clip(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }
}
