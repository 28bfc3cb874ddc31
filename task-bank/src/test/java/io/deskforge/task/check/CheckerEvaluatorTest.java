package io.deskforge.task.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checker's verdict from readings: every metric, every kind of reading, and all/any. */
class CheckerEvaluatorTest {
  static final Getter NOTES = new Getter.FileText("/home/user/notes.txt");
  static final Getter TODO = new Getter.FileText("/home/user/todo.txt");

  static String why(Metric m, Reading r) {
    return CheckerEvaluator.mismatch(m, r);
  }

  @Nested
  class Flags {
    @Test
    void isTrueWantsATrueFlag() {
      assertThat(why(new Metric.IsTrue(), Reading.flag(true))).isNull();
      assertThat(why(new Metric.IsTrue(), Reading.flag(false))).isEqualTo("expected true, read false");
      assertThat(why(new Metric.IsTrue(), Reading.absent())).isEqualTo("expected true, read (absent)");
      assertThat(why(new Metric.IsTrue(), Reading.text("true"))).isEqualTo("expected true, read \"true\"");
    }

    @Test
    void isFalseWantsAFalseFlag() {
      assertThat(why(new Metric.IsFalse(), Reading.flag(false))).isNull();
      assertThat(why(new Metric.IsFalse(), Reading.flag(true))).isEqualTo("expected false, read true");
      assertThat(why(new Metric.IsFalse(), Reading.absent())).isEqualTo("expected false, read (absent)");
    }
  }

  @Nested
  class Text {
    @Test
    void equalsTextIsExactUnlessToldToTrimOrIgnoreCase() {
      assertThat(why(new Metric.EqualsText("pear pie\n", false, false), Reading.text("pear pie\n"))).isNull();
      assertThat(why(new Metric.EqualsText("pear pie", false, false), Reading.text("pear pie\n")))
          .isEqualTo("expected \"pear pie\", read \"pear pie\n\"");
      assertThat(why(new Metric.EqualsText("pear pie", true, false), Reading.text("  pear pie\n"))).isNull();
      assertThat(why(new Metric.EqualsText(" pear pie ", true, false), Reading.text("pear pie"))).isNull();
      assertThat(why(new Metric.EqualsText("Pear Pie", false, false), Reading.text("pear pie"))).isNotNull();
      assertThat(why(new Metric.EqualsText("Pear Pie", false, true), Reading.text("pear pie"))).isNull();
      assertThat(why(new Metric.EqualsText("Pear Pie ", false, true), Reading.text("pear pie"))).isNotNull();
    }

    @Test
    void equalsTextOfNothingSaysWhatWasExpected() {
      assertThat(why(new Metric.EqualsText("x", true, true), Reading.absent())).isEqualTo("expected text \"x\", read (absent)");
      assertThat(why(new Metric.EqualsText("x", true, true), Reading.items(List.of("x")))).isEqualTo("expected text \"x\", read [x]");
    }

    @Test
    void aFlagReadsAsItsText() {
      assertThat(why(new Metric.EqualsText("true", false, false), Reading.flag(true))).isNull();
      assertThat(why(new Metric.Contains("fal", false), Reading.flag(false))).isNull();
    }

    @Test
    void aLongExpectedTextIsClippedInTheReason() {
      String expected = "y".repeat(200);
      assertThat(why(new Metric.EqualsText(expected, false, false), Reading.text("n")))
          .isEqualTo("expected \"" + "y".repeat(117) + "...\", read \"n\"; first difference at character 0: expected \""
              + "y".repeat(40) + "...\", read \"n\"");
      assertThat(why(new Metric.EqualsText("y".repeat(120), false, false), Reading.text("n")))
          .isEqualTo("expected \"" + "y".repeat(120) + "\", read \"n\"");
    }

    /** Two long texts that begin alike: the reason shows where they part, as the comparison sees them. */
    @Test
    void longTextsThatDifferLateShowWhereTheyPart() {
      String head = "Modest teapot report\nWitty basket summary\n" + "Steady jackets and crimson mountains. ".repeat(4);
      String why = why(new Metric.EqualsText(head + "The island wept.", true, true), Reading.text(head + "The planet wept.\n"));
      assertThat(why).endsWith("; first difference at character " + (head.length() + 4)
          + ": expected \"...mson mountains. the island wept.\", read \"...mson mountains. the planet wept.\"");
      assertThat(why(new Metric.EqualsText(head + "x", false, false), Reading.text(head))).endsWith(
          "first difference at character " + (head.length()) + ": expected \"... crimson mountains. x\", read \"... crimson mountains. \"");
    }

