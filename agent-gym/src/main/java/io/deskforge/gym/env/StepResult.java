package io.deskforge.gym.env;

import io.deskforge.task.action.Action;
import java.util.List;

/**
 * The answer to a step, Gymnasium-shaped: the observation, the reward (0 until the episode ends,
 * then the checker's 0 or 1), whether the episode ended by the agent ({@code terminated}: done or
 * fail) or by the gym ({@code truncated}: step budget or time), and what was done.
 *
 * @param actions the actions performed, in deskforge's schema
 * @param zoomPng a zoomed screenshot when the step asked for one
 * @param evaluation the checker's verdict when the episode ended
 */
public record StepResult(
    Observation observation, double reward, boolean terminated, boolean truncated, int step, int maxSteps,
    String schema, List<Action> actions, byte[] zoomPng, Evaluation evaluation, String status) {}
