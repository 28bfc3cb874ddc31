package io.deskforge.gym.action;

import static io.deskforge.gym.action.ActionFields.observation;
import static io.deskforge.gym.action.ActionFields.perform;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.gym.action.ActionSchemas.Mapper;
import io.deskforge.gym.action.ActionSchemas.Mapping;
import io.deskforge.task.action.Action;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input of Anthropic's computer tool ({@code computer_20251124}; the earlier versions' actions
 * are a subset): discriminator {@code action}, points as {@code [x, y]}, xdotool key names, durations
 * in seconds. Its mappers and its rows of the mapping table stand together here; ActionSchemasTest
 * holds them to each other.
 */
final class AnthropicSchema {
  private AnthropicSchema() {}

  /** The fields of the tool's input: those of them that deskforge's version of an action lacks tell the two apart. */
  static final Set<String> FIELDS =
      Set.of("coordinate", "start_coordinate", "scroll_direction", "scroll_amount", "duration", "region", "text");

  /** Actions whose coordinate may be left out, to act at the pointer. */
  static final Set<String> AT_POINTER = Set.of(
      "left_click", "right_click", "middle_click", "double_click", "triple_click", "left_mouse_down", "left_mouse_up");

  /** A deskforge action at a point. */
  private interface At {
    Action at(int x, int y);
  }

  static final Map<String, Mapper> MAPPERS;

  static {
    Map<String, Mapper> m = new LinkedHashMap<>();
    m.put("key", in -> {
      in.only("text");
      return perform(new Action.Key(KeyNames.xdotool(in.text("text"), in.at("text"))));
    });
    m.put("hold_key", in -> {
      in.only("text", "duration");
      String keys = KeyNames.xdotool(in.text("text"), in.at("text"));
      return perform(new Action.HoldKey(keys, in.seconds("duration")));
    });
    m.put("type", in -> {
      in.only("text");
      return perform(new Action.Type(in.text("text")));
    });
    m.put("cursor_position", observation("cursor_position"));
    m.put("mouse_move", in -> {
      in.only("coordinate");
      int[] p = in.point("coordinate");
      return perform(new Action.Move(p[0], p[1]));
    });
    m.put("left_mouse_down", in -> button(in, (x, y) -> new Action.MouseDown(x, y, "left")));
    m.put("left_mouse_up", in -> button(in, (x, y) -> new Action.MouseUp(x, y, "left")));
    m.put("left_click", in -> click(in, Action.Click::new));
    m.put("right_click", in -> click(in, Action.RightClick::new));
    m.put("middle_click", in -> click(in, Action.MiddleClick::new));
    m.put("double_click", in -> click(in, Action.DoubleClick::new));
    m.put("triple_click", in -> click(in, Action.TripleClick::new));
    m.put("left_click_drag", in -> {
      in.only("start_coordinate", "coordinate");
      int[] from = in.pointOrPointer("start_coordinate");
      int[] to = in.point("coordinate");
      return perform(new Action.Drag(from[0], from[1], to[0], to[1]));
    });
    m.put("scroll", AnthropicSchema::scroll);
    m.put("wait", in -> {
      in.only("duration");
      return perform(new Action.Wait(in.seconds("duration")));
    });
    m.put("screenshot", observation("screenshot"));
    m.put("zoom", AnthropicSchema::zoom);
    MAPPERS = Collections.unmodifiableMap(m);
  }