    @Test
    void containsFindsTheTextAnywhereCaseFoldedIfAsked() {
      assertThat(why(new Metric.Contains("pear", false), Reading.text("a pear pie"))).isNull();
      assertThat(why(new Metric.Contains("Pear", false), Reading.text("a pear pie")))
          .isEqualTo("expected to contain \"Pear\", read \"a pear pie\"");
      assertThat(why(new Metric.Contains("Pear", true), Reading.text("a PEAR pie"))).isNull();
      assertThat(why(new Metric.Contains("pear", false), Reading.absent())).isEqualTo("expected to contain \"pear\", read (absent)");
    }

    @Test
    void notContainsWantsTheTextAbsentFromAFileThatIsThere() {
      assertThat(why(new Metric.NotContains("apple", false), Reading.text("pear pie"))).isNull();
      assertThat(why(new Metric.NotContains("apple", false), Reading.text("apple pie")))
          .isEqualTo("expected no \"apple\", read \"apple pie\"");
      assertThat(why(new Metric.NotContains("Apple", false), Reading.text("apple pie"))).isNull();
      assertThat(why(new Metric.NotContains("Apple", true), Reading.text("apple pie"))).isNotNull();
      assertThat(why(new Metric.NotContains("apple", false), Reading.absent()))
          .isEqualTo("expected text without \"apple\", read (absent)");
    }

    @Test
    void matchesWantsTheWholeTextAcrossLines() {
      assertThat(why(new Metric.Matches("x+"), Reading.text("xxx"))).isNull();
      assertThat(why(new Metric.Matches("x+"), Reading.text("xxy"))).isEqualTo("expected to match /x+/, read \"xxy\"");
      assertThat(why(new Metric.Matches("a.*b"), Reading.text("a\nb"))).isNull();
      assertThat(why(new Metric.Matches(".*"), Reading.absent())).isEqualTo("expected to match /.*/, read (absent)");
    }
  }

  @Nested
  class Numbers {
    @Test
    void numberWithinAcceptsTheToleranceAndNoMore() {
      assertThat(why(new Metric.NumberWithin(42, 0), Reading.text("42"))).isNull();
      assertThat(why(new Metric.NumberWithin(42, 0), Reading.text(" 42.0\n"))).isNull();
      assertThat(why(new Metric.NumberWithin(42, 0.5), Reading.text("42.5"))).isNull();
      assertThat(why(new Metric.NumberWithin(42, 0.5), Reading.text("41.5"))).isNull();
      assertThat(why(new Metric.NumberWithin(42, 0.5), Reading.text("42.51\n"))).isEqualTo("expected 42.0 ± 0.5, read 42.51");
      assertThat(why(new Metric.NumberWithin(1234.5, 0), Reading.text("1,234.50"))).isNull();
    }

    @Test
    void numberWithinOfSomethingElseSaysSo() {
      assertThat(why(new Metric.NumberWithin(3, 0), Reading.text("three"))).isEqualTo("expected a number near 3.0, read \"three\"");
      assertThat(why(new Metric.NumberWithin(3, 0), Reading.absent())).isEqualTo("expected a number near 3.0, read (absent)");
      assertThat(why(new Metric.NumberWithin(3, 0), Reading.text("  "))).isNotNull();
    }

    @Test
    void numbersAreReadAsPeopleWriteThem() {
      assertThat(CheckerEvaluator.number("1,234.50")).isEqualByComparingTo(new BigDecimal("1234.5"));
      assertThat(CheckerEvaluator.number(" -3 ")).isEqualByComparingTo(new BigDecimal("-3"));
      assertThat(CheckerEvaluator.number("")).isNull();
      assertThat(CheckerEvaluator.number(null)).isNull();
      assertThat(CheckerEvaluator.number("12 apples")).isNull();
    }
  }

  @Nested
  class ItemsAndRows {
    @Test
    void setEqualsIgnoresOrderButNotRepeatsOrExtras() {
      Metric m = new Metric.SetEquals(List.of("a.txt", "b.txt"));
      assertThat(why(m, Reading.items(List.of("b.txt", "a.txt")))).isNull();
      assertThat(why(m, Reading.items(List.of("a.txt")))).isEqualTo("expected items [a.txt, b.txt], read [a.txt]");
      assertThat(why(m, Reading.items(List.of("a.txt", "b.txt", "c.txt")))).isNotNull();
      assertThat(why(m, Reading.items(List.of("a.txt", "b.txt", "b.txt")))).isNotNull();
      assertThat(why(m, Reading.absent())).isEqualTo("expected items [a.txt, b.txt], read (absent)");
      assertThat(why(m, Reading.text("a.txt"))).isEqualTo("expected items [a.txt, b.txt], read \"a.txt\"");
    }

