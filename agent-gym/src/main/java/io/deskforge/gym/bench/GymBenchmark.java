package io.deskforge.gym.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.bench.Percentiles;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.server.GymServer;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures the gym as an agent meets it: through its HTTP server, started in this process on
 * 127.0.0.1, so every figure includes the server, JSON and the base64 screenshot.
 *
 * <ul>
 *   <li>reset: {@code POST /v1/envs} until the first observation is read, with no warm pool
 *       (a desktop starts for each) and with a warm pool (each reset waits until the pool is full
 *       again, as it is when agents reset after an episode of some steps);
 *   <li>step: one action (a pointer move or one typed character, in turn) and the screenshot of
 *       the screen after it; and {@code GET screenshot.png} alone, to tell the two apart;
 *   <li>envs served at once: {@code envs} creates sent together; with all of them open, the PSS of
 *       each idle env's desktop and step time, one step at a time over the open envs.
 * </ul>
 *
 * Every env is deleted at the end; the gyms close whatever a failure left open.
 */
public final class GymBenchmark {
  /** The step budget asked for: the largest the gym grants, so the step runs never end an episode. */
  static final int MAX_STEPS = 1000;
  /** Longest one request may take: many desktops starting at once on a small host take minutes. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
  /** How long a fresh env is left alone before its memory is read. */
  static final Duration IDLE_BEFORE_MEMORY = Duration.ofSeconds(3);
  /** Longest the warm pool may take to fill again between two timed resets. */
  static final Duration WARM_REFILL_TIMEOUT = Duration.ofMinutes(2);

  /** What to measure: {@code runs} resets of each kind and {@code runs} steps; {@code envs} envs at once; pool size {@code warm}. */
  public record Options(int runs, int envs, int warm) {
    public Options {
      if (runs < 1 || runs >= MAX_STEPS) throw new IllegalArgumentException("--runs must be 1 to " + (MAX_STEPS - 1) + ", got " + runs);
      if (envs < 1) throw new IllegalArgumentException("--envs must be at least 1, got " + envs);
      if (warm < 1) throw new IllegalArgumentException("--warm must be at least 1, got " + warm);
    }
  }

  /**
   * What one benchmark run found; times in ms, memory in MB (10^6 bytes).
   *
   * @param screenshotMs {@code GET /v1/envs/{id}/screenshot.png} alone, for comparison with a step
   * @param openAllS wall time from sending the {@code envs} creates together to the last answer
   * @param stepAllOpenMs steps while all opened envs are open, one at a time, round robin
   * @param pssMbAlone PSS of the one idle env open during the step runs
   * @param pssMbPerIdleEnv mean PSS of the idle envs while all opened envs are open
   */
  public record Result(
      String provider, String app, String family, String taskId, String taskSource, int runs, int envs, int warm,
      Percentiles resetColdMs, Percentiles resetWarmMs, Percentiles stepMs, Percentiles screenshotMs,
      int envsOpened, double openAllS, Percentiles stepAllOpenMs, double pssMbAlone, double pssMbPerIdleEnv,
      List<Goal> goals, boolean goalsMet, List<String> errors) {}

  /** The goals: reset p50 cold 1 s and warm 300 ms, step p50 80 ms and p95 200 ms, 16 envs at once, 100 MB an idle env. */
  static List<Goal> goals(Percentiles resetCold, Percentiles resetWarm, Percentiles step, int envsOpened, double pssMbPerIdleEnv) {
    return List.of(
        Goal.atMost("reset_cold_p50", resetCold.p50(), "ms", 1000),
        Goal.atMost("reset_warm_p50", resetWarm.p50(), "ms", 300),
        Goal.atMost("step_p50", step.p50(), "ms", 80),
        Goal.atMost("step_p95", step.p95(), "ms", 200),
        Goal.atLeast("envs_at_once", envsOpened, "", 16),
        Goal.atMost("pss_per_idle_env", pssMbPerIdleEnv, "MB", 100));
  }

