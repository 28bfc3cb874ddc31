package io.deskforge.task.check;

import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluates a checker against readings. Pure: the getters are read by the caller (from a real
 * desktop's privileged side), so the same logic serves replay audits, mutations and agents.
 */
public final class CheckerEvaluator {
  private CheckerEvaluator() {}

  /** Reads each distinct getter once, then evaluates all/any over the leaves. */
  public static CheckResult evaluate(Checker checker, Function<Getter, Reading> read) {
    Map<Getter, Reading> cache = new HashMap<>();
    List<CheckResult.Leaf> leaves = new ArrayList<>();
    boolean passed = eval(checker, g -> cache.computeIfAbsent(g, read), leaves);
    return new CheckResult(passed, leaves);
  }

  private static boolean eval(Checker c, Function<Getter, Reading> read, List<CheckResult.Leaf> leaves) {
    return switch (c) {
      case Checker.Check leaf -> {
        Reading r = read.apply(leaf.getter());
        String why = mismatch(leaf.metric(), r);
        leaves.add(new CheckResult.Leaf(leaf.getter(), leaf.metric(), r, why == null,
            why == null ? "matches (" + r.summary() + ")" : why));
        yield why == null;
      }
      // every leaf is evaluated (no short circuit) so that a report shows all readings
      case Checker.AllOf all -> all.of().stream().map(x -> eval(x, read, leaves)).toList().stream().allMatch(b -> b);
      case Checker.AnyOf any -> any.of().stream().map(x -> eval(x, read, leaves)).toList().stream().anyMatch(b -> b);
    };
  }

  /** Null when the reading satisfies the metric, else why not. */
  public static String mismatch(Metric m, Reading r) {
    return switch (m) {
      case Metric.IsTrue t -> Boolean.TRUE.equals(r.flag()) ? null : "expected true, read " + r.summary();
      case Metric.IsFalse f -> Boolean.FALSE.equals(r.flag()) ? null : "expected false, read " + r.summary();
      case Metric.EqualsText e -> {
        String got = textOf(r);
        if (got == null) yield "expected text \"" + e.expected() + "\", read " + r.summary();
        yield same(got, e.expected(), e.trim(), e.ignoreCase()) ? null
            : "expected \"" + clip(e.expected()) + "\", read " + r.summary() + firstDifference(got, e.expected(), e.trim(), e.ignoreCase());
      }
      case Metric.Contains e -> {
        String got = textOf(r);
        yield got != null && fold(got, e.ignoreCase()).contains(fold(e.expected(), e.ignoreCase()))
            ? null : "expected to contain \"" + e.expected() + "\", read " + r.summary();
      }
      case Metric.NotContains e -> {
        String got = textOf(r);
        if (got == null) yield "expected text without \"" + e.expected() + "\", read " + r.summary();
        yield fold(got, e.ignoreCase()).contains(fold(e.expected(), e.ignoreCase()))
            ? "expected no \"" + e.expected() + "\", read " + r.summary() : null;
      }
      case Metric.Matches e -> {
        String got = textOf(r);
        yield got != null && Pattern.compile(e.pattern(), Pattern.DOTALL).matcher(got).matches()
            ? null : "expected to match /" + e.pattern() + "/, read " + r.summary();
      }
      case Metric.NumberWithin e -> {
        String got = textOf(r);
        BigDecimal n = number(got);
        if (n == null) yield "expected a number near " + e.expected() + ", read " + r.summary();
        yield Math.abs(n.doubleValue() - e.expected()) <= e.tolerance()
            ? null : "expected " + e.expected() + " ± " + e.tolerance() + ", read " + got.strip();
      }
      case Metric.SetEquals e -> {
        if (r.items() == null) yield "expected items " + e.expected() + ", read " + r.summary();
        yield new HashSet<>(r.items()).equals(new HashSet<>(e.expected())) && r.items().size() == e.expected().size()
            ? null : "expected items " + e.expected() + ", read " + r.items();
      }
      case Metric.RowsEqual e -> {
        if (r.rows() == null) yield "expected rows " + e.expected() + ", read " + r.summary();
        yield r.rows().equals(e.expected()) ? null : "expected rows " + e.expected() + ", read " + r.rows();
      }
    };
  }

  private static String textOf(Reading r) {
    if (!r.present()) return null;
    if (r.text() != null) return r.text();
    if (r.flag() != null) return r.flag().toString();
    return null;
  }

  private static boolean same(String got, String expected, boolean trim, boolean ignoreCase) {
    String a = trim ? got.strip() : got;
    String b = trim ? expected.strip() : expected;
    return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
  }

  /**
   * Where two texts too long to show whole first differ (as {@link #same} compares them), with a
   * little of each around it: a long document's mismatch otherwise shows two equal beginnings.
   * Empty when both texts are shown whole.
   */
  static String firstDifference(String got, String expected, boolean trim, boolean ignoreCase) {
    if (got.length() <= SHOWN_WHOLE && expected.length() <= SHOWN_WHOLE) return "";
    String a = fold(trim ? got.strip() : got, ignoreCase);
    String b = fold(trim ? expected.strip() : expected, ignoreCase);
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
    return "; first difference at character " + i + ": expected \"" + around(b, i) + "\", read \"" + around(a, i) + "\"";
  }

  /** Up to 20 characters before {@code at} and 40 from it, with "..." where cut. */
  private static String around(String s, int at) {
    int from = Math.max(0, at - 20), to = Math.min(s.length(), at + 40);
    return (from > 0 ? "..." : "") + s.substring(from, to) + (to < s.length() ? "..." : "");
  }

  private static String fold(String s, boolean ignoreCase) {
    return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
  }

  /** A number as a spreadsheet or a person writes it: "1,234.50", " 12 ", "-3". */
  public static BigDecimal number(String s) {
    if (s == null) return null;
    String t = s.strip().replace(",", "");
    try {
      return t.isEmpty() ? null : new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The longest text a reason shows whole; a longer one is cut to its beginning and "...". */
  static final int SHOWN_WHOLE = 120;

  private static String clip(String s) {
    return s.length() > SHOWN_WHOLE ? s.substring(0, SHOWN_WHOLE - 3) + "..." : s;
  }
}
