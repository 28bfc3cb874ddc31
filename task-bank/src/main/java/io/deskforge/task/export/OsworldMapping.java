package io.deskforge.task.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a deskforge task reads in OSWorld's format, using only what OSWorld's own code runs: setup
 * through its {@code execute} and {@code launch} steps, checks through its {@code vm_command_line}
 * and {@code rule} getters and its {@code exact_match} and {@code check_include_exclude} metrics,
 * and a document query through OSWorld's own metric where its format maps it to one of the same
 * meaning ({@code compare_table}'s check_cell, {@code check_transition}). Every other check reads the VM with {@link
 * VmReader}, so it means exactly what deskforge's checker means. The whole table is in task-bank/README.md.
 */
final class OsworldMapping {
  /** OSWorld's VM: the user's home, and the password its own tasks give sudo. */
  static final String HOME = "/home/user/";
  static final String SUDO_PASSWORD = "password";
  /** Where setup stages a spreadsheet's source; removed by the step after. */
  static final String SCRATCH = "/tmp/.deskforge-setup";
  /** Bytes of a file written by one execute step (its base64 stays well under Linux's 128 KiB argument limit). */
  static final int CHUNK = 48 * 1024;

  /** Installs what is missing among the packages given as arguments, as OSWorld's own tasks do (apt-get through sudo -S). */
  static final String INSTALL = "missing=; for p in \"$@\"; do "
      + "dpkg-query -W -f='${Status}' \"$p\" 2>/dev/null | grep -qx 'install ok installed' || missing=\"$missing $p\"; done; "
      + "[ -z \"$missing\" ] || { echo " + SUDO_PASSWORD + " | sudo -S -p '' apt-get update -q"
      + " && echo " + SUDO_PASSWORD + " | sudo -S -p '' env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing; }";
  /**
   * Installs what is missing among the npm packages given as arguments ({@code name@version}) under
   * /usr/local, where deskforge's own hosts have them and Ubuntu's npm puts global packages; a
   * package at another version counts as missing. npm itself comes from apt when there is no npm
   * command (Ubuntu's nodejs has none; NodeSource's, which conflicts with that package, has one).
   */
  static final String NPM_INSTALL = "command -v npm >/dev/null 2>&1 || { echo " + SUDO_PASSWORD + " | sudo -S -p '' apt-get update -q"
      + " && echo " + SUDO_PASSWORD + " | sudo -S -p '' env DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; } || exit 1; "
      + "missing=; for p in \"$@\"; do "
      + "npm ls -g --prefix /usr/local --depth=0 \"$p\" >/dev/null 2>&1 || missing=\"$missing $p\"; done; "
      + "[ -z \"$missing\" ] || echo " + SUDO_PASSWORD + " | sudo -S -p '' npm install -g --prefix /usr/local --no-audit --no-fund $missing";
  /** Writes base64 $2 into file $1 (its folder made first); WRITE_MORE appends. */
  static final String WRITE = "mkdir -p \"$(dirname \"$1\")\" && printf %s \"$2\" | base64 -d > \"$1\"";
  static final String WRITE_MORE = "printf %s \"$2\" | base64 -d >> \"$1\"";
  static final String AS_ROOT = "echo " + SUDO_PASSWORD + " | sudo -S -p '' -- \"$@\"";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ExportCatalog catalog;

  OsworldMapping(ExportCatalog catalog) {
    this.catalog = catalog;
  }

  // ------------------------------------------------------------------ setup

