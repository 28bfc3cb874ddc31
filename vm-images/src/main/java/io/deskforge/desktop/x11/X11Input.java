package io.deskforge.desktop.x11;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mouse and keyboard through XTEST. Characters that the keymap lacks are typed by binding their
 * keysym to a spare keycode for the moment, as xdotool does, but without its race: the spare
 * keycodes are used in turn, and one is bound again only after the desktop has gone quiet (its
 * apps have read the key presses still queued for the old binding), so a key is never read with a
 * later binding than the one it was typed with.
 */
public final class X11Input {
  private static final int LEFT = 1;
  private static final int RIGHT = 3;

  private final X11Connection x;
  private final java.util.function.BooleanSupplier quiesce;
  private final Map<Integer, int[]> keycodeOf = new HashMap<>(); // keysym -> {keycode, level}
  private final List<Integer> spares = new ArrayList<>();
  private final java.util.Set<Integer> usedSinceQuiet = new java.util.HashSet<>();
  private int nextSpare;
  private int lastReleased = -1; // the keycode released last, to tell a second tap of it from a key repeat
  private boolean mapped;

  /**
   * @param quiesce waits until the desktop's apps have handled the input sent so far; false when
   *     they did not in reasonable time
   */
  public X11Input(X11Connection x, java.util.function.BooleanSupplier quiesce) {
    this.x = x;
    this.quiesce = quiesce;
  }

  public X11Input(X11Connection x) {
    this(x, () -> {
      pause(100);
      return true;
    });
  }

  public void move(int px, int py) throws IOException {
    x.fakeInput(X11Connection.MOTION_NOTIFY, 0, px, py);
    x.sync();
  }

  public void click(int px, int py, int button, int count) throws IOException {
    x.fakeInput(X11Connection.MOTION_NOTIFY, 0, px, py);
    for (int i = 0; i < count; i++) {
      x.fakeInput(X11Connection.BUTTON_PRESS, button, 0, 0);
      x.fakeInput(X11Connection.BUTTON_RELEASE, button, 0, 0);
    }
    x.sync();
  }

  /** Moves to (px, py) and presses ({@code down}) or releases a button: 1 left, 2 middle, 3 right. */
  public void button(int px, int py, int button, boolean down) throws IOException {
    x.fakeInput(X11Connection.MOTION_NOTIFY, 0, px, py);
    x.fakeInput(down ? X11Connection.BUTTON_PRESS : X11Connection.BUTTON_RELEASE, button, 0, 0);
    x.sync();
  }

  public void leftClick(int px, int py, int count) throws IOException {
    click(px, py, LEFT, count);
  }

  public void rightClick(int px, int py) throws IOException {
    click(px, py, RIGHT, 1);
  }

  /** Press, move in steps (toolkits start a drag only after the pointer travels), release. */
  public void drag(int fromX, int fromY, int toX, int toY) throws IOException {
    x.fakeInput(X11Connection.MOTION_NOTIFY, 0, fromX, fromY);
    x.fakeInput(X11Connection.BUTTON_PRESS, LEFT, 0, 0);
    x.sync();
    int steps = 12;
    for (int i = 1; i <= steps; i++) {
      x.fakeInput(X11Connection.MOTION_NOTIFY, 0, fromX + (toX - fromX) * i / steps, fromY + (toY - fromY) * i / steps);
      x.sync();
      pause(8);
    }
    x.fakeInput(X11Connection.BUTTON_RELEASE, LEFT, 0, 0);
    x.sync();
  }

  /** Wheel clicks: positive dy down (button 5), negative up (4); positive dx right (7), negative left (6). */
  public void scroll(int px, int py, int dx, int dy) throws IOException {
    x.fakeInput(X11Connection.MOTION_NOTIFY, 0, px, py);
    for (int i = 0; i < Math.abs(dy); i++) {
      int b = dy > 0 ? 5 : 4;
      x.fakeInput(X11Connection.BUTTON_PRESS, b, 0, 0);
      x.fakeInput(X11Connection.BUTTON_RELEASE, b, 0, 0);
    }
    for (int i = 0; i < Math.abs(dx); i++) {
      int b = dx > 0 ? 7 : 6;
      x.fakeInput(X11Connection.BUTTON_PRESS, b, 0, 0);
      x.fakeInput(X11Connection.BUTTON_RELEASE, b, 0, 0);
    }
    x.sync();
  }

