package io.deskforge.apps.family;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.deskforge.apps.TaskFamily;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Difficulty;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task family written as data (a family file, see {@code family.schema.json}): its parameters are
 * drawn from the seed by {@link Generators}, and its instruction, setup, checker, facts, solution
 * and negatives are the file's templates with every {@code {slot}} filled. Built by
 * {@link FamilyFiles}, which checks the file first; {@link #sample} then gives a task exactly as a
 * Java family does (the no-op negative first, difficulty from the solution, the content id), with
 * the provenance {@code data} and the file's hash.
 */
public final class DataFamily implements TaskFamily {
  /** The provenance creator of every data family's task. */
  public static final String CREATOR = "data";

  static final Pattern SLOT = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
  static final Pattern WHOLE_SLOT = Pattern.compile("^\\{([a-z][a-z0-9_]*)}$");

  private final String source;
  private final String hash;
  /** The file as checked by {@link FamilyFiles}: id, app and description are read from it. */
  private final JsonNode root;

  DataFamily(String source, String hash, JsonNode root) {
    this.source = source;
    this.hash = hash;
    this.root = root;
  }

  @Override
  public String id() {
    return root.get("family").asText();
  }

  @Override
  public String app() {
    return root.get("app").asText();
  }

  @Override
  public String description() {
    return root.get("description").asText();
  }

  /** The file (or resource) the family was read from. */
  public String source() {
    return source;
  }

  /** A copy of the family file's tree as checked, for tools that derive new families from it (composition, amplification). */
  public JsonNode file() {
    return root.deepCopy();
  }

  /** The first 12 hex digits of the SHA-256 of the file: the family's version in a task's provenance. */
  public String hash() {
    return hash;
  }

  /** The task of this seed; a template that cannot be filled fails naming the file, the field and the seed. */
  @Override
  public TaskSpec sample(long seed) {
    try {
      return draw(seed);
    } catch (DrawException e) {
      throw new FamilyFileException(List.of(new FamilyFileException.Problem(source, e.pointer, "seed " + seed + ": " + e.getMessage())));
    }
  }

  /** Whether the file has a reference solution; without one the family waits for the solver phase. */
  public boolean hasSolution() {
    return root.has("solution");
  }

  /**
   * The parameters drawn for {@code seed}, by name, as {@link #sample} draws them: strings, and
   * tables as lists of rows. What {@link SolutionLift} needs to turn one task's actions back into
   * the family's templates.
   */
  public Map<String, Object> slots(long seed) {
    try {
      Map<String, Object> slots = new LinkedHashMap<>();
      drawParameters(new TaskDraw(id(), seed), slots);
      return java.util.Collections.unmodifiableMap(slots);
    } catch (DrawException e) {
      throw new FamilyFileException(List.of(new FamilyFileException.Problem(source, e.pointer, "seed " + seed + ": " + e.getMessage())));
    }
  }

  private void drawParameters(TaskDraw d, Map<String, Object> slots) {
    Generators generators = new Generators(d, slots);
    JsonNode parameters = root.path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      slots.put(p.get("name").asText(), generators.draw(p, "/parameters/" + i));
    }
  }

  private TaskSpec draw(long seed) {
    String id = id();
    TaskDraw d = new TaskDraw(id, seed);
    Map<String, Object> slots = new LinkedHashMap<>();
    drawParameters(d, slots);
    List<String> phrasings = new ArrayList<>();
    root.get("phrasings").forEach(n -> phrasings.add(n.asText()));
    FamilyTasks task = new FamilyTasks(id, app(), seed)
        .provenance(new Provenance(CREATOR, null, null, null, Map.of("family", hash)))
        .instruction(fill(d.pick(phrasings), slots, "/phrasings"));
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      task.param(e.getKey(), fill(e.getValue().asText(), slots, "/params/" + e.getKey()));
    }
    for (JsonNode f : filled("facts", slots)) task.fact(bind(f, Fact.class, "/facts"));
    for (JsonNode s : filled("setup", slots)) task.setup(bind(s, SetupStep.class, "/setup"));
    task.checker(bind(filled("checker", slots), Checker.class, "/checker"));
    if (hasSolution()) {
      JsonNode solution = filled("solution", slots);
      task.solution(solution.path("description").asText(), actions(solution, "/solution"));
    }
    JsonNode negatives = filled("negatives", slots);
    for (int i = 0; i < negatives.size(); i++) {
      JsonNode n = negatives.get(i);
      task.negative(n.get("name").asText(), n.path("description").asText(), actions(n, "/negatives/" + i));
    }
    TaskSpec spec = task.buildWithoutSolution();
    JsonNode levels = root.get("difficulty");
    if (levels != null && spec.difficulty() != null) {
      Difficulty got = spec.difficulty();
      boolean allowed = false;
      for (JsonNode l : levels) allowed |= l.asText().equals(got.level());
      if (!allowed) {
        throw new DrawException("/difficulty", "the reference solution has " + got.steps() + " actions (" + got.level()
            + "), not a level the family declares " + levels);
      }
    }
    return spec;
  }

  private List<Action> actions(JsonNode trajectory, String pointer) {
    List<Action> out = new ArrayList<>();
    JsonNode actions = trajectory.path("actions");
    for (int i = 0; i < actions.size(); i++) out.add(bind(actions.get(i), Action.class, pointer + "/actions/" + i));
    return out;
  }

  private JsonNode filled(String field, Map<String, Object> slots) {
    JsonNode node = root.get(field);
    return node == null ? JsonNodeFactory.instance.arrayNode() : substitute(node, slots, "/" + field);
  }

  private static <T> T bind(JsonNode node, Class<T> type, String pointer) {
    try {
      return TaskJson.mapper().treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new DrawException(pointer, "the filled template is not a valid " + type.getSimpleName() + ": " + why);
    }
  }

  /** A copy of the tree with every string's slots filled; a string that is one slot takes the slot's value (a table stays a table). */
  static JsonNode substitute(JsonNode node, Map<String, Object> slots, String pointer) {
    if (node.isTextual()) {
      Matcher whole = WHOLE_SLOT.matcher(node.asText());
      if (whole.matches()) return toNode(value(slots, whole.group(1), pointer));
      return TextNode.valueOf(fill(node.asText(), slots, pointer));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) out.add(substitute(node.get(i), slots, pointer + "/" + i));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), substitute(e.getValue(), slots, pointer + "/" + escape(e.getKey()))));
      return out;
    }
    return node;
  }

  /** The text with each {slot} replaced by its value; a table inside a longer text is an error. */
  static String fill(String template, Map<String, Object> slots, String pointer) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = value(slots, m.group(1), pointer);
      if (!(v instanceof String s)) {
        throw new DrawException(pointer, "{" + m.group(1) + "} is a table; a table fills only a field that is exactly {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(s));
    }
    m.appendTail(out);
    return out.toString();
  }

  static Object value(Map<String, Object> slots, String name, String pointer) {
    Object v = slots.get(name);
    if (v == null) throw new DrawException(pointer, "{" + name + "} is not a parameter drawn before this point");
    return v;
  }

  private static JsonNode toNode(Object value) {
    if (value instanceof String s) return TextNode.valueOf(s);
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    for (Object row : (List<?>) value) {
      ArrayNode r = rows.addArray();
      for (Object cell : (List<?>) row) r.add(String.valueOf(cell));
    }
    return rows;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The slots a string names. */
  static Set<String> slotsIn(String text) {
    Set<String> out = new java.util.LinkedHashSet<>();
    Matcher m = SLOT.matcher(text);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** A draw went wrong at a place of the family file (a JSON pointer). */
  static final class DrawException extends IllegalArgumentException {
    final String pointer;

    DrawException(String pointer, String message) {
      super(message);
      this.pointer = pointer;
    }
  }
}
