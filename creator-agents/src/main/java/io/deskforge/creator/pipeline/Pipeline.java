package io.deskforge.creator.pipeline;

import io.deskforge.audit.TaskAuditor;
import io.deskforge.desktop.HostFolders;
import io.deskforge.task.bank.Recorded;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * What every run does to a candidate, whoever proposed it ({@code generate}'s creators, {@code
 * import}'s files): audit it (static, candidate checks, replay), record the outcome in the bank,
 * drop its staged evidence, and tell the candidate checks of a task that entered the bank
 * verified. Around a run it keeps the evidence staging folder of this process, {@code
 * .staging/<pid>} beside the bank ({@link #stagingFolder}), clean, and removes what killed runs
 * left.
 */
public record Pipeline(TaskBank bank, TaskAuditor auditor, Path staging) {

  /**
   * The folder this process's audits stage evidence in before the bank adopts it: one per process
   * ({@code .staging/<pid>}), so that two runs on one bank never clear each other's files.
   */
  public static Path stagingFolder(Path bankFile) {
    return TaskBank.evidenceFolderOf(bankFile).resolve(".staging").resolve(Long.toString(ProcessHandle.current().pid()));
  }

  /** One candidate's outcome; {@code auditMillis} is -1 when the audit ended before any replay. */
  public record Outcome(Recorded recorded, AuditReport report, long auditMillis) {}

  /**
   * Before a run: clears the staging folders of this process and of runs that are gone (killed),
   * removes evidence a killed run copied into the bank but never committed, and tells the candidate
   * checks of the bank's verified tasks that {@code known} selects.
   */
  public void start(Predicate<TaskSpec> known) {
    clearStaging();
    bank.removeUnrecordedEvidence(); // what a killed run copied in but never committed; live runs' files are safe
    for (TaskSpec t : bank.tasks(Verdict.VERIFIED)) {
      if (known.test(t)) auditor.checks().forEach(c -> c.accepted(t));
    }
  }

  /**
   * Audits a candidate and records it with its report. A host that lacks what desktops need
   * throws {@link io.deskforge.desktop.MissingRequirementException}, and nothing is recorded.
   */
  public Outcome auditAndRecord(TaskSpec candidate) {
    long t0 = System.nanoTime();
    AuditReport report = auditor.audit(candidate);
    Recorded recorded = bank.record(candidate.withAudit(report));
    deleteStaged(candidate.id());
    if (report.verified()) auditor.checks().forEach(c -> c.accepted(recorded.task()));
    boolean replayed = report.stages().stream().anyMatch(s -> s.name().startsWith("replay."));
    return new Outcome(recorded, report, replayed ? (System.nanoTime() - t0) / 1_000_000 : -1);
  }

  /** After a run: removes this process's staging folder. */
  public void finish() {
    try {
      HostFolders.deleteTree(staging);
    } catch (IOException e) {
      System.err.println("deskforge: could not remove the evidence staging folder " + staging + ": " + e.getMessage());
    }
  }

  private void clearStaging() {
    try {
      HostFolders.deleteTree(staging);
      Path all = staging.getParent();
      if (!Files.isDirectory(all)) return;
      try (var dirs = Files.newDirectoryStream(all)) {
        for (Path d : dirs) {
          String name = d.getFileName().toString();
          boolean live = name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).isPresent();
          if (!live) HostFolders.deleteTree(d);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the evidence staging folder " + staging, e);
    }
  }

  private void deleteStaged(String taskId) {
    try {
      HostFolders.deleteTree(staging.resolve(taskId));
    } catch (IOException e) {
      System.err.println("deskforge: could not remove staged evidence of " + taskId + ": " + e.getMessage());
    }
  }
}
