package io.deskforge.cli;

import io.deskforge.creator.solve.SolutionFinder;
import io.deskforge.gym.agent.Agent;
import io.deskforge.gym.solver.Solver;
import io.deskforge.task.spec.TaskSpec;
import java.util.function.Supplier;

/** The creation loop's solver phase done by one of the gym's agents, in a fresh desktop per attempt ({@link Solver}). */
final class AgentSolutionFinder implements SolutionFinder {
  private final Solver solver;
  private final Supplier<Agent> agents;

  AgentSolutionFinder(Solver solver, Supplier<Agent> agents) {
    this.solver = solver;
    this.agents = agents;
  }

  @Override
  public Found find(TaskSpec candidate) {
    try (Agent agent = agents.get()) {
      return switch (solver.solve(candidate, agent)) {
        case Solver.Result.Solved s -> new Found.Solved(s.task().solution().actions(), s.agent(), s.steps());
        case Solver.Result.Unsolved u -> new Found.NotFound(u.reason() + " (" + u.agent() + ", " + u.steps() + " steps)", u.steps());
      };
    }
  }
}