  static final List<Mapping> ROWS = List.of(
      row("key", "text", "key", "xdotool names become names the desktop knows (Enter → Return, Esc → Escape, cmd/meta/win"
          + " → super, PageDown → Page_Down); other X keysym names it knows pass as written; unknown keys are refused",
          "{'action':'key','text':'ctrl+s'}"),
      row("hold_key", "text, duration", "hold_key", "duration in seconds → ms, at most 60 s",
          "{'action':'hold_key','text':'shift','duration':0.5}"),
      row("type", "text", "type", "same name and field as deskforge's, and the same meaning", "{'action':'type','text':'hello'}"),
      row("cursor_position", "", "cursor_position", "an observation, no action", "{'action':'cursor_position'}"),
      row("mouse_move", "coordinate", "move", "", "{'action':'mouse_move','coordinate':[10,20]}"),
      row("left_mouse_down", "coordinate?", "mouse_down", "left button; no coordinate: at the pointer",
          "{'action':'left_mouse_down','coordinate':[10,20]}"),
      row("left_mouse_up", "coordinate?", "mouse_up", "left button; no coordinate: at the pointer", "{'action':'left_mouse_up'}"),
      row("left_click", "coordinate?", "click", "no coordinate: at the pointer", "{'action':'left_click','coordinate':[10,20]}"),
      row("left_click", "coordinate?, text: modifiers", Mapping.REFUSED,
          "a click or scroll with keys held (text \"shift\"): not supported, deskforge has no held-modifier click",
          "{'action':'left_click','coordinate':[10,20],'text':'shift'}"),
      row("right_click", "coordinate?", "right_click", "", "{'action':'right_click','coordinate':[10,20]}"),
      row("middle_click", "coordinate?", "middle_click", "", "{'action':'middle_click'}"),
      row("double_click", "coordinate?", "double_click", "", "{'action':'double_click','coordinate':[10,20]}"),
      row("triple_click", "coordinate?", "triple_click", "", "{'action':'triple_click','coordinate':[10,20]}"),
      row("left_click_drag", "start_coordinate?, coordinate", "drag", "no start_coordinate (computer_20241022): from the pointer",
          "{'action':'left_click_drag','start_coordinate':[1,2],'coordinate':[30,40]}"),
      row("scroll", "coordinate?, scroll_direction, scroll_amount", "scroll",
          "scroll_amount wheel clicks: up → dy −n, down → dy +n, left → dx −n, right → dx +n",
          "{'action':'scroll','coordinate':[10,20],'scroll_direction':'down','scroll_amount':3}"),
      row("wait", "duration", "wait", "seconds → ms, at most 60 s", "{'action':'wait','duration':1.5}"),
      row("screenshot", "", "screenshot", "an observation, no action", "{'action':'screenshot'}"),
      row("zoom", "region: [x0, y0, x1, y1]", "zoom", "a screenshot of the region scaled to the screen's size;"
          + " (x0, y0) on the screen, x0 < x1 <= width, y0 < y1 <= height", "{'action':'zoom','region':[0,0,640,400]}"));

  private static Mapping row(String action, String fields, String deskforge, String notes, String example) {
    return new Mapping(ActionSchemas.ANTHROPIC, action, fields, deskforge, notes, example);
  }

  private static List<GymCommand> button(ActionFields in, At action) {
    in.only("coordinate");
    int[] p = in.pointOrPointer("coordinate");
    return perform(action.at(p[0], p[1]));
  }

  private static List<GymCommand> click(ActionFields in, At action) {
    in.only("coordinate", "text");
    noHeldKeys(in);
    int[] p = in.pointOrPointer("coordinate");
    return perform(action.at(p[0], p[1]));
  }

  private static List<GymCommand> scroll(ActionFields in) {
    in.only("coordinate", "scroll_direction", "scroll_amount", "text");
    noHeldKeys(in);
    int[] p = in.pointOrPointer("coordinate");
    String direction = in.text("scroll_direction");
    long amount = in.integer("scroll_amount");
    if (amount < 0) throw in.error("scroll_amount", "must be 0 or more, got " + amount);
    int n = in.wheel("scroll_amount", amount);
    return switch (direction) {
      case "up" -> perform(new Action.Scroll(p[0], p[1], 0, -n));
      case "down" -> perform(new Action.Scroll(p[0], p[1], 0, n));
      case "left" -> perform(new Action.Scroll(p[0], p[1], -n, 0));
      case "right" -> perform(new Action.Scroll(p[0], p[1], n, 0));
      default -> throw in.error("scroll_direction", "must be up, down, left or right, got '" + direction + "'");
    };
  }

  /** A region of the screen: its top-left corner a pixel on it, its bottom-right corner at most the screen's edge. */
  private static List<GymCommand> zoom(ActionFields in) {
    in.only("region");
    JsonNode r = in.required("region");
    String ptr = in.at("region");
    if (!r.isArray() || r.size() != 4) throw new ActionException(ptr, "must be [x0, y0, x1, y1], got " + r);
    int x0 = in.coordinate(r.get(0), ptr + "/0", true);
    int y0 = in.coordinate(r.get(1), ptr + "/1", false);
    long x1 = ActionFields.integral(r.get(2), ptr + "/2", "an integer pixel");
    long y1 = ActionFields.integral(r.get(3), ptr + "/3", "an integer pixel");
    if (x1 <= x0) throw new ActionException(ptr + "/2", "x1 " + x1 + " must be greater than x0 " + x0);
    if (y1 <= y0) throw new ActionException(ptr + "/3", "y1 " + y1 + " must be greater than y0 " + y0);
    // the far corner bounds the region, so it may stand on the screen's edge
    if (x1 > in.screen().width()) in.onScreen(ptr + "/2", x1, true);
    if (y1 > in.screen().height()) in.onScreen(ptr + "/3", y1, false);
    return List.of(new GymCommand.Zoom(x0, y0, (int) x1, (int) y1));
  }

  /** {@code text} on a click or scroll names modifier keys held during it, which deskforge cannot do. */
  private static void noHeldKeys(ActionFields in) {
    String text = in.optionalText("text");
    if (text != null && !text.isEmpty()) throw in.heldKeys("text", "'" + text + "'");
  }
}
