package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.desktop.ready.Ready;
import io.deskforge.task.action.Action;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code click_until_window} in a real sandbox desktop, against a button that drops its first
 * press as Chromium's Change did: an xmessage whose button, pressed once, only comes back, and
 * pressed a second time opens the window waited for.
 */
class ClickUntilWindowTest {
  @TempDir Path work;

  /** The button is one xmessage after another; the second press opens the window "Opened". */
  static final String SCRIPT = """
      n=0
      while true; do
        xmessage -title Button -buttons 'press                                   here' ''
        n=$((n+1)); echo $n > /home/user/presses
        if [ $n -ge 2 ]; then exec xmessage -title Opened opened; fi
      done
      """;

  @Test
  void pressesAgainUntilTheWindowComesThenStopsAndFailsNamingItsPressesWhenNoneDoes() {
    DesktopConfig config = DesktopConfig.builder().image("xmessage", List.of("x11-utils")).workRoot(work).build();
    try (DesktopProvider provider = DesktopProviders.create("sandbox"); Desktop d = provider.create(config)) {
      d.start();
      d.launch(AppLaunch.of("button", List.of("sh", "-c", SCRIPT), Ready.windowMapped("^Button$")));
      WindowInfo button = d.windows().stream().filter(w -> "Button".equals(w.title())).findFirst().orElseThrow();
      // the window manager maximizes it; its button is the row along the bottom, from the left edge
      int x = button.x() + 60, y = button.y() + button.height() - 17;

      d.act(new Action.ClickUntilWindow(x, y, "^Opened$", 1500, 15_000));
      assertThat(d.windows()).extracting(WindowInfo::title).contains("Opened");
      assertThat(d.privileged().readText("/home/user/presses").strip()).as("presses").isEqualTo("2");

      // the window is there: no press at all (one would land on its own button, okay, and close it)
      d.act(new Action.ClickUntilWindow(x, y, "^Opened$", 1500, 15_000));
      d.act(Action.waitMs(500));
      assertThat(d.windows()).extracting(WindowInfo::title).contains("Opened");

      assertThatThrownBy(() -> d.act(new Action.ClickUntilWindow(x, y, "^Never$", 1000, 2500)))
          .isInstanceOf(DesktopException.class)
          .hasMessageContaining("no window titled /^Never$/ after 3 clicks at (" + x + ", " + y + ") in 2500 ms");
    }
  }
}
