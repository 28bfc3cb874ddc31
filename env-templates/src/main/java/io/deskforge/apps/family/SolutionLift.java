package io.deskforge.apps.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns the actions that solved one task of a family (found by an agent in the solver phase) back
 * into the family's reference solution: every drawn value the actions hold (the text typed, the
 * file named, the title waited for) is replaced by the {@code {slot}} it was drawn as, so the
 * solution fits every seed, not only the one solved. Longer values are lifted first, so a value
 * holding another keeps its own slot; values shorter than {@link #MIN_LENGTH} characters (a "3", an
 * "a") are left as they are, since they would match by chance. A value the lift misses shows as a
 * solution that fails on other seeds, which the auditors catch: nothing here is trusted.
 */
public final class SolutionLift {
  /** The shortest drawn value replaced by its slot. */
  public static final int MIN_LENGTH = 3;

  private SolutionLift() {}

  /**
   * The family file's text with {@code actions}, found for {@code seed}, as its reference solution.
   *
   * @throws FamilyFileException when the result is not a valid family file (naming why)
   */
  public static String withSolution(DataFamily family, long seed, List<Action> actions, String description) {
    Map<String, Object> slots = family.slots(seed);
    List<Map.Entry<String, String>> values = new ArrayList<>();
    for (Map.Entry<String, Object> e : slots.entrySet()) {
      if (e.getValue() instanceof String s) values.add(Map.entry(e.getKey(), s));
    }
    // longest first; among equal values, the parameter declared first (a template of another keeps its own name)
    values.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()));
    ArrayNode lifted = JsonNodeFactory.instance.arrayNode();
    for (JsonNode a : TaskJson.actionsTree(actions)) lifted.add(lift(a, values));
    ObjectNode root = (ObjectNode) family.file();
    ObjectNode solution = JsonNodeFactory.instance.objectNode();
    solution.put("description", description);
    solution.set("actions", lifted);
    root.set("solution", solution);
    String json;
    try {
      json = TaskJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the family " + family.id() + ": " + e.getOriginalMessage(), e);
    }
    FamilyFiles.read(json, family.source()); // throws, naming the problem, when the lifted solution is not usable
    return json;
  }

  private static JsonNode lift(JsonNode node, List<Map.Entry<String, String>> values) {
    if (node.isTextual()) return TextNode.valueOf(liftText(node.asText(), values));
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(lift(n, values)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      // the action's kind is vocabulary, not a value
      node.fields().forEachRemaining(e -> out.set(e.getKey(), e.getKey().equals("action") ? e.getValue() : lift(e.getValue(), values)));
      return out;
    }
    return node;
  }

  /** The text with each drawn value replaced by its slot, longest values first, never inside a slot already placed. */
  static String liftText(String text, List<Map.Entry<String, String>> values) {
    // pieces: literal text (to lift further) and placed slots (left alone)
    List<String[]> pieces = new ArrayList<>();
    pieces.add(new String[] {text, null});
    for (Map.Entry<String, String> v : values) {
      if (v.getValue().strip().length() < MIN_LENGTH) continue;
      List<String[]> next = new ArrayList<>();
      for (String[] p : pieces) {
        if (p[1] != null) {
          next.add(p);
          continue;
        }
        String s = p[0];
        int from = 0, at;
        while ((at = s.indexOf(v.getValue(), from)) >= 0) {
          if (at > from) next.add(new String[] {s.substring(from, at), null});
          next.add(new String[] {"{" + v.getKey() + "}", v.getKey()});
          from = at + v.getValue().length();
        }
        if (from < s.length()) next.add(new String[] {s.substring(from), null});
      }
      pieces = next;
    }
    StringBuilder out = new StringBuilder();
    for (String[] p : pieces) out.append(p[0]);
    return out.toString();
  }
}
