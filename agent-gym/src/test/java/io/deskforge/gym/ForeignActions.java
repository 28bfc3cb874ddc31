package io.deskforge.gym;

import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deskforge action written as a computer-use model would write it: the OpenAI computer tool's
 * action objects, or the Anthropic computer tool's input. {@code wait_window} has no counterpart
 * in either (a model looks at the screen instead); {@code wait_idle} becomes their plain wait: it becomes null, and the caller polls the
 * observation's windows, as a model would look at screenshots.
 */
final class ForeignActions {
  private ForeignActions() {}

  static List<Map<String, Object>> openai(Action a) {
    return switch (a) {
      case Action.Click c -> List.of(Map.of("type", "click", "x", c.x(), "y", c.y(), "button", "left"));
      case Action.DoubleClick c -> List.of(Map.of("type", "double_click", "x", c.x(), "y", c.y()));
      case Action.RightClick c -> List.of(Map.of("type", "click", "x", c.x(), "y", c.y(), "button", "right"));
      case Action.ClickUntilWindow c -> List.of(Map.of("type", "click", "x", c.x(), "y", c.y(), "button", "left"));
      case Action.Move c -> List.of(Map.of("type", "move", "x", c.x(), "y", c.y()));
      case Action.Type t -> List.of(Map.of("type", "type", "text", t.text()));
      case Action.Key k -> Arrays.stream(k.keys().trim().split("\\s+"))
          .map(combo -> (Map<String, Object>) new LinkedHashMap<String, Object>(Map.of("type", "keypress", "keys", List.of(combo.split("\\+")))))
          .toList();
      case Action.Wait w -> List.of(Map.of("type", "wait"));
      case Action.WaitForIdle w -> List.of(Map.of("type", "wait"));
      case Action.WaitForWindow w -> null;
      case Action.WaitForMenu w -> null;
      default -> throw new IllegalArgumentException("no OpenAI form written for " + a);
    };
  }

  static List<Map<String, Object>> anthropic(Action a) {
    return switch (a) {
      case Action.Click c -> List.of(Map.of("action", "left_click", "coordinate", List.of(c.x(), c.y())));
      case Action.DoubleClick c -> List.of(Map.of("action", "double_click", "coordinate", List.of(c.x(), c.y())));
      case Action.RightClick c -> List.of(Map.of("action", "right_click", "coordinate", List.of(c.x(), c.y())));
      case Action.ClickUntilWindow c -> List.of(Map.of("action", "left_click", "coordinate", List.of(c.x(), c.y())));
      case Action.Move c -> List.of(Map.of("action", "mouse_move", "coordinate", List.of(c.x(), c.y())));
      case Action.Type t -> List.of(Map.of("action", "type", "text", t.text()));
      case Action.Key k -> List.of(Map.of("action", "key", "text", k.keys()));
      case Action.Wait w -> List.of(Map.of("action", "wait", "duration", w.ms() / 1000.0));
      case Action.WaitForIdle w -> List.of(Map.of("action", "wait", "duration", w.timeoutMs() / 1000.0));
      case Action.WaitForWindow w -> null;
      case Action.WaitForMenu w -> null;
      default -> throw new IllegalArgumentException("no Anthropic form written for " + a);
    };
  }

  /** An Anthropic body as a whole tool_use block, the way the Messages API returns it. */
  static Map<String, Object> toolUse(Map<String, Object> input) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "tool_use");
    m.put("id", "toolu_" + Integer.toHexString(input.hashCode()));
    m.put("name", "computer");
    m.put("input", input);
    return m;
  }

  /** An OpenAI batch as a computer_call item. */
  static Map<String, Object> computerCall(List<Map<String, Object>> actions) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "computer_call");
    m.put("call_id", "call_" + Integer.toHexString(actions.hashCode()));
    m.put("actions", new ArrayList<>(actions));
    return m;
  }
}
