package io.deskforge.gym.agent.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.deskforge.gym.agent.ActionPrompt;
import io.deskforge.gym.agent.Agent;
import io.deskforge.gym.agent.ReplyJson;
import io.deskforge.gym.agent.TokenUsage;
import io.deskforge.gym.env.Observation;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * An agent that asks a vision model behind any OpenAI-compatible chat-completions endpoint (vLLM,
 * Ollama, llama.cpp server, hosted APIs) for each step, through the official openai-java client.
 *
 * <p>Each step is one request: the task format as the system message ({@link ActionPrompt}), then
 * the instruction, the latest earlier actions with the gym's refusals and the screenshot as a
 * {@code data:image/png;base64,...} image part. The reply's JSON object ({@link ReplyJson}) is sent
 * as the step body unchecked: the gym validates it (an off-screen click included) and shows its
 * refusal in the next step's history. A reply without an object is re-asked with the problem
 * ({@link OpenAiAgentConfig#repairs()}); what still fails, and every endpoint failure after the
 * client's retries, becomes a {@link Decision.GiveUp} naming it. Nothing is thrown.
 */
public final class OpenAiAgent implements Agent {
  /** Sent as the API key when the configured variable is unset; local servers without a key ignore it. */
  static final String NO_KEY = "no-key";

  private static final int EXCERPT = 200;

  private final OpenAiAgentConfig config;
  private final OpenAIClient client;
  private final boolean keySet;
  private final AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);

  public OpenAiAgent(OpenAiAgentConfig config) {
    this(config, System::getenv);
  }

  /** With the environment given as a lookup, for tests. */
  OpenAiAgent(OpenAiAgentConfig config, UnaryOperator<String> env) {
    this.config = config;
    String key = env.apply(config.apiKeyEnv());
    this.keySet = key != null && !key.isBlank();
    this.client = OpenAIOkHttpClient.builder()
        .baseUrl(config.baseUrl())
        .apiKey(keySet ? key : NO_KEY)
        .timeout(Timeout.builder().connect(config.timeout()).request(config.timeout()).build())
        .maxRetries(config.maxRetries())
        .build();
  }

  @Override
  public String name() {
    return "openai:" + config.model();
  }

  /** The requests made and tokens reported so far, over all steps and repairs. */
  public TokenUsage usage() {
    return usage.get();
  }

  @Override
  public Decision next(View view) {
    Observation screen = view.observation();
    ChatCompletionCreateParams.Builder request = request()
        .addSystemMessage(ActionPrompt.system(screen.width(), screen.height()))
        .addUserMessageOfArrayOfContentParts(stepContent(view));
    for (int attempt = 0; ; attempt++) {
      String reply;
      try {
        reply = complete(request.build());
      } catch (Unusable e) {
        return new Decision.GiveUp(e.getMessage());
      }
      Optional<ObjectNode> body = ReplyJson.object(reply);
      if (body.isPresent()) return new Decision.Act(body.get());
      String problem = "model reply is not an action: " + ReplyJson.excerpt(reply, EXCERPT);
      if (attempt >= config.repairs()) return new Decision.GiveUp(problem);
      request.addAssistantMessage(reply).addUserMessage(ActionPrompt.repair(problem));
    }
  }

  @Override
  public void close() {
    client.close();
  }

  @SuppressWarnings("deprecation") // max_tokens: OpenAI deprecates it for max_completion_tokens, which not every compatible server reads
  private ChatCompletionCreateParams.Builder request() {
    ChatCompletionCreateParams.Builder request = ChatCompletionCreateParams.builder().model(config.model());
    if (config.temperature() != null) request.temperature(config.temperature());
    if (config.maxTokens() != null) request.maxTokens(config.maxTokens().longValue());
    return request;
  }

  private List<ChatCompletionContentPart> stepContent(View view) {
    List<ChatCompletionContentPart> parts = new ArrayList<>();
    parts.add(ChatCompletionContentPart.ofText(
        ChatCompletionContentPartText.builder().text(ActionPrompt.step(view, config.historyTurns())).build()));
    byte[] png = view.observation().screenshotPng();
    if (png != null) {
      String url = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
      parts.add(ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
          .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(url).build())
          .build()));
    }
    return parts;
  }

  /** The text of the model's reply to one request; an {@link Unusable} naming why there is none. */
  private String complete(ChatCompletionCreateParams params) throws Unusable {
    ChatCompletion completion;
    try {
      completion = client.chat().completions().create(params);
    } catch (OpenAIException e) {
      throw new Unusable(describe(e));
    } catch (RuntimeException e) {
      throw new Unusable("endpoint error at " + config.baseUrl() + ": " + e);
    }
    try {
      long prompt = completion.usage().map(u -> u.promptTokens()).orElse(0L);
      long generated = completion.usage().map(u -> u.completionTokens()).orElse(0L);
      usage.updateAndGet(u -> u.plusCall(prompt, generated));
      if (completion.choices().isEmpty()) throw new Unusable("endpoint returned no choices for model " + config.model());
      var message = completion.choices().get(0).message();
      Optional<String> content = message.content().filter(c -> !c.isBlank());
      if (content.isPresent()) return content.get();
      Optional<String> refusal = message.refusal().filter(r -> !r.isBlank());
      if (refusal.isPresent()) throw new Unusable("model refused: " + ReplyJson.excerpt(refusal.get(), EXCERPT));
      throw new Unusable("model reply is empty");
    } catch (OpenAIInvalidDataException e) {
      throw new Unusable("endpoint reply is not a chat completion: " + e.getMessage());
    }
  }

  private String describe(OpenAIException e) {
    String url = config.baseUrl();
    if (e instanceof UnauthorizedException || e instanceof PermissionDeniedException) {
      OpenAIServiceException refused = (OpenAIServiceException) e;
      String what = refused.statusCode() == 401 ? "endpoint refused the API key" : "endpoint denied access";
      return what + ": HTTP " + refused.statusCode() + " from " + url + " (the key is read from $"
          + config.apiKeyEnv() + (keySet ? ")" : ", which is not set)") + ": " + detail(refused);
    }
    if (e instanceof OpenAIServiceException failed) {
      int status = failed.statusCode();
      boolean retried = config.maxRetries() > 0 && (status == 408 || status == 409 || status == 429 || status >= 500);
      return "endpoint error: HTTP " + status + " from " + url
          + (retried ? " after " + config.maxRetries() + " retries" : "")
          + ": " + detail(failed);
    }
    if (e instanceof OpenAIIoException && causedBy(e, InterruptedIOException.class)) {
      int attempts = config.maxRetries() + 1;
      return "no reply from " + url + " within " + seconds(config.timeout()) + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }
    if (e instanceof OpenAIIoException) {
      return "endpoint unreachable: " + url + ": " + rootMessage(e);
    }
    return "endpoint error at " + url + ": " + e;
  }

  /** The endpoint's error message without the status the client puts first. */
  private static String detail(OpenAIServiceException e) {
    String message = String.valueOf(e.getMessage()).strip();
    String status = e.statusCode() + ":";
    if (message.startsWith(status)) message = message.substring(status.length());
    return ReplyJson.excerpt(message, EXCERPT);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Why a request gave no usable reply; its message is the give-up reason. */
  private static final class Unusable extends Exception {
    Unusable(String reason) {
      super(reason);
    }
  }
}
