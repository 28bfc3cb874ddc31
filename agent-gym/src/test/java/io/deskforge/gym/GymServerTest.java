package io.deskforge.gym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.server.GymServer;
import io.deskforge.task.action.Action;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gym over HTTP against real sandboxed desktops and a bank of really verified tasks. */
class GymServerTest {
  @TempDir static Path work;
  @TempDir static Path data;
  static DesktopProvider provider;
  static TaskBank bank;
  static List<TaskSpec> tasks;
  static Gym gym;
  static GymServer server;
  static Http http;

  @BeforeAll
  static void serve() throws Exception {
    provider = DesktopProviders.create("sandbox");
    bank = TaskBank.open(data.resolve("bank.sqlite"));
    tasks = VerifiedBank.fill(bank, provider, work, List.of("mousepad.type-text", "xterm.write-file", "gnumeric.enter-value"), 1);
    gym = new Gym(bank, provider, VerifiedBank.CATALOG, GymConfig.defaults().withWorkRoot(work)).start();
    server = new GymServer(gym, "127.0.0.1", null).start("127.0.0.1", 0);
    http = new Http(server.port(), null);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (gym != null) gym.close();
    if (bank != null) bank.close();
    if (provider != null) provider.close();
  }

  @Test
  void theReferenceSolutionInDeskforgesSchemaEarnsRewardOneAndIsRecorded() {
    for (TaskSpec task : tasks) {
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

      Episodes.Episode e = bank.episodes().get(env.get("episode_id").asText()).orElseThrow();
      assertThat(e.status()).isEqualTo("done");
      assertThat(e.reward()).isEqualTo(1.0);
      assertThat(e.agent()).isEqualTo("test-replay");
      assertThat(bank.episodes().steps(e.id())).hasSize(task.solution().actions().size() + 1);
    }
  }

  @Test
  void doingNothingEarnsRewardZero() {
    for (TaskSpec task : tasks) {
      JsonNode env = http.post("/v1/envs", Map.of("task_id", task.id())).json();
      JsonNode end = http.post("/v1/envs/" + env.get("env_id").asText() + "/step", Map.of("action", "done")).json();
      assertThat(end.get("reward").asDouble()).as(task.family()).isZero();
      assertThat(end.at("/info/evaluation/passed").asBoolean()).isFalse();
      http.delete("/v1/envs/" + env.get("env_id").asText());
    }
  }
}