  /** Types text key by key; a round trip every few characters keeps the server's queue short. */
  public void type(String text) throws IOException {
    loadMapping();
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r') continue;
      tap(Keysyms.ofCodePoint(cp));
      if (++n % 16 == 0) x.sync();
    }
    x.sync();
  }

  /**
   * Presses key combinations such as {@code ctrl+s} or {@code ctrl+shift+Home}; several separated
   * by spaces are pressed one after another.
   */
  public void key(String combos) throws IOException {
    holdKeys(combos, 0);
  }

  /** Like {@link #key}, each combination held down for {@code holdMs} before it is released. */
  public void holdKeys(String combos, long holdMs) throws IOException {
    loadMapping();
    for (String combo : combos.trim().split("\\s+")) {
      List<Integer> keysyms = new ArrayList<>();
      for (String part : parts(combo)) {
        int ks = Keysyms.byName(part);
        if (ks < 0) throw new IllegalArgumentException("unknown key '" + part + "' in '" + combo + "'");
        keysyms.add(ks);
      }
      List<Integer> pressed = new ArrayList<>();
      for (int ks : keysyms) {
        int[] kc = keycode(ks);
        if (kc[1] == 1 && !keysyms.contains(Keysyms.SHIFT_L)) {
          int shift = keycode(Keysyms.SHIFT_L)[0];
          x.fakeInput(X11Connection.KEY_PRESS, shift, 0, 0);
          pressed.add(shift);
        }
        apart(kc[0]);
        x.fakeInput(X11Connection.KEY_PRESS, kc[0], 0, 0);
        pressed.add(kc[0]);
      }
      if (holdMs > 0) {
        x.sync();
        pause(holdMs);
      }
      for (int i = pressed.size() - 1; i >= 0; i--) x.fakeInput(X11Connection.KEY_RELEASE, pressed.get(i), 0, 0);
      lastReleased = pressed.isEmpty() ? -1 : pressed.get(0);
      x.sync();
    }
  }

  /** The keys of one combination: "ctrl+s" is ctrl and s; "ctrl++" and "+" name the plus key itself. */
  static List<String> parts(String combo) {
    if (combo.equals("+")) return List.of("+");
    boolean plusLast = combo.endsWith("++");
    String head = plusLast ? combo.substring(0, combo.length() - 2) : combo;
    List<String> out = new ArrayList<>(List.of(head.split("\\+")));
    if (plusLast) out.add("+");
    return out;
  }

  private void tap(int keysym) throws IOException {
    int[] kc = keycode(keysym);
    if (spares.contains(kc[0])) usedSinceQuiet.add(kc[0]);
    int shift = kc[1] == 1 ? keycode(Keysyms.SHIFT_L)[0] : 0;
    if (shift != 0) x.fakeInput(X11Connection.KEY_PRESS, shift, 0, 0);
    apart(kc[0]);
    x.fakeInput(X11Connection.KEY_PRESS, kc[0], 0, 0);
    x.fakeInput(X11Connection.KEY_RELEASE, kc[0], 0, 0);
    lastReleased = kc[0];
    if (shift != 0) {
      x.fakeInput(X11Connection.KEY_RELEASE, shift, 0, 0);
      lastReleased = shift;
    }
  }

  /**
   * A press of the key just released gets a later server time than the release. Within one
   * millisecond the pair is what an auto-repeating key sends, and some toolkits (LibreOffice's X11
   * one) drop or merge it: "11" typed into Calc arrived as "1", and "Right Right" moved one cell.
   */
  private void apart(int keycode) throws IOException {
    if (keycode != lastReleased) return;
    x.sync();
    pause(2);
  }

  /** {keycode, level} for a keysym, binding it to the spare keycode when the keymap lacks it. */
  private int[] keycode(int keysym) throws IOException {
    int[] kc = keycodeOf.get(keysym);
    if (kc != null) return kc;
    if (spares.isEmpty()) {
      throw new X11Exception("no spare keycode to type keysym 0x" + Integer.toHexString(keysym), false, null);
    }
    int spare = spares.get(nextSpare);
    nextSpare = (nextSpare + 1) % spares.size();
    if (usedSinceQuiet.contains(spare)) {
      // this keycode was typed with another binding: its presses must be read before it changes
      x.sync();
      if (!quiesce.getAsBoolean()) {
        throw new X11Exception("the desktop's apps did not take the keys typed so far in time; rebinding a keycode now "
            + "would garble them", false, null);
      }
      usedSinceQuiet.clear();
    }
    x.changeKeyboardMapping(spare, new int[] {keysym, keysym});
    x.sync();
    pause(30); // clients reload their keymap on MappingNotify before the key arrives
    keycodeOf.values().removeIf(v -> v[0] == spare);
    int[] bound = {spare, 0};
    keycodeOf.put(keysym, bound);
    return bound;
  }

  private void loadMapping() throws IOException {
    if (mapped) return;
    int[][] map = x.keyboardMapping();
    for (int k = map.length - 1; k >= 0; k--) {
      int keycode = x.minKeycode() + k;
      boolean empty = true;
      for (int level = Math.min(1, map[k].length - 1); level >= 0; level--) {
        int ks = map[k][level];
        if (ks != 0) {
          empty = false;
          keycodeOf.put(ks, new int[] {keycode, level});
        }
      }
      if (empty && allZero(map[k])) spares.add(keycode); // unused keycodes, highest first
    }
    mapped = true;
  }

  private static boolean allZero(int[] a) {
    for (int v : a) if (v != 0) return false;
    return true;
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
