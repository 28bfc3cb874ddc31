package io.deskforge.creator.solve;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;

/**
 * The solver phase as the creation loop sees it: given a candidate task without a reference
 * solution (its family file left the solution out), find actions that make its checker pass in a
 * live desktop. What is found is not trusted: the loop lifts it into the family
 * ({@link io.deskforge.apps.family.SolutionLift}) and the auditors replay it in fresh desktops like
 * any other solution. The gym's agents implement it through {@code io.deskforge.gym.solver.Solver};
 * {@link #NONE} finds nothing, for runs without a solver.
 */
public interface SolutionFinder {

  /** What a search gave. */
  sealed interface Found {
    /** The actions, and who found them (an agent's name). */
    record Solved(List<Action> actions, String by, int steps) implements Found {}

    /** Why nothing was found. */
    record NotFound(String reason, int steps) implements Found {}
  }

  Found find(TaskSpec candidate);

  /** No solver: a family without a solution stays unsolved, and says how to give it one. */
  SolutionFinder NONE = candidate -> new Found.NotFound(
      "the family has no reference solution and no solver is configured (give the creator a solver agent)", 0);
}
