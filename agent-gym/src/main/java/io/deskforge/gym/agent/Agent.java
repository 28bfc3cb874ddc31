package io.deskforge.gym.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.gym.env.Observation;
import java.util.List;

/**
 * Something that acts in an env: given the instruction and what is on the screen, it returns the
 * next step body, in any of the action schemas the gym accepts (deskforge's, the OpenAI computer
 * tool's, the Anthropic computer tool's). The gym validates and performs it exactly as it does a
 * body sent over HTTP, so an agent run in-process and one run through the server take one path.
 */
public interface Agent extends AutoCloseable {

  /** The name episodes are recorded under, for example {@code random} or {@code openai:qwen2.5-vl}. */
  String name();

  /** The next step, or a give-up with the reason (which the episode records). Never throws for a bad model reply. */
  Decision next(View view);

  @Override
  default void close() {}

  /**
   * What the agent is shown at one step: the instruction, the latest observation, the step number
   * (0 before the first action), the step budget and the steps sent so far with what came back.
   */
  record View(String instruction, Observation observation, int step, int maxSteps, List<Turn> history) {}

  /** One earlier step: the body sent and the gym's answer (an error message when it was refused). */
  record Turn(JsonNode body, String error) {}

  /** What an agent decides. */
  sealed interface Decision {
    /** Send this step body. */
    record Act(JsonNode body) implements Decision {}

    /** Stop the episode without acting further, for a named reason (an unusable model reply, a timeout). */
    record GiveUp(String reason) implements Decision {}
  }
}
