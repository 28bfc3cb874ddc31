package io.deskforge.desktop;

import io.deskforge.desktop.ready.ReadyStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start one application in a desktop: the command (run as the desktop user inside the
 * desktop's session), extra environment, and when it counts as ready.
 */
public record AppLaunch(String name, List<String> command, Map<String, String> env, ReadyStrategy ready, Duration timeout) {
  public AppLaunch {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("app launch: name is required");
    if (command == null || command.isEmpty()) throw new IllegalArgumentException("app launch " + name + ": command is required");
    command = List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
    if (ready == null) throw new IllegalArgumentException("app launch " + name + ": a readiness strategy is required");
    timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
  }

  public static AppLaunch of(String name, List<String> command, ReadyStrategy ready) {
    return new AppLaunch(name, command, Map.of(), ready, null);
  }

  /**
   * The command as one argument list that carries its environment too ({@code env NAME=value ...
   * command}, names sorted), for a machine that starts it from an argument list alone (an exported
   * task's launch step in OSWorld); the command unchanged when the launch has no extra environment.
   */
  public List<String> commandWithEnvironment() {
    if (env.isEmpty()) return command;
    List<String> out = new java.util.ArrayList<>();
    out.add("env");
    new java.util.TreeMap<>(env).forEach((k, v) -> out.add(k + "=" + v));
    out.addAll(command);
    return List.copyOf(out);
  }
}
