package io.deskforge.task.action;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One GUI action in the common computer-use action space. Coordinates are screen pixels of the
 * desktop's fixed resolution, origin top-left. Keys use X keysym names joined by '+', for example
 * {@code ctrl+s}, {@code Return}, {@code ctrl+shift+Home}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Action.Click.class, name = "click"),
  @JsonSubTypes.Type(value = Action.DoubleClick.class, name = "double_click"),
  @JsonSubTypes.Type(value = Action.RightClick.class, name = "right_click"),
  @JsonSubTypes.Type(value = Action.MiddleClick.class, name = "middle_click"),
  @JsonSubTypes.Type(value = Action.TripleClick.class, name = "triple_click"),
  @JsonSubTypes.Type(value = Action.MouseDown.class, name = "mouse_down"),
  @JsonSubTypes.Type(value = Action.MouseUp.class, name = "mouse_up"),
  @JsonSubTypes.Type(value = Action.Move.class, name = "move"),
  @JsonSubTypes.Type(value = Action.Drag.class, name = "drag"),
  @JsonSubTypes.Type(value = Action.Scroll.class, name = "scroll"),
  @JsonSubTypes.Type(value = Action.Type.class, name = "type"),
  @JsonSubTypes.Type(value = Action.Key.class, name = "key"),
  @JsonSubTypes.Type(value = Action.HoldKey.class, name = "hold_key"),
  @JsonSubTypes.Type(value = Action.Wait.class, name = "wait"),
  @JsonSubTypes.Type(value = Action.WaitForWindow.class, name = "wait_window"),
  @JsonSubTypes.Type(value = Action.WaitForMenu.class, name = "wait_menu"),
  @JsonSubTypes.Type(value = Action.WaitForIdle.class, name = "wait_idle"),
  @JsonSubTypes.Type(value = Action.ClickUntilWindow.class, name = "click_until_window"),
})
public sealed interface Action {

  /** The action's name as it appears in JSON. */
  default String name() {
    return ActionNames.of(this);
  }

  /** True for the actions that only wait (a time, a window, menus) and change nothing on the screen. */
  default boolean onlyWaits() {
    return this instanceof Wait || this instanceof WaitForWindow || this instanceof WaitForMenu || this instanceof WaitForIdle;
  }

  record Click(int x, int y) implements Action {}

  record DoubleClick(int x, int y) implements Action {}

  record RightClick(int x, int y) implements Action {}

  record MiddleClick(int x, int y) implements Action {}

  /** Three left clicks at one point: selects a line or a paragraph in most toolkits. */
  record TripleClick(int x, int y) implements Action {}

  /** Moves to (x, y) and presses a button ({@code left}, {@code middle} or {@code right}) without releasing it. */
  record MouseDown(int x, int y, String button) implements Action {
    public MouseDown {
      button = Buttons.check(button, "mouse_down");
    }
  }

  /** Moves to (x, y) and releases a button pressed by {@link MouseDown}. */
  record MouseUp(int x, int y, String button) implements Action {
    public MouseUp {
      button = Buttons.check(button, "mouse_up");
    }
  }

  record Move(int x, int y) implements Action {}

  /** Press the left button at (fromX, fromY), move to (toX, toY), release. */
  record Drag(int fromX, int fromY, int toX, int toY) implements Action {}

  /** Wheel clicks at (x, y): positive dy scrolls down, positive dx scrolls right. */
  record Scroll(int x, int y, int dx, int dy) implements Action {}

  /** Types text as key presses; '\n' is Return and '\t' is Tab. */
  record Type(String text) implements Action {
    public Type {
      if (text == null) throw new IllegalArgumentException("type: text is required");
    }
  }

  /** A key combination such as {@code ctrl+s}; several combinations separated by spaces are pressed in turn. */
  record Key(String keys) implements Action {
    public Key {
      if (keys == null || keys.isBlank()) throw new IllegalArgumentException("key: keys is required");
    }
  }

  /** Holds a key combination down for {@code ms} milliseconds, then releases it. */
  record HoldKey(String keys, long ms) implements Action {
    public HoldKey {
      if (keys == null || keys.isBlank()) throw new IllegalArgumentException("hold_key: keys is required");
      if (ms < 0 || ms > 60_000) throw new IllegalArgumentException("hold_key: ms must be 0 to 60000, got " + ms);
    }
  }

  /** The mouse buttons actions name. */
  final class Buttons {
    private Buttons() {}

