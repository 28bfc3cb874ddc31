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
    return switch (g) {
      case Getter.SpreadsheetCell c -> c.cell();
      case Getter.DocumentQuery q -> q.query();
      default -> ((Getter.SpreadsheetRange) g).range();
    };
  }

  /** The conditional fill leaves by what they expect: "coloured" (the fill) or "plain" (no fill), each all passing or not. */
  private static Map<String, Boolean> fills(TaskSpec task, Trajectory t) throws IOException {
    leaves(task, t);
    CheckResult r = READER.check(home, task.checker());
    return r.leaves().stream().filter(l -> l.getter() instanceof Getter.DocumentQuery)
        .collect(Collectors.toMap(l -> l.metric() instanceof io.deskforge.task.spec.Metric.EqualsText ? "coloured" : "plain",
            CheckResult.Leaf::passed, (a, b) -> a && b));
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
  void insertChartNearMissesFailOnTheKindOrTheRangeTheyGetWrong() throws IOException {
    for (long seed = 0; seed < 3; seed++) {
      TaskSpec t = new InsertChart().sample(seed);
      String block = (String) t.params().get("block");
      assertThat(leaves(t, t.solution())).as("reference").doesNotContainValue(false);
      assertThat(leaves(t, negative(t, "wrong-kind"))).containsEntry("Sheet1!charts", false).containsEntry("Sheet1!chart_ranges", true)
          .containsEntry(block, true);
      assertThat(leaves(t, negative(t, "one-row-short"))).containsEntry("Sheet1!charts", true).containsEntry("Sheet1!chart_ranges", false)
          .containsEntry(block, true);
      assertThat(leaves(t, negative(t, "not-saved"))).containsEntry("Sheet1!charts", false).containsEntry("Sheet1!chart_ranges", false);
    }
  }

  @Test
  void conditionalFormatNearMissesFailOnTheCellsTheyColourWrongly() throws IOException {
    for (long seed = 0; seed < 4; seed++) {
      TaskSpec t = new ConditionalFormat().sample(seed);
      assertThat(leaves(t, t.solution())).as("reference").doesNotContainValue(false);
      // colours that look the same on screen, but no rule gives them: every cell that must be coloured reads none
      assertThat(fills(t, negative(t, "filled-by-hand"))).containsEntry("coloured", false).containsEntry("plain", true);
      assertThat(fills(t, negative(t, "wrong-threshold"))).containsEntry("coloured", false).containsEntry("plain", true);
      assertThat(fills(t, negative(t, "or-equal"))).containsEntry("coloured", true).containsEntry("plain", false);
      // the amounts themselves are left as they were by every attempt
      assertThat(leaves(t, negative(t, "filled-by-hand"))).containsEntry("E2:E" + (Integer.parseInt(String.valueOf(t.params().get("rows"))) + 1), true);
    }
    // the third level's second rule: left out, the amounts under the low mark read no fill
    TaskSpec two = java.util.stream.LongStream.range(0, 50).mapToObj(new ConditionalFormat()::sample)
        .filter(t -> String.valueOf(t.params().get("level")).equals("3")).findFirst().orElseThrow();
    assertThat(leaves(two, two.solution())).as("reference").doesNotContainValue(false);
    assertThat(fills(two, negative(two, "low-rule-missing"))).containsEntry("coloured", false).containsEntry("plain", true);
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
