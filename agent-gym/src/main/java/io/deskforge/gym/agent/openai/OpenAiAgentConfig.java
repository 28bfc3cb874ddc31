package io.deskforge.gym.agent.openai;

import java.time.Duration;

/**
 * Where and how an {@link OpenAiAgent} asks for actions: {@link #of(String, String)} for the
 * defaults, {@link #builder(String, String)} to change some of them.
 *
 * @param baseUrl the endpoint's base URL including its version path, for example
 *     {@code http://localhost:8000/v1} (vLLM), {@code http://localhost:11434/v1} (Ollama),
 *     {@code http://localhost:8080/v1} (llama.cpp server), {@code https://api.openai.com/v1}
 * @param model the model name the endpoint serves, sent as {@code model}
 * @param apiKeyEnv the environment variable holding the API key (default {@code OPENAI_API_KEY});
 *     when it is unset a placeholder is sent, which local servers started without a key accept
 * @param timeout how long one request may take before it counts as unanswered (default 60 s)
 * @param maxRetries how often the client retries a request that failed with 408, 409, 429, a 5xx,
 *     a connection error or a timeout, backing off in between (default 2, so at most 3 attempts;
 *     an endpoint that never answers costs up to 3 timeouts per step)
 * @param temperature sent as {@code temperature}; null sends none (the model's default). Default 0
 * @param maxTokens sent as {@code max_tokens}, the field OpenAI-compatible servers all read; null
 *     sends none. Default 1024
 * @param historyTurns how many of the latest earlier actions the prompt lists (default 10)
 * @param repairs how often a reply without a JSON object is answered with the problem and asked
 *     again before giving up (default 1; 0 gives up at once)
 */
public record OpenAiAgentConfig(
    String baseUrl,
    String model,
    String apiKeyEnv,
    Duration timeout,
    int maxRetries,
    Double temperature,
    Integer maxTokens,
    int historyTurns,
    int repairs) {

  public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";

  public OpenAiAgentConfig {
    if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException("openai agent: baseUrl is required, for example http://localhost:8000/v1");
    if (model == null || model.isBlank()) throw new IllegalArgumentException("openai agent: model is required");
    if (apiKeyEnv == null || apiKeyEnv.isBlank()) apiKeyEnv = DEFAULT_API_KEY_ENV;
    if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("openai agent: timeout must be positive, got " + timeout);
    if (maxRetries < 0) throw new IllegalArgumentException("openai agent: maxRetries must be >= 0, got " + maxRetries);
    if (temperature != null && (temperature < 0 || temperature > 2)) throw new IllegalArgumentException("openai agent: temperature must be 0 to 2, got " + temperature);
    if (maxTokens != null && maxTokens <= 0) throw new IllegalArgumentException("openai agent: maxTokens must be positive, got " + maxTokens);
    if (historyTurns < 0) throw new IllegalArgumentException("openai agent: historyTurns must be >= 0, got " + historyTurns);
    if (repairs < 0) throw new IllegalArgumentException("openai agent: repairs must be >= 0, got " + repairs);
  }

  /** The defaults for a model at an endpoint. */
  public static OpenAiAgentConfig of(String baseUrl, String model) {
    return builder(baseUrl, model).build();
  }

  /** A builder holding the defaults for a model at an endpoint, to change what differs. */
  public static Builder builder(String baseUrl, String model) {
    return new Builder(baseUrl, model);
  }

  /** Builds an {@link OpenAiAgentConfig} from the defaults; the record checks the values. */
  public static final class Builder {
    private final String baseUrl;
    private final String model;
    private String apiKeyEnv = DEFAULT_API_KEY_ENV;
    private Duration timeout = Duration.ofSeconds(60);
    private int maxRetries = 2;
    private Double temperature = 0.0;
    private Integer maxTokens = 1024;
    private int historyTurns = 10;
    private int repairs = 1;

    private Builder(String baseUrl, String model) {
      this.baseUrl = baseUrl;
      this.model = model;
    }

    public Builder apiKeyEnv(String name) { apiKeyEnv = name; return this; }
    public Builder timeout(Duration value) { timeout = value; return this; }
    public Builder maxRetries(int value) { maxRetries = value; return this; }
    public Builder temperature(Double value) { temperature = value; return this; }
    public Builder maxTokens(Integer value) { maxTokens = value; return this; }
    public Builder historyTurns(int value) { historyTurns = value; return this; }
    public Builder repairs(int value) { repairs = value; return this; }

    public OpenAiAgentConfig build() {
      return new OpenAiAgentConfig(baseUrl, model, apiKeyEnv, timeout, maxRetries, temperature, maxTokens, historyTurns, repairs);
    }
  }
}
