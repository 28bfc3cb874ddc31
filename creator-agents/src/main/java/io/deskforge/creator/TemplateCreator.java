package io.deskforge.creator;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.TaskSpec;
import java.util.Iterator;
import java.util.List;

/**
 * The template creator: proposes tasks by sampling the seeded task families of the chosen apps,
 * Java classes or data families from files, whichever the catalog holds.
 * Attempt {@code i} of a run with seed {@code s} is always the same task, so a killed run that
 * starts again proposes the same candidates in the same order, and the bank skips those it holds.
 */
public final class TemplateCreator implements Creator {
  public static final String NAME = "template";

  private final List<TaskFamily> families;

  public TemplateCreator(AppCatalog catalog, List<String> apps) {
    this.families = catalog.families(apps);
    if (families.isEmpty()) throw new IllegalArgumentException("apps " + apps + " have no task families");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Attempt after attempt, without end: {@link #propose} of 0, 1, 2, ... */
  @Override
  public Iterator<TaskSpec> candidates(long runSeed) {
    return new Iterator<>() {
      private long attempt;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public TaskSpec next() {
        return propose(runSeed, attempt++);
      }
    };
  }

  public List<TaskFamily> families() {
    return families;
  }

  /**
   * Families take turns, so every family is represented early in a run. A task keeps the
   * provenance its family gave it (a data family's names the file's version); one without is the
   * template creator's.
   */
  public TaskSpec propose(long runSeed, long attempt) {
    TaskFamily family = families.get((int) Math.floorMod(attempt, (long) families.size()));
    TaskSpec task = family.sample(seedOf(runSeed, attempt));
    return task.provenance() != null && task.provenance().creator() != null ? task : task.withProvenance(Provenance.of(NAME));
  }

  /** A well-mixed, non-negative task seed for one attempt of a run (SplitMix64's finalizer). */
  static long seedOf(long runSeed, long attempt) {
    long z = runSeed * 0x9E3779B97F4A7C15L + attempt + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
