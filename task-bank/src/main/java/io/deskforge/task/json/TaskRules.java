package io.deskforge.task.json;

import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Grounding;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import io.deskforge.task.spec.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules of a task that JSON Schema cannot express. Each problem names the JSON path it is about. */
final class TaskRules {
  private final TaskSpec task;
  private final List<Problem> problems = new ArrayList<>();

  private TaskRules(TaskSpec task) {
    this.task = task;
  }

  static List<Problem> check(TaskSpec task) {
    TaskRules rules = new TaskRules(task);
    rules.id();
    rules.setup();
    rules.checker(task.checker(), "$.checker");
    rules.solution();
    rules.negatives();
    rules.facts();
    rules.audit();
    return rules.problems;
  }

  /** Why a path is not an absolute, normalized path inside the desktop, or null when it is one. */
  static String pathProblem(String path) {
    if (path == null || path.isBlank()) return "a path is required";
    if (!path.startsWith("/")) {
      return "'" + path + "' must be an absolute path (start with /); the desktop user's home is /home/user";
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !path.equals("/"))) {
        return "'" + path + "' must be normalized: no '.', '..' or empty segments";
      }
    }
    return null;
  }

  private void add(String path, String message) {
    problems.add(Problem.at(path, message));
  }

  private void path(String value, String at) {
    String problem = pathProblem(value);
    if (problem != null) add(at, problem);
  }

  private void id() {
    if (task.id() == null) return;
    String expected = TaskJson.contentId(task);
    if (!task.id().equals(expected)) {
      add("$.id", "'" + task.id() + "' is not the content hash of this task (" + expected
          + "); leave the id out to have it computed, or fix the content it was computed from");
    }
  }

  private void setup() {
    for (int i = 0; i < task.setup().size(); i++) {
      String at = "$.setup[" + i + "].path";
      switch (task.setup().get(i)) {
        case SetupStep.WriteFile w -> path(w.path(), at);
        case SetupStep.MakeDir d -> path(d.path(), at);
        case SetupStep.WriteSpreadsheet s -> path(s.path(), at);
        case SetupStep.WriteDocument s -> {
          path(s.path(), at);
          if (s.content() == null || !s.content().isObject()) add("$.setup[" + i + "].content", "a write_document step needs its content as an object");
        }
        case SetupStep.Run r -> { }
        case SetupStep.Launch l -> { }
        case SetupStep.Page p -> page(p, "$.setup[" + i + "]");
      }
    }
  }

  /** A page step opens a page of a web app served in the desktop (its loopback), and names what it waits for. */
  private void page(SetupStep.Page p, String at) {
    if (p.url() == null || !LOOPBACK_URL.matcher(p.url()).matches()) {
      add(at + ".url", "'" + p.url() + "' must be an http address on the desktop's loopback (http://127.0.0.1:PORT/...); "
          + "a desktop reaches nothing else");
    }
    p.fill().forEach((selector, value) -> {
      if (selector.isBlank()) add(at + ".fill", "a field to fill needs its CSS selector");
      if (value == null) add(at + ".fill", "the field '" + selector + "' needs a value to fill");
    });
    if (p.click() != null && p.click().isBlank()) add(at + ".click", "the element to click needs a CSS selector");
    if (p.waitFor() != null && p.waitFor().isBlank()) add(at + ".wait_for", "what to wait for needs a CSS selector");
  }

  private static final Pattern LOOPBACK_URL = Pattern.compile("https?://(127\\.0\\.0\\.1|localhost)(:[0-9]{1,5})?(/.*)?");

  private void checker(Checker checker, String at) {
    switch (checker) {
      case null -> add(at, "a checker is required");
      case Checker.Check leaf -> {
        // a page getter reads the browser's live page, no file
        if (leaf.getter() != null && !(leaf.getter() instanceof io.deskforge.task.spec.Getter.PageGetter)) {
          path(leaf.getter().path(), at + ".getter.path");
        }
        if (leaf.metric() instanceof Metric.Matches m) regex(m.pattern(), at + ".metric.pattern");
      }
      case Checker.AllOf all -> children(all.of(), at);
      case Checker.AnyOf any -> children(any.of(), at);
    }
  }

  private void children(List<Checker> of, String at) {
    if (of.isEmpty()) add(at + ".of", "an all/any checker needs at least one checker in 'of', or it decides nothing");
    for (int i = 0; i < of.size(); i++) checker(of.get(i), at + ".of[" + i + "]");
  }

  private void regex(String pattern, String at) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      add(at, "not a valid regular expression: " + e.getDescription());
    }
  }

  private void solution() {
    Trajectory solution = task.solution();
    if (solution == null) {
      add("$.solution", "a reference solution is required");
    } else if (solution.actions().isEmpty()) {
      add("$.solution.actions", "the reference solution has no actions; it must solve the task through the GUI");
    }
  }

  private void negatives() {
    Map<String, Integer> seen = new HashMap<>();
    boolean noOp = false;
    for (int i = 0; i < task.negatives().size(); i++) {
      Trajectory negative = task.negatives().get(i);
      Integer first = seen.putIfAbsent(negative.name(), i);
      if (first != null) {
        add("$.negatives[" + i + "].name", "duplicate negative name '" + negative.name() + "' (also $.negatives[" + first + "])");
      }
      if (negative.name().equals(Trajectory.noOp().name())) {
        if (negative.actions().isEmpty()) noOp = true;
        else add("$.negatives[" + i + "].actions", "the no-op negative must have no actions");
      }
    }
    if (!noOp) {
      add("$.negatives", "no 'no-op' negative (a trajectory named no-op with no actions); every task needs one so that audit proves the task is not solved by doing nothing");
    }
  }

  private void facts() {
    List<Fact> facts = task.privileged().facts();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      Integer first = index.putIfAbsent(facts.get(i).name(), i);
      if (first != null) {
        add("$.privileged.facts[" + i + "].name", "duplicate fact name '" + facts.get(i).name() + "' (also $.privileged.facts[" + first + "])");
      }
    }
    Set<String> written = writtenFiles();
    for (int i = 0; i < facts.size(); i++) {
      String at = "$.privileged.facts[" + i + "].grounding";
      switch (facts.get(i).grounding()) {
        case Grounding.InInstruction ignored -> { }
        case Grounding.InFile file -> {
          path(file.path(), at + ".path");
          if (pathProblem(file.path()) == null && !written.contains(file.path())) {
            add(at + ".path", "no setup step writes " + file.path() + "; a fact grounded in a file must be visible in a file that setup writes");
          }
        }
        case Grounding.Derived derived -> derived(facts.get(i), derived, index, at);
      }
    }
  }

  private Set<String> writtenFiles() {
    Set<String> out = new HashSet<>();
    for (SetupStep step : task.setup()) {
      if (step instanceof SetupStep.WriteFile w) out.add(w.path());
      if (step instanceof SetupStep.WriteSpreadsheet s) out.add(s.path());
      if (step instanceof SetupStep.WriteDocument d) out.add(d.path());
    }
    return out;
  }

  private void derived(Fact fact, Grounding.Derived derived, Map<String, Integer> index, String at) {
    for (int k = 0; k < derived.from().size(); k++) {
      String source = derived.from().get(k);
      if (!index.containsKey(source)) {
        add(at + ".from[" + k + "]", "no fact named '" + source + "'; a derived fact can only name facts of this task (" + index.keySet() + ")");
      }
    }
    int arity = derived.op() == null ? -1 : derived.op().arity();
    if (arity >= 0 && derived.from().size() != arity) {
      add(at + ".from", derived.op().json() + " takes " + arity + " facts, got " + derived.from().size());
    }
    List<String> cycle = cycleThrough(fact.name(), fact.name(), new ArrayList<>(), new HashSet<>());
    if (cycle != null) {
      add(at + ".from", "derived fact '" + fact.name() + "' depends on itself: " + String.join(" -> ", cycle));
    }
  }

  /** A chain of derived facts leading from {@code from} back to {@code target}, or null. */
  private List<String> cycleThrough(String target, String from, List<String> chain, Set<String> visited) {
    chain.add(from);
    if (task.privileged().fact(from).orElse(null) instanceof Fact f && f.grounding() instanceof Grounding.Derived d) {
      for (String next : d.from()) {
        if (next.equals(target)) {
          chain.add(next);
          return chain;
        }
        if (visited.add(next)) {
          List<String> found = cycleThrough(target, next, new ArrayList<>(chain), visited);
          if (found != null) return found;
        }
      }
    }
    return null;
  }

  private void audit() {
    if (task.audit() != null && task.audit().verdict() == Verdict.VERIFIED && !task.audit().provenByReplay()) {
      add("$.audit.stages", "the verdict is verified but no replay proved it (no replay.* stage, or one failed); nothing is verified without a replay");
    }
  }
}
