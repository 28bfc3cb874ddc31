package io.deskforge.creator.amplify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFileException;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.task.json.TaskJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two verified families of one app made into one longer task: do the first, then the second, in
 * one desktop. The composed family is a family file like any other (so it is checked by the family
 * schema and audited again before anything it yields is trusted):
 *
 * <ul>
 *   <li>each side's parameters, facts and public params are renamed with a prefix ({@code a_},
 *       {@code b_}) so their slots cannot clash; the second side's file names are drawn distinct
 *       from the first's;
 *   <li>the setup is both sides' steps with one launch of the app: two families that launch it
 *       differently (on two different files, say) cannot share a desktop and are refused;
 *   <li>the checker is both checkers ({@code all}); the reference solution is the first's actions
 *       then the second's;
 *   <li>the negatives are the near misses of a two-part task: only the first part done, only the
 *       second, and each side's own negatives with the other side done right.
 * </ul>
 */
public final class Composition {
  static final String FIRST = "a_";
  static final String SECOND = "b_";
  /** How many negatives a composed family keeps, the two "only one part" ones first. */
  static final int MAX_NEGATIVES = 8;

  private static final Pattern SLOT = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
  /** Ways of joining two instructions into one; {@code %s} are the first's and the second's. */
  private static final String[] JOINS = {
      "%s Then, %s", "%s After that, %s", "Do two things, in this order. First: %s Second: %s",
      "%s When that is done, %s", "%s Next, %s", "Two steps. %s Once finished, %s"};

  /** What composing two families gave. */
  public sealed interface Result permits Composed, Refused {
    String first();

    String second();
  }

  /** The composed family and its file's text. */
  public record Composed(String first, String second, DataFamily family, String json) implements Result {}

  /** Why two families cannot be composed. */
  public record Refused(String first, String second, String reason) implements Result {}

  private Composition() {}

  /** The id of the family that does {@code first} then {@code second}: {@code app.kindA.then.kindB}. */
  public static String id(String first, String second) {
    return first + ".then." + kind(second);
  }

  /** The family doing {@code first} then {@code second}, or why not. */
  public static Result compose(DataFamily first, DataFamily second) {
    String a = first.id(), b = second.id();
    if (!first.app().equals(second.app()))
      return new Refused(a, b, "the families are for two apps (" + first.app() + ", " + second.app() + ")");
    if (a.equals(b)) return new Refused(a, b, "a family is not composed with itself");
    JsonNode fa = rename(first.file(), FIRST), fb = rename(second.file(), SECOND);
    drawFilesApart(fa, fb);

    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("family", id(a, b));
    out.put("app", first.app());
    out.put("description", "two tasks in one desktop: " + first.description() + "; then " + second.description());
    ArrayNode parameters = out.putArray("parameters");
    parameters.addAll((ArrayNode) fa.get("parameters"));
    parameters.addAll((ArrayNode) fb.get("parameters"));
    out.set("phrasings", phrasings(fa.get("phrasings"), fb.get("phrasings")));
    ObjectNode params = out.putObject("params");
    params.setAll((ObjectNode) fa.path("params").deepCopy());
    params.setAll((ObjectNode) fb.path("params").deepCopy());
    ArrayNode facts = out.putArray("facts");
    facts.addAll(array(fa, "facts"));
    facts.addAll(array(fb, "facts"));
    String setupProblem = setup(out.putArray("setup"), array(fa, "setup"), array(fb, "setup"));
    if (setupProblem != null) return new Refused(a, b, setupProblem);
    ObjectNode checker = out.putObject("checker");
    checker.put("type", "all");
    checker.putArray("of").add(fa.get("checker")).add(fb.get("checker"));
    ObjectNode solution = out.putObject("solution");
    solution.put("description", fa.path("solution").path("description").asText() + "; then "
        + fb.path("solution").path("description").asText());
    solution.set("actions", concat(actions(fa.get("solution")), actions(fb.get("solution"))));
    out.set("negatives", negatives(fa, fb));

    String json;
    try {
      json = TaskJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Refused(a, b, "cannot write the composed family: " + e.getOriginalMessage());
    }
    try {
      return new Composed(a, b, FamilyFiles.read(json, id(a, b) + FamilyFiles.SUFFIX), json);
    } catch (FamilyFileException e) {
      return new Refused(a, b, "the composed family is not a valid family file: " + e.getMessage());
    }
  }

