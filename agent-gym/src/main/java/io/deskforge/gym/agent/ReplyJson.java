package io.deskforge.gym.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON object in a model's reply. Models asked for "one JSON object and nothing else" also wrap
 * it in a code fence, write prose around it, or think aloud in {@code <think>} tags first; this
 * takes, in order: the whole reply, the first fenced block holding an object, the first balanced
 * {@code {...}} that parses. Whether the object is a valid step is the gym's to say, not this.
 */
public final class ReplyJson {
  private ReplyJson() {}

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
  private static final Pattern FENCE = Pattern.compile("(?s)```[A-Za-z]*\\s*(.*?)```");

  /** The object the reply holds, or empty when it holds none. */
  public static Optional<ObjectNode> object(String reply) {
    if (reply == null) return Optional.empty();
    String text = THINK.matcher(reply).replaceAll("").strip();
    Optional<ObjectNode> whole = parse(text);
    if (whole.isPresent()) return whole;
    Matcher fence = FENCE.matcher(text);
    while (fence.find()) {
      Optional<ObjectNode> fenced = parse(fence.group(1).strip());
      if (fenced.isPresent()) return fenced;
    }
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      int close = matchingBrace(text, open);
      if (close < 0) continue;
      Optional<ObjectNode> inProse = parse(text.substring(open, close + 1));
      if (inProse.isPresent()) return inProse;
    }
    return Optional.empty();
  }

  /** The first {@code max} characters of a reply, on one line, for a give-up reason. */
  public static String excerpt(String reply, int max) {
    String line = reply.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }

  private static Optional<ObjectNode> parse(String candidate) {
    if (!candidate.startsWith("{")) return Optional.empty();
    try {
      JsonNode node = STRICT.readTree(candidate);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The index of the brace closing the one at {@code open}, skipping braces inside strings; -1 if none. */
  private static int matchingBrace(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
