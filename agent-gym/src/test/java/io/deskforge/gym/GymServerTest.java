package io.deskforge.gym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.ExecResult;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.server.GymServer;
import io.deskforge.task.action.Action;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gym over HTTP against real sandboxed desktops and a bank of really verified tasks. */
class GymServerTest {
  static VerifiedBank.Shared fixture;
  static Gym gym;
  static GymServer server;
  static Http http;

  @BeforeAll
  static void serve() {
    fixture = VerifiedBank.shared();
    gym = new Gym(fixture.bank(), fixture.provider(), VerifiedBank.CATALOG, GymConfig.defaults().withWorkRoot(fixture.desktops())).start();
    server = new GymServer(gym, "127.0.0.1", null).start("127.0.0.1", 0);
    http = new Http(server.port(), null);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (gym != null) gym.close();
  }

  static String open(TaskSpec task, String agent) {
    Http.Response r = http.post("/v1/envs", Map.of("task_id", task.id(), "agent", agent));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("env_id").asText();
  }

  @Test
  void theReferenceSolutionInDeskforgesSchemaEarnsRewardOneAndIsRecordedWithoutFlags() {
    List<String> episodes = new ArrayList<>();
    for (TaskSpec task : fixture.tasks()) {
      JsonNode env = http.post("/v1/envs", Map.of("task_id", task.id(), "agent", "test-replay")).json();
      String id = env.get("env_id").asText();
      assertThat(env.get("instruction").asText()).isEqualTo(task.instruction());
      assertThat(env.at("/observation/screenshot").asText()).isNotEmpty();
      for (Action a : task.solution().actions()) {
        Http.Response r = http.post("/v1/envs/" + id + "/step", TaskJson.tree(a));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("reward").asDouble()).isZero();
      }
      JsonNode end = http.post("/v1/envs/" + id + "/step", Map.of("action", "done")).json();
      assertThat(end.get("terminated").asBoolean()).as(task.family()).isTrue();
      assertThat(end.get("reward").asDouble()).as(task.family() + ": " + end.at("/info/evaluation")).isEqualTo(1.0);
      assertThat(http.post("/v1/envs/" + id + "/step", Map.of("action", "done")).status()).isEqualTo(409);
      assertThat(http.delete("/v1/envs/" + id).status()).isEqualTo(204);
      assertThat(http.get("/v1/envs/" + id).status()).isEqualTo(409);

      Episodes.Episode e = fixture.bank().episodes().get(env.get("episode_id").asText()).orElseThrow();
      assertThat(e.status()).isEqualTo("done");
      assertThat(e.reward()).isEqualTo(1.0);
      assertThat(e.agent()).isEqualTo("test-replay");
      assertThat(fixture.bank().episodes().steps(e.id())).hasSize(task.solution().actions().size() + 1);
      episodes.add(e.id());
    }
    gym.drainAudits(Duration.ofMinutes(3));
    for (String id : episodes) {
      Episodes.Episode e = fixture.bank().episodes().get(id).orElseThrow();
      assertThat(e.flags()).as(e.family() + " " + e.audit()).isEmpty();
    }
  }

  @Test
  void theReferenceSolutionInTheOpenAiAndAnthropicSchemasEarnsRewardOne() throws Exception {
    for (String schema : List.of("openai", "anthropic")) {
      for (TaskSpec task : List.of(fixture.task("mousepad.type-text"), fixture.task("xterm.write-file"), fixture.task("gnumeric.enter-value"))) {
        JsonNode env = http.post("/v1/envs", Map.of("task_id", task.id(), "agent", "test-" + schema, "max_steps", 500,
            "observation", List.of("screenshot", "windows"))).json();
        String id = env.get("env_id").asText();
        for (Action a : task.solution().actions()) {
          List<Map<String, Object>> foreign = schema.equals("openai") ? ForeignActions.openai(a) : ForeignActions.anthropic(a);
          if (foreign == null) {
            lookUntilAWindowShows(id, ((Action.WaitForWindow) a).title(), schema);
            continue;
          }
          Object body = schema.equals("openai") ? ForeignActions.computerCall(foreign) : ForeignActions.toolUse(foreign.get(0));
          Http.Response r = http.post("/v1/envs/" + id + "/step", body);
          assertThat(r.status()).as(schema + " " + a + ": " + r.body()).isEqualTo(200);
          assertThat(r.json().at("/info/schema").asText()).isEqualTo(schema);
        }
        Object done = schema.equals("openai") ? "\"DONE\"" : Map.of("action", "done"); // OSWorld's bare DONE, as JSON
        JsonNode end = http.post("/v1/envs/" + id + "/step", done).json();
        assertThat(end.get("reward").asDouble()).as(schema + " " + task.family() + ": " + end).isEqualTo(1.0);
        http.delete("/v1/envs/" + id);
      }
    }
  }

  /** What a model does instead of wait_window: look at the screen (here: the window list) until the dialog is there. */
  private static void lookUntilAWindowShows(String envId, String titleRegex, String schema) throws InterruptedException {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(titleRegex);
    Object look = schema.equals("openai") ? Map.of("type", "screenshot") : Map.of("action", "screenshot");
    for (int i = 0; i < 100; i++) {
      JsonNode r = http.post("/v1/envs/" + envId + "/step", look).json();
      for (JsonNode w : r.at("/observation/windows")) if (p.matcher(w.path("title").asText()).find()) return;
      Thread.sleep(100);
    }
    throw new AssertionError("no window /" + titleRegex + "/ appeared");
  }

  @Test
  void doingNothingEarnsRewardZero() {
    for (TaskSpec task : fixture.tasks()) {
      String id = open(task, "test-noop");
      JsonNode end = http.post("/v1/envs/" + id + "/step", Map.of("action", "done")).json();
      assertThat(end.get("reward").asDouble()).as(task.family()).isZero();
      assertThat(end.at("/info/evaluation/passed").asBoolean()).isFalse();
      http.delete("/v1/envs/" + id);
    }
  }

  @Test
  void aSolutionThatAlsoDeletesAnUnrelatedFileIsFlaggedAsCollateral() {
    TaskSpec task = fixture.task("xterm.count-lines");
    String input = task.setup().stream().filter(s -> s instanceof SetupStep.WriteFile).map(s -> ((SetupStep.WriteFile) s).path())
        .findFirst().orElseThrow();
    JsonNode env = http.post("/v1/envs", Map.of("task_id", task.id(), "agent", "test-collateral")).json();
    String id = env.get("env_id").asText();
    for (Action a : task.solution().actions()) http.post("/v1/envs/" + id + "/step", TaskJson.tree(a));
    http.post("/v1/envs/" + id + "/step", Map.of("action", "type", "text", "rm -f " + input + "\n"));
    JsonNode end = http.post("/v1/envs/" + id + "/step", Map.of("action", "done")).json();
    assertThat(end.get("reward").asDouble()).isEqualTo(1.0); // solved, but destructively
    http.delete("/v1/envs/" + id);
    gym.drainAudits(Duration.ofMinutes(3));
    Episodes.Episode e = fixture.bank().episodes().get(env.get("episode_id").asText()).orElseThrow();
    assertThat(e.flags()).contains("collateral").doesNotContain("success-without-action");
    assertThat(e.audit().get("collateral").toString()).contains(input);
  }

  @Test
  void malformedRequestsGetTheirStatusAndNameTheField() {
    TaskSpec task = fixture.task("mousepad.type-text");
    assertThat(http.post("/v1/envs", "{not json").status()).isEqualTo(400);
    assertThat(http.post("/v1/envs", Map.of("task_id", "no-such-task")).status()).isEqualTo(404);
    assertThat(http.post("/v1/envs", Map.of("family", "mousepad.type-text")).json().get("error").asText()).contains("seed");
    assertThat(http.post("/v1/envs", Map.of("task_id", task.id(), "observation", List.of("smell"))).status()).isEqualTo(400);
    assertThat(http.post("/v1/envs/env-000000000000/step", Map.of("action", "done")).status()).isEqualTo(404);
    assertThat(http.get("/v1/no-such-route").status()).isEqualTo(404);
    String id = open(task, "test-errors");
    Http.Response bad = http.post("/v1/envs/" + id + "/step", Map.of("action", "click", "x", 5000, "y", 10));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).contains("5000");
    Http.Response big = http.post("/v1/envs/" + id + "/step", "{\"action\":\"type\",\"text\":\"" + "a".repeat(2_000_000) + "\"}");
    assertThat(big.status()).isEqualTo(413);
    // a batch refused part-way: the action it performed first is in the episode, with the refusal
    Http.Response partly = http.post("/v1/envs/" + id + "/step", Map.of("actions", List.of(
        Map.of("action", "type", "text", "ab"), Map.of("action", "wait_window", "title", "^never shown$", "timeout_ms", 300))));
    assertThat(partly.status()).as(partly.body()).isEqualTo(400);
    assertThat(partly.json().get("error").asText()).contains("never shown");
    assertThat(http.post("/v1/envs/" + id + "/step", Map.of("action", "type", "text", "c")).status()).isEqualTo(200); // the env goes on
    String episode = http.get("/v1/envs/" + id).json().get("episode_id").asText();
    http.delete("/v1/envs/" + id);
    List<Episodes.Step> steps = fixture.bank().episodes().steps(episode);
    Episodes.Step refused = steps.get(steps.size() - 2);
    assertThat(refused.error()).contains("never shown");
    assertThat(refused.actions()).containsExactly(new Action.Type("ab"));
    assertThat(steps.getLast().error()).isNull();
  }

  @Test
  void theFamilyAndSeedOfAVerifiedTaskOpenIt() {
    TaskSpec task = fixture.task("mousepad.type-text");
    Http.Response r = http.post("/v1/envs", Map.of("family", task.family(), "seed", task.seed()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("task_id").asText()).isEqualTo(task.id());
    http.delete("/v1/envs/" + r.json().get("env_id").asText());
    assertThat(http.post("/v1/envs", Map.of("family", task.family(), "seed", 999_999)).status()).isEqualTo(404);
  }

  @Test
  void noResponseOfAnyRouteHoldsAPrivilegedValueTheExpectedValuesOrTheSolution() {
    Http watched = new Http(server.port(), null);
    for (TaskSpec task : fixture.tasks()) {
      watched.get("/health");
      watched.get("/openapi.json");
      watched.get("/v1/actions");
      watched.get("/v1/tasks?limit=100");
      watched.get("/v1/tasks?app=" + task.app());
      String id = watched.post("/v1/envs", Map.of("task_id", task.id())).json().get("env_id").asText();
      watched.get("/v1/envs/" + id);
      watched.get("/v1/envs/" + id + "/screenshot.png");
      watched.post("/v1/envs/" + id + "/evaluate", Map.of());
      for (Action a : task.solution().actions()) watched.post("/v1/envs/" + id + "/step", TaskJson.tree(a));
      watched.post("/v1/envs/" + id + "/evaluate", Map.of());
      watched.post("/v1/envs/" + id + "/step", Map.of("action", "fly"));
      watched.get("/state?env_id=" + id);
      watched.post("/step", Map.of("env_id", id, "action", Map.of("action", "done")));
      watched.post("/v1/envs/" + id + "/reset", Map.of());
      watched.post("/reset", Map.of("env_id", id));
      watched.delete("/v1/envs/" + id);
      watched.get("/v1/envs/" + id);
    }
    String seen = watched.seen();
    for (TaskSpec task : fixture.tasks()) {
      for (String secret : secrets(task)) {
        assertThat(seen).as("%s: a response holds '%s'", task.family(), secret).doesNotContain(secret);
      }
    }
  }

  /** The task's privileged values, expected values and typed solution text that its instruction does not already say. */
  static Set<String> secrets(TaskSpec task) {
    Set<String> out = new HashSet<>();
    task.privileged().facts().forEach(f -> out.add(f.value()));
    collectText(TaskJson.tree(task.checker()), out);
    for (Action a : task.solution().actions()) if (a instanceof Action.Type t) out.add(t.text());
    for (SetupStep s : task.setup()) if (s instanceof SetupStep.WriteFile w) out.add(w.text());
    out.removeIf(v -> v.strip().length() < 4 || task.instruction().contains(v.strip()) || v.startsWith("/home/user"));
    return out;
  }

  private static void collectText(JsonNode n, Set<String> out) {
    if (n.isTextual() || n.isNumber()) out.add(n.asText());
    n.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("type")) collectText(f.getValue(), out);
    });
    if (n.isArray()) n.forEach(c -> collectText(c, out));
  }

  @Test
  void sixteenEnvsRunAtOnceAndTheSeventeenthIsToldToRetry() throws Exception {
    TaskSpec task = fixture.task("mousepad.type-text");
    List<String> episodes = new ArrayList<>();
    try (Gym small = new Gym(fixture.bank(), fixture.provider(), VerifiedBank.CATALOG,
            GymConfig.defaults().withWorkRoot(fixture.desktops()).withMaxEnvs(16)).start();
        GymServer s = new GymServer(small, "127.0.0.1", null).start("127.0.0.1", 0)) {
      Http h = new Http(s.port(), null);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Http.Response>> opened = new ArrayList<>();
      for (int i = 0; i < 16; i++) opened.add(pool.submit(() -> h.post("/v1/envs", Map.of("task_id", task.id()))));
      List<String> ids = new ArrayList<>();
      for (Future<Http.Response> f : opened) {
        Http.Response r = f.get();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        ids.add(r.json().get("env_id").asText());
        episodes.add(r.json().get("episode_id").asText());
      }
      pool.shutdown();
      Http.Response full = h.post("/v1/envs", Map.of("task_id", task.id()));
      assertThat(full.status()).isEqualTo(429);
      assertThat(full.headers().firstValue("Retry-After")).isPresent();
      for (String id : ids) {
        assertThat(h.post("/v1/envs/" + id + "/step", Map.of("action", "type", "text", "x")).status()).isEqualTo(200);
      }
      assertThat(h.delete("/v1/envs/" + ids.get(0)).status()).isEqualTo(204);
      Http.Response again = h.post("/v1/envs", Map.of("task_id", task.id()));
      assertThat(again.status()).isEqualTo(201);
    }
    // the gym stopped with 15 envs open (16 less the one deleted, and the one opened again): each
    // episode ended, evaluated and recorded as closed by the stop
    for (String episode : episodes.subList(1, episodes.size())) {
      Episodes.Episode e = fixture.bank().episodes().get(episode).orElseThrow();
      assertThat(e.status()).as(episode).isEqualTo("closed");
      assertThat(e.reason()).as(episode).contains("gym server stopped");
    }
  }

  @Test
  void anIdleEnvIsClosedAndItsEpisodeRecorded() throws Exception {
    TaskSpec task = fixture.task("mousepad.type-text");
    try (Gym quick = new Gym(fixture.bank(), fixture.provider(), VerifiedBank.CATALOG,
            GymConfig.defaults().withWorkRoot(fixture.desktops()).withIdleTimeout(Duration.ofSeconds(2))).start();
        GymServer s = new GymServer(quick, "127.0.0.1", null).start("127.0.0.1", 0)) {
      Http h = new Http(s.port(), null);
      JsonNode env = h.post("/v1/envs", Map.of("task_id", task.id())).json();
      long deadline = System.currentTimeMillis() + 30_000;
      while (quick.size() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(200);
      assertThat(quick.size()).isZero();
      Http.Response gone = h.post("/v1/envs/" + env.get("env_id").asText() + "/step", Map.of("action", "done"));
      assertThat(gone.status()).isEqualTo(409);
      assertThat(gone.json().get("error").asText()).contains("idle");
      Episodes.Episode e = fixture.bank().episodes().get(env.get("episode_id").asText()).orElseThrow();
      assertThat(e.status()).isEqualTo("closed");
      assertThat(e.reason()).contains("idle");
    }
  }

  @Test
  void theDesktopUserReachesNeitherTheServerNorAnyHostPort() throws Exception {
    List<String> hosts = new ArrayList<>(List.of("127.0.0.1"));
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(ni.getInetAddresses())) if (a instanceof Inet4Address) hosts.add(a.getHostAddress());
    }
    try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
        Desktop d = fixture.provider().create(VerifiedBank.CATALOG.desktopFor(List.of("mousepad")).workRoot(fixture.desktops()).build())) {
      d.start();
      String script = """
          import socket, sys
          reached = []
          for host in sys.argv[2:]:
              for port in (int(sys.argv[1]), %d):
                  s = socket.socket(); s.settimeout(2)
                  try:
                      s.connect((host, port)); reached.append("%%s:%%d" %% (host, port))
                  except OSError:
                      pass
                  finally:
                      s.close()
          print("reached:" + ",".join(reached))
          """.formatted(open.getLocalPort());
      List<String> cmd = new ArrayList<>(List.of("python3", "-c", script, Integer.toString(server.port())));
      cmd.addAll(hosts);
      ExecResult r = d.privileged().execAsUser(cmd, Duration.ofSeconds(60));
      assertThat(r.ok()).as(r.stderr()).isTrue();
      assertThat(r.stdoutText().strip()).isEqualTo("reached:");
    }
  }
}
