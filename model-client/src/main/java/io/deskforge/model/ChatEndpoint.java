package io.deskforge.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One OpenAI-compatible chat-completions endpoint (vLLM, Ollama, llama.cpp server, hosted APIs),
 * through the official openai-java client with its base URL set: sends a conversation, returns the
 * reply's text and the tokens the endpoint counted, or an {@link EndpointException} that says what
 * failed (after the client's retries with back-off for 408, 409, 429, 5xx, connection errors and
 * timeouts). The LLM creator and the gym's OpenAI agent both talk to models through it.
 */
public final class ChatEndpoint implements AutoCloseable {
  /** Sent as the API key when the configured variable is unset; local servers without a key ignore it. */
  public static final String NO_KEY = "no-key";
  /** How much of a model's or an endpoint's text an error message quotes. */
  public static final int EXCERPT = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where and how to ask.
   *
   * @param baseUrl the base URL with its version path, e.g. {@code http://localhost:8000/v1}
   * @param model the model name the endpoint serves
   * @param apiKeyEnv the environment variable holding the API key
   * @param timeout how long one request may take
   * @param maxRetries how often the client retries a failed request, backing off in between
   * @param temperature sent as {@code temperature}; null sends none
   * @param maxTokens sent as {@code max_tokens}; null sends none
   */
  public record Settings(String baseUrl, String model, String apiKeyEnv, Duration timeout, int maxRetries, Double temperature,
      Integer maxTokens) {}

  /** One message of a conversation; {@code png} an image shown with a user message, or null. */
  public record Message(String role, String text, byte[] png) {
    public static Message system(String text) { return new Message("system", text, null); }
    public static Message user(String text) { return new Message("user", text, null); }
    public static Message assistant(String text) { return new Message("assistant", text, null); }
  }

  /** A reply: its text, why the model stopped ({@code stop}, {@code length}, ...), the tokens counted. */
  public record Reply(String text, String finishReason, long promptTokens, long completionTokens) {}

  /** No usable reply came: the message says why, naming the endpoint. Tokens spent are kept. */
  public static final class EndpointException extends Exception {
    private final long promptTokens;
    private final long completionTokens;

    EndpointException(String message, long promptTokens, long completionTokens) {
      super(message);
      this.promptTokens = promptTokens;
      this.completionTokens = completionTokens;
    }

    public long promptTokens() { return promptTokens; }
    public long completionTokens() { return completionTokens; }
  }

  private final Settings config;
  private final OpenAIClient client;
  private final boolean keySet;

  public ChatEndpoint(Settings config) {
    this(config, System::getenv);
  }

  /** With the environment given as a lookup (tests give their own). */
  public ChatEndpoint(Settings config, UnaryOperator<String> env) {
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

  /** The conversation as the bank keeps it: JSON messages, an image replaced by a note of its size. */
  public static String transcript(List<Message> messages) {
    ArrayNode out = JSON.createArrayNode();
    for (Message m : messages) {
      var node = out.addObject().put("role", m.role()).put("content", m.text());
      if (m.png() != null) node.put("image", "screenshot, PNG, " + m.png().length + " bytes");
    }
    return out.toString();
  }

  public Reply complete(List<Message> messages) throws EndpointException {
    ChatCompletion completion;
    try {
      completion = client.chat().completions().create(params(messages));
    } catch (OpenAIException e) {
      throw new EndpointException(describe(e), 0, 0);
    } catch (RuntimeException e) {
      throw new EndpointException("endpoint error at " + config.baseUrl() + ": " + e, 0, 0);
    }
    long prompt = 0;
    long generated = 0;
    try {
      prompt = completion.usage().map(u -> u.promptTokens()).orElse(0L);
      generated = completion.usage().map(u -> u.completionTokens()).orElse(0L);
      if (completion.choices().isEmpty()) throw new EndpointException("endpoint returned no choices for model " + config.model(), prompt, generated);
      var choice = completion.choices().get(0);
      var message = choice.message();
      String finish = finishReason(choice);
      Optional<String> content = message.content().filter(c -> !c.isBlank());
      if (content.isPresent()) return new Reply(content.get(), finish, prompt, generated);
      Optional<String> refusal = message.refusal().filter(r -> !r.isBlank());
      if (refusal.isPresent()) throw new EndpointException("model refused: " + excerpt(refusal.get()), prompt, generated);
      throw new EndpointException("model reply is empty", prompt, generated);
    } catch (OpenAIInvalidDataException e) {
      throw new EndpointException("endpoint reply is not a chat completion: " + e.getMessage(), prompt, generated);
    }
  }

  /** Why the model stopped, as the endpoint says it ({@code stop}, {@code length}, ...); {@code unknown} when it says nothing usable. */
  private static String finishReason(ChatCompletion.Choice choice) {
    try {
      return choice.finishReason().asString();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  @SuppressWarnings("deprecation") // max_tokens: not every compatible server reads max_completion_tokens
  private ChatCompletionCreateParams params(List<Message> messages) {
    ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder().model(config.model());
    if (config.temperature() != null) b.temperature(config.temperature());
    if (config.maxTokens() != null) b.maxTokens(config.maxTokens().longValue());
    for (Message m : messages) {
      switch (m.role()) {
        case "system" -> b.addSystemMessage(m.text());
        case "assistant" -> b.addAssistantMessage(m.text());
        default -> {
          if (m.png() == null) {
            b.addUserMessage(m.text());
          } else {
            List<ChatCompletionContentPart> parts = new ArrayList<>();
            parts.add(ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(m.text()).build()));
            String url = "data:image/png;base64," + Base64.getEncoder().encodeToString(m.png());
            parts.add(ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(url).build()).build()));
            b.addUserMessageOfArrayOfContentParts(parts);
          }
        }
      }
    }
    return b.build();
  }

  private String describe(OpenAIException e) {
    String url = config.baseUrl();
    if (e instanceof OpenAIServiceException failed) {
      int status = failed.statusCode();
      if (status == 401 || status == 403) {
        return (status == 401 ? "endpoint refused the API key" : "endpoint denied access") + ": HTTP " + status + " from " + url
            + " (the key is read from $" + config.apiKeyEnv() + (keySet ? ")" : ", which is not set)") + ": " + detail(failed);
      }
      boolean retried = config.maxRetries() > 0 && (status == 408 || status == 409 || status == 429 || status >= 500);
      return "endpoint error: HTTP " + status + " from " + url + (retried ? " after " + config.maxRetries() + " retries" : "") + ": " + detail(failed);
    }
    if (e instanceof OpenAIIoException && causedBy(e, InterruptedIOException.class)) {
      int attempts = config.maxRetries() + 1;
      return "no reply from " + url + " within " + seconds(config.timeout()) + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }
    if (e instanceof OpenAIIoException) return "endpoint unreachable: " + url + ": " + rootMessage(e);
    return "endpoint error at " + url + ": " + e;
  }

  private static String detail(OpenAIServiceException e) {
    String message = String.valueOf(e.getMessage()).strip();
    String status = e.statusCode() + ":";
    if (message.startsWith(status)) message = message.substring(status.length());
    return excerpt(message.strip());
  }

  /** At most {@code max} characters of a text on one line, "..." when cut. */
  public static String excerpt(String s, int max) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= max ? one : one.substring(0, max) + "...";
  }

  static String excerpt(String s) {
    return excerpt(s, EXCERPT);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
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

  @Override
  public void close() {
    client.close();
  }
}
