package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker looks where the instruction sends the agent: a file, cell, range or sheet it does not name is refused. */
class ConsistencyTest {
  static final StaticAuditor STATICS = new StaticAuditor(BrokenFamilies.CATALOG);

  static Checker.Check leaf(TaskSpec t) {
    return t.checker().leaves().get(0);
  }

  @Test
  void aCheckerReadingAnotherFileThanTheInstructionNamesIsRefused() {
    TaskSpec t = BrokenFamilies.getterOutsideTheHome(31, "/home/user/other-notes.txt");
    assertThat(STATICS.audit(t)).anyMatch(r -> r.equals("consistency: checker leaf 0 reads /home/user/other-notes.txt, "
        + "but the instruction never names 'other-notes.txt'"));
  }

  @Test
  void aCheckerReadingAnotherCellOrSheetThanTheInstructionNamesIsRefused() {
    TaskSpec t = BrokenFamilies.CATALOG.family("gnumeric.enter-value").sample(32);
    Getter.SpreadsheetCell g = (Getter.SpreadsheetCell) leaf(t).getter();
    TaskSpec otherCell = BrokenFamilies.withChecker(t, new Checker.Check(new Getter.SpreadsheetCell(g.path(), null, "Z99"), leaf(t).metric()));
    assertThat(STATICS.audit(otherCell)).anyMatch(r -> r.startsWith("consistency: checker leaf 0 reads cell Z99 of"));
    TaskSpec otherSheet = BrokenFamilies.withChecker(t, new Checker.Check(new Getter.SpreadsheetCell(g.path(), "Hidden", g.cell()), leaf(t).metric()));
    assertThat(STATICS.audit(otherSheet)).anyMatch(r -> r.equals("consistency: checker leaf 0 reads sheet 'Hidden', which the instruction does not name"));
    TaskSpec otherRange = BrokenFamilies.withChecker(t, new Checker.Check(new Getter.SpreadsheetRange(g.path(), null, "Q1:Q9"), leaf(t).metric()));
    assertThat(STATICS.audit(otherRange)).anyMatch(r -> r.startsWith("consistency: checker leaf 0 reads range Q1:Q9 of"));
    assertThat(STATICS.audit(t)).isEmpty();
  }

  @Test
  void soundTasksOfEveryAppAreNotRefused() {
    for (String family : List.of("mousepad.replace-word", "gnumeric.sum-column", "gnumeric.column-max", "xterm.count-lines")) {
      assertThat(STATICS.audit(BrokenFamilies.CATALOG.family(family).sample(33))).as(family).isEmpty();
    }
  }
}