    static String check(String button, String action) {
      if (button == null || button.isBlank()) return "left";
      return switch (button) {
        case "left", "middle", "right" -> button;
        default -> throw new IllegalArgumentException(action + ": button must be left, middle or right, got '" + button + "'");
      };
    }
  }

  record Wait(long ms) implements Action {
    public Wait {
      if (ms < 0) throw new IllegalArgumentException("wait: ms must be >= 0, got " + ms);
    }
  }

  /**
   * Waits until a window whose title matches {@code title} (a regular expression) is mapped. What a
   * person does by looking at the screen; reference solutions use it so that they do not depend on
   * how fast a dialog opens.
   */
  record WaitForWindow(String title, long timeoutMs) implements Action {
    public WaitForWindow {
      if (title == null || title.isBlank()) throw new IllegalArgumentException("wait_window: title is required");
      if (timeoutMs <= 0) timeoutMs = 5000;
    }
  }

  /**
   * Waits until {@code depth} menus are open on the screen (1: a menu, 2: its submenu too), or,
   * with depth 0, until none is. A menu is a pop-up window: mapped without the window manager
   * (override-redirect), as toolkits map menus, and not a window with a title to wait for. What a
   * person does by seeing the menu drop down; reference solutions use it after a menu's
   * accelerator so that the next key goes to the menu, not to the window below, however slowly
   * the menu comes. A tooltip is a pop-up too, so the pointer should not rest on a toolbar.
   */
  record WaitForMenu(int depth, long timeoutMs) implements Action {
    public WaitForMenu {
      if (depth < 0) throw new IllegalArgumentException("wait_menu: depth must be >= 0, got " + depth);
      if (timeoutMs <= 0) timeoutMs = 5000;
    }
  }

  /**
   * Waits until the desktop's apps have been idle for {@code quietMs} (together under 2 ms of CPU
   * in that time), or {@code timeoutMs} passed, and goes on either way. What a person does by
   * waiting for a page to finish loading: a browser sets a page's window title before the page has
   * built its controls, and a click then lands on an empty page. Apps with steady background work
   * never go quiet; for them this is a wait of timeoutMs.
   */
  record WaitForIdle(long quietMs, long timeoutMs) implements Action {
    public WaitForIdle {
      if (quietMs <= 0) throw new IllegalArgumentException("wait_idle: quiet_ms must be > 0, got " + quietMs);
      if (timeoutMs <= 0) timeoutMs = 5000;
      if (quietMs > timeoutMs) throw new IllegalArgumentException("wait_idle: quiet_ms (" + quietMs + ") exceeds timeout_ms (" + timeoutMs + ")");
    }
  }

  /**
   * Clicks (x, y) and waits for a window whose title matches {@code title}; when none has come
   * {@code retryMs} after a click, clicks again, until {@code timeoutMs} passed in all (then it
   * fails as {@link WaitForWindow} does). What a person does when a button did not react. Only for
   * a button that opens the window and does nothing more if pressed again while the window is on
   * its way (Chromium's settings open one folder chooser however often Change is pressed): a
   * click is never sent once the window is there. Chromium dropped the first click on Change in
   * about 1 in 30 trajectories on a loaded host, the page drawn and idle, while a second one
   * opened the chooser every time.
   */
  record ClickUntilWindow(int x, int y, String title, long retryMs, long timeoutMs) implements Action {
    public ClickUntilWindow {
      if (title == null || title.isBlank()) throw new IllegalArgumentException("click_until_window: title is required");
      if (retryMs <= 0) retryMs = 5000;
      if (timeoutMs <= 0) timeoutMs = 15_000;
      if (retryMs > timeoutMs) throw new IllegalArgumentException("click_until_window: retry_ms (" + retryMs + ") exceeds timeout_ms (" + timeoutMs + ")");
    }
  }

  static Click click(int x, int y) { return new Click(x, y); }

  static Type type(String text) { return new Type(text); }

  static Key key(String keys) { return new Key(keys); }

  static Wait waitMs(long ms) { return new Wait(ms); }

  static WaitForWindow waitForWindow(String titleRegex) { return new WaitForWindow(titleRegex, 5000); }

  /** {@code depth} menus open (0: none), waited for up to 20 s: menus come late on a loaded host. */
  static WaitForMenu waitForMenu(int depth) { return new WaitForMenu(depth, 20_000); }

  /** Idle for 300 ms, waited for up to 20 s: pages and dialogs come late on a loaded host. */
  static WaitForIdle waitForIdle() { return new WaitForIdle(300, 20_000); }
}