  /** Every ordered pair of distinct families of {@code app} among {@code families}, composed. */
  public static List<Result> pairs(List<DataFamily> families, String app) {
    List<DataFamily> mine = families.stream().filter(f -> f.app().equals(app)).toList();
    List<Result> out = new ArrayList<>();
    for (DataFamily x : mine)
      for (DataFamily y : mine)
        if (x != y) out.add(compose(x, y));
    return out;
  }

  private static String kind(String familyId) {
    String k = familyId.substring(familyId.indexOf('.') + 1);
    return k.endsWith(".data") ? k.substring(0, k.length() - ".data".length()) : k;
  }

  /**
   * Both sides' steps with one launch: the steps each side has before its launch, the launch, then
   * the steps each side has after it. Null when that is possible, else why not. Launches are
   * compared with their slots renamed, so two launches on files of the two sides differ.
   */
  private static String setup(ArrayNode out, ArrayNode a, ArrayNode b) {
    List<JsonNode> launches = new ArrayList<>();
    for (JsonNode s : concat(a, b)) if (isLaunch(s)) launches.add(s);
    Set<String> distinct = new java.util.LinkedHashSet<>();
    for (JsonNode l : launches) distinct.add(l.toString());
    if (distinct.size() > 1)
      return "the two families launch the app differently (" + String.join(" and ", distinct)
          + "), so their tasks cannot share one desktop";
    List<JsonNode> before = new ArrayList<>(), after = new ArrayList<>();
    for (ArrayNode side : List.of(a, b)) {
      boolean launched = false;
      for (JsonNode s : side) {
        if (isLaunch(s)) launched = true;
        else (launched ? after : before).add(s);
      }
    }
    before.forEach(out::add);
    if (!launches.isEmpty()) out.add(launches.get(0));
    after.forEach(out::add);
    return null;
  }

  private static boolean isLaunch(JsonNode step) {
    return "launch".equals(step.path("type").asText());
  }

