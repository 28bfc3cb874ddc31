package io.deskforge.gym.solver;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.replay.FinalState;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.gym.action.ActionException;
import io.deskforge.gym.action.ActionSchemas;
import io.deskforge.gym.action.GymCommand;
import io.deskforge.gym.action.ParsedStep;
import io.deskforge.gym.agent.Agent;
import io.deskforge.gym.env.Observation;
import io.deskforge.task.action.Action;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.spec.Difficulty;
import io.deskforge.task.spec.Trajectory;
import io.deskforge.task.spec.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The solver phase of task creation (issue 11, item 4): a candidate whose reference solution a
 * model could not write blind is set up in a live desktop, an agent works it from the screen, and
 * when the task's own checker passes at the end, the actions the agent performed become the
 * candidate's reference solution. Nothing is trusted on that: the solved candidate then goes to the
 * auditors, which replay the solution in fresh desktops like any other, run the negatives and
 * mutate the checker.
 *
 * <p>The agent sees only the instruction and the screen (never the checker, facts or negatives),
 * its replies go through the gym's action schemas ({@link ActionSchemas}: deskforge's, OpenAI's and
 * Anthropic's computer tools), and a refused reply goes back to it as an error, as in the gym.
 * Between two of its steps the desktop settles; the recorded solution keeps that pause as a
 * {@code wait} so the replay, which acts without looking, gives the app the same time.
 */
public final class Solver {
  /** Refusals in a row after which the attempt ends, as in the gym's runner. */
  static final int MAX_REFUSALS = 5;

  private final DesktopProvider provider;
  private final AppCatalog catalog;
  private final ReplayAuditor configs;
  private final SetupRunner setup;
  private final GetterReader reader;
  private final Settings settings;

  /**
   * @param maxSteps the step budget of an attempt
   * @param settleQuiet how long the screen must be still after a step before the agent looks again
   * @param settleMax the longest wait for that
   * @param pause the {@code wait} recorded between two steps of the solution
   */
  public record Settings(int maxSteps, Duration settleQuiet, Duration settleMax, Duration pause) {
    public Settings {
      if (maxSteps < 1) throw new IllegalArgumentException("maxSteps: at least 1, not " + maxSteps);
    }

    public static Settings defaults() {
      return new Settings(30, Duration.ofMillis(150), Duration.ofSeconds(3), Duration.ofMillis(300));
    }
  }

  /** How an attempt ended. */
  public sealed interface Result {
    String agent();

    int steps();

    /** The checker passed: {@code task} is the candidate with the agent's actions as its reference solution. */
    record Solved(TaskSpec task, String agent, int steps) implements Result {}

    /** No solution: the reason names how the attempt ended (gave up, budget, checker still failing, desktop died). */
    record Unsolved(String reason, String agent, int steps) implements Result {}
  }

  public Solver(DesktopProvider provider, AppCatalog catalog, UnaryOperator<DesktopConfig.Builder> configure, Settings settings) {
    this.provider = provider;
    this.catalog = catalog;
    this.configs = new ReplayAuditor(provider, catalog, configure);
    this.setup = new SetupRunner(catalog);
    this.reader = new GetterReader(catalog);
    this.settings = settings;
  }

  /** One attempt of {@code agent} at {@code candidate} in a fresh desktop; the desktop is gone when this returns. */
  public Result solve(TaskSpec candidate, Agent agent) {
    List<Action> solution = new ArrayList<>();
    List<Agent.Turn> history = new ArrayList<>();
    int steps = 0, refusals = 0;
    try (Desktop d = provider.create(configs.desktopConfig(candidate))) {
      d.start();
      setup.apply(d, candidate.setup());
      d.settle(settings.settleQuiet(), settings.settleMax());
      while (true) {
        if (steps >= settings.maxSteps()) return unsolved("the step budget of " + settings.maxSteps() + " was used up", agent, steps);
        Agent.Decision decision = agent.next(new Agent.View(candidate.instruction(), observe(d), steps, settings.maxSteps(),
            List.copyOf(history)));
        if (decision instanceof Agent.Decision.GiveUp g) return unsolved("the agent gave up: " + g.reason(), agent, steps);
        JsonNode body = ((Agent.Decision.Act) decision).body();
        Boolean done = null;
        List<Action> performed = new ArrayList<>();
        try {
          int[] pointer = d.pointer();
          ParsedStep parsed = ActionSchemas.parse(body, new ActionSchemas.Screen(d.config().width(), d.config().height(), pointer[0], pointer[1]));
          for (GymCommand c : parsed.commands()) {
            if (c instanceof GymCommand.Perform p) {
              act(d, p.action());
              performed.add(p.action());
            } else if (c instanceof GymCommand.Terminate t) {
              done = t.done();
              break;
            }
          }
        } catch (ActionException e) {
          solution.addAll(performed); // a batch refused part-way did what it did
          history.add(new Agent.Turn(body, e.getMessage()));
          if (++refusals >= MAX_REFUSALS) return unsolved(MAX_REFUSALS + " replies in a row were refused; the last: " + e.getMessage(), agent, steps);
          continue;
        }
        refusals = 0;
        if (!performed.isEmpty()) {
          if (!solution.isEmpty()) solution.add(new Action.Wait(settings.pause().toMillis()));
          solution.addAll(performed);
          d.settle(settings.settleQuiet(), settings.settleMax());
        }
        steps++;
        history.add(new Agent.Turn(body, null));
        if (done == null) continue;
        if (!done) return unsolved("the agent declared the task infeasible", agent, steps);
        if (solution.isEmpty()) return unsolved("the agent said done without acting", agent, steps);
        FinalState.await(d, candidate);
        FinalState.commit(d, candidate, catalog);
        CheckResult check = reader.check(d, candidate.checker());
        if (!check.passed()) return unsolved("the agent said done but the checker fails: " + check.explain(), agent, steps);
        return new Result.Solved(withSolution(candidate, agent.name(), solution), agent.name(), steps);
      }
    } catch (DesktopException e) {
      return unsolved("the desktop failed: " + e.getMessage(), agent, steps);
    }
  }

  private static void act(Desktop d, Action action) {
    try {
      d.act(action);
    } catch (IllegalArgumentException e) {
      throw new ActionException("", action.name() + ": " + e.getMessage());
    }
  }

  private static Observation observe(Desktop d) {
    return new Observation(d.config().width(), d.config().height(), d.screenshot().png(), null, d.windows(), d.pointer());
  }

  private static Result unsolved(String reason, Agent agent, int steps) {
    return new Result.Unsolved(reason, agent.name(), steps);
  }

  /** The candidate with {@code actions} as its reference solution, its id recomputed (the id covers the solution). */
  static TaskSpec withSolution(TaskSpec t, String agent, List<Action> actions) {
    Trajectory solution = new Trajectory("reference", "found by the agent " + agent + " in a live desktop", actions);
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        t.setup(), t.checker(), solution, t.negatives(), Difficulty.ofSteps(actions.size()), t.provenance(), null).withContentId();
  }
}