    @Test
    void rowsEqualWantsTheSameCellsInTheSameOrder() {
      Metric m = new Metric.RowsEqual(List.of(List.of("1", "2"), List.of("3", "4")));
      assertThat(why(m, Reading.rows(List.of(List.of("1", "2"), List.of("3", "4"))))).isNull();
      assertThat(why(m, Reading.rows(List.of(List.of("3", "4"), List.of("1", "2")))))
          .isEqualTo("expected rows [[1, 2], [3, 4]], read [[3, 4], [1, 2]]");
      assertThat(why(m, Reading.absent())).isEqualTo("expected rows [[1, 2], [3, 4]], read (absent)");
    }
  }

  @Nested
  class Composition {
    private final List<Getter> reads = new ArrayList<>();

    private Function<Getter, Reading> files(Map<Getter, Reading> content) {
      return g -> {
        reads.add(g);
        return content.getOrDefault(g, Reading.absent());
      };
    }

    private final Map<Getter, Reading> state = Map.of(NOTES, Reading.text("pear pie"), TODO, Reading.text("buy milk"));

    @Test
    void allPassesOnlyWhenEveryLeafPassesAndReportsEveryLeaf() {
      Checker c = Checker.all(Checker.check(NOTES, new Metric.Contains("pear", false)),
          Checker.check(TODO, new Metric.Contains("eggs", false)), Checker.check(NOTES, new Metric.NotContains("apple", false)));
      CheckResult r = CheckerEvaluator.evaluate(c, files(state));
      assertThat(r.passed()).isFalse();
      assertThat(r.leaves()).extracting(CheckResult.Leaf::passed).containsExactly(true, false, true);
      assertThat(r.leaves().get(0).why()).isEqualTo("matches (\"pear pie\")");
      assertThat(r.leaves().get(1).reading()).isEqualTo(Reading.text("buy milk"));
      assertThat(reads).as("each getter is read once").containsExactly(NOTES, TODO);
      assertThat(CheckerEvaluator.evaluate(Checker.all(Checker.check(NOTES, new Metric.Contains("pie", false))), files(state)).passed()).isTrue();
    }

    @Test
    void anyPassesWhenOneLeafPassesAndStillReportsEveryLeaf() {
      Checker c = Checker.any(Checker.check(TODO, new Metric.Contains("eggs", false)), Checker.check(NOTES, new Metric.Contains("pear", false)));
      CheckResult r = CheckerEvaluator.evaluate(c, files(state));
      assertThat(r.passed()).isTrue();
      assertThat(r.leaves()).hasSize(2);
      Checker none = Checker.any(Checker.check(TODO, new Metric.Contains("eggs", false)), Checker.check(NOTES, new Metric.Contains("plum", false)));
      assertThat(CheckerEvaluator.evaluate(none, files(state)).passed()).isFalse();
    }

    @Test
    void nestedCompositionsEvaluateInside() {
      Checker c = Checker.any(Checker.all(Checker.check(NOTES, new Metric.Contains("pear", false)), Checker.check(TODO, new Metric.Contains("eggs", false))),
          Checker.all(Checker.check(TODO, new Metric.Contains("milk", false))));
      assertThat(CheckerEvaluator.evaluate(c, files(state)).passed()).isTrue();
    }

    @Test
    void theExplanationNamesEachLeafWithItsOutcome() {
      Checker c = Checker.all(Checker.check(NOTES, new Metric.Contains("pear", false)), Checker.check(TODO, new Metric.Contains("eggs", false)));
      assertThat(CheckerEvaluator.evaluate(c, files(state)).explain()).isEqualTo("failed; ok FileText /home/user/notes.txt: matches "
          + "(\"pear pie\"); NOT FileText /home/user/todo.txt: expected to contain \"eggs\", read \"buy milk\"");
      assertThat(CheckerEvaluator.evaluate(Checker.check(NOTES, new Metric.Contains("pie", false)), files(state)).explain())
          .startsWith("passed; ok ");
    }
  }

  @Test
  void readingsSummarizeThemselvesShortly() {
    assertThat(Reading.absent().summary()).isEqualTo("(absent)");
    assertThat(Reading.text("x").summary()).isEqualTo("\"x\"");
    assertThat(Reading.text("z".repeat(121)).summary()).isEqualTo("\"" + "z".repeat(117) + "...\"");
    assertThat(Reading.text("z".repeat(120)).summary()).isEqualTo("\"" + "z".repeat(120) + "\"");
    assertThat(Reading.flag(true).summary()).isEqualTo("true");
    assertThat(Reading.items(List.of("a", "b")).summary()).isEqualTo("[a, b]");
    assertThat(Reading.rows(List.of(List.of("1"))).summary()).isEqualTo("[[1]]");
  }
}
