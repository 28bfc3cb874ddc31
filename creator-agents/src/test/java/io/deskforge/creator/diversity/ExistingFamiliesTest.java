package io.deskforge.creator.diversity;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExistingFamiliesTest {

  @Test
  void namesEachFamilyWithItsShapeActionsAndAnInstruction() {
    AppCatalog catalog = AppCatalog.load();
    List<FamilyProfile> profiles = FamilyProfiles.ofFamilies(catalog.families(catalog.names()), 2);

    String brief = ExistingFamilies.brief("mousepad", profiles);

    assertThat(brief).startsWith("mousepad already has 4 families")
        .contains("- mousepad.replace-word: checker all(check(file_text,equals),check(file_text,not_contains)); actions ",
            "- mousepad.type-text: checker check(file_text,equals)",
            "Checker shapes in use (families): all(check(file_text,equals),check(file_text,not_contains)) (1), check(file_text,equals) (3)")
        .doesNotContain("xterm", "gnumeric");
    assertThat(brief.lines().filter(l -> l.startsWith("- "))).hasSize(4).allMatch(l -> l.contains("for example \""));
    assertThat(ExistingFamilies.brief("libreoffice", profiles)).contains("no task family yet");
  }
}
