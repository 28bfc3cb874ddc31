package io.deskforge.gym.env;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.BrowserDebugging;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.setup.SetupException;
import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.audit.replay.FinalState;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.HostFolders;
import io.deskforge.gym.action.ActionException;
import io.deskforge.gym.action.ActionSchemas;
import io.deskforge.gym.action.GymCommand;
import io.deskforge.gym.action.ParsedStep;
import io.deskforge.gym.browser.BrowserEndpoints;
import io.deskforge.gym.browser.HttpRelay;
import io.deskforge.gym.episode.HomeSnapshot;
import io.deskforge.gym.episode.TrajectoryAudit;
import io.deskforge.task.action.Action;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gym: serves fresh desktops set up from verified tasks, performs agents' steps, scores them
 * with the task's privileged checker from outside the desktop and records every episode in the
 * bank. The HTTP server and the in-process agent runner both call this class, so an agent is
 * treated the same whichever way it connects.
 *
 * <p>Lifecycle: {@link #start()} reaps what a killed server left (desktops, their folders and
 * cgroups; its running episodes become {@code abandoned}), starts the warm pool and the reaper of
 * idle envs; {@link #close()} ends every episode as {@code closed} and closes every desktop.
 */
public final class Gym implements AutoCloseable {
  private static final int CLOSED_REMEMBERED = 4096;

  private final TaskBank bank;
  private final DesktopProvider provider;
  private final AppCatalog catalog;
  private final GymConfig config;
  private final SetupRunner setup;
  private final GetterReader reader;
  private final TaskIndex index;
  private final WarmPool pool;
  private final Map<String, Env> envs = new ConcurrentHashMap<>();
  private final Map<String, String> closed = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CLOSED_REMEMBERED;
    }
  });
  private final AtomicInteger reserved = new AtomicInteger();
  private final TrajectoryAudit audit;
  private ScheduledExecutorService reaper;
  private boolean shutDown;

  public Gym(TaskBank bank, DesktopProvider provider, AppCatalog catalog, GymConfig config) {
    this.bank = bank;
    this.provider = provider;
    this.catalog = catalog;
    this.config = config;
    this.setup = new SetupRunner(catalog);
    this.reader = new GetterReader(catalog);
    this.index = new TaskIndex(bank);
    this.pool = new WarmPool(provider, config.warm());
    this.audit = new TrajectoryAudit(bank, provider, setup, catalog, task -> desktopConfig(task, null));
  }

  public GymConfig config() {
    return config;
  }

  public String providerName() {
    return provider.name();
  }

  /** Reaps a killed server's leftovers, then starts the warm pool and the idle reaper. */
  public synchronized Gym start() {
    int abandoned = bank.episodes().abandonRunning("the gym serving it stopped before the episode ended");
    if (abandoned > 0) System.err.println("deskforge gym: " + abandoned + " episode(s) of an earlier server marked abandoned");
    HostFolders.reapStale(config.workRoot());
    if (config.warm() > 0) pool.fill(warmConfigs());
    reaper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gym-reaper");
      t.setDaemon(true);
      return t;
    });
    reaper.scheduleWithFixedDelay(this::reap, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  // ------------------------------------------------------------------ tasks

  /** Verified tasks matching the filter, as agents may see them. */
  public List<TaskIndex.Card> tasks(TaskIndex.Query query) {
    return index.find(query);
  }

  // ------------------------------------------------------------------ envs

  /** The envs alive now. */
  public int size() {
    return envs.size();
  }

  /** A fresh desktop set up from the task alone, and its first observation. */
  public Started create(EnvRequest request) {
    TaskSpec task = resolve(request);
    if (reserved.incrementAndGet() > config.maxEnvs()) {
      reserved.decrementAndGet();
      throw new GymException(GymException.Kind.FULL, "all " + config.maxEnvs() + " envs are in use; retry when one is closed");
    }
    boolean ok = false;
    try {
      int maxSteps = request.maxSteps() != null ? request.maxSteps() : defaultMaxSteps(task);
      Env env = new Env("env-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), task, request.observation(),
          maxSteps, request.agent(), desktopConfig(task, request));
      Observation first = begin(env);
      envs.put(env.id, env);
      ok = true;
      return new Started(env.id, task.id(), task.instruction(), first, maxSteps, env.episodeId);
    } finally {
      if (!ok) reserved.decrementAndGet();
    }
  }

  /** What {@link #create} and {@link #reset} return. */
  public record Started(String envId, String taskId, String instruction, Observation observation, int maxSteps, String episodeId) {}

  /** A new episode of the same task in a fresh desktop; the current one ends as {@code closed}. */
  public Started reset(String envId) {
    Env env = get(envId);
    env.lock.lock();
    try {
      requireOpen(env);
      endEpisode(env, "closed", "reset by the agent");
      closeDesktop(env);
      env.steps = 0;
      env.recorded = 0;
      env.actions.clear();
      env.browserCommands = 0;
      env.state = Env.State.RUNNING;
      env.status = "running";
      env.finalEvaluation = null;
      Observation first = begin(env);
      return new Started(env.id, env.task.id(), env.task.instruction(), first, env.maxSteps, env.episodeId);
    } finally {
      env.lock.unlock();
    }
  }

  /** Performs one step body (any action schema), then observes; ends the episode on done, fail or the step budget. */
  public StepResult step(String envId, JsonNode body) {
    Env env = get(envId);
    env.lock.lock();
    try {
      requireOpen(env);
      if (env.state != Env.State.RUNNING) {
        throw new GymException(GymException.Kind.CONFLICT, "env " + envId + ": the episode has ended (" + env.status + "); reset or delete it");
      }
      int[] pointer = env.desktop.pointer();
      ParsedStep parsed;
      try {
        parsed = ActionSchemas.parse(body, new ActionSchemas.Screen(env.desktop.config().width(), env.desktop.config().height(), pointer[0], pointer[1]));
      } catch (ActionException e) {
        record(env, null, body, List.of(), null, e.getMessage());
        throw e;
      }
      List<Action> performed = new ArrayList<>();
      byte[] zoom = null;
      Boolean terminal = null;
      try {
        for (GymCommand c : parsed.commands()) {
          switch (c) {
            case GymCommand.Perform p -> {
              actOrFail(env, p.action());
              performed.add(p.action());
            }
            case GymCommand.Observe o -> { /* the observation below answers it */ }
            case GymCommand.Zoom z -> zoom = Zoom.png(env.desktop.screenshot(), z);
            case GymCommand.Terminate t -> terminal = t.done();
          }
          if (terminal != null) break;
        }
      } catch (ActionException e) {
        // a batch refused part-way: what it did before is in the record with the refusal
        record(env, parsed.schema(), body, performed, null, e.getMessage());
        throw e;
      }
      if (!performed.isEmpty()) env.desktop.settle(config.settleQuiet(), config.settleMax());
      env.steps++;
      Observation obs = observe(env);
      record(env, parsed.schema(), body, performed, obs.screenshotPng(), null);
      boolean truncated = terminal == null && env.steps >= env.maxSteps;
      Evaluation evaluation = null;
      if (terminal != null || truncated) {
        String status = terminal != null ? (terminal ? "done" : "fail") : "truncated";
        evaluation = endEpisode(env, status, truncated ? "the step budget of " + env.maxSteps + " was used up" : null);
      }
      double reward = evaluation == null ? 0 : evaluation.reward();
      return new StepResult(visible(env, obs), reward, terminal != null, truncated, env.steps, env.maxSteps, parsed.schema(), performed, zoom,
          evaluation, env.status);
    } finally {
      env.touch();
      env.lock.unlock();
    }
  }

  /** The checker's verdict on the env's current state; the episode goes on. */
  public Evaluation evaluate(String envId) {
    return withEnv(envId, true, env -> env.state == Env.State.ENDED && env.finalEvaluation != null ? env.finalEvaluation : check(env, false));
  }

  /** The env's screen now, as PNG. */
  public byte[] screenshot(String envId) {
    return withEnv(envId, true, env -> guarded(env, () -> env.desktop.screenshot().png()));
  }

  /** What an env is doing, for {@code GET /state}: no privileged field. */
  public record EnvState(String envId, String taskId, String instruction, int step, int maxSteps, String status, String episodeId) {}

  public EnvState state(String envId) {
    Env env = get(envId);
    return new EnvState(env.id, env.task.id(), env.task.instruction(), env.steps, env.maxSteps, env.status, env.episodeId);
  }

  /** Ends the episode (as {@code closed} when it was running) and closes the desktop. */
  public void close(String envId) {
    Env env = get(envId);
    closeEnv(env, "closed", "closed by the agent");
  }

  /** Where an agent drives the env's browser: CDP and WebDriver on the host's loopback, and the env's token for both. */
  public record BrowserAccess(String cdpUrl, String webDriverUrl, String token) {}

  /**
   * The env's browser endpoints, opened at the first call (the same afterwards, across resets);
   * NOT_FOUND when none of the task's apps is a browser. Once the episode has ended, their open
   * connections are ended and new requests refused, as steps are. Their requests, and messages
   * an agent sends on a CDP session, count as use of the env for the idle reaper.
   */
  public BrowserAccess browser(String envId) {
    return withEnv(envId, true, env -> {
      if (env.browser == null) {
        BrowserDebugging spec = browserOf(env.task).orElseThrow(() -> new GymException(GymException.Kind.NOT_FOUND,
            "env " + envId + ": its task runs no browser, so it has no CDP or WebDriver endpoint"));
        env.browser = new BrowserEndpoints(env.id, spec, () -> env.desktop, () -> switch (env.state) {
          case RUNNING -> env.desktop == null ? new HttpRelay.Refusal(503, "env " + env.id + " has no desktop now") : null;
          case ENDED -> new HttpRelay.Refusal(409, "env " + env.id + ": the episode has ended (" + env.status + "); reset or delete it");
          case CLOSED -> new HttpRelay.Refusal(409, "env " + env.id + " is closed");
        }, (endpoint, request) -> browserRequest(env, endpoint, request), env::touch);
      }
      return new BrowserAccess(env.browser.cdpUrl(), env.browser.webDriverUrl(), env.browser.token());
    });
  }

  /**
   * Records a request through an env's browser endpoints as a step of the episode (schema
   * {@code cdp} or {@code webdriver}; the body holds its method, target and JSON body, the
   * WebSocket messages of a CDP session not), which uses up no step of the budget.
   */
  private void browserRequest(Env env, String endpoint, HttpRelay.Request request) {
    env.touch();
    env.lock.lock();
    try {
      if (env.state != Env.State.RUNNING || env.episodeId == null) return;
      boolean command = request.header("Upgrade") != null || !request.method().equals("GET");
      if (command) env.browserCommands++;
      com.fasterxml.jackson.databind.node.ObjectNode body = TaskJson.mapper().createObjectNode();
      body.put("method", request.method());
      body.put("target", request.target());
      if (request.body().length > 0) {
        try {
          body.set("body", TaskJson.mapper().readTree(request.body()));
        } catch (IOException | RuntimeException e) {
          body.put("body_bytes", request.body().length);
        }
      }
      record(env, endpoint, body, List.of(), null, null);
    } catch (RuntimeException e) {
      System.err.println("deskforge gym: recording a browser request of " + env.id + ": " + e);
    } finally {
      env.lock.unlock();
    }
  }

  /** The first of the task's apps that is a browser, by what its template says. */
  private Optional<BrowserDebugging> browserOf(TaskSpec task) {
    for (String app : task.desktopApps()) {
      Optional<BrowserDebugging> b = catalog.get(app).browser();
      if (b.isPresent()) return b;
    }
    return Optional.empty();
  }

  /** The ids of the envs alive now. */
  public Collection<String> envIds() {
    return List.copyOf(envs.keySet());
  }

  /** Ends the episode at the agent's request, for a reason (an agent that gave up); the final state is scored. */
  public Evaluation giveUp(String envId, String reason) {
    return withEnv(envId, true, env -> env.state != Env.State.RUNNING ? env.finalEvaluation : endEpisode(env, "gave_up", reason));
  }

  /** The proportional set size of the env's desktop processes, in bytes; does not count as use of the env. */
  public long memoryPss(String envId) {
    return withEnv(envId, false, env -> guarded(env, () -> env.desktop.memoryPssBytes()));
  }

  /** Runs work on an open env under its lock; {@code use} counts it as use of the env (the idle reaper's clock). */
  private <T> T withEnv(String envId, boolean use, java.util.function.Function<Env, T> work) {
    Env env = get(envId);
    env.lock.lock();
    try {
      requireOpen(env);
      return work.apply(env);
    } finally {
      if (use) env.touch();
      env.lock.unlock();
    }
  }

  /** Desktops the warm pool holds ready now, over all configurations. */
  public int warmReady() {
    return pool.readyCount();
  }

  /** Waits until the trajectory audits of finished episodes are recorded. */
  public void drainAudits(Duration max) {
    audit.drain(max);
  }

  @Override
  public synchronized void close() {
    if (shutDown) return; // a shutdown hook and a try-with-resources may both close it
    shutDown = true;
    if (reaper != null) reaper.shutdownNow();
    closeAll(List.copyOf(envs.values()));
    pool.close();
    try {
      audit.drain(Duration.ofSeconds(60));
    } catch (IllegalStateException e) {
      System.err.println("deskforge gym: " + e.getMessage());
    }
    audit.close();
  }

  // ------------------------------------------------------------------ internals

  private Observation begin(Env env) {
    Desktop d = pool.take(env.desktopConfig).orElseGet(() -> provider.create(env.desktopConfig));
    try {
      if (!d.isRunning()) d.start();
      setup.apply(d, env.task.setup());
      d.settle(Duration.ofMillis(50), Duration.ofSeconds(5));
      env.desktop = d;
      env.startHome = HomeSnapshot.take(d);
      env.startedNanos = System.nanoTime();
      env.episodeId = bank.episodes().start(new Episodes.Start(env.task.id(), env.task.family(), env.task.app(), env.agent, env.id, env.maxSteps));
      Observation first = observe(env);
      pool.replenish(env.desktopConfig);
      writeScreenshot(env, "start.png", first.screenshotPng());
      return visible(env, first);
    } catch (SetupException e) {
      d.close();
      System.err.println("deskforge gym: task " + env.task.id() + ": setup failed: " + e.getMessage());
      // the message names setup steps, which hold privileged content: the agent gets none of it
      throw new GymException(GymException.Kind.FAILED, "task " + env.task.id() + ": its setup failed in a fresh desktop (details in the server log)", e);
    } catch (DesktopException e) {
      d.close();
      throw new GymException(GymException.Kind.UNAVAILABLE, "could not start a desktop for task " + env.task.id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** What the env shows now; the screenshot is always taken, for the episode's record. */
  private Observation observe(Env env) {
    return guarded(env, () -> {
      Desktop d = env.desktop;
      return new Observation(d.config().width(), d.config().height(), d.screenshot().png(),
          env.parts.contains(Observation.Part.ACCESSIBILITY) ? d.accessibilityTree() : null,
          env.parts.contains(Observation.Part.WINDOWS) ? d.windows() : null, d.pointer());
    });
  }

  /** The observation with only the parts the env was asked for. */
  private static Observation visible(Env env, Observation o) {
    if (env.parts.contains(Observation.Part.SCREENSHOT)) return o;
    return new Observation(o.width(), o.height(), null, o.accessibility(), o.windows(), o.cursor());
  }

  private void actOrFail(Env env, Action action) {
    try {
      env.desktop.act(action);
    } catch (IllegalArgumentException e) {
      throw new ActionException("", action.name() + ": " + e.getMessage());
    } catch (DesktopException e) {
      if (stillAlive(env)) {
        // the action did not work out (a window it waits for never came); the desktop is fine
        throw new ActionException("", action.name() + ": " + e.getMessage());
      }
      endAfterDeath(env, e);
      throw new GymException(GymException.Kind.UNAVAILABLE, "env " + env.id + ": the desktop died: " + e.getMessage(), e);
    }
  }

  private static boolean stillAlive(Env env) {
    try {
      env.desktop.ensureAlive();
      return true;
    } catch (DesktopException e) {
      return false;
    }
  }

  private <T> T guarded(Env env, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (DesktopException e) {
      endAfterDeath(env, e);
      throw new GymException(GymException.Kind.UNAVAILABLE, "env " + env.id + ": the desktop died: " + e.getMessage(), e);
    }
  }

  private void endAfterDeath(Env env, DesktopException e) {
    if (env.state == Env.State.RUNNING) {
      env.state = Env.State.ENDED;
      env.status = "error";
      bank.episodes().finish(env.episodeId, "error", null, "the desktop died: " + e.getMessage(), null);
    }
  }

  /** Ends a running episode: final evaluation, record, trajectory audit. Returns the evaluation (null if it could not be taken). */
  private Evaluation endEpisode(Env env, String status, String reason) {
    if (env.state != Env.State.RUNNING) return env.finalEvaluation;
    Evaluation evaluation;
    try {
      evaluation = check(env, true);
    } catch (GymException e) {
      return null; // the desktop died; endAfterDeath recorded it
    }
    env.state = Env.State.ENDED;
    env.status = status;
    env.finalEvaluation = evaluation;
    if (env.browser != null) env.browser.disconnect(); // an open CDP session would drive the browser on, past the verdict
    try {
      bank.episodes().finish(env.episodeId, status, evaluation.reward(), reason, TaskJson.tree(evaluation));
    } catch (IllegalStateException e) {
      System.err.println("deskforge gym: " + e.getMessage()); // ended meanwhile by another process's reaping
      return evaluation;
    }
    try {
      audit.submit(TrajectoryAudit.capture(env.episodeId, env.task, env.desktop, env.startHome, List.copyOf(env.actions),
          evaluation.reward(), env.browserCommands));
    } catch (RuntimeException e) {
      // the episode is recorded; only its audit is lost, and the record says so
      bank.episodes().audited(env.episodeId, List.of("audit-failed"), TaskJson.tree(Map.of("error", String.valueOf(e.getMessage()))));
    }
    return evaluation;
  }

  /**
   * The reward of the state as it is. At the episode's end ({@code end}) the apps first write what
   * they still hold in memory (Chromium quits to write its profile); a reward asked during the
   * episode reads what they have written so far and leaves them running.
   */
  private Evaluation check(Env env, boolean end) {
    return guarded(env, () -> {
      FinalState.await(env.desktop, env.task);
      if (end) FinalState.commit(env.desktop, env.task, catalog);
      CheckResult r = reader.check(env.desktop, env.task.checker());
      List<Evaluation.Leaf> leaves = new ArrayList<>();
      for (int i = 0; i < r.leaves().size(); i++) {
        CheckResult.Leaf l = r.leaves().get(i);
        leaves.add(new Evaluation.Leaf(i, TaskJson.tree(l.getter()).path("type").asText(), TaskJson.tree(l.metric()).path("type").asText(), l.passed()));
      }
      return new Evaluation(r.passed() ? 1.0 : 0.0, leaves);
    });
  }

  private void record(Env env, String schema, JsonNode body, List<Action> actions, byte[] png, String error) {
    int seq = env.recorded++;
    String shot = null;
    if (png != null) {
      shot = String.format("%03d.png", seq);
      writeScreenshot(env, shot, png);
      shot = env.episodeId + "/" + shot;
    }
    bank.episodes().step(env.episodeId, new Episodes.Step(seq, Instant.now().toString(), schema, body, actions, shot, error));
    env.actions.addAll(actions);
  }

  private void writeScreenshot(Env env, String name, byte[] png) {
    try {
      Files.write(bank.episodes().folder(env.episodeId).resolve(name), png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record a screenshot of episode " + env.episodeId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Ends and closes the envs still open when the gym stops, a few at once: each episode's end waits
   * for its apps to go quiet and save before the final evaluation, and sixteen envs closed one by
   * one kept a stopping server waiting for half a minute. An env that fails to close is named on
   * stderr and the others still close.
   */
  private void closeAll(List<Env> open) {
    if (open.isEmpty()) return;
    try (java.util.concurrent.ExecutorService closing = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(open.size(), 2 * Runtime.getRuntime().availableProcessors()))) {
      for (Env env : open) {
        closing.execute(() -> {
          try {
            closeEnv(env, "closed", "the gym server stopped");
          } catch (RuntimeException e) {
            System.err.println("deskforge gym: env " + env.id + " did not close cleanly: " + e.getMessage());
          }
        });
      }
    }
  }

  private void closeEnv(Env env, String status, String reason) {
    env.lock.lock();
    try {
      if (env.state == Env.State.CLOSED) return;
      try {
        if (env.state == Env.State.RUNNING && env.desktop != null) endEpisode(env, status, reason);
      } finally {
        if (env.browser != null) env.browser.close();
        closeDesktop(env);
        env.state = Env.State.CLOSED;
        envs.remove(env.id);
        closed.put(env.id, reason);
        reserved.decrementAndGet();
      }
    } finally {
      env.lock.unlock();
    }
  }

  private void closeDesktop(Env env) {
    if (env.desktop != null) env.desktop.close();
    env.desktop = null;
  }

  private void reap() {
    long now = System.nanoTime();
    for (Env env : List.copyOf(envs.values())) {
      try {
        if (env.lock.isLocked()) continue;
        if (now - env.lastUsedNanos > config.idleTimeout().toNanos()) {
          closeEnv(env, "closed", "idle for " + config.idleTimeout().toSeconds() + " s");
        } else if (env.state == Env.State.RUNNING && now - env.startedNanos > config.episodeTimeout().toNanos()) {
          closeEnv(env, "timeout", "the episode ran past " + config.episodeTimeout().toMinutes() + " min");
        }
      } catch (RuntimeException e) {
        System.err.println("deskforge gym: reaping " + env.id + ": " + e);
      }
    }
  }

  private Env get(String envId) {
    Env env = envs.get(envId);
    if (env != null) return env;
    String why = closed.get(envId);
    if (why != null) throw new GymException(GymException.Kind.CONFLICT, "env " + envId + " is closed (" + why + ")");
    throw new GymException(GymException.Kind.NOT_FOUND, "no env " + envId);
  }

  private static void requireOpen(Env env) {
    if (env.state == Env.State.CLOSED) throw new GymException(GymException.Kind.CONFLICT, "env " + env.id + " is closed");
  }

  private TaskSpec resolve(EnvRequest request) {
    String id = request.taskId();
    if (id == null) {
      TaskFamily family;
      try {
        family = catalog.family(request.family());
      } catch (IllegalArgumentException e) {
        throw new GymException(GymException.Kind.NOT_FOUND, e.getMessage());
      }
      TaskSpec sampled = family.sample(request.seed());
      id = sampled.id() != null ? sampled.id() : TaskJson.contentId(sampled);
    }
    Optional<TaskSpec> task = index.verified(id);
    if (task.isEmpty()) {
      String how = request.taskId() != null ? "task " + id : "task " + id + " (family " + request.family() + ", seed " + request.seed() + ")";
      throw new GymException(GymException.Kind.NOT_FOUND, "no verified " + how + " in this bank; only verified tasks are served"
          + (request.taskId() == null ? " (run deskforge generate for that family and seed first)" : ""));
    }
    return task.get();
  }

  /** The step budget when the request gives none: three times the reference solution's steps, at least 15. */
  static int defaultMaxSteps(TaskSpec task) {
    int steps = task.difficulty() != null ? task.difficulty().steps() : task.solution().actions().size();
    return Math.max(15, 3 * steps);
  }

  private DesktopConfig desktopConfig(TaskSpec task, EnvRequest request) {
    DesktopConfig.Builder b = catalog.desktopFor(task.desktopApps()).workRoot(config.workRoot())
        .accessibility(request != null && request.observation().contains(Observation.Part.ACCESSIBILITY));
    if (request != null && request.width() != null) b.resolution(request.width(), request.height());
    return b.build();
  }

  /** One configuration per app of the bank's verified tasks: what the warm pool keeps ready. */
  private List<DesktopConfig> warmConfigs() {
    Set<String> apps = new LinkedHashSet<>();
    for (TaskIndex.Card c : index.find(TaskIndex.Query.all())) apps.add(c.app());
    List<DesktopConfig> out = new ArrayList<>();
    for (String app : apps) {
      out.add(catalog.desktopFor(List.of(app)).workRoot(config.workRoot()).accessibility(false).build());
    }
    return out;
  }
}
