package io.deskforge.task.bank;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of {@link TaskBank#integrityCheck()}: what was checked, and every violation found.
 *
 * @param evidenceFiles the files found on disk in the bank's evidence folder (recorded or not)
 */
public record IntegrityReport(long tasks, long audits, long evidenceFiles, List<Violation> violations) {

  public IntegrityReport {
    violations = List.copyOf(violations);
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  /** One broken invariant; the task id is null when the problem is the bank's as a whole. */
  public record Violation(String taskId, String problem) {
    @Override
    public String toString() {
      return (taskId == null ? "bank" : taskId) + ": " + problem;
    }
  }

  @Override
  public String toString() {
    String head = tasks + " tasks, " + audits + " audits, " + evidenceFiles + " evidence files: ";
    return ok() ? head + "ok" : head + violations.size() + " violations\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }
}
