package io.deskforge.apps.family;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Difficulty;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Privileged;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles a family's drawn parts into a TaskSpec; the no-op negative is always first. */
public final class FamilyTasks {
  private final String family;
  private final String app;
  private final long seed;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final List<Fact> facts = new ArrayList<>();
  private final List<SetupStep> setup = new ArrayList<>();
  private final List<Trajectory> negatives = new ArrayList<>(List.of(Trajectory.noOp()));
  private String instruction;
  private Checker checker;
  private Trajectory solution;
  private Provenance provenance = Provenance.of("template");

  public FamilyTasks(String family, String app, long seed) {
    this.family = family;
    this.app = app;
    this.seed = seed;
  }

  public FamilyTasks param(String name, Object value) {
    params.put(name, String.valueOf(value));
    return this;
  }

  public FamilyTasks fact(Fact fact) {
    facts.add(fact);
    return this;
  }

  public FamilyTasks setup(SetupStep step) {
    setup.add(step);
    return this;
  }

  /** Several steps in order (a login: the account made, the form sent, the start page opened). */
  public FamilyTasks setups(java.util.List<SetupStep> steps) {
    setup.addAll(steps);
    return this;
  }

  public FamilyTasks instruction(String text) {
    this.instruction = text;
    return this;
  }

  public FamilyTasks checker(Checker checker) {
    this.checker = checker;
    return this;
  }

  public FamilyTasks solution(String description, List<Action> actions) {
    this.solution = new Trajectory("reference", description, actions);
    return this;
  }

  public FamilyTasks negative(String name, String description, List<Action> actions) {
    negatives.add(new Trajectory(name, description, actions));
    return this;
  }

  /** Where the task comes from; a Java family's is the template creator. */
  public FamilyTasks provenance(Provenance provenance) {
    this.provenance = provenance;
    return this;
  }

  public TaskSpec build() {
    if (solution == null) throw new IllegalStateException(family + ": instruction, checker and solution are all required");
    return buildWithoutSolution();
  }

  /**
   * The task even without a reference solution: a candidate for the solver phase, which the static
   * audit refuses until a solution is found. Its difficulty is unknown until then (null).
   */
  public TaskSpec buildWithoutSolution() {
    if (instruction == null || checker == null) throw new IllegalStateException(family + ": instruction and checker are required");
    return new TaskSpec(null, family, app, List.of(), instruction, seed, params, new Privileged(facts), setup, checker,
        solution, negatives, solution == null ? null : Difficulty.ofSteps(solution.actions().size()), provenance, null)
        .withContentId();
  }

  /** Fills {placeholders} of a phrasing. */
  public static String phrase(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
    if (out.matches("(?s).*\\{[a-z_]+}.*")) throw new IllegalStateException("unfilled placeholder in: " + out);
    return out;
  }
}
