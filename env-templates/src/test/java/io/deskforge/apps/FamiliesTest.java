package io.deskforge.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The task families' contract, checked without desktops (the audit tests replay them). */
class FamiliesTest {
  static final AppCatalog CATALOG = AppCatalog.load();

  @Test
  void theCatalogHasItsAppsWithAtLeastThreeFamiliesEach() {
    assertThat(CATALOG.names()).containsExactly("chromium", "dokuwiki", "gnumeric", "jupyter", "libreoffice-calc", "libreoffice-impress",
        "libreoffice-writer", "mediawiki", "mousepad", "tiddlywiki", "xterm");
    for (AppTemplate app : CATALOG.all()) {
      assertThat(app.families()).as(app.name()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(app.packages()).as(app.name()).isNotEmpty();
      assertThat(app.getters()).as(app.name()).isNotEmpty();
      app.families().forEach(f -> {
        assertThat(f.app()).isEqualTo(app.name());
        assertThat(f.id()).startsWith(app.name() + ".");
      });
    }
  }

  @TestFactory
  List<DynamicTest> aThousandSeedsGiveAThousandDifferentTasks() {
    return CATALOG.families(CATALOG.names()).stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      Set<String> ids = new HashSet<>();
      Set<String> instructions = new HashSet<>();
      Set<String> phrasingStarts = new HashSet<>();
      for (long seed = 0; seed < 1000; seed++) {
        TaskSpec t = f.sample(seed);
        ids.add(t.id());
        instructions.add(t.instruction());
        phrasingStarts.add(t.instruction().split(" ")[0]);
      }
      assertThat(ids).as("distinct task ids").hasSize(1000);
      assertThat(instructions).as("distinct instructions").hasSize(1000);
      assertThat(phrasingStarts).as("several phrasings").hasSizeGreaterThan(1);
    })).toList();
  }

  @TestFactory
  List<DynamicTest> theSameSeedGivesTheSameTask() {
    return CATALOG.families(CATALOG.names()).stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      for (long seed : LongStream.of(0, 7, 123456789L, Long.MAX_VALUE).toArray()) {
        assertThat(f.sample(seed)).isEqualTo(f.sample(seed));
      }
    })).toList();
  }

  @TestFactory
  List<DynamicTest> everyTaskHasASolutionTheNoOpAndAPlausibleWrongAttempt() {
    return CATALOG.families(CATALOG.names()).stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      for (long seed = 0; seed < 50; seed++) {
        TaskSpec t = f.sample(seed);
        assertThat(t.solution().actions()).isNotEmpty();
        assertThat(t.negatives()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(t.negatives().get(0)).isEqualTo(Trajectory.noOp());
        assertThat(t.negatives().subList(1, t.negatives().size())).allSatisfy(n -> assertThat(n.actions()).isNotEmpty());
        assertThat(t.privileged().facts()).isNotEmpty();
        assertThat(t.difficulty().steps()).isEqualTo(t.solution().actions().size());
      }
    })).toList();
  }
}
