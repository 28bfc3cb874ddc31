package io.deskforge.gym.env;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.gym.episode.HomeSnapshot;
import io.deskforge.task.spec.TaskSpec;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One served environment: a fresh desktop set up from one verified task, and the episode running
 * in it. The task (with its privileged facts, checker and solution) stays here, on the server;
 * only {@link #id}, the instruction and observations leave it. One request at a time acts on an
 * env ({@link #lock}).
 */
final class Env {
  enum State { RUNNING, ENDED, CLOSED }

  final String id;
  final TaskSpec task;
  final Set<Observation.Part> parts;
  final int maxSteps;
  final String agent;
  final DesktopConfig desktopConfig;
  final ReentrantLock lock = new ReentrantLock();

  /** Read by the browser endpoints' relay threads as well. */
  volatile Desktop desktop;
  String episodeId;
  int steps;
  int recorded;
  /** The actions the episode's recorded steps performed, in order (what the trajectory audit judges). */
  final java.util.List<io.deskforge.task.action.Action> actions = new java.util.ArrayList<>();
  volatile State state = State.RUNNING;
  /** The CDP and WebDriver endpoints, once asked for; they live as long as the env. */
  io.deskforge.gym.browser.BrowserEndpoints browser;
  /** Requests of this episode through the browser endpoints that may change something: WebDriver commands but reads, CDP sessions. */
  int browserCommands;
  String status = "running";
  Evaluation finalEvaluation;
  HomeSnapshot startHome;
  long startedNanos;
  volatile long lastUsedNanos;

  Env(String id, TaskSpec task, Set<Observation.Part> parts, int maxSteps, String agent, DesktopConfig desktopConfig) {
    this.desktopConfig = desktopConfig;
    this.id = id;
    this.task = task;
    this.parts = Set.copyOf(parts);
    this.maxSteps = maxSteps;
    this.agent = agent;
    touch();
  }

  void touch() {
    lastUsedNanos = System.nanoTime();
  }

  String instruction() {
    return task.instruction();
  }
}
