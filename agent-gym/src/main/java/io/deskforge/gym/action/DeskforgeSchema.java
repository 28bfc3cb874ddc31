package io.deskforge.gym.action;

import static io.deskforge.gym.action.ActionFields.fieldless;
import static io.deskforge.gym.action.ActionFields.observation;
import static io.deskforge.gym.action.ActionFields.perform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.deskforge.gym.action.ActionSchemas.Mapper;
import io.deskforge.gym.action.ActionSchemas.Mapping;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * deskforge's own schema: {@link Action} as {@link TaskJson} reads it (discriminator
 * {@code action}, snake_case fields), plus {@code screenshot}, {@code done} and {@code fail}. Its
 * mappers and its rows of the mapping table stand together here; ActionSchemasTest holds them to
 * each other.
 */
final class DeskforgeSchema {
  private DeskforgeSchema() {}

  /** Each action's record, as Action's {@link JsonSubTypes} names them (the one place they are written). */
  private static final Map<String, Class<?>> RECORDS = new LinkedHashMap<>();

  /**
   * Fields whose record fills in a default when they are left out. (wait_window's timeout_ms is a
   * primitive, which TaskJson's mapper requires; 0 stands for the default.)
   */
  private static final Set<String> OPTIONAL = Set.of("mouse_down.button", "mouse_up.button");

  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  static final Map<String, Mapper> MAPPERS;

  static {
    for (JsonSubTypes.Type t : Action.class.getAnnotation(JsonSubTypes.class).value()) RECORDS.put(t.name(), t.value());
    Map<String, Mapper> m = new LinkedHashMap<>();
    for (String name : RECORDS.keySet()) m.put(name, DeskforgeSchema::action);
    m.put("screenshot", observation("screenshot"));
    m.put("done", fieldless(new GymCommand.Terminate(true)));
    m.put("fail", fieldless(new GymCommand.Terminate(false)));
    MAPPERS = Collections.unmodifiableMap(m);
  }

  static final List<Mapping> ROWS = List.of(
      row("click", "x, y", "click", "left button", "{'action':'click','x':10,'y':20}"),
      row("double_click", "x, y", "double_click", "", "{'action':'double_click','x':10,'y':20}"),
      row("right_click", "x, y", "right_click", "", "{'action':'right_click','x':10,'y':20}"),
      row("middle_click", "x, y", "middle_click", "", "{'action':'middle_click','x':10,'y':20}"),
      row("triple_click", "x, y", "triple_click", "", "{'action':'triple_click','x':10,'y':20}"),
      row("mouse_down", "x, y, button?", "mouse_down", "button left (default), middle or right; stays pressed",
          "{'action':'mouse_down','x':10,'y':20,'button':'left'}"),
      row("mouse_up", "x, y, button?", "mouse_up", "", "{'action':'mouse_up','x':10,'y':20}"),
      row("move", "x, y", "move", "", "{'action':'move','x':10,'y':20}"),
      row("drag", "from_x, from_y, to_x, to_y", "drag", "left button",
          "{'action':'drag','from_x':1,'from_y':2,'to_x':30,'to_y':40}"),
      row("scroll", "x, y, dx, dy", "scroll", "wheel clicks; positive dy scrolls down, positive dx right; at most "
          + ActionSchemas.MAX_WHEEL_CLICKS + " either way", "{'action':'scroll','x':10,'y':20,'dx':0,'dy':3}"),
      row("type", "text", "type", "", "{'action':'type','text':'hello'}"),
      row("key", "keys", "key", "X keysym names joined by '+', combinations separated by spaces (ctrl+s, ctrl+plus)",
          "{'action':'key','keys':'ctrl+s'}"),
      row("hold_key", "keys, ms", "hold_key", "ms at most 60000", "{'action':'hold_key','keys':'shift','ms':500}"),
      row("wait", "ms", "wait", "at most 60000", "{'action':'wait','ms':500}"),
      row("wait_window", "title, timeout_ms", "wait_window", "title is a regular expression; timeout_ms at most 60000, 0 for 5000",
          "{'action':'wait_window','title':'Save.*','timeout_ms':3000}"),
      row("wait_menu", "depth, timeout_ms", "wait_menu", "until depth menus (pop-up windows) are open, none with depth 0; "
          + "timeout_ms at most 60000, 0 for 5000", "{'action':'wait_menu','depth':1,'timeout_ms':3000}"),
      row("wait_idle", "quiet_ms, timeout_ms", "wait_idle", "until the desktop's apps have been idle for quiet_ms (a page done "
          + "loading), at most timeout_ms, then goes on either way; both at most 60000, timeout_ms 0 for 5000",
          "{'action':'wait_idle','quiet_ms':300,'timeout_ms':10000}"),
      row("click_until_window", "x, y, title, retry_ms, timeout_ms", "click_until_window", "clicks until a window whose title "
          + "matches title shows, again after every retry_ms without it (0 for 5000), at most timeout_ms in all (0 for 15000); "
          + "for a button that opens one dialog however often pressed; both at most 60000",
          "{'action':'click_until_window','x':10,'y':20,'title':'Location','retry_ms':5000,'timeout_ms':15000}"),
      row("screenshot", "", "screenshot", "an observation, no action", "{'action':'screenshot'}"),
      row("done", "", "done", "ends the episode; the bare JSON string \"DONE\" (OSWorld) too", "{'action':'done'}"),
      row("fail", "", "fail", "gives up, ending the episode; the bare JSON string \"FAIL\" (OSWorld) too", "{'action':'fail'}"));

