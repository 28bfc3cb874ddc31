package io.deskforge.gym.action;

import static io.deskforge.gym.action.ActionFields.fieldless;
import static io.deskforge.gym.action.ActionFields.observation;
import static io.deskforge.gym.action.ActionFields.perform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.gym.action.ActionSchemas.Mapper;
import io.deskforge.gym.action.ActionSchemas.Mapping;
import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action objects of OpenAI's {@code computer} tool (Responses API, computer-use-preview and
 * its successors): discriminator {@code type}, coordinates as {@code x}/{@code y} integers, scroll
 * in pixels. Its mappers and its rows of the mapping table stand together here; ActionSchemasTest
 * holds them to each other.
 */
final class OpenAiSchema {
  private OpenAiSchema() {}

  /** Pixels of a scroll that make one wheel click. */
  static final int PIXELS_PER_WHEEL_CLICK = 100;

  static final Map<String, Mapper> MAPPERS;

  static {
    Map<String, Mapper> m = new LinkedHashMap<>();
    m.put("click", OpenAiSchema::click);
    m.put("double_click", in -> {
      in.only("x", "y", "keys");
      noHeldKeys(in);
      return perform(new Action.DoubleClick(in.x("x"), in.y("y")));
    });
    m.put("scroll", OpenAiSchema::scroll);
    m.put("type", in -> {
      in.only("text");
      return perform(new Action.Type(in.text("text")));
    });
    m.put("keypress", OpenAiSchema::keypress);
    m.put("drag", OpenAiSchema::drag);
    m.put("move", in -> {
      in.only("x", "y", "keys");
      noHeldKeys(in);
      return perform(new Action.Move(in.x("x"), in.y("y")));
    });
    m.put("wait", fieldless(new GymCommand.Perform(new Action.Wait(1000))));
    m.put("screenshot", observation("screenshot"));
    MAPPERS = Collections.unmodifiableMap(m);
  }

  static final List<Mapping> ROWS = List.of(
      row("click", "x, y, button: left", "click", "button left out: left", "{'type':'click','x':10,'y':20,'button':'left'}"),
      row("click", "x, y, button: right", "right_click", "", "{'type':'click','x':10,'y':20,'button':'right'}"),
      row("click", "x, y, button: wheel", "middle_click", "", "{'type':'click','x':10,'y':20,'button':'wheel'}"),
      row("click", "x, y, button: back | forward", Mapping.REFUSED,
          "not supported: the desktop's mouse has left, middle and right buttons", "{'type':'click','x':10,'y':20,'button':'back'}"),
      row("click", "x, y, button, keys: [...]", Mapping.REFUSED,
          "keys held during click, double_click, move, scroll or drag: not supported (deskforge has no held-modifier"
              + " click); an empty or null keys is fine", "{'type':'click','x':10,'y':20,'button':'left','keys':['SHIFT']}"),
      row("double_click", "x, y", "double_click", "", "{'type':'double_click','x':10,'y':20}"),
      row("scroll", "x, y, scroll_x, scroll_y", "scroll", "pixels to wheel clicks: sign × max(1, round(|px| / "
          + PIXELS_PER_WHEEL_CLICK + ")), 0 stays 0; positive scroll_y scrolls down",
          "{'type':'scroll','x':10,'y':20,'scroll_x':0,'scroll_y':300}"),
      row("type", "text", "type", "", "{'type':'type','text':'hello'}"),
      row("keypress", "keys: [...]", "key", "the keys pressed together as one combination joined by '+'; names become X"
          + " keysym names (ENTER → Return, ESC → Escape, ARROWLEFT → Left, PAGEDOWN → Page_Down, CMD/META/SUPER → super);"
          + " letters lower-cased (CTRL, C → ctrl+c)", "{'type':'keypress','keys':['CTRL','SHIFT','T']}"),
      row("drag", "path: 2 points", "drag", "left button", "{'type':'drag','path':[{'x':1,'y':2},{'x':30,'y':40}]}"),
      row("drag", "path: 3 or more points", "mouse_down, move, mouse_up",
          "press at the first point, a move to each point between, release at the last",
          "{'type':'drag','path':[{'x':1,'y':2},{'x':10,'y':20},{'x':30,'y':40}]}"),
      row("move", "x, y", "move", "", "{'type':'move','x':10,'y':20}"),
      row("wait", "", "wait", "1000 ms", "{'type':'wait'}"),
      row("screenshot", "", "screenshot", "an observation, no action", "{'type':'screenshot'}"));

