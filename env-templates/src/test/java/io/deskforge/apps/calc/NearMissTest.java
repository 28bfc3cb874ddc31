package io.deskforge.apps.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each near-miss negative of the Calc families fails for the reason it was written for, on the end
 * state {@link CalcEndState} derives from it (the replay audit only sees that it fails): the leaves
 * that must fail fail, and those it gets right pass. Three seeds of each family, no desktop.
 */
class NearMissTest {
  static final GetterReader READER = new GetterReader(AppCatalog.load().formats());
  static ScratchHome home;

  @BeforeAll
  static void start() {
    home = new ScratchHome();
  }

  @AfterAll
  static void stop() {
    home.close();
  }

  /** Which checker leaves pass after a trajectory, by getter (the reference passes all). */
  private static Map<String, Boolean> leaves(TaskSpec task, Trajectory t) throws IOException {
    SetupStep.WriteSpreadsheet w = (SetupStep.WriteSpreadsheet) task.setup().getFirst();
    for (String name : home.list("/home/user")) Files.deleteIfExists(home.host("/home/user/" + name));
    Files.write(home.host(w.path()), XlsxFormat.workbookOf(w.rows()));
    home.chown();
    new CalcEndState().apply(task, t, home);
    CheckResult r = READER.check(home, task.checker());
    return r.leaves().stream().collect(Collectors.toMap(l -> where(l.getter()), CheckResult.Leaf::passed, (a, b) -> a && b));
  }

  private static String where(Getter g) {
    return g instanceof Getter.SpreadsheetCell c ? c.cell() : ((Getter.SpreadsheetRange) g).range();
  }

  private static Trajectory negative(TaskSpec t, String name) {
    return t.negatives().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void lineTotalNearMissesFailOnTheTotalsTheyGetWrong() throws IOException {
    for (long seed = 0; seed < 3; seed++) {
      TaskSpec t = new LineTotal().sample(seed);
      String range = (String) t.params().get("range");
      assertThat(leaves(t, t.solution())).as("reference").allSatisfy((k, v) -> assertThat(v).as(k).isTrue());
      Map<String, Boolean> shortFill = leaves(t, negative(t, "one-row-short"));
      assertThat(shortFill).containsEntry("F1", true).containsEntry(range, false);
      Map<String, Boolean> wrongColumn = leaves(t, negative(t, "wrong-column"));
      assertThat(wrongColumn).containsEntry("F1", false).containsEntry(range, false);
      Map<String, Boolean> sum = leaves(t, negative(t, "sum-not-product"));
      assertThat(sum).containsEntry("F1", true).containsEntry(range, false);
      assertThat(leaves(t, negative(t, "not-saved"))).as("not saved").allSatisfy((k, v) -> assertThat(v).as(k).isFalse());
    }
  }

  @Test
  void sortRowsNearMissesFailOnTheRowOrder() throws IOException {
    for (long seed = 0; seed < 3; seed++) {
      TaskSpec t = new SortRows().sample(seed);
      assertThat(leaves(t, t.solution())).containsValue(true).doesNotContainValue(false);
      for (String name : List.of("ascending", "wrong-column", "not-saved")) {
        assertThat(leaves(t, negative(t, name))).as(name).containsValue(false).doesNotContainValue(true);
      }
    }
  }

  @Test
  void regionTotalsNearMissesFailOnEveryRegionTheyTotalWrongly() throws IOException {
    for (long seed = 0; seed < 3; seed++) {
      TaskSpec t = new RegionTotals().sample(seed);
      assertThat(leaves(t, t.solution())).doesNotContainValue(false);
      for (String name : List.of("unit-price-summed", "regions-shifted", "not-saved")) {
        assertThat(leaves(t, negative(t, name))).as(name).doesNotContainValue(true);
      }
    }
  }
}
