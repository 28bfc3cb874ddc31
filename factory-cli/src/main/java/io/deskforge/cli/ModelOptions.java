package io.deskforge.cli;

import io.deskforge.creator.llm.LlmConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The model a command asks (create, amplify variants): an OpenAI-compatible endpoint, from flags or a config file; flags win. */
public final class ModelOptions {

  @Option(names = "--config", paramLabel = "FILE",
      description = {"A JSON file with any of: base_url, model, api_key_env, temperature, max_tokens, timeout_seconds,",
          "max_retries, repairs, revisions, seeds, price_input_per_1m, price_output_per_1m."})
  Path config;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The endpoint's base URL with its version path, e.g. http://localhost:8000/v1. Required here or in --config.")
  String endpoint;

  @Option(names = "--model", paramLabel = "M", description = "The model name the endpoint serves. Required here or in --config.")
  String model;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "The environment variable holding the API key. Default: OPENAI_API_KEY; unset, a placeholder is sent.")
  String apiKeyEnv;

  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 to 2. Default: 0.7.")
  Double temperature;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens of one reply. Default: 4096.")
  Integer maxTokens;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long one request may take. Default: 120.")
  Double timeoutSeconds;

  @Option(names = "--max-retries", paramLabel = "N",
      description = "Retries, with back-off, of a request failing with 408, 409, 429, 5xx or a timeout. Default: 2.")
  Integer maxRetries;

  @Option(names = "--repairs", paramLabel = "N", description = "Unusable replies sent back with their problems, in a row. Default: 2.")
  Integer repairs;

  @Option(names = "--revisions", paramLabel = "N", description = "Rejected families sent back with the auditors' reasons. Default: 3.")
  Integer revisions;

  @Option(names = "--seeds", paramLabel = "N", description = "Tasks of a family audited before it counts as verified. Default: 2.")
  Integer seeds;

  @Option(names = "--price-input", paramLabel = "USD", description = "Price of a million prompt tokens, for the cost kept. Default: 0.")
  Double priceInput;

  @Option(names = "--price-output", paramLabel = "USD", description = "Price of a million completion tokens. Default: 0.")
  Double priceOutput;

  /** The settings from --config, then the flags over them. */
  public LlmConfig config() {
    LlmConfig.Builder b = config == null ? LlmConfig.builder(null, null) : LlmConfig.read(config);
    if (endpoint != null) b.baseUrl(endpoint);
    if (model != null) b.model(model);
    if (apiKeyEnv != null) b.apiKeyEnv(apiKeyEnv);
    if (temperature != null) b.temperature(temperature);
    if (maxTokens != null) b.maxTokens(maxTokens);
    if (timeoutSeconds != null) b.timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
    if (maxRetries != null) b.maxRetries(maxRetries);
    if (repairs != null) b.repairs(repairs);
    if (revisions != null) b.revisions(revisions);
    if (seeds != null) b.seeds(seeds);
    if (priceInput != null) b.inputUsdPer1M(priceInput);
    if (priceOutput != null) b.outputUsdPer1M(priceOutput);
    return b.build();
  }

}
