package io.deskforge.creator;

import io.deskforge.task.spec.TaskSpec;
import java.util.Iterator;

/**
 * A source of candidate tasks for a run: the template creator (Java and data families, whichever
 * the catalog holds), later an LLM creator or the amplifier. The generation loop ({@link
 * io.deskforge.creator.pipeline.Generator}) audits each candidate and records its verdict; a
 * creator only proposes.
 */
public interface Creator {

  /** The creator's name, as provenance gives it to the tasks it wrote ("template"). */
  String name();

  /**
   * The candidates of a run with {@code runSeed}, in the order to audit them; the loop asks for
   * one at a time, from one thread at a time, and stops asking once it has enough. The sequence may
   * be endless (families draw for ever) or end (a fixed set of tasks). A creator whose sequence is
   * a function of the seed lets a killed run resume where it stopped: started again, it proposes
   * the same candidates, and the loop skips those the bank already decided.
   */
  Iterator<TaskSpec> candidates(long runSeed);
}