  private static Mapping row(String action, String fields, String deskforge, String notes, String example) {
    return new Mapping(ActionSchemas.OPENAI, action, fields, deskforge, notes, example);
  }

  private static List<GymCommand> click(ActionFields in) {
    in.only("x", "y", "button", "keys");
    noHeldKeys(in);
    String button = in.has("button") ? in.text("button") : "left";
    int x = in.x("x");
    int y = in.y("y");
    return switch (button) {
      case "left" -> perform(new Action.Click(x, y));
      case "right" -> perform(new Action.RightClick(x, y));
      case "wheel" -> perform(new Action.MiddleClick(x, y));
      case "back", "forward" -> throw in.error("button", "the " + button
          + " button is not supported: the desktop's mouse has left, middle (wheel) and right buttons");
      default -> throw in.error("button", "must be left, right, wheel, back or forward, got '" + button + "'");
    };
  }

  private static List<GymCommand> scroll(ActionFields in) {
    in.only("x", "y", "scroll_x", "scroll_y", "keys");
    noHeldKeys(in);
    int x = in.x("x");
    int y = in.y("y");
    int dx = in.wheel("scroll_x", wheelClicks(in.integer("scroll_x")));
    int dy = in.wheel("scroll_y", wheelClicks(in.integer("scroll_y")));
    return perform(new Action.Scroll(x, y, dx, dy));
  }

  /** Pixels to wheel clicks: sign × max(1, round(|px| / 100)), so that any scroll turns the wheel, and 0 stays 0. */
  static long wheelClicks(long pixels) {
    if (pixels == 0) return 0;
    long clicks = Math.max(1, Math.round(Math.abs((double) pixels) / PIXELS_PER_WHEEL_CLICK));
    return pixels < 0 ? -clicks : clicks;
  }

  private static List<GymCommand> keypress(ActionFields in) {
    in.only("keys");
    JsonNode keys = in.required("keys");
    if (!keys.isArray()) throw in.error("keys", "must be an array of key names, got " + keys);
    if (keys.isEmpty()) throw in.error("keys", "is empty; name at least one key");
    List<String> names = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String ptr = in.at("keys") + "/" + i;
      if (!keys.get(i).isTextual()) throw new ActionException(ptr, "must be a key name, got " + keys.get(i));
      ActionFields.checkLength(ptr, keys.get(i).textValue());
      names.add(keys.get(i).textValue());
      pointers.add(ptr);
    }
    return perform(new Action.Key(KeyNames.openai(names, pointers)));
  }

  /** Two points: a drag. More: the button pressed at the first, moved through the rest, released at the last. */
  private static List<GymCommand> drag(ActionFields in) {
    in.only("path", "keys");
    noHeldKeys(in);
    JsonNode path = in.required("path");
    if (!path.isArray()) throw in.error("path", "must be an array of {x, y} points, got " + path);
    if (path.size() < 2) throw in.error("path", "has " + path.size() + " point(s); a drag needs at least 2");
    if (path.size() > ActionSchemas.MAX_COMMANDS) {
      throw in.error("path", "has " + path.size() + " points; at most " + ActionSchemas.MAX_COMMANDS);
    }
    List<int[]> points = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      String ptr = in.at("path") + "/" + i;
      if (!path.get(i).isObject()) throw new ActionException(ptr, "must be a point {x, y}, got " + path.get(i));
      ActionFields point = new ActionFields((ObjectNode) path.get(i), ptr, in.screen(), null, "a point of drag's path");
      point.only("x", "y");
      points.add(new int[] {point.x("x"), point.y("y")});
    }
    int[] first = points.getFirst();
    int[] last = points.getLast();
    if (points.size() == 2) return perform(new Action.Drag(first[0], first[1], last[0], last[1]));
    List<GymCommand> commands = new ArrayList<>();
    commands.add(new GymCommand.Perform(new Action.MouseDown(first[0], first[1], "left")));
    for (int[] p : points.subList(1, points.size() - 1)) commands.add(new GymCommand.Perform(new Action.Move(p[0], p[1])));
    commands.add(new GymCommand.Perform(new Action.MouseUp(last[0], last[1], "left")));
    return commands;
  }

  /** {@code keys} on a pointer action are modifiers held during it, which deskforge cannot do; none is fine. */
  private static void noHeldKeys(ActionFields in) {
    if (!in.has("keys")) return;
    JsonNode keys = in.node().get("keys");
    if (!keys.isArray()) throw in.error("keys", "must be an array of key names, got " + keys);
    if (!keys.isEmpty()) throw in.heldKeys("keys", keys.toString());
  }
}
