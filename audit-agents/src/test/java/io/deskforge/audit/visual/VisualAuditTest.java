package io.deskforge.audit.visual;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.desktop.WindowInfo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The visual checks on real PNG bytes, decoded and measured by OpenCV. */
class VisualAuditTest {
  static final WindowInfo EDITOR = new WindowInfo(1, "~/notes.txt - Mousepad", "mousepad", "Mousepad", 0, 0, 800, 600, true);

  static byte[] png(boolean blank, String text) throws Exception {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 320, 240);
    if (!blank) {
      g.setColor(Color.WHITE);
      g.fillRect(10, 10, 300, 200);
      g.setColor(Color.BLACK);
      g.drawString(text, 20, 40);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static Map<String, Boolean> verdicts(List<VisualAudit.Finding> findings) {
    return findings.stream().collect(Collectors.toMap(VisualAudit.Finding::check, VisualAudit.Finding::passed));
  }

  @Test
  void aSolvedScreenPassesEveryCheck() throws Exception {
    var f = VisualAudit.inspect(png(false, "hello"), png(false, "hello, world and more text"), List.of(EDITOR), "mousepad", true);
    assertThat(verdicts(f)).containsExactlyInAnyOrderEntriesOf(
        Map.of("not-blank", true, "no-error-dialog", true, "app-window", true, "screen-changed", true));
  }

  @Test
  void aBlankEndScreenFails() throws Exception {
    var f = VisualAudit.inspect(png(false, "hello"), png(true, ""), List.of(EDITOR), "mousepad", true);
    assertThat(verdicts(f)).containsEntry("not-blank", false);
    assertThat(f).filteredOn(x -> x.check().equals("not-blank")).singleElement().extracting(VisualAudit.Finding::detail)
        .asString().contains("deviation 0.0");
  }

  @Test
  void anErrorDialogOrAMissingAppWindowFails() throws Exception {
    WindowInfo dialog = new WindowInfo(2, "Error saving file", "mousepad", "Mousepad", 10, 10, 300, 100, true);
    WindowInfo other = new WindowInfo(3, "xterm", "xterm", "XTerm", 0, 0, 640, 480, true);
    assertThat(verdicts(VisualAudit.inspect(png(false, "a"), png(false, "b"), List.of(EDITOR, dialog), "mousepad", true)))
        .containsEntry("no-error-dialog", false);
    assertThat(verdicts(VisualAudit.inspect(png(false, "a"), png(false, "b"), List.of(other), "mousepad", true)))
        .containsEntry("app-window", false);
  }

  @Test
  void anUnchangedScreenFailsOnlyWhenTheSolutionEdits() throws Exception {
    byte[] same = png(false, "unchanged");
    assertThat(verdicts(VisualAudit.inspect(same, same, List.of(EDITOR), "mousepad", true))).containsEntry("screen-changed", false);
    assertThat(verdicts(VisualAudit.inspect(same, same, List.of(EDITOR), "mousepad", false))).doesNotContainKey("screen-changed");
  }
}
