package io.deskforge.gym.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * One figure of the gym benchmark against its goal: {@code value comparison target}, for example
 * a reset p50 of 812 ms against {@code <= 1000}. A figure that could not be measured (NaN) misses
 * its goal.
 *
 * @param figure what was measured, as the JSON names it
 * @param comparison {@code <=} (at most) or {@code >=} (at least)
 */
public record Goal(String figure, double value, String unit, String comparison, double target) {

  public Goal {
    if (!comparison.equals("<=") && !comparison.equals(">=")) throw new IllegalArgumentException("comparison: <= or >=, got " + comparison);
  }

  public static Goal atMost(String figure, double value, String unit, double target) {
    return new Goal(figure, value, unit, "<=", target);
  }

  public static Goal atLeast(String figure, double value, String unit, double target) {
    return new Goal(figure, value, unit, ">=", target);
  }

  @JsonProperty("met")
  public boolean met() {
    return comparison.equals("<=") ? value <= target : value >= target; // NaN compares false: missed
  }

  /** {@code goal <= 1000 ms: met}, or {@code MISSED} in capitals so it stands out in a column of figures. */
  public String describe() {
    return "goal " + comparison + " " + number(target) + (unit.isEmpty() ? "" : " " + unit) + ": " + (met() ? "met" : "MISSED");
  }

  /** A figure as the report prints it: whole numbers without decimals, others to one decimal, n/a for NaN. */
  static String number(double v) {
    if (Double.isNaN(v)) return "n/a";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
