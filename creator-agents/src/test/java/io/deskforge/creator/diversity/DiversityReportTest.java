package io.deskforge.creator.diversity;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.FamilyFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report over the real built-in families and the shipped ports of seven of them. */
class DiversityReportTest {
  static DiversityReport report;

  @BeforeAll
  static void build() {
    AppCatalog catalog = AppCatalog.load().withFamilies(FamilyFiles.shipped());
    List<FamilyProfile> profiles = FamilyProfiles.ofFamilies(catalog.families(catalog.names()), FamilyProfiles.DEFAULT_SAMPLE);
    report = DiversityReport.of(profiles, InstructionEmbeddings.miniLm(), DiversityGate.DEFAULT_COSINE);
  }

  @Test
  void eachShippedPortIsNearItsJavaOriginalAndNoTwoJavaFamiliesAreNear() {
    List<DiversityReport.Neighbour> all = report.apps().stream().flatMap(a -> a.neighbours().stream()).toList();
    AppCatalog catalog = AppCatalog.load().withFamilies(FamilyFiles.shipped());
    assertThat(all).hasSize(catalog.families(catalog.names()).size()); // one row per family of every app
    for (DiversityReport.Neighbour n : all) {
      if (n.family().endsWith(".data")) {
        assertThat(n.neighbour()).as(n.family()).isEqualTo(n.family().replace(".data", ""));
        assertThat(n.near()).as(n.family() + " at " + n.cosine()).isTrue();
      } else if (!n.neighbour().equals(n.family() + ".data")) {
        assertThat(n.near()).as(n.family() + " near " + n.neighbour() + " at " + n.cosine()).isFalse();
      }
    }
  }

  @Test
  void countsShapesAndActionsPerApp() {
    DiversityReport.App xterm = app("xterm");
    assertThat(xterm.families()).isEqualTo(8);
    assertThat(xterm.tasks()).isEqualTo(8 * FamilyProfiles.DEFAULT_SAMPLE);
    assertThat(xterm.checkerShapes()).hasSize(4).containsEntry("check(file_exists,is_true)", 2);
    assertThat(xterm.actionKinds()).containsOnlyKeys("type");
    DiversityReport.App mousepad = app("mousepad");
    assertThat(mousepad.checkerShapes()).containsOnlyKeys("check(file_text,equals)", "all(check(file_text,equals),check(file_text,not_contains))");
    assertThat(mousepad.actionKinds()).containsKeys("key", "type", "wait_window");
    java.util.Set<String> withPorts = new java.util.HashSet<>();
    FamilyFiles.shipped().forEach(f -> withPorts.add(f.app()));
    for (DiversityReport.App a : report.apps()) {
      assertThat(a.instructionSpread()).as(a.app()).isBetween(0.2, 1.0);
      assertThat(a.familySpread()).as(a.app()).isBetween(0.0, a.instructionSpread());
      assertThat(a.familyVolume()).as(a.app()).isBetween(0.0, 1.0);
      // the ports duplicate their originals: a quarter or more of the families of an app with ports are near one
      if (withPorts.contains(a.app())) assertThat(a.collapse()).as(a.app()).contains("have a near neighbour");
    }
  }

  @Test
  void theJavaFamiliesAloneDoNotCollapse() {
    AppCatalog catalog = AppCatalog.load();
    DiversityReport java = DiversityReport.of(FamilyProfiles.ofFamilies(catalog.families(catalog.names()), 8),
        InstructionEmbeddings.miniLm(), DiversityGate.DEFAULT_COSINE);
    assertThat(java.apps()).extracting(DiversityReport.App::app).contains("gnumeric", "mousepad", "xterm");
    for (DiversityReport.App a : java.apps()) {
      assertThat(a.collapse()).as(a.app()).isNull();
      assertThat(a.nearPairs()).as(a.app()).isZero();
    }
  }

  @Test
  void collapseNeedsFewShapesOrManyNearFamilies() {
    assertThat(DiversityReport.collapse(3, 1, 0)).isNull();
    assertThat(DiversityReport.collapse(4, 2, 0)).isNull();
    assertThat(DiversityReport.collapse(7, 2, 1)).isEqualTo("collapse: 7 families in 2 checker shapes");
    assertThat(DiversityReport.collapse(4, 1, 0)).isEqualTo("collapse: 4 families in 1 checker shape");
    assertThat(DiversityReport.collapse(8, 4, 2)).isEqualTo("collapse: 2 of 8 families have a near neighbour");
    assertThat(DiversityReport.collapse(8, 4, 1)).isNull();
  }

  @Test
  void volumeIsOneForOrthogonalAndZeroForRepeatedVectors() {
    float[] x = {1, 0, 0};
    float[] y = {0, 1, 0};
    assertThat(InstructionEmbeddings.volumePerVector(List.of(x, y))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(InstructionEmbeddings.volumePerVector(List.of(x, y, x))).isZero();
    assertThat(InstructionEmbeddings.meanPairwiseDistance(List.of(x, y, x))).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static DiversityReport.App app(String name) {
    return report.apps().stream().filter(a -> a.app().equals(name)).findFirst().orElseThrow();
  }
}
