package io.deskforge.gym.agent.openai;

import io.deskforge.model.ScriptedChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.deskforge.gym.agent.Agent.Decision;
import io.deskforge.gym.agent.Agent.Turn;
import io.deskforge.gym.agent.Agent.View;
import io.deskforge.gym.agent.TokenUsage;
import io.deskforge.gym.env.Observation;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAI-compatible agent against a scripted chat-completions server on 127.0.0.1: what it
 * sends, which replies become actions, and the named give-up for each way a reply can be unusable.
 */
class OpenAiAgentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "test-vl";
  private static final String INSTRUCTION = "Save the document as report.odt in Documents.";
  private static final String CLICK = "{\"action\":\"click\",\"x\":12,\"y\":34}";

  private ScriptedChat server;
  private final byte[] png = png4x4();

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedChat(MODEL);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> repliesHoldingAnAction() {
    return Stream.of(
        arguments("alone", CLICK),
        arguments("in a json fence", "```json\n" + CLICK + "\n```"),
        arguments("inside prose", "The Save button is at the top left {maybe}. I will click it: " + CLICK + " and then check."),
        arguments("after thinking", "<think>A menu {like this} could hold it: {\"action\":\"wait\",\"ms\":1}</think>\n" + CLICK));
  }

  @ParameterizedTest(name = "the object {0}")
  @MethodSource("repliesHoldingAnAction")
  void aReplyHoldingAnObjectIsSentAsTheStepBody(String where, String reply) {
    server.reply(ScriptedChat.ok(MODEL, reply));
    assertThat(step()).isEqualTo(act(CLICK));
    assertThat(server.requests).hasSize(1);
  }

  static Stream<Arguments> repliesWithoutAnAction() {
    return Stream.of(
        arguments("Click on {the save button} at the top.", "model reply is not an action: Click on {the save button} at the top."),
        arguments("x".repeat(500), "model reply is not an action: " + "x".repeat(200) + "..."),
        arguments("", "model reply is empty"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("repliesWithoutAnAction")
  void aReplyWithoutAnObjectGivesUpAtOnceWhenRepairsAreOff(String reply, String reason) {
    server.reply(ScriptedChat.ok(MODEL, reply));
    assertThat(step(config().repairs(0).build(), List.of())).isEqualTo(new Decision.GiveUp(reason));
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void theRequestCarriesTheModelTheInstructionAndTheScreenshot() {
    server.reply(ScriptedChat.ok(MODEL, CLICK));
    step();
    JsonNode request = server.requests.get(0);
    assertThat(request.path("model").asText()).isEqualTo(MODEL);
    JsonNode system = request.path("messages").get(0);
    assertThat(system.path("role").asText()).isEqualTo("system");
    assertThat(system.path("content").asText())
        .contains("1280 x 800 pixels", "exactly one JSON object and nothing else", "{\"action\":\"done\"}", "{\"action\":\"fail\"}");
    JsonNode user = request.path("messages").get(1);
    assertThat(user.path("role").asText()).isEqualTo("user");
    assertThat(stepText(0)).contains(INSTRUCTION);
    JsonNode image = user.path("content").get(1);
    assertThat(image.path("type").asText()).isEqualTo("image_url");
    assertThat(image.path("image_url").path("url").asText())
        .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
  }

  @Test
  void theSystemPromptListsEveryActionOfDeskforgesSchema() {
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    step();
    String system = server.requests.get(0).path("messages").get(0).path("content").asText();
    for (String action : List.of("click", "double_click", "triple_click", "right_click", "middle_click", "move",
        "mouse_down", "mouse_up", "drag", "scroll", "type", "key", "hold_key", "wait", "done", "fail")) {
      assertThat(system).contains("{\"action\":\"" + action + "\"");
    }
    assertThat(system).contains("\"from_x\":X1,\"from_y\":Y1,\"to_x\":X2,\"to_y\":Y2", "\"keys\":\"ctrl+s\"", "\"dx\":0,\"dy\":3");
  }

  @Test
  void earlierActionsAndTheGymsRefusalsAppearInThePrompt() {
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"key\",\"keys\":\"ctrl+s\"}"));
    step(config().build(), List.of(
        new Turn(body("{\"action\":\"click\",\"x\":5000,\"y\":20}"), "/x: 5000 is outside the screen (0 to 1279)"),
        new Turn(body("{\"action\":\"type\",\"text\":\"report\"}"), null)));
    assertThat(stepText(0))
        .contains("1. {\"action\":\"click\",\"x\":5000,\"y\":20}  -> refused: /x: 5000 is outside the screen (0 to 1279)")
        .contains("2. {\"action\":\"type\",\"text\":\"report\"}\n")
        .contains("Step 3 of at most 15");
  }

  @Test
  void onlyTheConfiguredNumberOfEarlierActionsIsListed() {
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    step(config().historyTurns(1).build(), List.of(
        new Turn(body("{\"action\":\"wait\",\"ms\":1}"), null),
        new Turn(body("{\"action\":\"wait\",\"ms\":2}"), null),
        new Turn(body("{\"action\":\"wait\",\"ms\":3}"), null)));
    assertThat(stepText(0))
        .contains("(2 earlier actions not shown)", "3. {\"action\":\"wait\",\"ms\":3}")
        .doesNotContain("\"ms\":1}", "\"ms\":2}");
  }

  @Test
  void garbageIsReAskedOnceWithTheProblemThenGivenUpOnNamingTheReply() {
    server.reply(ScriptedChat.ok(MODEL, "I cannot see the screen clearly."));
    server.reply(ScriptedChat.ok(MODEL, "Still not sure, maybe click somewhere."));
    assertThat(step()).isEqualTo(new Decision.GiveUp("model reply is not an action: Still not sure, maybe click somewhere."));
    assertThat(server.requests).hasSize(2);
    JsonNode messages = server.requests.get(1).path("messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
    assertThat(messages.get(2).path("content").asText()).isEqualTo("I cannot see the screen clearly.");
    assertThat(messages.get(3).path("role").asText()).isEqualTo("user");
    assertThat(messages.get(3).path("content").asText())
        .contains("model reply is not an action: I cannot see the screen clearly.", "exactly one JSON object");
  }

  @Test
  void aRepairedReplyIsActedOn() {
    server.reply(ScriptedChat.ok(MODEL, "click the save button"));
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"click\",\"x\":1,\"y\":2}"));
    assertThat(step()).isEqualTo(act("{\"action\":\"click\",\"x\":1,\"y\":2}"));
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void aReplyWithoutChoicesGivesUpNamingIt() {
    ObjectNode completion = ScriptedChat.completion(MODEL, "");
    completion.putArray("choices");
    server.reply(new ScriptedChat.Scripted(200, completion.toString(), 0));
    assertThat(step()).isEqualTo(new Decision.GiveUp("endpoint returned no choices for model test-vl"));
  }

  @Test
  void aRateLimitIsRetriedByTheClient() {
    server.reply(new ScriptedChat.Scripted(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}", 0));
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"wait\",\"ms\":500}"));
    assertThat(step()).isEqualTo(act("{\"action\":\"wait\",\"ms\":500}"));
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void aServerErrorEveryTimeGivesUpNamingTheStatusAfterTheConfiguredRetries() {
    for (int i = 0; i < 5; i++) server.reply(new ScriptedChat.Scripted(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}", 0));
    assertThat(step(config().maxRetries(2).build(), List.of())).isEqualTo(new Decision.GiveUp(
        "endpoint error: HTTP 500 from " + server.baseUrl() + " after 2 retries: CUDA out of memory"));
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void aRefusedKeyGivesUpNamingTheStatusAndTheVariable() {
    server.reply(new ScriptedChat.Scripted(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}", 0));
    assertThat(step(config().apiKeyEnv("VLM_KEY").build(), List.of())).isEqualTo(new Decision.GiveUp(
        "endpoint refused the API key: HTTP 401 from " + server.baseUrl()
            + " (the key is read from $VLM_KEY, which is not set): Incorrect API key provided"));
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void theKeyComesFromTheConfiguredVariableAndAPlaceholderStandsInWhenItIsUnset() {
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    try (OpenAiAgent agent = new OpenAiAgent(config().apiKeyEnv("VLM_KEY").build(), name -> name.equals("VLM_KEY") ? "sk-test" : null)) {
      agent.next(view(List.of()));
    }
    step();
    assertThat(server.authorizations).containsExactly("Bearer sk-test", "Bearer " + io.deskforge.model.ChatEndpoint.NO_KEY);
  }

  @Test
  void aReplyThatNeverComesGivesUpNamingTheTimeoutAfterTheClientRetriedIt() {
    for (int i = 0; i < 3; i++) server.reply(new ScriptedChat.Scripted(200, ScriptedChat.ok(MODEL, "{\"action\":\"done\"}").body(), 30_000));
    long started = System.nanoTime();
    Decision decision = step(config().timeout(Duration.ofSeconds(1)).maxRetries(1).build(), List.of());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(server.requests).hasSize(2);
    assertThat(decision).isEqualTo(new Decision.GiveUp("no reply from " + server.baseUrl() + " within 1 s (2 attempts)"));
  }

  @Test
  void anUnreachableEndpointGivesUpNamingIt() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/v1";
    Decision decision = step(OpenAiAgentConfig.builder(url, MODEL).maxRetries(0).build(), List.of());
    assertThat(((Decision.GiveUp) decision).reason()).startsWith("endpoint unreachable: " + url + ": ");
  }

  @Test
  void offScreenCoordinatesArePassedThroughForTheGymToReject() {
    // The agent only turns a reply into a step body; checking it against the screen (1280 x 800
    // here) is the gym's ActionSchemas' work, whose refusal comes back in the next step's history.
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"click\",\"x\":5000,\"y\":-3}"));
    assertThat(step()).isEqualTo(act("{\"action\":\"click\",\"x\":5000,\"y\":-3}"));
  }

  @Test
  void tokenUsageIsAccumulatedOverStepsAndRepairs() {
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    server.reply(ScriptedChat.ok(MODEL, "no action here"));
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"fail\"}"));
    try (OpenAiAgent agent = agent(config().build())) {
      assertThat(agent.usage()).isEqualTo(TokenUsage.NONE);
      agent.next(view(List.of()));
      assertThat(agent.usage()).isEqualTo(new TokenUsage(1, 1000, 17));
      agent.next(view(List.of()));
      assertThat(agent.usage()).isEqualTo(new TokenUsage(3, 3000, 51));
      assertThat(agent.usage().totalTokens()).isEqualTo(3051);
    }
  }

  @Test
  void theRequestCarriesTemperatureAndMaxTokensWhenSetAndOmitsThemWhenNull() {
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    server.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    step(config().temperature(0.3).maxTokens(256).build(), List.of());
    step(config().temperature(null).maxTokens(null).build(), List.of());
    assertThat(server.requests.get(0).path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(server.requests.get(0).path("max_tokens").asInt()).isEqualTo(256);
    assertThat(server.requests.get(1).has("temperature")).isFalse();
    assertThat(server.requests.get(1).has("max_tokens")).isFalse();
  }

  @Test
  void theNameSaysTheModel() {
    try (OpenAiAgent agent = agent(config().build())) {
      assertThat(agent.name()).isEqualTo("openai:test-vl");
    }
  }

  @Test
  void theConfigDefaultsAndRejectsWhatCannotWork() {
    assertThat(OpenAiAgentConfig.of("http://localhost:8000/v1", "qwen2.5-vl")).isEqualTo(new OpenAiAgentConfig(
        "http://localhost:8000/v1", "qwen2.5-vl", "OPENAI_API_KEY", Duration.ofSeconds(60), 2, 0.0, 1024, 10, 1));
    assertThatThrownBy(() -> OpenAiAgentConfig.of(" ", "m")).hasMessageContaining("baseUrl is required");
    assertThatThrownBy(() -> config().timeout(Duration.ZERO).build()).hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> config().maxRetries(-1).build()).hasMessageContaining("maxRetries must be >= 0");
    assertThatThrownBy(() -> config().repairs(-1).build()).hasMessageContaining("repairs must be >= 0");
  }

  // ---- fixtures

  private OpenAiAgentConfig.Builder config() {
    return OpenAiAgentConfig.builder(server.baseUrl(), MODEL).timeout(Duration.ofSeconds(10));
  }

  private static OpenAiAgent agent(OpenAiAgentConfig config) {
    return new OpenAiAgent(config, name -> null);
  }

  /** One step of a fresh agent, with no API key set. */
  private Decision step(OpenAiAgentConfig config, List<Turn> history) {
    try (OpenAiAgent agent = agent(config)) {
      return agent.next(view(history));
    }
  }

  private Decision step() {
    return step(config().build(), List.of());
  }

  /** The text part of the user message of the {@code n}th request the server received. */
  private String stepText(int n) {
    return server.requests.get(n).path("messages").get(1).path("content").get(0).path("text").asText();
  }

  private View view(List<Turn> history) {
    return new View(INSTRUCTION, new Observation(1280, 800, png, null, null, null), history.size(), 15, history);
  }

  private static Decision act(String body) {
    return new Decision.Act(body(body));
  }

  private static JsonNode body(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] png4x4() {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 2, Color.RED.getRGB());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
