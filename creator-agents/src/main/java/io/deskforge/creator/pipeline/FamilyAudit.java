package io.deskforge.creator.pipeline;

import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of a family's tasks, as the creation loop and the amplifier run it: each task through
 * the {@link Pipeline} (audited and recorded), stopping at the first that is not verified.
 *
 * @param failedStage where the first unverified task stopped ({@code static}, {@code candidate} or
 *     {@code replay}; the bank's provenance stages), or null when every task verified
 * @param infrastructure whether that task ended as {@code error} (a desktop failed), not rejected
 * @param reasons why, each prefixed with the task's seed
 * @param taskIds the tasks audited, in order
 * @param verifiedIds those verified
 */
public record FamilyAudit(String failedStage, boolean infrastructure, List<String> reasons, List<String> taskIds,
    List<String> verifiedIds) {

  /** {@code verified}, {@code error} or {@code rejected}: the outcome the bank's provenance records. */
  public String outcome() {
    return failedStage == null ? "verified" : infrastructure ? "error" : "rejected";
  }

  public static FamilyAudit of(Pipeline pipeline, List<TaskSpec> tasks) {
    List<String> taskIds = new ArrayList<>(), verified = new ArrayList<>();
    for (TaskSpec task : tasks) {
      AuditReport report = pipeline.auditAndRecord(task).report();
      taskIds.add(task.id());
      if (report.verified()) {
        verified.add(task.id());
        continue;
      }
      List<String> reasons = new ArrayList<>();
      for (String r : report.reasons()) reasons.add("seed " + task.seed() + ": " + r);
      if (reasons.isEmpty()) reasons.add("seed " + task.seed() + ": " + report.verdict().name().toLowerCase());
      return new FamilyAudit(stageOf(report), report.verdict() == Verdict.ERROR, reasons, taskIds, verified);
    }
    return new FamilyAudit(null, false, List.of(), taskIds, verified);
  }

  /** The provenance stage where an audit stopped: its first failed stage. */
  public static String stageOf(AuditReport report) {
    for (AuditReport.Stage s : report.stages()) {
      if (s.passed()) continue;
      if (s.name().equals("static")) return "static";
      if (s.name().startsWith(AuditReport.REPLAY_PREFIX)) return "replay";
      return "candidate";
    }
    return "replay";
  }
}