  private static ArrayNode phrasings(JsonNode a, JsonNode b) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    int n = Math.min(JOINS.length, Math.max(a.size(), b.size()) + 2);
    for (int i = 0; i < n; i++) {
      String first = a.get(i % a.size()).asText(), second = b.get((i + 1) % b.size()).asText();
      String join = JOINS[i % JOINS.length];
      // "Then, make a folder" reads on; "First: Make a folder" keeps the capital after a colon
      out.add(String.format(join, sentence(first), join.contains(": %s") ? second : lowerFirst(second)));
    }
    return out;
  }

  /** The instruction as a sentence that another can follow. */
  private static String sentence(String s) {
    String t = s.strip();
    return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
  }

  /** "Make a new directory" becomes "make a new directory"; "I", "From {file}" and names like "GIMP" are kept. */
  private static String lowerFirst(String s) {
    if (s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || !Character.isLowerCase(s.charAt(1))) return s;
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static ArrayNode negatives(JsonNode a, JsonNode b) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    ArrayNode solA = actions(a.get("solution")), solB = actions(b.get("solution"));
    out.add(negative("only-first", "does the first task and not the second", solA));
    out.add(negative("only-second", "skips the first task and does the second", solB));
    Iterator<JsonNode> na = array(a, "negatives").iterator(), nb = array(b, "negatives").iterator();
    // alternate the two sides so both are represented when the cap cuts
    while (out.size() < MAX_NEGATIVES && (na.hasNext() || nb.hasNext())) {
      if (na.hasNext()) {
        JsonNode n = na.next();
        out.add(negative("first-" + n.get("name").asText(), "first task: " + n.path("description").asText()
            + "; second task done right", concat(actions(n), solB)));
      }
      if (out.size() < MAX_NEGATIVES && nb.hasNext()) {
        JsonNode n = nb.next();
        out.add(negative("second-" + n.get("name").asText(), "first task done right; second task: "
            + n.path("description").asText(), concat(solA, actions(n))));
      }
    }
    return out;
  }

  private static ObjectNode negative(String name, String description, ArrayNode actions) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("name", name);
    n.put("description", description);
    n.set("actions", actions);
    return n;
  }

  /**
   * The second side's file names drawn apart from the first's: each {@code file_stem} parameter of
   * the second gets the first's {@code file_stem} parameters in its {@code distinct_from}, so the
   * two halves of a task do not write the same file by chance.
   */
  private static void drawFilesApart(JsonNode a, JsonNode b) {
    List<String> stemsA = new ArrayList<>();
    for (JsonNode p : a.get("parameters")) if ("file_stem".equals(p.path("gen").asText())) stemsA.add(p.get("name").asText());
    if (stemsA.isEmpty()) return;
    for (JsonNode p : b.get("parameters")) {
      if (!"file_stem".equals(p.path("gen").asText())) continue;
      ArrayNode apart = p.has("distinct_from") ? (ArrayNode) p.get("distinct_from") : ((ObjectNode) p).putArray("distinct_from");
      stemsA.forEach(apart::add);
    }
  }

  /**
   * The family's tree with every parameter, fact and public param renamed with {@code prefix}:
   * {@code {x}} in any string, parameter and fact names, {@code distinct_from} and a derived
   * fact's {@code from}.
   */
  static JsonNode rename(JsonNode family, String prefix) {
    ObjectNode f = (ObjectNode) mapStrings(family, s -> SLOT.matcher(s).replaceAll(m -> Matcher.quoteReplacement("{" + prefix + m.group(1) + "}")));
    for (JsonNode p : array(f, "parameters")) {
      ((ObjectNode) p).put("name", prefix + p.get("name").asText());
      prefixAll(p.get("distinct_from"), prefix);
    }
    for (JsonNode fact : array(f, "facts")) {
      ((ObjectNode) fact).put("name", prefix + fact.get("name").asText());
      prefixAll(fact.path("grounding").get("from"), prefix);
    }
    JsonNode params = f.get("params");
    if (params != null) {
      ObjectNode renamed = JsonNodeFactory.instance.objectNode();
      params.fields().forEachRemaining(e -> renamed.set(prefix + e.getKey(), e.getValue()));
      f.set("params", renamed);
    }
    return f;
  }

  private static void prefixAll(JsonNode names, String prefix) {
    if (names instanceof ArrayNode arr)
      for (int i = 0; i < arr.size(); i++) arr.set(i, TextNode.valueOf(prefix + arr.get(i).asText()));
  }

  private static JsonNode mapStrings(JsonNode node, java.util.function.UnaryOperator<String> f) {
    if (node.isTextual()) return TextNode.valueOf(f.apply(node.asText()));
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(mapStrings(n, f)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) out.set(e.getKey(), mapStrings(e.getValue(), f));
      return out;
    }
    return node.deepCopy();
  }

  private static ArrayNode array(JsonNode n, String field) {
    JsonNode a = n.get(field);
    return a instanceof ArrayNode arr ? arr : JsonNodeFactory.instance.arrayNode();
  }

  private static ArrayNode actions(JsonNode trajectory) {
    return array(trajectory, "actions").deepCopy();
  }

  private static ArrayNode concat(ArrayNode a, ArrayNode b) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    a.forEach(n -> out.add(n.deepCopy()));
    b.forEach(n -> out.add(n.deepCopy()));
    return out;
  }
}
