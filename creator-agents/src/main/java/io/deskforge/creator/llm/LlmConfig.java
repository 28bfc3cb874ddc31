package io.deskforge.creator.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.model.ChatEndpoint;
import io.deskforge.task.json.TaskJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * Where and how an {@link LlmCreator} asks a model for families, and how hard it tries: {@link
 * #builder(String, String)} for the defaults, {@link #read(Path)} for a config file.
 *
 * @param baseUrl the endpoint's base URL with its version path: {@code http://localhost:8000/v1}
 *     (vLLM), {@code http://localhost:11434/v1} (Ollama), {@code http://localhost:8080/v1}
 *     (llama.cpp server), {@code https://api.openai.com/v1}
 * @param model the model name the endpoint serves
 * @param apiKeyEnv the environment variable holding the API key (default {@code OPENAI_API_KEY});
 *     unset, a placeholder is sent, which local servers without a key accept
 * @param temperature sent as {@code temperature}; null sends none. Default 0.7: proposals should vary
 * @param maxTokens sent as {@code max_tokens}; a family file is long, default 4096
 * @param timeout how long one request may take (default 120 s)
 * @param maxRetries how often the client retries 408, 409, 429, 5xx, connection errors and
 *     timeouts, backing off in between (default 2)
 * @param repairs how often a reply that is not a usable family goes back with its problems (default 2)
 * @param revisions how often a family the auditors rejected goes back with their reasons (default 3)
 * @param seeds how many tasks of a family are audited before it counts as verified (default 2)
 * @param inputUsdPer1M the price of a million prompt tokens, for the cost in the bank (default 0)
 * @param outputUsdPer1M the price of a million completion tokens (default 0)
 */
public record LlmConfig(
    String baseUrl, String model, String apiKeyEnv, Double temperature, Integer maxTokens, Duration timeout,
    int maxRetries, int repairs, int revisions, int seeds, double inputUsdPer1M, double outputUsdPer1M) {

  public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";

  public LlmConfig {
    if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException("llm creator: the endpoint's base URL is required (--endpoint or base_url), for example http://localhost:8000/v1");
    if (model == null || model.isBlank()) throw new IllegalArgumentException("llm creator: the model is required (--model or model)");
    if (apiKeyEnv == null || apiKeyEnv.isBlank()) apiKeyEnv = DEFAULT_API_KEY_ENV;
    if (temperature != null && (temperature < 0 || temperature > 2)) throw new IllegalArgumentException("llm creator: temperature must be 0 to 2, got " + temperature);
    if (maxTokens != null && maxTokens <= 0) throw new IllegalArgumentException("llm creator: max tokens must be positive, got " + maxTokens);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("llm creator: timeout must be positive, got " + timeout);
    if (maxRetries < 0) throw new IllegalArgumentException("llm creator: max retries must be >= 0, got " + maxRetries);
    if (repairs < 0) throw new IllegalArgumentException("llm creator: repairs must be >= 0, got " + repairs);
    if (revisions < 0) throw new IllegalArgumentException("llm creator: revisions must be >= 0, got " + revisions);
    if (seeds < 1) throw new IllegalArgumentException("llm creator: seeds must be at least 1, got " + seeds);
    if (inputUsdPer1M < 0 || outputUsdPer1M < 0) throw new IllegalArgumentException("llm creator: prices must be >= 0");
  }

  /** What the endpoint client needs of these settings. */
  public ChatEndpoint.Settings endpoint() {
    return new ChatEndpoint.Settings(baseUrl, model, apiKeyEnv, timeout, maxRetries, temperature, maxTokens);
  }

  /** The cost of one request's tokens at these prices, in USD. */
  public double cost(long promptTokens, long completionTokens) {
    return promptTokens * inputUsdPer1M / 1_000_000 + completionTokens * outputUsdPer1M / 1_000_000;
  }

  public static Builder builder(String baseUrl, String model) {
    return new Builder().baseUrl(baseUrl).model(model);
  }

  /** The fields a config file may hold; any other is an error, so a misspelt one is not ignored. */
  static final Set<String> FILE_FIELDS = Set.of("base_url", "model", "api_key_env", "temperature", "max_tokens",
      "timeout_seconds", "max_retries", "repairs", "revisions", "seeds", "price_input_per_1m", "price_output_per_1m");

  /**
   * A builder holding a config file's values over the defaults: a JSON object with any of {@link
   * #FILE_FIELDS}, e.g. {@code {"base_url": "http://localhost:8000/v1", "model": "qwen2.5-72b",
   * "api_key_env": "VLLM_KEY", "price_input_per_1m": 0.5, "price_output_per_1m": 1.5}}. Flags
   * given beside it override it.
   */
  public static Builder read(Path file) {
    JsonNode root;
    try {
      root = TaskJson.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("llm config " + file + ": cannot read it: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("llm config " + file + ": expected a JSON object");
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FILE_FIELDS.contains(f)) throw new IllegalArgumentException("llm config " + file + ": unknown field '" + f + "'; fields: " + new java.util.TreeSet<>(FILE_FIELDS));
    }
    Builder b = new Builder();
    try {
      if (root.has("base_url")) b.baseUrl(text(root, "base_url"));
      if (root.has("model")) b.model(text(root, "model"));
      if (root.has("api_key_env")) b.apiKeyEnv(text(root, "api_key_env"));
      if (root.has("temperature")) b.temperature(number(root, "temperature"));
      if (root.has("max_tokens")) b.maxTokens((int) (double) number(root, "max_tokens"));
      if (root.has("timeout_seconds")) b.timeout(Duration.ofMillis((long) (number(root, "timeout_seconds") * 1000)));
      if (root.has("max_retries")) b.maxRetries((int) (double) number(root, "max_retries"));
      if (root.has("repairs")) b.repairs((int) (double) number(root, "repairs"));
      if (root.has("revisions")) b.revisions((int) (double) number(root, "revisions"));
      if (root.has("seeds")) b.seeds((int) (double) number(root, "seeds"));
      if (root.has("price_input_per_1m")) b.inputUsdPer1M(number(root, "price_input_per_1m"));
      if (root.has("price_output_per_1m")) b.outputUsdPer1M(number(root, "price_output_per_1m"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("llm config " + file + ": " + e.getMessage(), e);
    }
    return b;
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (!n.isTextual()) throw new IllegalArgumentException(field + " must be a string, got " + n);
    return n.asText();
  }

  private static Double number(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (!n.isNumber()) throw new IllegalArgumentException(field + " must be a number, got " + n);
    return n.asDouble();
  }

  /** Builds an {@link LlmConfig} from the defaults; the record checks the values. */
  public static final class Builder {
    private String baseUrl;
    private String model;
    private String apiKeyEnv = DEFAULT_API_KEY_ENV;
    private Double temperature = 0.7;
    private Integer maxTokens = 4096;
    private Duration timeout = Duration.ofSeconds(120);
    private int maxRetries = 2;
    private int repairs = 2;
    private int revisions = 3;
    private int seeds = 2;
    private double inputUsdPer1M;
    private double outputUsdPer1M;

    private Builder() {}

    public Builder baseUrl(String value) { baseUrl = value; return this; }
    public Builder model(String value) { model = value; return this; }
    public Builder apiKeyEnv(String value) { apiKeyEnv = value; return this; }
    public Builder temperature(Double value) { temperature = value; return this; }
    public Builder maxTokens(Integer value) { maxTokens = value; return this; }
    public Builder timeout(Duration value) { timeout = value; return this; }
    public Builder maxRetries(int value) { maxRetries = value; return this; }
    public Builder repairs(int value) { repairs = value; return this; }
    public Builder revisions(int value) { revisions = value; return this; }
    public Builder seeds(int value) { seeds = value; return this; }
    public Builder inputUsdPer1M(double value) { inputUsdPer1M = value; return this; }
    public Builder outputUsdPer1M(double value) { outputUsdPer1M = value; return this; }

    public LlmConfig build() {
      return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, maxTokens, timeout, maxRetries, repairs, revisions, seeds,
          inputUsdPer1M, outputUsdPer1M);
    }
  }
}
