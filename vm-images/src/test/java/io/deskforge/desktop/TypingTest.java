package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.action.Action;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Text with characters the keymap lacks types exactly: more distinct ones than there are spare
 * keycodes, so every spare keycode is bound again several times while keys are still queued.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TypingTest {
  @TempDir Path work;
  static final List<String> PROVIDERS = Desktops.PROVIDERS;

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void unicodeTextWithMoreDistinctCharactersThanSpareKeycodesTypesExactly(String provider) {
    StringBuilder text = new StringBuilder("Grüße, déjà vu, naïve façade, Ελληνικά, русский, ");
    for (int cp = 0x4E00; cp < 0x4E00 + 300; cp++) text.appendCodePoint(cp);
    text.append(" 😀 ✓ → ∑ ½ end");
    try (DesktopProvider p = DesktopProviders.create(provider); Desktop d = p.create(Desktops.mousepad(work))) {
      d.start();
      d.privileged().writeText("/home/user/u.txt", "");
      d.launch(Desktops.mousepadLaunch("/home/user/u.txt"));
      d.act(Action.type(text.toString()));
      d.act(Action.key("ctrl+s"));
      d.act(Action.waitForWindow("^~/u\\.txt - Mousepad$"));
      d.settle(Duration.ofMillis(100), Duration.ofSeconds(3));
      assertThat(d.privileged().readText("/home/user/u.txt")).isEqualTo(text.toString());
    }
  }
}