  private static Mapping row(String action, String fields, String deskforge, String notes, String example) {
    return new Mapping(ActionSchemas.DESKFORGE, action, fields, deskforge, notes, example);
  }

  /** The snake_case fields of an action's record; none for screenshot, done and fail. */
  static Set<String> fields(String action) {
    Class<?> type = RECORDS.get(action);
    Set<String> fields = new LinkedHashSet<>();
    if (type != null) for (RecordComponent rc : type.getRecordComponents()) fields.add(SNAKE.translate(rc.getName()));
    return fields;
  }

  /** All fields of all deskforge actions, for telling their objects from the Anthropic tool's. */
  static Set<String> allFields() {
    return ALL_FIELDS;
  }

  private static final Set<String> ALL_FIELDS = RECORDS.keySet().stream()
      .flatMap(name -> fields(name).stream())
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * Reads an action with TaskJson's mapper, after checking what that mapper lets pass: a left-out
   * field (it would read 0), a string or a fraction where a number belongs (it would coerce). Unknown
   * fields come first: a field of another schema ({@code coordinate} on click) is the likelier slip.
   */
  private static List<GymCommand> action(ActionFields in) {
    Class<?> type = RECORDS.get(in.name());
    in.only(fields(in.name()).toArray(String[]::new));
    for (RecordComponent rc : type.getRecordComponents()) {
      String field = SNAKE.translate(rc.getName());
      if (!in.has(field)) {
        if (OPTIONAL.contains(in.name() + "." + field)) continue;
        throw in.error(field, "missing: " + in.name() + " takes " + String.join(", ", fields(in.name())));
      }
      JsonNode v = in.node().get(field);
      if (rc.getType() == int.class || rc.getType() == long.class) {
        long value = ActionFields.integral(v, in.at(field), "an integer");
        if (rc.getType() == int.class && value != (int) value) throw in.error(field, v + " is out of range");
      } else if (rc.getType() == String.class && !v.isTextual()) {
        throw in.error(field, "must be a string, got " + v);
      }
    }
    Action action;
    try {
      action = TaskJson.mapper().treeToValue(in.node(), Action.class);
    } catch (JsonProcessingException e) {
      throw fromJackson(e, in);
    }
    validate(action, in);
    return perform(action);
  }

  /** Jackson's complaint as an ActionException naming the field it is about. */
  private static ActionException fromJackson(JsonProcessingException e, ActionFields in) {
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      // Action's records say "<action>: <field> must ..."
      String message = v.getCause().getMessage();
      String prefix = in.name() + ": ";
      if (message.startsWith(prefix)) message = message.substring(prefix.length());
      String first = message.split(" ", 2)[0];
      return fields(in.name()).contains(first) ? in.error(first, message) : new ActionException(in.pointer(), message);
    }
    StringBuilder ptr = new StringBuilder(in.pointer());
    if (e instanceof JsonMappingException m) {
      for (JsonMappingException.Reference r : m.getPath()) {
        ptr.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
      }
    }
    return new ActionException(ptr.toString(), e.getOriginalMessage());
  }

  /** What the records do not check themselves: the screen, the desktop's key names, the limits of a body. */
  private static void validate(Action action, ActionFields in) {
    switch (action) {
      case Action.Click a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.DoubleClick a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.RightClick a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.MiddleClick a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.TripleClick a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.MouseDown a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.MouseUp a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.Move a -> onScreen(in, "x", "y", a.x(), a.y());
      case Action.Drag a -> {
        onScreen(in, "from_x", "from_y", a.fromX(), a.fromY());
        onScreen(in, "to_x", "to_y", a.toX(), a.toY());
      }
      case Action.Scroll a -> {
        onScreen(in, "x", "y", a.x(), a.y());
        in.wheel("dx", a.dx());
        in.wheel("dy", a.dy());
      }
      case Action.Type a -> ActionFields.checkLength(in.at("text"), a.text());
      case Action.Key a -> keys(in, a.keys());
      case Action.HoldKey a -> {
        keys(in, a.keys());
        in.waitMs("ms", a.ms());
      }
      case Action.Wait a -> in.waitMs("ms", a.ms());
      case Action.WaitForMenu a -> in.waitMs("timeout_ms", a.timeoutMs());
      case Action.WaitForIdle a -> {
        in.waitMs("quiet_ms", a.quietMs());
        in.waitMs("timeout_ms", a.timeoutMs());
      }
      case Action.WaitForWindow a -> {
        in.waitMs("timeout_ms", a.timeoutMs());
        title(in, a.title());
      }
      case Action.ClickUntilWindow a -> {
        onScreen(in, "x", "y", a.x(), a.y());
        in.waitMs("retry_ms", a.retryMs());
        in.waitMs("timeout_ms", a.timeoutMs());
        title(in, a.title());
      }
    }
  }

  private static void title(ActionFields in, String title) {
    ActionFields.checkLength(in.at("title"), title);
    try {
      Pattern.compile(title);
    } catch (PatternSyntaxException e) {
      throw in.error("title", "not a regular expression: " + e.getDescription());
    }
  }

  private static void onScreen(ActionFields in, String xField, String yField, int x, int y) {
    in.onScreen(in.at(xField), x, true);
    in.onScreen(in.at(yField), y, false);
  }

  private static void keys(ActionFields in, String keys) {
    ActionFields.checkLength(in.at("keys"), keys);
    KeyNames.check(keys, in.at("keys"));
  }
}
