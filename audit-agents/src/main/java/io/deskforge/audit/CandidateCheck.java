package io.deskforge.audit;

import io.deskforge.task.spec.TaskSpec;
import java.util.Optional;

/**
 * A stage between the static audit and the replay that may reject a candidate without running
 * it: the contamination filter against public evaluation sets, near-duplicates inside the bank.
 */
public interface CandidateCheck extends AutoCloseable {

  /** The stage name in audit reports ("contamination", "bank-duplicate"). */
  String stage();

  /** Why the candidate must not enter the bank, or empty when it may go on to the replay. */
  Optional<String> reject(TaskSpec task);

  /** Told of every task that entered the bank verified, so later candidates are checked against it. */
  default void accepted(TaskSpec task) {}

  @Override
  default void close() {}
}
