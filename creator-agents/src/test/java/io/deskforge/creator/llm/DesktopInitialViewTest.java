package io.deskforge.creator.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.desktop.AccessibilityNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopInitialViewTest {

  @Test
  void theTreeIsShownOneNodeALineWithTheStatesThatTellSomething() {
    AccessibilityNode text = new AccessibilityNode("text", null, "line one\nline two", 0, 40, 800, 500,
        List.of("enabled", "focused", "editable", "showing"), List.of());
    AccessibilityNode menu = new AccessibilityNode("menu", "File", null, 0, 17, 40, 20, List.of("enabled", "visible"), List.of());
    AccessibilityNode frame = new AccessibilityNode("frame", "Untitled 1 - Mousepad", null, 0, 0, 1024, 768, List.of("active"),
        List.of(menu, text));
    assertThat(DesktopInitialView.render(frame)).isEqualTo("""
        frame "Untitled 1 - Mousepad" [0,0 1024x768] [active]
          menu "File" [0,17 40x20]
          text [0,40 800x500] text="line one\\nline two" [focused, editable]
        """);
  }
}
