package io.deskforge.gym.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.gym.VerifiedBank;
import io.deskforge.gym.agent.openai.OpenAiAgent;
import io.deskforge.gym.agent.openai.OpenAiAgentConfig;
import io.deskforge.model.ScriptedChat;
import io.deskforge.gym.env.EnvRequest;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.task.action.Action;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Baseline agents in real desktops through the runner: the replay agent solves, and the openai
 * agent, against a local OpenAI-compatible server with scripted replies, solves an easy task from
 * good replies and ends each bad reply's episode cleanly with the reason in the bank.
 */
class AgentRunnerTest {
  static final String MODEL = "scripted-vl";
  static VerifiedBank.Shared fixture;
  static Gym gym;
  static TaskSpec task;

  @BeforeAll
  static void start() {
    fixture = VerifiedBank.shared();
    task = fixture.task("mousepad.type-text");
    gym = new Gym(fixture.bank(), fixture.provider(), VerifiedBank.CATALOG, GymConfig.defaults().withWorkRoot(fixture.desktops())).start();
  }

  @AfterAll
  static void stop() {
    if (gym != null) gym.close();
  }

  @Test
  void theReplayAgentSolvesAndTheRandomAgentEndsWithAReward() {
    AgentRunner.Outcome replay = new AgentRunner(gym).run(task, ReplayAgent::new, EnvRequest.ofTask(task.id()));
    assertThat(replay.reward()).isEqualTo(1.0);
    assertThat(replay.status()).isEqualTo("done");
    AgentRunner.Outcome random = new AgentRunner(gym).run(task, t -> new RandomAgent(7), EnvRequest.ofTask(task.id()).maxSteps(5));
    assertThat(random.status()).isIn("done", "truncated");
    assertThat(fixture.bank().episodes().get(random.episodeId()).orElseThrow().agent()).isEqualTo("random");
  }

  /** Runs one episode of the openai agent against scripted replies; returns the recorded episode. */
  private static Episodes.Episode episode(Consumer<ScriptedChat> script, OpenAiAgentConfig.Builder config) throws Exception {
    try (ScriptedChat chat = new ScriptedChat(MODEL)) {
      script.accept(chat);
      OpenAiAgentConfig c = config.build();
      OpenAiAgentConfig pointed = OpenAiAgentConfig.builder(chat.baseUrl(), MODEL).timeout(c.timeout()).maxRetries(c.maxRetries())
          .repairs(c.repairs()).build();
      AgentRunner.Outcome o = new AgentRunner(gym).run(task, t -> new OpenAiAgent(pointed), EnvRequest.ofTask(task.id()));
      Episodes.Episode e = fixture.bank().episodes().get(o.episodeId()).orElseThrow();
      assertThat(e.status()).isEqualTo(o.status());
      assertThat(e.agent()).isEqualTo("openai:" + MODEL);
      return e;
    }
  }

  private static OpenAiAgentConfig.Builder config() {
    return OpenAiAgentConfig.builder("http://unused/v1", MODEL).timeout(Duration.ofSeconds(5)).maxRetries(1).repairs(1);
  }

  @Test
  void goodRepliesSolveTheTask() throws Exception {
    Episodes.Episode e = episode(chat -> {
      for (Action a : task.solution().actions()) chat.reply(TaskJson.write(a));
      chat.reply("Done. ```json\n{\"action\": \"done\"}\n```");
    }, config());
    assertThat(e.status()).isEqualTo("done");
    assertThat(e.reward()).isEqualTo(1.0);
  }

  @Test
  void proseInsteadOfJsonEndsTheEpisodeWithTheReasonNamed() throws Exception {
    Episodes.Episode e = episode(chat -> {
      chat.reply("I would click on the editor and start typing the text.");
      chat.reply("Sure! First, focus the window.");
    }, config());
    assertThat(e.status()).isEqualTo("gave_up");
    assertThat(e.reason()).contains("not an action");
    assertThat(e.reward()).isZero();
  }

  @Test
  void garbageEndsTheEpisodeWithTheReasonNamed() throws Exception {
    Episodes.Episode e = episode(chat -> {
      chat.reply("{{{{\u0000 ]]");
      chat.reply("");
    }, config());
    assertThat(e.status()).isEqualTo("gave_up");
    assertThat(e.reason()).containsAnyOf("not an action", "empty");
  }

  @Test
  void offScreenCoordinatesAreRefusedByTheGymUntilTheRunnerStops() throws Exception {
    Episodes.Episode e = episode(chat -> {
      for (int i = 0; i < AgentRunner.MAX_REFUSALS; i++) chat.reply("{\"action\":\"click\",\"x\":5000,\"y\":-3}");
    }, config());
    assertThat(e.status()).isEqualTo("gave_up");
    assertThat(e.reason()).contains("refused " + AgentRunner.MAX_REFUSALS).contains("5000");
    assertThat(fixture.bank().episodes().steps(e.id())).hasSize(AgentRunner.MAX_REFUSALS).allMatch(s -> s.error() != null);
  }

  @Test
  void http500AfterRetriesAndHttp429ThenSuccess() throws Exception {
    Episodes.Episode failed = episode(chat -> {
      for (int i = 0; i < 3; i++) chat.reply(new ScriptedChat.Scripted(500, "{\"error\":{\"message\":\"overloaded\"}}", 0));
    }, config());
    assertThat(failed.status()).isEqualTo("gave_up");
    assertThat(failed.reason()).contains("500");

    Episodes.Episode recovered = episode(chat -> {
      chat.reply(new ScriptedChat.Scripted(429, "{\"error\":{\"message\":\"slow down\"}}", 0));
      chat.reply("{\"action\":\"done\"}");
    }, config());
    assertThat(recovered.status()).isEqualTo("done");
  }

  @Test
  void aReplyThatNeverComesEndsTheEpisodeNamingTheTimeout() throws Exception {
    long t0 = System.nanoTime();
    Episodes.Episode e = episode(chat -> chat.reply(new ScriptedChat.Scripted(200, ScriptedChat.completion(MODEL, "{\"action\":\"done\"}").toString(), 60_000)),
        config().timeout(Duration.ofSeconds(1)).maxRetries(0));
    assertThat(e.status()).isEqualTo("gave_up");
    assertThat(e.reason()).contains("no reply");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(40));
  }
}
