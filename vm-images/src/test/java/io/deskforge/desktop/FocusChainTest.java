package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.desktop.x11.X11Exception;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The window list's focus chain when the focused window is destroyed while it is walked: a dialog
 * closing between the focus request and the QueryTree of its window (BadWindow). That error used
 * to fail the whole window list, and with it a reference solution's wait for the window under it
 * (chromium.download-folder, once in 40 trajectories with eight desktops at once).
 */
class FocusChainTest {
  static final int ROOT = 1000;

  @Test
  void aFocusedWindowDestroyedMidWalkIsWalkedAgainFromTheNewFocus() throws Exception {
    // first the chooser (7) has the focus and vanishes; then the browser's child (5) of window 4 does
    AtomicInteger asked = new AtomicInteger();
    Map<Integer, Integer> parents = Map.of(5, 4, 4, ROOT);
    var chain = DesktopObservation.focusChain(() -> asked.getAndIncrement() == 0 ? 7 : 5, w -> {
      if (w == 7) throw new X11Exception("X error BadWindow (request 15, value 0x7)", false, null);
      return parents.get(w);
    }, ROOT);
    assertThat(chain).containsExactlyInAnyOrder(5, 4);
    assertThat(asked).hasValue(2);
  }

  @Test
  void aFocusThatKeepsVanishingLeavesNoWindowFocused() throws Exception {
    var chain = DesktopObservation.focusChain(() -> 7, w -> {
      throw new X11Exception("X error BadWindow", false, null);
    }, ROOT);
    assertThat(chain).isEmpty();
  }

  @Test
  void aLostConnectionStillFails() {
    assertThatThrownBy(() -> DesktopObservation.focusChain(() -> 7, w -> {
      throw new X11Exception("connection lost", true, null);
    }, ROOT)).isInstanceOf(X11Exception.class).hasMessageContaining("connection lost");
  }
}
