package io.deskforge.gym.action;

import io.deskforge.desktop.x11.Keysyms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Key names as models write them (xdotool's {@code Return}, {@code Page_Down}; OpenAI's
 * {@code ENTER}, {@code ARROWLEFT}, {@code CMD}) turned into the names deskforge records in a
 * {@code key} action, all of which {@link Keysyms#byName} knows. A name not in the alias table is
 * kept as written when Keysyms knows it ({@code Shift_L}, {@code bracketleft}, a single character)
 * and refused otherwise, naming it: deskforge presses no key it cannot name.
 */
final class KeyNames {
  private KeyNames() {}

  /** Lower-case spelling → the name deskforge records. */
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    alias("ctrl", "ctrl", "control");
    alias("alt", "alt", "option");
    alias("shift", "shift");
    alias("super", "super", "cmd", "command", "meta", "win", "windows");
    alias("Return", "return", "enter");
    alias("Escape", "escape", "esc");
    alias("BackSpace", "backspace");
    alias("Tab", "tab");
    alias("Delete", "delete", "del");
    alias("Insert", "insert");
    alias("Home", "home");
    alias("End", "end");
    alias("Page_Up", "page_up", "pageup", "pgup", "prior");
    alias("Page_Down", "page_down", "pagedown", "pgdn", "next");
    alias("Left", "left", "arrowleft");
    alias("Right", "right", "arrowright");
    alias("Up", "up", "arrowup");
    alias("Down", "down", "arrowdown");
    alias("Caps_Lock", "caps_lock", "capslock");
    alias("Menu", "menu");
    alias("KP_Enter", "kp_enter");
    alias("space", "space");
    alias("plus", "plus");
    for (int f = 1; f <= 12; f++) alias("F" + f, "f" + f);
  }

  private static void alias(String name, String... spellings) {
    if (Keysyms.byName(name) < 0) throw new IllegalStateException("Keysyms does not know '" + name + "'");
    for (String s : spellings) ALIASES.put(s, name);
  }

  /** The names the alias table maps to, each one Keysyms knows. */
  static Collection<String> recordedNames() {
    return Collections.unmodifiableCollection(new java.util.LinkedHashSet<>(ALIASES.values()));
  }

  /**
   * The name deskforge records for a key, or null if it has none.
   *
   * @param lowerLetters whether a letter names a key rather than a character, so that OpenAI's
   *     {@code ["CTRL", "C"]} is ctrl+c and not ctrl+shift+c (in xdotool's syntax {@code A} is
   *     shift+a, so the Anthropic tool keeps letters as written)
   */
  static String recorded(String key, boolean lowerLetters) {
    if (key.codePointCount(0, key.length()) == 1) {
      int cp = key.codePointAt(0);
      if (cp == '+') return "plus";
      if (cp == ' ') return "space";
      if (Character.isWhitespace(cp) || Character.isISOControl(cp)) return null;
      return lowerLetters && Character.isLetter(cp) ? key.toLowerCase(Locale.ROOT) : key;
    }
    String alias = ALIASES.get(key.toLowerCase(Locale.ROOT));
    if (alias != null) return alias;
    if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) return null;
    return Keysyms.byName(key) >= 0 ? key : null;
  }

  /**
   * xdotool's key syntax, as the Anthropic tool's {@code key} and {@code hold_key} take it:
   * combinations separated by spaces, the keys of one joined by '+'. Returns deskforge's spelling.
   */
  static String xdotool(String text, String ptr) {
    if (text.isBlank()) throw new ActionException(ptr, "names no key");
    List<String> combos = new ArrayList<>();
    for (String combo : text.trim().split("\\s+")) combos.add(combo(combo, ptr, false));
    return String.join(" ", combos);
  }

  /** OpenAI's {@code keypress}: one key an element (an element {@code "CTRL+C"} is split too), pressed together. */
  static String openai(List<String> keys, List<String> pointers) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i).equals(" ") ? " " : keys.get(i).trim(); // " " is the space bar
      parts.add(combo(key, pointers.get(i), true));
    }
    return String.join("+", parts);
  }

  /**
   * Checks deskforge's own {@code keys} as the desktop reads them, leaving their spelling alone.
   * A literal '+' key must be written {@code plus}: the desktop splits combinations on '+'.
   */
  static void check(String combos, String ptr) {
    if (combos.isBlank()) throw new ActionException(ptr, "names no key");
    for (String combo : combos.trim().split("\\s+")) {
      for (String part : split(combo, ptr)) {
        if (part.equals("+")) throw new ActionException(ptr, "write the + key as 'plus' in '" + combo + "' (ctrl+plus)");
        if (Keysyms.byName(part) < 0) throw unknown(part, combo, ptr);
      }
    }
  }

  private static String combo(String combo, String ptr, boolean lowerLetters) {
    List<String> names = new ArrayList<>();
    for (String part : split(combo, ptr)) {
      String name = recorded(part, lowerLetters);
      if (name == null) throw unknown(part, combo, ptr);
      names.add(name);
    }
    return String.join("+", names);
  }

  /** The keys of one combination: '+' separates them, and a '+' where a key is due is the plus key ({@code ctrl++}). */
  static List<String> split(String combo, String ptr) {
    List<String> keys = new ArrayList<>();
    int i = 0;
    int n = combo.length();
    while (i < n) {
      if (combo.charAt(i) == '+') {
        keys.add("+");
        i++;
      } else {
        int end = combo.indexOf('+', i);
        if (end < 0) end = n;
        keys.add(combo.substring(i, end));
        i = end;
      }
      if (i == n) break;
      if (combo.charAt(i) != '+' || i == n - 1) {
        throw new ActionException(ptr, "cannot read the key combination '" + combo + "'; join keys with '+', as in ctrl+shift+t");
      }
      i++;
    }
    if (keys.isEmpty()) throw new ActionException(ptr, "names no key");
    return keys;
  }

  private static ActionException unknown(String key, String combo, String ptr) {
    String where = key.equals(combo) ? "" : " in '" + combo + "'";
    return new ActionException(ptr, "unknown key '" + key + "'" + where + "; deskforge knows " + String.join(", ", recordedNames())
        .replace("F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12", "F1-F12")
        + ", single characters and X keysym names such as Shift_L or bracketleft");
  }
}