  /** The report's lines: each figure with its goal beside it, then the goals missed and the errors. */
  public static List<String> summary(Result r) {
    Map<String, Goal> g = new java.util.HashMap<>();
    r.goals().forEach(x -> g.put(x.figure(), x));
    List<String[]> rows = List.of(
        new String[] {"reset, POST /v1/envs to first observation, no warm pool: " + ms(r.resetColdMs()), "p50 " + g.get("reset_cold_p50").describe()},
        new String[] {"reset with a warm pool of " + r.warm() + ": " + ms(r.resetWarmMs()), "p50 " + g.get("reset_warm_p50").describe()},
        new String[] {"step, one action + screenshot returned: " + ms(r.stepMs()),
            "p50 " + g.get("step_p50").describe() + ", p95 " + g.get("step_p95").describe()},
        new String[] {"  screenshot alone, GET screenshot.png: " + ms(r.screenshotMs()), ""},
        new String[] {"envs served at once: " + r.envsOpened() + " of " + r.envs() + ", all answered in " + Goal.number(r.openAllS()) + " s",
            g.get("envs_at_once").describe()},
        new String[] {"  step while all are open: " + ms(r.stepAllOpenMs()), ""},
        new String[] {"memory per idle env, PSS while all are open: " + Goal.number(r.pssMbPerIdleEnv()) + " MB", g.get("pss_per_idle_env").describe()},
        new String[] {"  PSS of one env open alone: " + Goal.number(r.pssMbAlone()) + " MB", ""});
    int width = rows.stream().mapToInt(x -> x[0].length()).max().orElse(0);
    List<String> out = new ArrayList<>();
    out.add(String.format("gym over HTTP on %s desktops, task %s of %s (%s): %d runs, %d envs at once", r.provider(), r.taskId(), r.family(),
        r.taskSource(), r.runs(), r.envs()));
    for (String[] x : rows) out.add(("  " + x[0] + " ".repeat(width - x[0].length()) + "   " + x[1]).stripTrailing());
    List<String> missed = r.goals().stream().filter(x -> !x.met()).map(Goal::figure).toList();
    out.add(missed.isEmpty() ? "  goals: all " + r.goals().size() + " met"
        : "  goals: " + missed.size() + " of " + r.goals().size() + " missed (" + String.join(", ", missed) + ")");
    if (!r.errors().isEmpty()) {
      out.add("  " + r.errors().size() + " error(s):");
      r.errors().forEach(e -> out.add("    " + e));
    }
    return out;
  }

  private static String ms(Percentiles p) {
    return "p50 " + Goal.number(p.p50()) + " ms, p95 " + Goal.number(p.p95()) + " ms (n=" + p.n() + ")";
  }

  private final TaskBank bank;
  private final DesktopProvider provider;
  private final AppCatalog catalog;
  private final Path workRoot;
  private final Consumer<String> progress;
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  /** {@code bank} holds the task as verified and takes the benchmark's episodes (a scratch bank: see {@link BenchTask}). */
  public GymBenchmark(TaskBank bank, DesktopProvider provider, AppCatalog catalog, Path workRoot, Consumer<String> progress) {
    this.bank = bank;
    this.provider = provider;
    this.catalog = catalog;
    this.workRoot = workRoot;
    this.progress = progress;
  }

  public Result run(BenchTask bench, Options o) throws InterruptedException {
    TaskSpec task = bench.task();
    errors.clear();
    GymConfig base = GymConfig.defaults().withWorkRoot(workRoot).withMaxEnvs(Math.max(o.envs(), 1) + 1)
        .withIdleTimeout(Duration.ofHours(1)).withEpisodeTimeout(Duration.ofHours(1));
    Percentiles cold, step, shot, stepAllOpen;
    double pssAlone;
    AtOnce atOnce;
    try (Served s = new Served(base.withWarm(0))) {
      cold = resets(s, task, o.runs(), "reset, no warm pool", 0);
      String id = s.create(task);
      pssAlone = idlePssMb(s, List.of(id));
      step = steps(s, List.of(id), o.runs(), "step");
      shot = screenshots(s, id, o.runs());
      s.delete(id);
      atOnce = openAtOnce(s, task, o.envs());
      stepAllOpen = steps(s, atOnce.ids(), Math.max(o.runs(), atOnce.ids().size()), "step with " + atOnce.ids().size() + " envs open");
      for (String e : atOnce.ids()) s.delete(e);
    }
    Percentiles warm;
    try (Served s = new Served(base.withWarm(o.warm()))) {
      warm = resets(s, task, o.runs(), "reset, warm pool of " + o.warm(), o.warm());
    }
    List<Goal> goals = goals(cold, warm, step, atOnce.ids().size(), atOnce.pssMb());
    return new Result(provider.name(), task.app(), task.family(), task.id(), bench.source(), o.runs(), o.envs(), o.warm(), cold, warm,
        step, shot, atOnce.ids().size(), atOnce.wallS(), stepAllOpen, pssAlone, atOnce.pssMb(), goals,
        goals.stream().allMatch(Goal::met), List.copyOf(errors));
  }

  // ------------------------------------------------------------------ phases

