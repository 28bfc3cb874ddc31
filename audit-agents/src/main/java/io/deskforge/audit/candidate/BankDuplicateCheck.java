package io.deskforge.audit.candidate;

import io.deskforge.audit.CandidateCheck;
import io.deskforge.contamination.BankDuplicates;
import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rejects a candidate that is the same task as one already verified in the bank (same values,
 * any wording), while a family's other draws, which share its template, pass.
 */
public final class BankDuplicateCheck implements CandidateCheck {
  private final BankDuplicates duplicates = BankDuplicates.of(List.of(), Thresholds.defaults());

  @Override
  public String stage() {
    return "bank-duplicate";
  }

  @Override
  public Optional<String> reject(TaskSpec task) {
    ContaminationVerdict v = duplicates.check(candidate(task));
    if (!v.contaminated()) return Optional.empty();
    return Optional.of(String.format(Locale.ROOT, "the bank already holds the same task %s (rule %s, score %.3f): \"%s\"",
        v.matchId(), v.rule(), v.score(), v.matchText()));
  }

  @Override
  public void accepted(TaskSpec task) {
    duplicates.add(candidate(task));
  }

  private static Candidate candidate(TaskSpec task) {
    return new Candidate(task.id(), task.instruction(), task.app());
  }
}
