package io.deskforge.apps.osworld;

import io.deskforge.apps.chromium.AddressBar;
import io.deskforge.task.action.Action;

/**
 * Chromium's address bar in a web app's end-state model, used as {@link AddressBar} uses it: a
 * click on it or Ctrl+L gives it the keys and selects what it holds, Ctrl+A selects it again,
 * typed text replaces it, and Return opens the address and gives the keys back to the page. A model
 * offers each action here first.
 */
public final class AddressBarModel {
  private boolean focused;
  private String typed = "";
  private String opened;

  /** Whether the action went to the bar (a click on it, or a key or text while it has the keys). */
  public boolean takes(Action a) {
    opened = null;
    switch (a) {
      case Action.Click c when c.x() == AddressBar.X && c.y() == AddressBar.Y -> {
        focused = true;
        typed = "";
      }
      case Action.Key k when k.keys().equals("ctrl+l") -> {
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
