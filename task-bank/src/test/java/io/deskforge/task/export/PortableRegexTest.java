package io.deskforge.task.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortableRegexTest {
  @Test
  void literalsClassesGroupsAlternationAndQuantifiersArePortable() {
    for (String p : new String[] {"x+", "a\\.b", "[a-z0-9_-]+", "[^\\s]*", "(?:ab|cd){2,3}?", "\\d{4}-\\d{2}", "é.*", "a|b|", "\\(\\)\\[\\]\\{\\}"}) {
      assertThat(PortableRegex.problem(p)).as(p).isNull();
    }
  }

  @Test
  void constructsJavaAndPythonReadDifferentlyAreNamedWithTheirPlace() {
    assertThat(PortableRegex.problem("x++")).contains("possessive");
    assertThat(PortableRegex.problem("^x$")).contains("anchor '^' at 0");
    assertThat(PortableRegex.problem("(?i)x")).contains("'(?' at 0");
    assertThat(PortableRegex.problem("(?<n>x)")).contains("'(?' at 0");
    assertThat(PortableRegex.problem("\\bx")).contains("escape '\\b' at 0");
    assertThat(PortableRegex.problem("\\p{L}")).contains("escape '\\p'");
    assertThat(PortableRegex.problem("(x)\\1")).contains("escape '\\1'");
    assertThat(PortableRegex.problem("[a[b]]")).contains("nested '['");
    assertThat(PortableRegex.problem("[a-z&&[^x]]")).contains("'&&'");
    assertThat(PortableRegex.problem("[a&&b]")).contains("'&&'");
    assertThat(PortableRegex.problem("[]a]")).contains("starts with ']'");
    assertThat(PortableRegex.problem("x{,2}")).contains("not a quantifier");
    assertThat(PortableRegex.problem("*x")).contains("quantifies nothing");
    assertThat(PortableRegex.problem("(x")).contains("unbalanced '('");
    assertThat(PortableRegex.problem("x)")).contains("unbalanced ')'");
    assertThat(PortableRegex.problem("x\\")).contains("trailing");
  }
}
