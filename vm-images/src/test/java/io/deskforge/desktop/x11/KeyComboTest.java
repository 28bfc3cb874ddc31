package io.deskforge.desktop.x11;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyComboTest {
  @Test
  void aComboSplitsOnPlusAndATrailingDoublePlusIsThePlusKey() {
    assertThat(X11Input.parts("ctrl+s")).containsExactly("ctrl", "s");
    assertThat(X11Input.parts("ctrl+shift+Home")).containsExactly("ctrl", "shift", "Home");
    assertThat(X11Input.parts("ctrl++")).containsExactly("ctrl", "+");
    assertThat(X11Input.parts("+")).containsExactly("+");
    assertThat(X11Input.parts("Return")).containsExactly("Return");
  }
}
