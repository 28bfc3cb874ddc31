package io.deskforge.creator.diversity;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import org.junit.jupiter.api.Test;

class CheckerShapeTest {

  private static Checker text(String path, String expected) {
    return Checker.check(new Getter.FileText(path), new Metric.EqualsText(expected, true, false));
  }

  @Test
  void valuesDoNotChangeTheShape() {
    Checker a = Checker.all(text("/home/user/notes.txt", "pear"),
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.NotContains("apple", false)));
    Checker b = Checker.all(text("/home/user/todo.md", "a whole other text\n"),
        Checker.check(new Getter.FileText("/home/user/todo.md"), new Metric.NotContains("lamp", true)));
    assertThat(CheckerShape.of(a)).isEqualTo(CheckerShape.of(b))
        .isEqualTo("all(check(file_text,equals),check(file_text,not_contains))");
    assertThat(CheckerShape.of(Checker.check(new Getter.SpreadsheetCell("/home/user/a.gnumeric", null, "B7"), new Metric.NumberWithin(3, 0.01))))
        .isEqualTo(CheckerShape.of(Checker.check(new Getter.SpreadsheetCell("/home/user/b.gnumeric", "Sheet2", "Z99"), new Metric.NumberWithin(-1e6, 0))));
  }

  @Test
  void theOrderOfAnAllDoesNotChangeTheShape() {
    Checker exists = Checker.check(new Getter.FileExists("/home/user/a", "file"), new Metric.IsTrue());
    assertThat(CheckerShape.of(Checker.all(exists, text("/home/user/a", "x"))))
        .isEqualTo(CheckerShape.of(Checker.all(text("/home/user/b", "y"), exists)));
  }

  @Test
  void structureChangesTheShape() {
    Checker one = text("/home/user/notes.txt", "pear");
    Checker exists = Checker.check(new Getter.FileExists("/home/user/notes.txt", "file"), new Metric.IsTrue());
    String base = CheckerShape.of(one);
    // another getter, another metric, another combination, one more check, any instead of all
    assertThat(CheckerShape.of(Checker.check(new Getter.FileExists("/home/user/notes.txt", null), new Metric.EqualsText("pear", true, false)))).isNotEqualTo(base);
    assertThat(CheckerShape.of(Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.Contains("pear", false)))).isNotEqualTo(base);
    assertThat(CheckerShape.of(Checker.all(one))).isNotEqualTo(base).isEqualTo("all(check(file_text,equals))");
    assertThat(CheckerShape.of(Checker.all(one, one))).isNotEqualTo(CheckerShape.of(Checker.all(one)));
    assertThat(CheckerShape.of(Checker.all(one, exists))).isNotEqualTo(CheckerShape.of(Checker.any(one, exists)));
    assertThat(CheckerShape.of(Checker.all(Checker.any(one, exists), one)))
        .isEqualTo("all(any(check(file_exists,is_true),check(file_text,equals)),check(file_text,equals))")
        .isNotEqualTo(CheckerShape.of(Checker.all(Checker.all(one, exists), one)));
  }
}
