package io.deskforge.gym.env;

import java.util.Set;

/**
 * What {@code POST /v1/envs} asks for: a verified task by id, or by family and seed; optional
 * resolution, observation parts, step budget and the agent's name for the episode record.
 */
public record EnvRequest(
    String taskId, String family, Long seed, Integer width, Integer height, Set<Observation.Part> observation,
    Integer maxSteps, String agent) {

  public EnvRequest {
    observation = observation == null || observation.isEmpty() ? Set.of(Observation.Part.SCREENSHOT) : Set.copyOf(observation);
    if (agent == null || agent.isBlank()) agent = "anonymous";
    if (agent.length() > 200) throw new GymException(GymException.Kind.BAD_REQUEST, "agent: at most 200 characters");
    if (taskId == null && (family == null || seed == null)) {
      throw new GymException(GymException.Kind.BAD_REQUEST, "give task_id, or family and seed");
    }
    if (maxSteps != null && (maxSteps < 1 || maxSteps > 1000)) {
      throw new GymException(GymException.Kind.BAD_REQUEST, "max_steps: must be 1 to 1000, got " + maxSteps);
    }
    if ((width == null) != (height == null)) throw new GymException(GymException.Kind.BAD_REQUEST, "resolution: give both width and height");
  }

  public static EnvRequest ofTask(String taskId) {
    return new EnvRequest(taskId, null, null, null, null, null, null, null);
  }

  public EnvRequest agent(String name) {
    return new EnvRequest(taskId, family, seed, width, height, observation, maxSteps, name);
  }

  public EnvRequest observation(Set<Observation.Part> parts) {
    return new EnvRequest(taskId, family, seed, width, height, parts, maxSteps, agent);
  }

  public EnvRequest maxSteps(int n) {
    return new EnvRequest(taskId, family, seed, width, height, observation, n, agent);
  }
}
