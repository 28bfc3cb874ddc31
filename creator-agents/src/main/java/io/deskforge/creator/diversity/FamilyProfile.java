package io.deskforge.creator.diversity;

import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the diversity figures know of one family: its instructions as drawn from a few seeds (or as
 * its tasks in a bank say them), the checker shapes of those tasks and the kinds of action their
 * reference solutions use. Built from a family ({@link #of(TaskFamily, int)}) or from tasks
 * ({@link #ofTasks}); the embeddings come later, from {@link Embeddings}.
 *
 * @param family the family id ({@code mousepad.replace-word})
 * @param app the app it is about
 * @param origin where it comes from: {@code java} (a built-in class), {@code data} (a family
 *     file), {@code bank} (tasks of a bank), or what a caller names it ({@code proposed})
 * @param tasks how many tasks it stands for: the seeds drawn, or the bank's tasks of the family
 * @param instructions the distinct instructions as the agent reads them (at most the sample size, in seed order)
 * @param templates the same tasks' instructions with their parameters' values masked ({@link #template}):
 *     the family's wording without what its seeds drew, which its nearest-neighbour cosine compares
 * @param checkerShapes the distinct {@link CheckerShape}s of its tasks
 * @param actionKinds the distinct action names of its tasks' reference solutions
 */
public record FamilyProfile(
    String family, String app, String origin, int tasks, List<String> instructions, List<String> templates,
    Set<String> checkerShapes, Set<String> actionKinds) {

  /** What a parameter's value becomes in a {@link #template}: a word that reads as any object. */
  public static final String MASK = "it";

  public FamilyProfile {
    instructions = List.copyOf(instructions);
    templates = List.copyOf(templates);
    if (templates.isEmpty()) templates = instructions;
    checkerShapes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(checkerShapes));
    actionKinds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(actionKinds));
    if (instructions.isEmpty()) throw new IllegalArgumentException("family " + family + " has no instruction to profile");
  }

  /** The shapes sorted, joined by " | " (most families have one). */
  public String shape() {
    return String.join(" | ", new TreeSet<>(checkerShapes));
  }

  public boolean sharesShapeWith(FamilyProfile other) {
    return checkerShapes.stream().anyMatch(other.checkerShapes::contains);
  }

  /** Draws seeds 0 .. {@code seeds}-1 of {@code family}. */
  public static FamilyProfile of(TaskFamily family, int seeds) {
    if (seeds < 1) throw new IllegalArgumentException("seeds must be at least 1: " + seeds);
    List<TaskSpec> tasks = new ArrayList<>(seeds);
    for (long s = 0; s < seeds; s++) tasks.add(family.sample(s));
    return ofTasks(family.id(), family.app(), family instanceof DataFamily ? "data" : "java", tasks, seeds);
  }

  /**
   * The profile of tasks of one family: shapes and action kinds over all of them, the
   * instructions of the first {@code sample} (distinct instructions only).
   */
  public static FamilyProfile ofTasks(String family, String app, String origin, Collection<TaskSpec> tasks, int sample) {
    Set<String> instructions = new java.util.LinkedHashSet<>();
    List<String> templates = new ArrayList<>();
    Set<String> shapes = new TreeSet<>();
    Set<String> actions = new TreeSet<>();
    for (TaskSpec t : tasks) {
      if (instructions.size() < sample && t.instruction() != null && instructions.add(t.instruction())) {
        templates.add(template(t));
      }
      shapes.add(CheckerShape.of(t.checker()));
      if (t.solution() != null) for (Action a : t.solution().actions()) actions.add(a.name());
    }
    return new FamilyProfile(family, app, origin, tasks.size(), new ArrayList<>(instructions), templates, shapes, actions);
  }

  /**
   * The task's instruction with every parameter value of two characters or more replaced by
   * {@link #MASK}, longest first: "replace 'apple' with 'pear' in ~/notes.txt" becomes "replace
   * 'it' with 'it' in ~/it". On the built-in families, the centroids of 32 such templates put each
   * shipped port of a Java family at cosine 0.97 or more from its original and every other pair at
   * 0.87 or less; of the raw instructions, 0.94 and 0.92 (the drawn words and names blur them).
   */
  public static String template(TaskSpec t) {
    String out = t.instruction();
    List<String> values = t.params().values().stream().filter(v -> v != null && v.length() >= 2)
        .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    for (String v : values) out = out.replace(v, MASK);
    return out;
  }
}
