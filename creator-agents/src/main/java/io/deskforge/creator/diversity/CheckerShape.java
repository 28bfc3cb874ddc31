package io.deskforge.creator.diversity;

import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.util.List;

/**
 * A checker with its values abstracted away: what is read and how it is compared, and how the
 * checks are combined, but not which file, cell or text. {@code replace 'apple' in notes.txt} and
 * {@code replace 'lamp' in todo.txt} have one shape, {@code check(file_text,equals)}; a checker
 * that also asks for a saved file or reads a spreadsheet cell has another.
 *
 * <p>The shape of a leaf is {@code check(<getter type>,<metric type>)}, with the getter and metric
 * types as the task spec's JSON names them; {@code all(...)} and {@code any(...)} keep their
 * children's shapes, sorted (the order of an all or an any does not change what it checks), and
 * repeated children count (two checks are not one).
 */
public final class CheckerShape {
  private CheckerShape() {}

  /** The shape of {@code checker}, for example {@code all(check(dir_listing,set_equals),check(file_exists,is_true))}. */
  public static String of(Checker checker) {
    return switch (checker) {
      case null -> "none";
      case Checker.Check c -> "check(" + getter(c.getter()) + "," + metric(c.metric()) + ")";
      case Checker.AllOf all -> "all(" + children(all.of()) + ")";
      case Checker.AnyOf any -> "any(" + children(any.of()) + ")";
    };
  }

  private static String children(List<Checker> of) {
    return String.join(",", of.stream().map(CheckerShape::of).sorted().toList());
  }

  /** A getter's kind as the task spec names it ({@code file_text}, {@code json_value}...): new getters need no edit here. */
  static String getter(Getter g) {
    return g == null ? "none" : typeName(g);
  }

  /** A metric's kind as the task spec names it ({@code equals}, {@code regex}...). */
  static String metric(Metric m) {
    return m == null ? "none" : typeName(m);
  }

  private static String typeName(Object specPart) {
    return io.deskforge.task.json.TaskJson.tree(specPart).path("type").asText("?");
  }
}
