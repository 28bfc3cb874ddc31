package io.deskforge.gym.action;

import io.deskforge.task.action.Action;

/**
 * One thing a step body asks of an env, in deskforge's terms, whatever schema it came in. A body
 * may hold several (a batched {@code actions[]}); they run in order.
 */
public sealed interface GymCommand {

  /** A GUI action, recorded in the trajectory in deskforge's schema. */
  record Perform(Action action) implements GymCommand {}

  /** Return an observation without acting: {@code screenshot} or {@code cursor_position}. */
  record Observe(String what) implements GymCommand {}

  /** Return a screenshot of the region (x0, y0)-(x1, y1), scaled up to the screen's size. */
  record Zoom(int x0, int y0, int x1, int y1) implements GymCommand {}

  /** End the episode: {@code done} (the agent thinks the task is done) or {@code fail} (it gives up). */
  record Terminate(boolean done) implements GymCommand {}
}
