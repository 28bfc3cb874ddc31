package io.deskforge.gym.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a step body in any of the three action schemas the gym accepts and maps it to deskforge's
 * actions: deskforge's own, the OpenAI {@code computer} tool's and the Anthropic computer tool's.
 *
 * <h2>Forms of a body</h2>
 *
 * <ul>
 *   <li>an action object, bare: {@code {"action":"click","x":1,"y":2}},
 *       {@code {"type":"click","x":1,"y":2,"button":"left"}}, {@code {"action":"left_click","coordinate":[1,2]}};
 *   <li>one action wrapped: {@code {"action": {...}}};
 *   <li>a batch: {@code {"actions": [{...}, ...]}}, performed in order (1 to {@value #MAX_COMMANDS} commands);
 *   <li>an OpenAI {@code computer_call} output item, {@code {"type":"computer_call","call_id":"...","action":{...}}}
 *       or with {@code "actions":[...]}; its other fields (id, status, pending_safety_checks) are ignored;
 *   <li>an Anthropic {@code tool_use} block, {@code {"type":"tool_use","id":"...","name":"computer","input":{...}}},
 *       or one naming the action as the tool ({@code "name":"left_click","input":{"coordinate":[1,2]}}),
 *       with or without {@code "type":"tool_use"}; its other fields are ignored;
 *   <li>the bare JSON string {@code "DONE"} or {@code "FAIL"} (OSWorld's special actions).
 * </ul>
 *
 * <h2>Detecting the schema</h2>
 *
 * A top-level {@code "schema": "deskforge" | "openai" | "anthropic"} forces one (it is not part of
 * the action). Otherwise, in this order:
 *
 * <ol>
 *   <li>a {@code computer_call} item is OpenAI's; a {@code tool_use} block, or an object with a string
 *       {@code name} and an object {@code input}, is Anthropic's; a bare string is deskforge's;
 *   <li>an action object whose {@code action} is not a string but whose {@code type} is, is OpenAI's;
 *   <li>an action name only one of deskforge and Anthropic has decides: {@code click}, {@code move},
 *       {@code drag}, {@code mouse_down}, {@code mouse_up}, {@code wait_window}, {@code done} and
 *       {@code fail} are deskforge's; {@code left_click}, {@code mouse_move}, {@code left_click_drag},
 *       {@code left_mouse_down}, {@code left_mouse_up}, {@code cursor_position} and {@code zoom} are
 *       Anthropic's;
 *   <li>a name both have (type, key, hold_key, scroll, wait, screenshot, double_click, right_click,
 *       middle_click, triple_click) is decided by its fields: one that deskforge's version of the
 *       action takes and the Anthropic tool never does ({@code x}, {@code y}, {@code keys}, {@code ms},
 *       {@code dx}, ...) makes it deskforge's; one of the Anthropic tool's that deskforge's version
 *       lacks ({@code coordinate}, {@code scroll_direction}, {@code scroll_amount}, {@code duration},
 *       {@code text} on key or hold_key, ...) makes it Anthropic's; both at once is refused;
 *   <li>with no such field, a double, right, middle or triple click is Anthropic's (only there may a
 *       click leave out where: it clicks at the pointer), and anything else is deskforge's:
 *       {@code {"action":"type","text":"x"}} and {@code {"action":"screenshot"}} mean the same in both.
 * </ol>
 *
 * All actions of a body are in one schema: a batch whose actions point to two is refused.
 *
 * <h2>Validation</h2>
 *
 * Every refusal is an {@link ActionException} naming the field by its JSON pointer in the body:
 * coordinates must be integers on the screen ({@code 0 <= x < width}, {@code 0 <= y < height});
 * required fields, types, unknown fields and unknown action names (listed with the schema's known
 * ones) are named; an empty batch, more than {@value #MAX_COMMANDS} commands, a text over
 * {@value #MAX_TEXT_CHARS} characters, a wait over {@value #MAX_WAIT_MS} ms, a scroll over
 * {@value #MAX_WHEEL_CLICKS} wheel clicks, a done or fail before the last action, and what deskforge
 * cannot do (the back and forward buttons, clicks with modifier keys held) are refused. {@link
 * #mappingTable()} lists every mapping.
 */
public final class ActionSchemas {
  private ActionSchemas() {}

  public static final String DESKFORGE = "deskforge";
  public static final String OPENAI = "openai";
  public static final String ANTHROPIC = "anthropic";

  /** Commands one body may ask for, after a multi-point drag is expanded. */
  public static final int MAX_COMMANDS = 64;

  /** Characters of one text field (text typed, keys, a window title). */
  public static final int MAX_TEXT_CHARS = 10_000;

  /** The longest wait, held key or window timeout. */
  public static final long MAX_WAIT_MS = 60_000;

  /** Wheel clicks of one scroll, either way on either axis. */
  public static final int MAX_WHEEL_CLICKS = 100;

  /** The env's screen and where its pointer is now, for actions that leave out where they act. */
  public record Screen(int width, int height, int pointerX, int pointerY) {
    public Screen {
      if (width <= 0 || height <= 0) throw new IllegalArgumentException("screen must have a size, got " + width + "x" + height);
    }
  }

  /**
   * One row of the mapping table.
   *
   * @param schema deskforge, openai or anthropic
   * @param action the action's name in its schema
   * @param fields its fields as the row reads them ({@code ?}: may be left out)
   * @param deskforge the command names it becomes, comma-separated in order ({@link #REFUSED} if it is refused):
   *     deskforge action names, {@code screenshot} and {@code cursor_position} (observations),
   *     {@code zoom}, {@code done} and {@code fail}
   * @param notes how it is mapped
   * @param example a body in the row's schema, with single quotes for double ones
   */
  public record Mapping(String schema, String action, String fields, String deskforge, String notes, String example) {
    public static final String REFUSED = "refused";

    /** The example as the JSON a client sends. */
    public String exampleJson() {
      return example.replace('\'', '"');
    }
  }

  /** Maps one action object of a schema to commands; throws ActionException for what it cannot map. */
  @FunctionalInterface
  interface Mapper {
    List<GymCommand> map(ActionFields in);
  }

  /** A schema: its name, the property naming an action, its mappers by action name and its rows of the table. */
  enum Schema {
    DESKFORGE_SCHEMA(DESKFORGE, "action", DeskforgeSchema.MAPPERS, DeskforgeSchema.ROWS),
    OPENAI_SCHEMA(OPENAI, "type", OpenAiSchema.MAPPERS, OpenAiSchema.ROWS),
    ANTHROPIC_SCHEMA(ANTHROPIC, "action", AnthropicSchema.MAPPERS, AnthropicSchema.ROWS);

    final String wire;
    final String discriminator;
    final Map<String, Mapper> mappers;
    final List<Mapping> rows;

    Schema(String wire, String discriminator, Map<String, Mapper> mappers, List<Mapping> rows) {
      this.wire = wire;
      this.discriminator = discriminator;
      this.mappers = mappers;
      this.rows = rows;
    }

    static Schema of(String wire) {
      for (Schema s : values()) if (s.wire.equals(wire)) return s;
      return null;
    }

    String title() {
      return switch (this) {
        case DESKFORGE_SCHEMA -> "deskforge's schema";
        case OPENAI_SCHEMA -> "the OpenAI computer tool";
        case ANTHROPIC_SCHEMA -> "the Anthropic computer tool";
      };
    }
  }

  /** The action names a schema maps, for the test that holds them to the table. */
  static Set<String> actionNames(String schema) {
    return Schema.of(schema).mappers.keySet();
  }

  /** Every row of the mapping table, deskforge's first, then OpenAI's, then Anthropic's. */
  public static List<Mapping> mappings() {
    return Stream.of(Schema.values()).flatMap(s -> s.rows.stream()).toList();
  }

  /** The mapping table in Markdown: schema, their action, deskforge action, notes. */
  public static String mappingTable() {
    StringBuilder md = new StringBuilder("| schema | their action | deskforge action | notes |\n|---|---|---|---|\n");
    for (Mapping m : mappings()) {
      String theirs = "`" + m.action() + (m.fields().isEmpty() ? "" : " {" + m.fields() + "}") + "`";
      String ours = m.deskforge().equals(Mapping.REFUSED)
          ? "refused"
          : Stream.of(m.deskforge().split(", ")).map(n -> "`" + n + "`").collect(Collectors.joining(", "));
      md.append("| ").append(m.schema()).append(" | ").append(cell(theirs)).append(" | ").append(ours).append(" | ")
          .append(cell(m.notes())).append(" |\n");
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** An action object of the body and where it stands in it. */
  private record Item(JsonNode node, String pointer) {}

  /**
   * Reads a step body: detects its schema (see the class comment), validates it and maps it to
   * deskforge's commands.
   *
   * @throws ActionException naming the offending field for anything that cannot be performed
   */
  public static ParsedStep parse(JsonNode body, Screen screen) {
    if (screen == null) throw new IllegalArgumentException("no screen to check coordinates against");
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw new ActionException("", "the step body is empty; send an action object");
    }
    if (body.isTextual()) return new ParsedStep(DESKFORGE, List.of(special(body, "")));
    if (!body.isObject()) throw new ActionException("", "a step body is a JSON object, or the string \"DONE\" or \"FAIL\"; got " + body);

    ObjectNode obj = ((ObjectNode) body).deepCopy();
    JsonNode schemaField = obj.remove("schema");
    Schema forced = null;
    if (schemaField != null) {
      forced = schemaField.isTextual() ? Schema.of(schemaField.textValue()) : null;
      if (forced == null) throw new ActionException("/schema", "must be deskforge, openai or anthropic, got " + schemaField);
    }

    String type = obj.path("type").isTextual() ? obj.get("type").textValue() : null;
    if ("computer_call".equals(type)) {
      require(forced, Schema.OPENAI_SCHEMA, "a computer_call item");
      List<Item> items = items(obj, false);
      return step(Schema.OPENAI_SCHEMA, items, screen, batchPointer(obj));
    }
    if ("tool_use".equals(type) || (type == null && obj.path("name").isTextual() && obj.has("input") && !obj.has("action"))) {
      require(forced, Schema.ANTHROPIC_SCHEMA, "a tool_use block");
      List<GymCommand> commands = toolUse(obj, screen);
      return new ParsedStep(ANTHROPIC, checked(commands, Collections.nCopies(commands.size(), ""), ""));
    }

    List<Item> items = items(obj, true);
    Schema schema = forced != null ? forced : detect(items);
    return step(schema, items, screen, batchPointer(obj));
  }

  private static void require(Schema forced, Schema needed, String what) {
    if (forced != null && forced != needed) {
      throw new ActionException("/schema", what + " is in " + needed.title() + "'s schema, not " + forced.wire + "'s");
    }
  }

  private static String batchPointer(ObjectNode obj) {
    return obj.has("actions") ? "/actions" : "";
  }

  /**
   * The action objects of a body: {@code actions[]}, the object under {@code action}, or (when
   * {@code bare}) the body itself. Fields beside a wrapper are refused unless the body is an envelope.
   */
  private static List<Item> items(ObjectNode obj, boolean bare) {
    JsonNode batch = obj.get("actions");
    JsonNode single = obj.get("action");
    if (batch != null && single != null) throw new ActionException("/actions", "give either action or actions, not both");
    if (batch != null) {
      if (bare) onlyWrapper(obj, "actions");
      if (!batch.isArray()) throw new ActionException("/actions", "must be an array of actions, got " + batch);
      if (batch.isEmpty()) throw new ActionException("/actions", "is empty; send at least one action");
      if (batch.size() > MAX_COMMANDS) {
        throw new ActionException("/actions", batch.size() + " actions; a body holds at most " + MAX_COMMANDS);
      }
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) items.add(new Item(batch.get(i), "/actions/" + i));
      return items;
    }
    if (single != null && single.isObject()) {
      if (bare) onlyWrapper(obj, "action");
      return List.of(new Item(single, "/action"));
    }
    if (bare) return List.of(new Item(obj, ""));
    if (single == null) throw new ActionException("/action", "missing: the computer_call has no action or actions");
    throw new ActionException("/action", "must be an action object, got " + single);
  }

  private static void onlyWrapper(ObjectNode obj, String wrapper) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals(wrapper)) {
        throw new ActionException("/" + f, "unknown field beside " + wrapper + "; a body holds action or actions (and schema)");
      }
    }
  }

  /** The one schema of a body's actions; deskforge when nothing tells. */
  private static Schema detect(List<Item> items) {
    Schema found = null;
    String foundAt = null;
    for (Item item : items) {
      Schema s = classify(item);
      if (s == null) continue;
      if (found == null) {
        found = s;
        foundAt = item.pointer();
      } else if (s != found) {
        throw new ActionException(item.pointer(), "is an action of " + s.title() + " but " + where(foundAt) + " is one of "
            + found.title() + "; a body's actions are in one schema");
      }
    }
    return found == null ? Schema.DESKFORGE_SCHEMA : found;
  }

  private static String where(String pointer) {
    return pointer.isEmpty() ? "the body" : pointer;
  }

  /** The schema one action object is in, or null if nothing in it tells (it may read the same in deskforge's and Anthropic's). */
  private static Schema classify(Item item) {
    JsonNode node = item.node();
    if (node.isTextual()) return Schema.DESKFORGE_SCHEMA;
    if (!node.isObject()) return null;
    JsonNode action = node.get("action");
    if (action == null || !action.isTextual()) return node.path("type").isTextual() ? Schema.OPENAI_SCHEMA : null;
    String name = action.textValue();
    boolean deskforge = DeskforgeSchema.MAPPERS.containsKey(name);
    boolean anthropic = AnthropicSchema.MAPPERS.containsKey(name);
    if (deskforge != anthropic) return deskforge ? Schema.DESKFORGE_SCHEMA : Schema.ANTHROPIC_SCHEMA;
    if (!deskforge) return null;
    Set<String> ours = DeskforgeSchema.fields(name);
    String ourField = null;
    String theirField = null;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      boolean theirs = AnthropicSchema.FIELDS.contains(f);
      if (ourField == null && !theirs && DeskforgeSchema.allFields().contains(f)) ourField = f;
      if (theirField == null && theirs && !ours.contains(f)) theirField = f;
    }
    if (ourField != null && theirField != null) {
      throw new ActionException(item.pointer(), name + " has a field of deskforge's schema (" + ourField
          + ") and one of the Anthropic computer tool's (" + theirField + "); use one schema's fields");
    }
    if (ourField != null) return Schema.DESKFORGE_SCHEMA;
    if (theirField != null) return Schema.ANTHROPIC_SCHEMA;
    return AnthropicSchema.AT_POINTER.contains(name) ? Schema.ANTHROPIC_SCHEMA : null;
  }

  private static ParsedStep step(Schema schema, List<Item> items, Screen screen, String batch) {
    List<GymCommand> commands = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    for (Item item : items) {
      for (GymCommand c : action(schema, item, screen)) {
        commands.add(c);
        pointers.add(item.pointer());
      }
    }
    return new ParsedStep(schema.wire, checked(commands, pointers, batch));
  }

  /** Refuses too many commands, and a done or fail with commands after it. */
  private static List<GymCommand> checked(List<GymCommand> commands, List<String> pointers, String batch) {
    if (commands.size() > MAX_COMMANDS) {
      throw new ActionException(batch, commands.size() + " commands; a body holds at most " + MAX_COMMANDS);
    }
    for (int i = 0; i < commands.size() - 1; i++) {
      if (commands.get(i) instanceof GymCommand.Terminate) {
        throw new ActionException(pointers.get(i), "ends the episode, so it must be the body's last action");
      }
    }
    return commands;
  }

  /** One action object read in a schema. */
  private static List<GymCommand> action(Schema schema, Item item, Screen screen) {
    JsonNode node = item.node();
    if (node.isTextual() && schema == Schema.DESKFORGE_SCHEMA) return List.of(special(node, item.pointer()));
    if (!node.isObject()) throw new ActionException(item.pointer(), "an action is a JSON object, got " + node);
    String field = item.pointer() + "/" + schema.discriminator;
    JsonNode name = node.get(schema.discriminator);
    if (name == null || name.isNull()) {
      throw new ActionException(field, "missing: the action's name in " + schema.title() + ", one of " + known(schema));
    }
    if (!name.isTextual()) throw new ActionException(field, "must be an action name, got " + name);
    return map(schema, (ObjectNode) node, item.pointer(), name.textValue(), field, screen);
  }

  private static List<GymCommand> map(Schema schema, ObjectNode node, String pointer, String name, String nameField, Screen screen) {
    Mapper mapper = schema.mappers.get(name);
    if (mapper == null) {
      throw new ActionException(nameField, "unknown action '" + name + "' in " + schema.title() + "; it knows " + known(schema));
    }
    return mapper.map(new ActionFields(node, pointer, screen, schema.discriminator, name));
  }

  private static String known(Schema schema) {
    return String.join(", ", schema.mappers.keySet());
  }

  /** OSWorld's special actions as a bare string. */
  private static GymCommand special(JsonNode node, String pointer) {
    return switch (node.textValue()) {
      case "DONE" -> new GymCommand.Terminate(true);
      case "FAIL" -> new GymCommand.Terminate(false);
      default -> throw new ActionException(pointer, "a bare string must be \"DONE\" or \"FAIL\", got " + node);
    };
  }

  /**
   * An Anthropic {@code tool_use} block: the {@code computer} tool with the action in its input, or
   * a tool named after the action.
   */
  private static List<GymCommand> toolUse(ObjectNode block, Screen screen) {
    Schema schema = Schema.ANTHROPIC_SCHEMA;
    JsonNode name = block.get("name");
    if (name == null || !name.isTextual()) throw new ActionException("/name", "missing: the tool's name, computer or an action's");
    JsonNode input = block.get("input");
    if (input == null || !input.isObject()) throw new ActionException("/input", "must be the tool's input object, got " + input);
    if (name.textValue().equals("computer")) return action(schema, new Item(input, "/input"), screen);
    if (!schema.mappers.containsKey(name.textValue())) {
      throw new ActionException("/name", "unknown tool '" + name.textValue() + "'; the gym takes the computer tool ('computer')"
          + " and its actions as tools of their own: " + known(schema));
    }
    JsonNode action = input.get("action");
    if (action != null && !action.equals(name)) {
      throw new ActionException("/input/action", "names " + action + " but the tool is '" + name.textValue() + "'");
    }
    return map(schema, (ObjectNode) input, "/input", name.textValue(), "/name", screen);
  }
}
