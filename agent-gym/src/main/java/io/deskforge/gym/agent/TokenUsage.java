package io.deskforge.gym.agent;

/**
 * What a model-driven agent has spent so far, for cost reports: the requests it made and the tokens
 * the endpoint reported for them (zero for a request whose reply carried no usage).
 */
public record TokenUsage(long calls, long promptTokens, long completionTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

  /** This usage and one more request that used the given tokens. */
  public TokenUsage plusCall(long prompt, long completion) {
    return new TokenUsage(calls + 1, promptTokens + prompt, completionTokens + completion);
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
