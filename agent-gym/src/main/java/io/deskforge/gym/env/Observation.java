package io.deskforge.gym.env;

import io.deskforge.desktop.AccessibilityNode;
import io.deskforge.desktop.WindowInfo;
import java.util.List;

/**
 * What an agent sees after a reset or a step: only what is on the screen. Each part is present when
 * the env was asked for it ({@code observation: ["screenshot", "accessibility", "windows"]}) and
 * null otherwise.
 *
 * @param screenshotPng the whole screen as PNG
 * @param accessibility the AT-SPI tree of the desktop's apps
 * @param windows the top-level windows, in stacking order
 * @param cursor the pointer position {x, y}
 */
public record Observation(
    int width, int height, byte[] screenshotPng, AccessibilityNode accessibility, List<WindowInfo> windows, int[] cursor) {

  /** The parts of an observation an env can be asked for. */
  public enum Part {
    SCREENSHOT("screenshot"),
    ACCESSIBILITY("accessibility"),
    WINDOWS("windows");

    private final String wire;

    Part(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Part of(String name) {
      for (Part p : values()) if (p.wire.equals(name)) return p;
      throw new IllegalArgumentException("observation: unknown part '" + name + "'; give screenshot, accessibility or windows");
    }
  }
}
