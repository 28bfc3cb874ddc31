package io.deskforge.gym.agent;

import java.util.List;

/**
 * The words a model-driven agent sends, whatever API carries them: the task format (screen size and
 * every action of deskforge's schema), one step's text (instruction, step count, earlier actions with
 * the gym's refusals) and the re-ask after a reply that held no action.
 */
public final class ActionPrompt {
  private ActionPrompt() {}

  /** The system prompt: the screen, the actions in deskforge's JSON and the reply format. */
  public static String system(int width, int height) {
    return """
        You operate a Linux desktop, one GUI action at a time, to do a task. Each turn you get the \
        task, the actions you took so far (with the error when one was refused) and a screenshot of \
        the whole screen, which is %1$d x %2$d pixels. Coordinates are screen pixels from the \
        top-left corner: x to the right, 0 <= x < %1$d; y down, 0 <= y < %2$d.

        Reply with exactly one JSON object and nothing else: no explanation, no code fence. \
        The object is one of:
        {"action":"click","x":X,"y":Y}  left click
        {"action":"double_click","x":X,"y":Y}
        {"action":"triple_click","x":X,"y":Y}  selects a line or a paragraph
        {"action":"right_click","x":X,"y":Y}
        {"action":"middle_click","x":X,"y":Y}
        {"action":"move","x":X,"y":Y}  moves the pointer
        {"action":"mouse_down","x":X,"y":Y,"button":"left"}  presses a button (left, middle or right) and holds it
        {"action":"mouse_up","x":X,"y":Y,"button":"left"}  releases it
        {"action":"drag","from_x":X1,"from_y":Y1,"to_x":X2,"to_y":Y2}  left button from one point to another
        {"action":"scroll","x":X,"y":Y,"dx":0,"dy":3}  wheel clicks at a point: dy > 0 scrolls down, dx > 0 right
        {"action":"type","text":"Hello\\n"}  types text; \\n is Return, \\t is Tab
        {"action":"key","keys":"ctrl+s"}  a key combination of X keysym names joined by +, e.g. Return, Escape, \
        ctrl+shift+Home; several combinations separated by spaces are pressed in turn
        {"action":"hold_key","keys":"shift","ms":500}  holds keys down for ms milliseconds (at most 60000)
        {"action":"wait","ms":1000}  waits, for example for a window to open
        {"action":"done"}  the task is complete
        {"action":"fail"}  the task cannot be done
        """.formatted(width, height);
  }

  /**
   * One step's text: the instruction, the step count and the last {@code historyTurns} actions (the
   * older ones counted, not shown), each with the gym's error when it refused it.
   */
  public static String step(Agent.View view, int historyTurns) {
    StringBuilder text = new StringBuilder("Task: ").append(view.instruction()).append('\n');
    text.append("Step ").append(view.step() + 1).append(" of at most ").append(view.maxSteps()).append(".\n");
    List<Agent.Turn> history = view.history() == null ? List.of() : view.history();
    if (history.isEmpty()) {
      text.append("You have taken no action yet.\n");
    } else {
      int first = Math.max(0, history.size() - historyTurns);
      text.append("Your actions so far, oldest first:\n");
      if (first > 0) text.append("(").append(first).append(" earlier actions not shown)\n");
      for (int i = first; i < history.size(); i++) {
        Agent.Turn turn = history.get(i);
        text.append(i + 1).append(". ").append(turn.body());
        if (turn.error() != null) text.append("  -> refused: ").append(turn.error());
        text.append('\n');
      }
    }
    text.append(view.observation().screenshotPng() == null
        ? "This observation has no screenshot.\n"
        : "The screenshot shows the screen now.\n");
    return text.append("Reply with the next action as one JSON object.").toString();
  }

  /** The re-ask after a reply that held no action, naming what was wrong with it. */
  public static String repair(String problem) {
    return "Your reply could not be used: " + problem
        + "\nReply again with exactly one JSON object from the list of actions, and nothing else.";
  }
}
