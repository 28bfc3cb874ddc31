package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.bank.TaskBank;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gym's commands as a user runs them: serve (ended by SIGTERM), agent run, the trajectories export, stats. */
class ServeAndAgentTest {
  @TempDir static Path dir;
  static Path bank;

  @BeforeAll
  static void fill() {
    bank = dir.resolve("bank.sqlite");
    Cli gen = Cli.run("generate", "--apps", "xterm", "--count", "2", "--workers", "2", "--seed", "21", "--no-contamination",
        "--bank", bank.toString());
    assertThat(gen.exit()).as(gen.err()).isZero();
  }

  @Test
  void serveRefusesAnOpenAddressWithoutATokenAndABankWithNothingToServe() {
    Cli open = Cli.run("serve", "--bank", bank.toString(), "--host", "0.0.0.0", "--port", "0");
    assertThat(open.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(open.err()).contains("--token");
    Path empty = dir.resolve("empty.sqlite");
    TaskBank.open(empty).close();
    Cli none = Cli.run("serve", "--bank", empty.toString(), "--port", "0");
    assertThat(none.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(none.err()).contains("no verified task");
  }

  @Test
  void serveAnswersUntilSigtermThenEndsItsEpisodesAndExitsCleanly() throws Exception {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process serve = new ProcessBuilder(java, "-cp", classpath, Deskforge.class.getName(), "serve", "--bank", bank.toString(), "--port", "0")
        .redirectError(dir.resolve("serve.err").toFile()).start();
    String envId;
    try {
      String line = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertThat(line).as("serve's first line").contains("http://127.0.0.1:");
      String base = line.substring(line.indexOf("http://"), line.indexOf(' ', line.indexOf("http://")));
      HttpClient http = HttpClient.newHttpClient();
      JsonNode tasks = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/v1/tasks")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      String task = tasks.at("/tasks/0/id").asText();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/envs"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"task_id\":\"" + task + "\",\"agent\":\"cli-test\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      envId = new ObjectMapper().readTree(created.body()).get("episode_id").asText();
    } finally {
      serve.destroy(); // SIGTERM
    }
    assertThat(serve.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(serve.exitValue()).as(Files.readString(dir.resolve("serve.err"))).isIn(0, 143);
    assertThat(Files.readString(dir.resolve("serve.err"))).contains("stopping");
    try (TaskBank b = TaskBank.openExisting(bank)) {
      Episodes.Episode e = b.episodes().get(envId).orElseThrow();
      assertThat(e.status()).isEqualTo("closed");
      assertThat(e.reason()).contains("server stopped");
    }
  }

  @Test
  void agentRunReplaysExportsTrajectoriesAndStatsCountThem() throws Exception {
    Cli run = Cli.run("agent", "run", "--bank", bank.toString(), "--agent", "replay", "--episodes", "2");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("replay: 2 of 2 episodes solved");
    Cli export = Cli.run("export", "--bank", bank.toString(), "--format", "trajectories", "--out", dir.resolve("traj").toString());
    assertThat(export.exit()).as(export.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("traj/trajectories.jsonl"));
    assertThat(lines.stream().filter(l -> l.contains("\"agent\":\"replay\""))).hasSize(2)
        .allSatisfy(l -> assertThat(l).contains("\"reward\":1.0").contains("\"flags\":[]"));
    Cli stats = Cli.run("stats", "--bank", bank.toString());
    assertThat(stats.out()).contains("episodes by agent").containsPattern("replay\\s+2 episodes,\\s+2 solved");
    Cli bad = Cli.run("agent", "run", "--bank", bank.toString(), "--agent", "oracle");
    assertThat(bad.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(bad.err()).contains("unknown agent 'oracle'");
  }
}