  /**
   * The config: the packages of every app the task uses and of the VM reader's document formats,
   * installed when missing (Debian's, then npm's), then each setup step.
   */
  List<ObjectNode> config(TaskSpec task) {
    List<ObjectNode> out = new ArrayList<>();
    Set<String> packages = new LinkedHashSet<>();
    for (String app : apps(task)) packages.addAll(catalog.packages(app));
    // what the VM reader needs for the documents the checker reads (a PDF's text), installed alike
    for (Checker.Check leaf : task.checker().leaves()) {
      if (leaf.getter() instanceof Getter.DocumentQuery q) packages.addAll(catalog.documentReaderPackages(q.path()));
    }
    Set<String> npm = new LinkedHashSet<>();
    for (String app : apps(task)) npm.addAll(catalog.npmPackages(app));
    if (!packages.isEmpty()) out.add(execute(prepend(List.of("sh", "-c", INSTALL, "sh"), List.copyOf(packages))));
    if (!npm.isEmpty()) out.add(execute(prepend(List.of("sh", "-c", NPM_INSTALL, "sh"), List.copyOf(npm))));
    for (int i = 0; i < task.setup().size(); i++) {
      SetupStep step = task.setup().get(i);
      try {
        out.addAll(steps(step, i));
      } catch (NoSetupStep e) {
        throw new NoSetupStep("setup[" + i + "] " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("setup[" + i + "] " + step + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The task's app, its related apps and every app its setup launches: what deskforge's own desktop for it holds. */
  static List<String> apps(TaskSpec task) {
    return task.desktopApps();
  }

  private List<ObjectNode> steps(SetupStep step, int index) {
    return switch (step) {
      case SetupStep.WriteFile w -> writeFile(w.path(), w.text().getBytes(StandardCharsets.UTF_8), w.path().startsWith(HOME));
      case SetupStep.MakeDir d -> List.of(execute(owned(d.path(), List.of("mkdir", "-p", d.path()))));
      case SetupStep.WriteSpreadsheet s -> plan(s.path(), catalog.spreadsheetWrite(s.path(), s.rows(), SCRATCH + "/" + index), index);
      case SetupStep.WriteDocument s -> plan(s.path(), catalog.documentWrite(s.path(), s.content(), SCRATCH + "/" + index), index);
      case SetupStep.Run r -> {
        for (String arg : r.command()) {
          if (arg.startsWith("~/")) {
            throw new IllegalArgumentException("argument '" + arg + "' starts with ~/, which OSWorld's server expands "
                + "and deskforge's setup does not; write the absolute path");
          }
        }
        yield List.of(execute(r.asRoot() ? asRoot(r.command()) : r.command()));
      }
      case SetupStep.Launch l -> List.of(entry("launch", JSON.objectNode().set("command", strings(catalog.launchCommand(l.app(), l.args())))));
      case SetupStep.Page p -> throw new NoSetupStep("page " + p.url() + ": OSWorld's setup has no step that drives a page "
          + (p.interacts() ? "through a form (its login knows only Google Drive's)" : "of the browser the task launched (its chrome_open_tabs reaches only "
          + "a Chrome it started with the debugging port forwarded)"));
    };
  }

  /**
   * A setup step OSWorld's own setup steps cannot do (a page step: a login through a web form), so
   * the task has no OSWorld form; an export may leave it out, named, as for a getter with no reader.
   */
  static final class NoSetupStep extends IllegalArgumentException {
    NoSetupStep(String message) {
      super(message);
    }
  }

  /** A document format's write plan as steps; its staged files are scratch, written by the user so that the user can remove them. */
  private List<ObjectNode> plan(String path, ExportCatalog.FilePlan plan, int index) {
    List<ObjectNode> out = new ArrayList<>();
    plan.files().forEach((file, text) -> out.addAll(writeFile(file, text.getBytes(StandardCharsets.UTF_8), true)));
    plan.commands().forEach(c -> out.add(execute(owned(path, c))));
    out.add(execute(List.of("rm", "-rf", SCRATCH + "/" + index)));
    return out;
  }

  /**
   * The file's bytes through base64, in chunks; as the VM's user, or through sudo for a task's file
   * outside the home (deskforge's setup writes those as root).
   */
  private List<ObjectNode> writeFile(String path, byte[] bytes, boolean asUser) {
    List<ObjectNode> out = new ArrayList<>();
    int from = 0;
    do {
      int to = Math.min(bytes.length, from + CHUNK);
      String b64 = Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, to));
      List<String> write = List.of("sh", "-c", from == 0 ? WRITE : WRITE_MORE, "sh", path, b64);
      out.add(execute(asUser ? write : asRoot(write)));
      from = to;
    } while (from < bytes.length);
    return out;
  }

  /**
   * The evaluator's {@code postconfig}, which OSWorld runs after the agent and before the getters:
   * each app's commit command for the files the checker reads (Chromium quits, writing its profile;
   * OSWorld's own Chrome tasks run {@code pkill chrome} there), as deskforge runs it before its final
   * reading. Empty when no app of the task holds state in memory.
   */
  List<ObjectNode> postconfig(TaskSpec task) {
    List<String> paths = task.checker().paths();
    List<ObjectNode> out = new ArrayList<>();
    if (paths.isEmpty()) return out;
    for (String app : task.desktopApps()) {
      List<String> command = catalog.commitCommand(app, paths);
      if (!command.isEmpty()) out.add(execute(command));
    }
    return out;
  }

  /** A command that touches {@code path}: as the user in the home, through sudo elsewhere. */
  private static List<String> owned(String path, List<String> command) {
    return path.startsWith(HOME) ? command : asRoot(command);
  }

  private static List<String> asRoot(List<String> command) {
    return prepend(List.of("sh", "-c", AS_ROOT, "sh"), command);
  }

  private static ObjectNode execute(List<String> command) {
    return entry("execute", JSON.objectNode().set("command", strings(command)));
  }

  private static ObjectNode entry(String type, JsonNode parameters) {
    ObjectNode e = JSON.objectNode();
    e.put("type", type);
    e.set("parameters", parameters);
    return e;
  }

  // ------------------------------------------------------------------ checker

  /**
   * The evaluator: one func/result/expected for a single check; parallel lists with {@code conj}
   * for an all/any of checks. OSWorld composes one level only, so an all/any nested inside
   * another is one entry whose reader evaluates it on the VM.
   */
  ObjectNode evaluator(Checker checker) {
    ObjectNode evaluator = JSON.objectNode();
    List<Leaf> leaves = new ArrayList<>();
    boolean all = !(checker instanceof Checker.AnyOf);
    if (checker instanceof Checker.Check leaf) leaves.add(leaf(leaf));
    else {
      List<Checker> parts = checker instanceof Checker.AllOf a ? a.of() : ((Checker.AnyOf) checker).of();
      if (parts.isEmpty()) throw new IllegalArgumentException("an empty all/any has no OSWorld form");
      for (Checker part : parts) leaves.add(part(part));
    }
    List<String> documents = topChecks(checker).stream().filter(c -> osworldMetric(c).isPresent())
        .map(c -> c.getter().path()).distinct().toList();
    if (!documents.isEmpty()) {
      // OSWorld's metric reads the file its getter fetched, through any link: deskforge never follows
      // one, so the reader first says the document is a regular file within the read limit (the VM
      // reader's own document reads check that themselves). First: OSWorld's 'and' stops at the
      // first 0, so a metric that raises on a missing file (check_transition opens it as a zip) never runs on one
      if (!all) throw new VmReader.NoReaderYet("a document query read by an OSWorld metric under 'any' has no OSWorld form yet");
      List<Leaf> guards = new ArrayList<>();
      for (String path : documents) guards.add(leaf(Checker.check(new Getter.FileText(path), new Metric.Matches(".*"))));
      leaves.addAll(0, guards);
    }
    if (leaves.size() == 1) {
      Leaf l = leaves.get(0);
      evaluator.put("func", l.func());
      evaluator.set("result", l.result());
      evaluator.set("expected", l.expected());
      if (l.options() != null) evaluator.set("options", l.options());
      return evaluator;
    }
    ArrayNode funcs = evaluator.putArray("func");
    ArrayNode results = evaluator.putArray("result");
    ArrayNode expected = evaluator.putArray("expected");
    for (Leaf l : leaves) {
      funcs.add(l.func());
      results.add(l.result());
      expected.add(l.expected());
    }
    if (leaves.stream().anyMatch(l -> l.options() != null)) {
      ArrayNode options = evaluator.putArray("options");
      leaves.forEach(l -> options.add(l.options() == null ? JSON.objectNode() : l.options()));
    }
    evaluator.put("conj", all ? "and" : "or");
    return evaluator;
  }

  /** One metric function applied to what one getter read, compared with what is expected, with the metric's options. */
  record Leaf(String func, ObjectNode result, ObjectNode expected, ObjectNode options) {
    Leaf(String func, ObjectNode result, ObjectNode expected) {
      this(func, result, expected, null);
    }
  }

  /** The checks directly under the checker (itself, when it is one): those that may map to an OSWorld metric of their own. */
  private static List<Checker.Check> topChecks(Checker checker) {
    if (checker instanceof Checker.Check c) return List.of(c);
    List<Checker> parts = checker instanceof Checker.AllOf a ? a.of() : ((Checker.AnyOf) checker).of();
    return parts.stream().filter(p -> p instanceof Checker.Check).map(p -> (Checker.Check) p).toList();
  }

  /** OSWorld's own metric of a document query's meaning, where its format maps the query and metric to one. */
  private java.util.Optional<ExportCatalog.OsworldCheck> osworldMetric(Checker.Check check) {
    return check.getter() instanceof Getter.DocumentQuery q ? catalog.documentCheck(q.path(), q.query(), check.metric()) : java.util.Optional.empty();
  }

  /**
   * A check: OSWorld's own metric where the document's format maps it to one of the same meaning;
   * otherwise the reader prints the normal form, and exact_match or check_include_exclude compares
   * it with the expected one.
   */
  Leaf leaf(Checker.Check check) {
    java.util.Optional<ExportCatalog.OsworldCheck> metric = osworldMetric(check);
    if (metric.isPresent()) {
      ExportCatalog.OsworldCheck c = metric.get();
      return new Leaf(c.func(), c.result(), c.expected(), c.options());
    }
    ObjectNode argument = argument(check);
    ObjectNode rules = JSON.objectNode();
    if (argument.has("include")) {
      rules.set("include", argument.remove("include"));
      rules.set("exclude", argument.remove("exclude"));
      return new Leaf("check_include_exclude", VmReader.command(argument), rule(rules));
    }
    rules.set("expected", argument.remove("expected"));
    return new Leaf("exact_match", VmReader.command(argument), rule(rules));
  }

  /** One part of an all/any: a check, or a nested all/any. */
  Leaf part(Checker part) {
    return part instanceof Checker.Check c ? leaf(c) : nested(part);
  }

  /** A nested all/any: the reader evaluates the whole sub-checker and prints true or false. */
  private Leaf nested(Checker checker) {
    ObjectNode argument = JSON.objectNode();
    argument.set("check", tree(checker));
    return new Leaf("exact_match", VmReader.command(argument), rule(JSON.objectNode().put("expected", "true")));
  }

  private JsonNode tree(Checker checker) {
    return switch (checker) {
      case Checker.Check c -> argument(c);
      case Checker.AllOf all -> {
        ObjectNode n = JSON.objectNode();
        ArrayNode of = n.putArray("all");
        all.of().forEach(x -> of.add(tree(x)));
        yield n;
      }
      case Checker.AnyOf any -> {
        ObjectNode n = JSON.objectNode();
        ArrayNode of = n.putArray("any");
        any.of().forEach(x -> of.add(tree(x)));
        yield n;
      }
    };
  }

  /**
   * The reader's argument for one check: what to read, which normal form to print, and what the
   * metric expects of it: {@code expected} (for exact_match) or {@code include}/{@code exclude}
   * (for check_include_exclude).
   */
  private ObjectNode argument(Checker.Check check) {
    ObjectNode a = JSON.objectNode();
    a.set("read", VmReader.getter(check.getter(), catalog));
    switch (check.metric()) {
      case Metric.EqualsText e -> {
        a.put("as", "text").put("trim", e.trim()).put("ignore_case", e.ignoreCase());
        a.put("expected", VmReader.text(e.expected(), e.trim(), e.ignoreCase()));
      }
      case Metric.Contains c -> {
        a.put("as", "tokens").put("ignore_case", c.ignoreCase());
        a.set("include", strings(List.of(VmReader.tokens(VmReader.fold(c.expected(), c.ignoreCase())))));
        a.set("exclude", JSON.arrayNode());
      }
      case Metric.NotContains n -> {
        a.put("as", "tokens").put("ignore_case", n.ignoreCase());
        // "|" is in every token string, so an absent file (no tokens) fails
        a.set("include", strings(List.of("|")));
        a.set("exclude", strings(List.of(VmReader.tokens(VmReader.fold(n.expected(), n.ignoreCase())))));
      }
      case Metric.Matches m -> {
        String problem = PortableRegex.problem(m.pattern());
        if (problem != null) {
          throw new IllegalArgumentException("regex /" + m.pattern() + "/: " + problem
              + "; Java and Python read it differently, so no OSWorld check would mean what deskforge's does");
        }
        a.put("as", "regex").put("pattern", m.pattern()).put("expected", "true");
      }
      case Metric.NumberWithin n -> a.put("as", "number").put("number", n.expected())
          .put("tolerance", n.tolerance()).put("expected", "true");
      case Metric.SetEquals s -> a.put("as", "items").put("expected", VmReader.items(s.expected()));
      case Metric.RowsEqual r -> a.put("as", "rows").put("expected", VmReader.rows(r.expected()));
      case Metric.IsTrue t -> a.put("as", "flag").put("expected", "true");
      case Metric.IsFalse f -> a.put("as", "flag").put("expected", "false");
    }
    return a;
  }

  private static ObjectNode rule(ObjectNode rules) {
    ObjectNode expected = JSON.objectNode().put("type", "rule");
    expected.set("rules", rules);
    return expected;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = JSON.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static List<String> prepend(List<String> first, List<String> rest) {
    List<String> out = new ArrayList<>(first);
    out.addAll(rest);
    return out;
  }
}
