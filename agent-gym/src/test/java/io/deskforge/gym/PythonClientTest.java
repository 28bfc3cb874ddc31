package io.deskforge.gym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.server.GymServer;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python client ({@code clients/python}) run by Debian's python3 against a live gym on real
 * sandboxed desktops and a really verified task. The scripts (test resources under
 * {@code python/}) print one JSON report of what the client saw; the assertions are here.
 */
class PythonClientTest {
  private static final String TOKEN = "python-client-token";
  private static final int SCRIPT_SECONDS = 300;

  @TempDir static Path data;
  static String python;
  static Path client;
  static TaskSpec task;
  static Gym gym;
  static GymServer server;
  static GymServer tokenServer;

  @BeforeAll
  static void serve() throws Exception {
    python = python();
    client = clientFolder();
    VerifiedBank.Shared fixture = VerifiedBank.shared();
    task = fixture.task("mousepad.type-text");
    gym = new Gym(fixture.bank(), fixture.provider(), VerifiedBank.CATALOG, GymConfig.defaults().withWorkRoot(fixture.desktops())).start();
    server = new GymServer(gym, "127.0.0.1", null).start("127.0.0.1", 0);
    tokenServer = new GymServer(gym, "127.0.0.1", TOKEN).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {tokenServer, server, gym}) { // the reverse of opening
      if (c != null) c.close();
    }
  }

  @Test
  void theReferenceSolutionEarnsOneDoneAtOnceZeroAndRefusalsAreGymErrors() throws Exception {
    Path solution = data.resolve("solution.json");
    Files.writeString(solution, Http.JSON.writeValueAsString(task.solution().actions().stream().map(TaskJson::tree).toList()));
    JsonNode out = run(script("client_live.py"), url(server), url(tokenServer), TOKEN, task.id(), solution.toString()).report();

    assertThat(out.get("have_gymnasium").asBoolean()).isFalse();
    assertThat(out.get("gymnasium_env_error").asText()).contains("pip install gymnasium");
    assertThat(out.get("health").asText()).isEqualTo("ok");
    assertThat(out.get("task_ids")).extracting(JsonNode::asText).contains(task.id());
    assertThat(out.get("by_family")).extracting(JsonNode::asText).containsExactly(task.id());

    assertThat(out.get("instruction").asText()).isEqualTo(task.instruction());
    assertThat(out.get("task_id").asText()).isEqualTo(task.id());
    assertThat(out.get("screenshot_is_png").asBoolean()).isTrue();
    assertThat(out.get("b64_kept").asBoolean()).isTrue();
    assertThat(out.at("/size/0").asInt()).isPositive();
    assertThat(out.get("cursor")).hasSize(2);
    assertThat(out.get("info_keys")).extracting(JsonNode::asText)
        .containsExactly("env_id", "episode_id", "instruction", "max_steps", "task_id");
    assertThat(out.get("rewards_before_done")).hasSize(task.solution().actions().size()).allMatch(r -> r.asDouble() == 0.0);
    assertThat(out.at("/evaluate_before_done/passed").asBoolean()).as(out.get("evaluate_before_done").toString()).isTrue();
    assertThat(out.at("/evaluate_before_done/checks")).isNotEmpty();
    JsonNode solved = out.get("solved");
    assertThat(solved.get("reward").asDouble()).as(solved.toString()).isEqualTo(1.0);
    assertThat(solved.get("terminated").asBoolean()).isTrue();
    assertThat(solved.get("truncated").asBoolean()).isFalse();
    assertThat(solved.get("passed").asBoolean()).isTrue();
    assertThat(solved.get("status").asText()).isEqualTo("done");
    assertThat(solved.get("step").asInt()).isEqualTo(task.solution().actions().size() + 1);
    assertThat(out.at("/step_after_done/status").asInt()).isEqualTo(409);
    assertThat(out.get("screenshot_png_after_done").asBoolean()).isTrue();

    JsonNode reset = out.get("reset");
    assertThat(reset.get("new_episode").asBoolean()).isTrue();
    assertThat(reset.get("same_env").asBoolean()).isTrue();
    assertThat(reset.get("screenshot_is_png").asBoolean()).isTrue();
    assertThat(reset.at("/state/status").asText()).isEqualTo("running");
    assertThat(reset.at("/state/step_count").asInt()).isZero();
    assertThat(reset.at("/evaluate/passed").asBoolean()).isFalse();
    assertThat(reset.at("/evaluate/reward").asDouble()).isZero();
    assertThat(out.get("found_by_id")).extracting(JsonNode::asText).containsExactly(task.id(), task.instruction(), "true");
    assertThat(out.get("closed_after_with").asBoolean()).isTrue();

    assertThat(out.get("windows_observed").asBoolean()).isTrue();
    assertThat(out.at("/malformed/status").asInt()).isEqualTo(400);
    assertThat(out.at("/malformed/field").asText()).startsWith("/actions/0");
    assertThat(out.at("/done_at_once/reward").asDouble()).isZero();
    assertThat(out.at("/done_at_once/terminated").asBoolean()).isTrue();
    assertThat(out.at("/done_at_once/passed").asBoolean()).isFalse();
    assertThat(out.at("/step_after_close/status").asInt()).isEqualTo(409);
    assertThat(out.at("/unknown_env/status").asInt()).isEqualTo(404);
    assertThat(out.at("/unknown_env/field").isNull()).isTrue();
    assertThat(out.at("/unknown_task/status").asInt()).isEqualTo(404);
    assertThat(out.at("/bad_limit/status").asInt()).isEqualTo(400);
    assertThat(out.at("/bad_limit/message").asText()).contains("limit");
    assertThat(out.at("/no_token/status").asInt()).isEqualTo(401);
    assertThat(out.get("with_token").asText()).isEqualTo("ok");
  }

  @Test
  void theReadmesExampleRunsAnEpisodeAndPrintsItsReward() throws Exception {
    Run r = run(client.resolve("examples/first_episode.py"), url(server));
    // the example takes the bank's first task, whichever it is
    assertThat(r.out()).as(r.err()).contains("reward: 0.0 passed: False");
    assertThat(VerifiedBank.shared().tasks()).anySatisfy(t -> assertThat(r.out()).contains("task: " + t.instruction()));
  }

  @Test
  void a429IsRetriedAsRetryAfterSaysAndGymnasiumEnvWrapsAnEnv() throws Exception {
    JsonNode out = run(script("client_offline.py")).report();
    assertThat(out.get("have_gymnasium").asBoolean()).isTrue();
    assertThat(out.at("/retried/waits")).extracting(JsonNode::asDouble).containsExactly(7.0, 7.0);
    assertThat(out.at("/retried/creates").asInt()).isEqualTo(3);
    assertThat(out.at("/retried/env_id").asText()).isEqualTo("e1");
    assertThat(out.at("/exhausted/status").asInt()).isEqualTo(429);
    assertThat(out.at("/exhausted/retry_after").asDouble()).isEqualTo(7.0);
    assertThat(out.at("/exhausted/creates").asInt()).isEqualTo(2);
    assertThat(out.at("/exhausted/waits")).hasSize(1);
    assertThat(out.at("/not_json/status").asInt()).isEqualTo(502);
    assertThat(out.at("/not_json/message").asText()).contains("bad gateway");
    JsonNode g = out.get("gymnasium");
    assertThat(g.get("seeds").toString()).isEqualTo("[3,null]");
    assertThat(g.get("first_episode").asText()).isEqualTo("ep1");
    assertThat(g.get("second_episode").asText()).isEqualTo("ep2");
    assertThat(g.get("screenshot").asBoolean()).isTrue();
    assertThat(g.get("step").toString()).isEqualTo("[1.0,true,false,true]");
    assertThat(g.get("spaces").toString()).isEqualTo("[\"Space\",\"Space\"]");
    assertThat(g.get("calls").toString()).isEqualTo(
        "[[\"POST\",\"/v1/envs\"],[\"POST\",\"/v1/envs/e1/step\"],[\"POST\",\"/v1/envs/e1/reset\"],[\"DELETE\",\"/v1/envs/e1\"]]");
    assertThat(g.get("tokens").toString()).isEqualTo("[\"Bearer s3cret\"]");
  }

  @Test
  void theClientImportsNothingOutsideTheStandardLibrary() throws Exception {
    Run r = run(script("stdlib_only.py"), client.toString());
    assertThat(r.out()).as("imports outside the standard library").isEmpty();
    assertThat(r.err()).contains("checked");
  }

  // ------------------------------------------------------------------ running python3

  record Run(int code, String out, String err) {
    /** The script's last line of output, as JSON. */
    JsonNode report() throws IOException {
      String[] lines = out.strip().split("\n");
      return Http.JSON.readTree(lines[lines.length - 1]);
    }
  }

  /** Runs the script with the client on PYTHONPATH; fails on a non-zero exit or a time-out. */
  static Run run(Path script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, "-B", script.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(data, "python", ".out");
    Path err = Files.createTempFile(data, "python", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("PYTHONPATH", client.toString());
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process p = pb.start();
    if (!p.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(script.getFileName() + " ran over " + SCRIPT_SECONDS + " s; stderr: " + Files.readString(err));
    }
    Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    assertThat(r.code()).as(script.getFileName() + " exited " + r.code() + "; stderr:\n" + r.err() + "\nstdout:\n" + r.out()).isZero();
    return r;
  }

  /** A script of this test's resources, copied where python3 can run it. */
  static Path script(String name) throws IOException {
    Path to = data.resolve(name);
    try (InputStream in = PythonClientTest.class.getResourceAsStream("python/" + name)) {
      if (in == null) throw new IllegalStateException("no test resource python/" + name);
      Files.write(to, in.readAllBytes());
    }
    return to;
  }

  static String url(GymServer s) {
    return "http://127.0.0.1:" + s.port();
  }

  /**
   * Debian's python3 (the interpreter CI has, not another one on the PATH), 3.10 or newer for
   * {@code sys.stdlib_module_names}. Missing, the test fails: the client's test must not pass unrun.
   */
  static String python() throws Exception {
    String exe = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Process p;
    try {
      p = new ProcessBuilder(exe, "-c", "import sys; print(sys.version_info >= (3, 10))").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("python3 is missing: the Python client's test runs it (apt-get install python3)", e);
    }
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !said.equals("True")) {
      throw new AssertionError(exe + " is not a usable Python 3.10 or newer (it said '" + said + "'); apt-get install python3");
    }
    return exe;
  }

  /** {@code clients/python} of this repository, found upward from the working directory (surefire's is agent-gym/). */
  static Path clientFolder() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("clients/python/deskforge_gym/__init__.py"))) return d.resolve("clients/python");
    }
    throw new AssertionError("clients/python/deskforge_gym not found above " + Path.of("").toAbsolutePath());
  }
}
