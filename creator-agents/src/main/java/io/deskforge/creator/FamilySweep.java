package io.deskforge.creator;

import io.deskforge.apps.TaskFamily;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The proof of task families themselves: the tasks of seeds {@code firstSeed} to {@code firstSeed
 * + seeds - 1} of each family, as {@code deskforge sweep} audits them. The sequence is finite and
 * the same for the same families and seeds, so a killed sweep started again skips what its bank
 * decided. Candidates come seed by seed (every family's first seed, then every family's second), so
 * a sweep cut short has covered every family once. A family that cannot draw a seed is kept as a
 * {@link Draw} with its failure, and proposes nothing: it fails alone, not the sweep.
 */
public final class FamilySweep implements Creator {

  /** One family's tasks, or why it could not draw them. */
  public record Draw(TaskFamily family, List<TaskSpec> tasks, RuntimeException failure) {
    public boolean drawn() {
      return failure == null;
    }
  }

  private final List<Draw> draws;
  private final int seeds;

  public FamilySweep(List<? extends TaskFamily> families, long firstSeed, int seeds) {
    if (families.isEmpty()) throw new IllegalArgumentException("no task families to sweep");
    if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
    if (firstSeed < 0) throw new IllegalArgumentException("--first-seed must not be negative, got " + firstSeed);
    this.seeds = seeds;
    List<Draw> out = new ArrayList<>();
    for (TaskFamily family : families) {
      try {
        out.add(new Draw(family, LongStream.range(firstSeed, firstSeed + seeds).mapToObj(s -> withProvenance(family.sample(s))).toList(), null));
      } catch (RuntimeException e) {
        out.add(new Draw(family, List.of(), e));
      }
    }
    this.draws = List.copyOf(out);
  }

  @Override
  public String name() {
    return TemplateCreator.NAME;
  }

  public List<Draw> draws() {
    return draws;
  }

  /** Every task drawn, in the order they are proposed. */
  public List<TaskSpec> tasks() {
    List<TaskSpec> out = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      for (Draw d : draws) {
        if (d.drawn()) out.add(d.tasks().get(s));
      }
    }
    return out;
  }

  /** The sweep's tasks; the run seed plays no part, the seeds are the sweep's own. */
  @Override
  public Iterator<TaskSpec> candidates(long runSeed) {
    return tasks().iterator();
  }

  /** As the template creator: a task keeps its family's provenance, one without gets the template creator's. */
  private static TaskSpec withProvenance(TaskSpec task) {
    return task.provenance() != null && task.provenance().creator() != null ? task : task.withProvenance(Provenance.of(TemplateCreator.NAME));
  }
}
