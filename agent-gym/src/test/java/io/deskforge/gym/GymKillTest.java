package io.deskforge.gym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.task.action.Action;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A gym server killed with SIGKILL: the next one leaves no desktop of it running, and every finished episode is in the bank. */
class GymKillTest {

  @Test
  void aKilledServerLeavesNoDesktopAndLosesNoFinishedEpisode() throws Exception {
    VerifiedBank.Shared fixture = VerifiedBank.shared();
    TaskSpec task = fixture.task("mousepad.type-text");
    Path desktops = Files.createTempDirectory("deskforge-gym-kill");
    // the child's temp folder, removed here: what it copies there (sqlite-jdbc's native library) a SIGKILL leaves behind
    Path childTmp = Files.createTempDirectory("deskforge-gym-kill-tmp");
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process server = new ProcessBuilder(java, "-Djava.io.tmpdir=" + childTmp, "-cp", classpath, GymMain.class.getName(),
        fixture.bank().file().toString(), desktops.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String finished, running;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("the child server's first line").startsWith("port ");
      Http http = new Http(Integer.parseInt(line.substring(5).strip()), null);

      JsonNode a = http.post("/v1/envs", Map.of("task_id", task.id(), "agent", "before-kill")).json();
      for (Action act : task.solution().actions()) http.post("/v1/envs/" + a.get("env_id").asText() + "/step", TaskJson.tree(act));
      assertThat(http.post("/v1/envs/" + a.get("env_id").asText() + "/step", Map.of("action", "done")).json().get("reward").asDouble()).isEqualTo(1.0);
      finished = a.get("episode_id").asText();

      JsonNode b = http.post("/v1/envs", Map.of("task_id", task.id(), "agent", "before-kill")).json();
      http.post("/v1/envs/" + b.get("env_id").asText() + "/step", Map.of("action", "type", "text", "half"));
      running = b.get("episode_id").asText();
      assertThat(desktopProcesses(desktops)).as("the child's desktops run").isNotEmpty();
    } finally {
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    try (Gym next = new Gym(fixture.bank(), fixture.provider(), VerifiedBank.CATALOG, GymConfig.defaults().withWorkRoot(desktops)).start()) {
      long deadline = System.currentTimeMillis() + 20_000;
      while (!desktopProcesses(desktops).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(200);
      assertThat(desktopProcesses(desktops)).as("processes of the killed server's desktops").isEmpty();
      try (Stream<Path> left = Files.list(desktops)) {
        assertThat(left.toList()).as("folders of the killed server's desktops").isEmpty();
      }
      assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(desktops.toString());

      Episodes.Episode done = fixture.bank().episodes().get(finished).orElseThrow();
      assertThat(done.status()).isEqualTo("done");
      assertThat(done.reward()).isEqualTo(1.0);
      assertThat(fixture.bank().episodes().steps(finished)).hasSize(task.solution().actions().size() + 1);
      Episodes.Episode cut = fixture.bank().episodes().get(running).orElseThrow();
      assertThat(cut.status()).isEqualTo("abandoned");
      assertThat(fixture.bank().episodes().steps(running)).hasSize(1);
    } finally {
      VerifiedBank.deleteTree(desktops);
      VerifiedBank.deleteTree(childTmp);
    }
  }

  /** Processes whose command line names a path under the work root: the desktops' bubblewrap and what it started. */
  private static List<Long> desktopProcesses(Path root) {
    List<Long> out = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(p -> {
      String cmd = p.info().commandLine().orElse("");
      if (cmd.contains(root.toString()) && p.pid() != ProcessHandle.current().pid()) out.add(p.pid());
    });
    return out;
  }
}
