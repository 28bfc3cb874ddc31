package io.deskforge.creator.llm;

import java.util.Optional;

/** The family JSON in a model's reply: the text from its first '{' to its last '}', code fences and prose around it left out. */
final class ReplyFamily {
  private ReplyFamily() {}

  /**
   * The JSON object the reply holds, or empty when it holds no '{'. A reply cut short (no closing
   * '}') gives what there is, for the family check to report as malformed JSON with its position.
   */
  static Optional<String> json(String reply) {
    if (reply == null) return Optional.empty();
    int start = reply.indexOf('{');
    if (start < 0) return Optional.empty();
    int end = reply.lastIndexOf('}');
    return Optional.of(end > start ? reply.substring(start, end + 1) : reply.substring(start));
  }
}
