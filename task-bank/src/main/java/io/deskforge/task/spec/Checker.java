package io.deskforge.task.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a task is solved: getters and metrics composed with all/any. Runs outside the
 * desktop.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Checker.Check.class, name = "check"),
  @JsonSubTypes.Type(value = Checker.AllOf.class, name = "all"),
  @JsonSubTypes.Type(value = Checker.AnyOf.class, name = "any"),
})
public sealed interface Checker {

  record Check(Getter getter, Metric metric) implements Checker {}

  record AllOf(List<Checker> of) implements Checker {
    public AllOf {
      of = List.copyOf(of);
    }
  }

  record AnyOf(List<Checker> of) implements Checker {
    public AnyOf {
      of = List.copyOf(of);
    }
  }

  static Check check(Getter getter, Metric metric) {
    return new Check(getter, metric);
  }

  static AllOf all(Checker... checkers) {
    return new AllOf(List.of(checkers));
  }

  static AnyOf any(Checker... checkers) {
    return new AnyOf(List.of(checkers));
  }

  /** Every leaf check, depth first. */
  /** The distinct files and folders its getters read, in the leaves' order; a page getter reads none. */
  default List<String> paths() {
    return leaves().stream().map(l -> l.getter().path()).filter(java.util.Objects::nonNull).distinct().toList();
  }

  default List<Check> leaves() {
    List<Check> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(Checker c, List<Check> out) {
    switch (c) {
      case Check leaf -> out.add(leaf);
      case AllOf all -> all.of().forEach(x -> collect(x, out));
      case AnyOf any -> any.of().forEach(x -> collect(x, out));
    }
  }
}
