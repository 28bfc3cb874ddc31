package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.desktop.ready.Ready;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A readiness of several conditions in turn that times out says which one it was still waiting
 * for, and which window had the focus: "not ready" alone left a MediaWiki desktop's failure under
 * load (the page's title shown, and then?) to guesswork.
 */
class ReadyTimeoutTest {
  @TempDir Path work;

  @Test
  void theTimeoutNamesTheConditionStillAwaitedAndTheFocusedWindow() {
    DesktopConfig config = DesktopConfig.builder().image("xmessage", List.of("x11-utils")).workRoot(work).build();
    try (DesktopProvider provider = DesktopProviders.create("sandbox"); Desktop d = provider.create(config)) {
      d.start();
      // the window comes and takes the focus; the file never does
      AppLaunch launch = new AppLaunch("message", List.of("xmessage", "-title", "Shown", "hello"), Map.of(),
          Ready.allOf(Ready.windowReady("^Shown$"), Ready.fileExists("/home/user/never")), Duration.ofSeconds(4));
      assertThatThrownBy(() -> d.launch(launch))
          .isInstanceOf(DesktopException.class)
          .hasMessageContaining("not ready after 4000 ms; waited for a focused window matching /^Shown$/, then the app idle for 120 ms, then file /home/user/never to exist")
          .hasMessageContaining("; still waiting for file /home/user/never to exist;")
          .hasMessageContaining("windows: [Shown (focused)]");
    }
  }
}
