package io.deskforge.apps.osworld;

import io.deskforge.task.action.Action;

/**
 * Chromium's address bar in a web app's end-state model, used as the apps' GUI helpers use it: a
 * click on it gives it the keys, Ctrl+A empties what it holds, typed text goes in, and Return opens
 * the address and gives the keys back to the page. A model offers each action here first.
 */
public final class AddressBar {
  private final int x, y;
  private boolean focused;
  private String typed = "";
  private String opened;

  /** The bar at (x, y) on the screen, as the app's GUI helpers click it. */
  public AddressBar(int x, int y) {
    this.x = x;
    this.y = y;
  }

  /** Whether the action went to the bar (a click on it, or a key or text while it has the keys). */
  public boolean takes(Action a) {
    opened = null;
    switch (a) {
      case Action.Click c when c.x() == x && c.y() == y -> {
        focused = true;
        typed = "";
      }
      case Action.Key k when focused && k.keys().equals("ctrl+a") -> typed = "";
      case Action.Type t when focused -> typed += t.text();
      case Action.Key k when focused && k.keys().equals("Return") -> {
        focused = false;
        opened = typed;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The address the action just taken opened (it was Return), or null. */
  public String opened() {
    return opened;
  }
}
