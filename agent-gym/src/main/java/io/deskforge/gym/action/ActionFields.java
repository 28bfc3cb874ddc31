package io.deskforge.gym.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.gym.action.ActionSchemas.Screen;
import io.deskforge.task.action.Action;
import java.util.Iterator;
import java.util.List;

/**
 * One action object of a step body as it is read: its fields by name, the JSON pointer each error
 * names, and the screen that coordinates must fall on. The checks every schema shares (integers,
 * coordinates, text length, waits, wheel clicks) live here so that the three schemas word them alike.
 */
final class ActionFields {
  private final ObjectNode node;
  private final String pointer;
  private final Screen screen;
  private final String discriminator;
  private final String name;

  /**
   * @param pointer the JSON pointer of the object in the body ({@code ""} for the body itself)
   * @param discriminator the property that names the action ({@code action} or {@code type}), allowed besides the fields
   * @param name the action's name in its schema
   */
  ActionFields(ObjectNode node, String pointer, Screen screen, String discriminator, String name) {
    this.node = node;
    this.pointer = pointer;
    this.screen = screen;
    this.discriminator = discriminator;
    this.name = name;
  }

  ObjectNode node() {
    return node;
  }

  String pointer() {
    return pointer;
  }

  String name() {
    return name;
  }

  Screen screen() {
    return screen;
  }

  /** The JSON pointer of a field of this object. */
  String at(String field) {
    return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  ActionException error(String field, String message) {
    return new ActionException(at(field), message);
  }

  /** Refuses any field but the discriminator and these. */
  void only(String... fields) {
    List<String> allowed = List.of(fields);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.equals(discriminator) || allowed.contains(f)) continue;
      throw error(f, "unknown field of " + name + (fields.length == 0 ? ", which takes none" : "; it takes " + String.join(", ", fields)));
    }
  }

  /** Whether the field is present and not JSON null (a null optional field counts as left out). */
  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  JsonNode required(String field) {
    if (!has(field)) throw error(field, "missing: " + name + " needs it");
    return node.get(field);
  }

  int x(String field) {
    return coordinate(required(field), at(field), true);
  }

  int y(String field) {
    return coordinate(required(field), at(field), false);
  }

  /** A required {@code [x, y]} pair. */
  int[] point(String field) {
    JsonNode v = required(field);
    String ptr = at(field);
    if (!v.isArray() || v.size() != 2) throw new ActionException(ptr, "must be [x, y], got " + v);
    return new int[] {coordinate(v.get(0), ptr + "/0", true), coordinate(v.get(1), ptr + "/1", false)};
  }

  /** An optional {@code [x, y]} pair; left out, the pointer's current position. */
  int[] pointOrPointer(String field) {
    return has(field) ? point(field) : new int[] {screen.pointerX(), screen.pointerY()};
  }

  /** An integer pixel on the screen: {@code 0 <= x < width} (horizontal) or {@code 0 <= y < height}. */
  int coordinate(JsonNode v, String ptr, boolean horizontal) {
    long value = integral(v, ptr, "an integer pixel");
    onScreen(ptr, value, horizontal);
    return (int) value;
  }

  void onScreen(String ptr, long value, boolean horizontal) {
    long limit = horizontal ? screen.width() : screen.height();
    if (value < 0 || value >= limit) {
      throw new ActionException(ptr, value + " is off the " + screen.width() + "x" + screen.height() + " screen");
    }
  }

  long integer(String field) {
    return integral(required(field), at(field), "an integer");
  }

  /** A JSON integer, or a number with no fraction such as {@code 12.0}; never a string. */
  static long integral(JsonNode v, String ptr, String what) {
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) throw new ActionException(ptr, v + " is out of range");
      return v.longValue();
    }
    if (v.isFloatingPointNumber()) {
      double d = v.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d;
    }
    throw new ActionException(ptr, "must be " + what + ", got " + v);
  }

  /** A required string of at most {@link ActionSchemas#MAX_TEXT_CHARS} characters. */
  String text(String field) {
    JsonNode v = required(field);
    if (!v.isTextual()) throw error(field, "must be a string, got " + v);
    checkLength(at(field), v.textValue());
    return v.textValue();
  }

  /** An optional string; null when left out. */
  String optionalText(String field) {
    return has(field) ? text(field) : null;
  }

  static void checkLength(String ptr, String text) {
    int chars = text.codePointCount(0, text.length());
    if (chars > ActionSchemas.MAX_TEXT_CHARS) {
      throw new ActionException(ptr, chars + " characters; at most " + ActionSchemas.MAX_TEXT_CHARS + " a field");
    }
  }

  /** A duration in seconds (a number, fractions allowed), as milliseconds, at most a minute. */
  long seconds(String field) {
    JsonNode v = required(field);
    if (!v.isNumber()) throw error(field, "must be a number of seconds, got " + v);
    double s = v.doubleValue();
    if (!(s >= 0) || s * 1000 > ActionSchemas.MAX_WAIT_MS) {
      throw error(field, v + " s is outside 0 to " + ActionSchemas.MAX_WAIT_MS / 1000 + " s");
    }
    return Math.round(s * 1000);
  }

  void waitMs(String field, long ms) {
    if (ms < 0 || ms > ActionSchemas.MAX_WAIT_MS) {
      throw error(field, ms + " ms is outside 0 to " + ActionSchemas.MAX_WAIT_MS + " ms");
    }
  }

  /** Wheel clicks of one scroll, at most {@link ActionSchemas#MAX_WHEEL_CLICKS} either way. */
  int wheel(String field, long clicks) {
    if (Math.abs(clicks) > ActionSchemas.MAX_WHEEL_CLICKS) {
      throw error(field, Math.abs(clicks) + " wheel clicks; a scroll turns the wheel at most " + ActionSchemas.MAX_WHEEL_CLICKS);
    }
    return (int) clicks;
  }

  /** The refusal of an action asked for with modifier keys held, which no deskforge action can do. */
  ActionException heldKeys(String field, String keys) {
    return error(field, name + " with keys held (" + keys + ") is not supported: deskforge's actions click, move"
        + " and scroll without modifiers held (hold_key releases before the next action); send it without them");
  }

  static List<GymCommand> perform(Action action) {
    return List.of(new GymCommand.Perform(action));
  }

  /** An action that takes no fields and always becomes this command. */
  static ActionSchemas.Mapper fieldless(GymCommand command) {
    return in -> {
      in.only();
      return List.of(command);
    };
  }

  /** An observation that takes no fields: {@code screenshot} or {@code cursor_position}. */
  static ActionSchemas.Mapper observation(String what) {
    return fieldless(new GymCommand.Observe(what));
  }
}
