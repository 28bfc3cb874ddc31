package io.deskforge.gym.agent;

import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Replays a task's reference solution, one action per step, then says done: the ceiling every
 * verified task must reach (reward 1), which proves the gym scores as the audit did. It reads the
 * privileged solution, so it runs in-process only ({@code deskforge agent run}), never over HTTP.
 */
public final class ReplayAgent implements Agent {
  private final List<Action> actions;
  private int next;

  public ReplayAgent(TaskSpec task) {
    this.actions = task.solution().actions();
  }

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public Decision next(View view) {
    if (next < actions.size()) return new Decision.Act(TaskJson.tree(actions.get(next++)));
    return new Decision.Act(TaskJson.tree(Map.of("action", "done")));
  }
}
