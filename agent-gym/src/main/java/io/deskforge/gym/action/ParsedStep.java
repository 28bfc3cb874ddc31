package io.deskforge.gym.action;

import java.util.List;

/** A step body read in one of the schemas: {@code deskforge}, {@code openai} or {@code anthropic}. */
public record ParsedStep(String schema, List<GymCommand> commands) {
  public ParsedStep {
    commands = List.copyOf(commands);
  }
}