  /** {@code runs} creates, each timed to its first observation, each env deleted before the next; with a pool, each waits for it to be full. */
  private Percentiles resets(Served s, TaskSpec task, int runs, String what, int warm) throws InterruptedException {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      if (warm > 0) s.awaitWarm(warm);
      long t0 = System.nanoTime();
      HttpResult r = s.send("POST", "/v1/envs", createBody(task));
      double took = (System.nanoTime() - t0) / 1e6;
      if (r.status() == 201) {
        ms.add(took);
        s.delete(r.json().get("env_id").asText());
      } else {
        errors.add(what + ": POST /v1/envs: " + r.status() + " " + r.body());
      }
      if ((i + 1) % 5 == 0 || i + 1 == runs) progress.accept(String.format("%s: %d/%d, p50 %s ms", what, i + 1, runs, Goal.number(Percentiles.of(ms).p50())));
    }
    return Percentiles.of(ms);
  }

  /** {@code n} steps over the envs in turn, a pointer move and a typed character alternately. */
  private Percentiles steps(Served s, List<String> ids, int n, String what) {
    List<Double> ms = new ArrayList<>();
    if (ids.isEmpty()) return Percentiles.of(ms);
    for (int i = 0; i < n; i++) {
      String id = ids.get(i % ids.size());
      long t0 = System.nanoTime();
      HttpResult r = s.send("POST", "/v1/envs/" + id + "/step", stepBody(i));
      double took = (System.nanoTime() - t0) / 1e6;
      if (r.status() == 200) ms.add(took);
      else errors.add(what + ": " + r.status() + " " + r.body());
    }
    Percentiles p = Percentiles.of(ms);
    progress.accept(String.format("%s: %d, p50 %s ms, p95 %s ms", what, ms.size(), Goal.number(p.p50()), Goal.number(p.p95())));
    return p;
  }

  private Percentiles screenshots(Served s, String id, int n) {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      HttpResult r = s.send("GET", "/v1/envs/" + id + "/screenshot.png", null);
      if (r.status() == 200) ms.add((System.nanoTime() - t0) / 1e6);
      else errors.add("screenshot: " + r.status() + " " + r.body());
    }
    return Percentiles.of(ms);
  }

  /** The envs opened, how long opening them all took, and their mean idle PSS. */
  private record AtOnce(List<String> ids, double wallS, double pssMb) {}

  private AtOnce openAtOnce(Served s, TaskSpec task, int n) throws InterruptedException {
    progress.accept("opening " + n + " envs at once");
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      threads.add(Thread.ofPlatform().name("bench-gym-open-" + i).start(() -> {
        try {
          HttpResult r = s.send("POST", "/v1/envs", createBody(task));
          if (r.status() == 201) ids.add(r.json().get("env_id").asText());
          else errors.add("open at once: POST /v1/envs: " + r.status() + " " + r.body());
        } catch (RuntimeException e) {
          errors.add("open at once: " + e.getMessage());
        }
      }));
    }
    for (Thread t : threads) t.join();
    double wallS = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
    List<String> open = List.copyOf(ids);
    progress.accept(String.format("%d of %d envs open after %s s", open.size(), n, Goal.number(wallS)));
    return new AtOnce(open, wallS, idlePssMb(s, open));
  }

  /** The mean PSS of the envs' desktops after they were left alone a while, in MB. */
  private double idlePssMb(Served s, List<String> ids) throws InterruptedException {
    if (ids.isEmpty()) return Double.NaN;
    Thread.sleep(IDLE_BEFORE_MEMORY);
    double sum = 0;
    for (String id : ids) sum += s.gym.memoryPss(id) / 1e6;
    return Math.round(sum / ids.size() * 10) / 10.0;
  }

  static Map<String, Object> createBody(TaskSpec task) {
    return Map.of("task_id", task.id(), "agent", "deskforge-bench-gym", "max_steps", MAX_STEPS);
  }

  /** Even steps move the pointer (to a different place each time), odd ones type one letter. */
  static Map<String, Object> stepBody(int i) {
    if (i % 2 == 0) return Map.of("action", "move", "x", 200 + (i * 37) % 800, "y", 150 + (i * 53) % 450);
    return Map.of("action", "type", "text", String.valueOf((char) ('a' + (i / 2) % 26)));
  }

  // ------------------------------------------------------------------ the gym over HTTP

  record HttpResult(int status, String body) {
    JsonNode json() {
      try {
        return TaskJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  /** A gym and its HTTP server on 127.0.0.1 (a free port), and a client of it; closing closes every env left. */
  private final class Served implements AutoCloseable {
    final Gym gym;
    final GymServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    Served(GymConfig config) {
      gym = new Gym(bank, provider, catalog, config).start();
      GymServer started;
      try {
        started = new GymServer(gym, "127.0.0.1", null).start("127.0.0.1", 0);
      } catch (RuntimeException e) {
        gym.close();
        throw e;
      }
      server = started;
      base = "http://127.0.0.1:" + server.port();
    }

    String create(TaskSpec task) {
      HttpResult r = send("POST", "/v1/envs", createBody(task));
      if (r.status() != 201) throw new IllegalStateException("POST /v1/envs: " + r.status() + " " + r.body());
      return r.json().get("env_id").asText();
    }

    void delete(String id) {
      HttpResult r = send("DELETE", "/v1/envs/" + id, null);
      if (r.status() != 204) errors.add("DELETE /v1/envs/" + id + ": " + r.status() + " " + r.body());
    }

    void awaitWarm(int size) throws InterruptedException {
      long deadline = System.nanoTime() + WARM_REFILL_TIMEOUT.toNanos();
      while (gym.warmReady() < size) {
        if (System.nanoTime() > deadline) {
          errors.add("the warm pool held " + gym.warmReady() + " of " + size + " desktops after " + WARM_REFILL_TIMEOUT.toSeconds() + " s");
          return;
        }
        Thread.sleep(Duration.ofMillis(20));
      }
    }

    HttpResult send(String method, String path, Object body) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(TaskJson.write(body)));
      }
      try {
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new HttpResult(r.statusCode(), r.body());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    @Override
    public void close() {
      try {
        server.close();
      } finally {
        gym.close();
      }
    }
  }
}
