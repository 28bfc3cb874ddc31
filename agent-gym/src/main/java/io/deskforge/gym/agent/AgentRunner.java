package io.deskforge.gym.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.gym.action.ActionException;
import io.deskforge.gym.env.EnvRequest;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymException;
import io.deskforge.gym.env.Observation;
import io.deskforge.gym.env.StepResult;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs episodes of an agent in the gym, through {@link Gym}'s create, step and close: the calls the
 * HTTP routes make, so an in-process agent is served and scored exactly as a remote one. A body
 * the gym refuses goes back to the agent as an error in its history; {@value #MAX_REFUSALS} refusals
 * in a row end the episode as {@code gave_up} with the last error as its reason.
 */
public final class AgentRunner {
  static final int MAX_REFUSALS = 5;

  private final Gym gym;

  public AgentRunner(Gym gym) {
    this.gym = gym;
  }

  /** How one episode ended. {@code reason} names why it ended without the agent saying done, if so. */
  public record Outcome(String taskId, String app, String family, String episodeId, String agent, double reward, String status,
      String reason, int steps) {}

  /** One episode of {@code task} for the agent {@code agents} makes for it; the agent is closed after. */
  public Outcome run(TaskSpec task, Function<TaskSpec, Agent> agents, EnvRequest request) {
    try (Agent agent = agents.apply(task)) {
      Gym.Started s = gym.create(request.agent(agent.name()));
      try {
        return loop(task, agent, s);
      } finally {
        try {
          gym.close(s.envId());
        } catch (GymException ignored) {
          // already closed by the reaper
        }
      }
    }
  }

  private Outcome loop(TaskSpec task, Agent agent, Gym.Started s) {
    List<Agent.Turn> history = new ArrayList<>();
    Observation obs = s.observation();
    int step = 0, refusals = 0;
    while (true) {
      Agent.Decision d = agent.next(new Agent.View(s.instruction(), obs, step, s.maxSteps(), List.copyOf(history)));
      if (d instanceof Agent.Decision.GiveUp g) {
        double reward = gym.giveUp(s.envId(), g.reason()).reward();
        return new Outcome(task.id(), task.app(), task.family(), s.episodeId(), agent.name(), reward, "gave_up", g.reason(), step);
      }
      JsonNode body = ((Agent.Decision.Act) d).body();
      StepResult r;
      try {
        r = gym.step(s.envId(), body);
      } catch (ActionException e) {
        history.add(new Agent.Turn(body, e.getMessage()));
        if (++refusals >= MAX_REFUSALS) {
          String why = "the gym refused " + MAX_REFUSALS + " actions in a row; the last: " + e.getMessage();
          double reward = gym.giveUp(s.envId(), why).reward();
          return new Outcome(task.id(), task.app(), task.family(), s.episodeId(), agent.name(), reward, "gave_up", why, step);
        }
        continue;
      } catch (GymException e) {
        return new Outcome(task.id(), task.app(), task.family(), s.episodeId(), agent.name(), 0, "error", e.getMessage(), step);
      }
      refusals = 0;
      step = r.step();
      obs = r.observation();
      history.add(new Agent.Turn(body, null));
      if (r.terminated() || r.truncated()) {
        String reason = r.truncated() ? "the step budget of " + r.maxSteps() + " was used up" : null;
        return new Outcome(task.id(), task.app(), task.family(), s.episodeId(), agent.name(), r.reward(), r.status(), reason, step);
      }
    }
  }
}
