package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `generate --families`: a bad family file stops the run before any desktop, naming file and field, without a stack trace. */
class GenerateFamiliesTest {
  @TempDir Path dir;

  @Test
  void aBadFamilyFileIsReportedByFileAndPointerWithoutAStackTrace() throws Exception {
    Path file = dir.resolve("broken.family.json");
    Files.writeString(file, """
        {"family": "xterm.broken.data", "app": "xterm", "description": "d",
         "parameters": [{"name": "f", "gen": "shell"}], "phrasings": ["Do {f}."], "setup": [],
         "checker": {"type": "check", "getter": {"type": "file_text", "path": "/home/user/{f}"}, "metric": {"type": "is_true"}},
         "solution": {"description": "s", "actions": [{"action": "type", "text": "x"}]},
         "negatives": [{"name": "a", "description": "", "actions": []}, {"name": "b", "description": "", "actions": []}]}
        """);
    Cli r = Cli.run("generate", "--families", dir.toString(), "--data-only", "--count", "1", "--bank", dir.resolve("b.sqlite").toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains(file + ": /parameters/0/gen: ").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("b.sqlite")).doesNotExist();
  }

  @Test
  void aFamilyIdThatIsABuiltInOneIsRefused() throws Exception {
    String typeText = FamilyResources.typeText().replace("\"mousepad.type-text.data\"", "\"mousepad.type-text\"");
    Files.writeString(dir.resolve("copy.family.json"), typeText);
    Cli r = Cli.run("generate", "--families", dir.toString(), "--count", "1", "--bank", dir.resolve("b.sqlite").toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains(dir.resolve("copy.family.json") + ": /family: 'mousepad.type-text' is already the id of the built-in family of mousepad");
  }

  @Test
  void dataOnlyNeedsFamilies() {
    Cli r = Cli.run("generate", "--data-only", "--count", "1", "--bank", dir.resolve("b.sqlite").toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains("--data-only needs --families");
  }

  static final class FamilyResources {
    static String typeText() throws Exception {
      try (var in = GenerateFamiliesTest.class.getResourceAsStream("/io/deskforge/apps/mousepad/families/type-text.family.json")) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
  }
}
