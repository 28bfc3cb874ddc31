package io.deskforge.task.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One run of {@link TaskBank#integrityCheck()}: SQLite's checks, then every row against our invariants. */
final class IntegrityCheck {
  private final TaskBank bank;
  private final Connection db;
  private final List<IntegrityReport.Violation> violations = new ArrayList<>();
  private final Map<String, List<String>> currentEvidence = new HashMap<>();

  IntegrityCheck(TaskBank bank) {
    this.bank = bank;
    this.db = bank.connection();
  }

  IntegrityReport run() throws SQLException {
    sqlite();
    long tasks = tasks();
    long audits = count("SELECT count(*) FROM audits");
    orphanAudits();
    long files = evidenceFiles();
    return new IntegrityReport(tasks, audits, files, violations);
  }

  private void bankViolation(String problem) {
    violations.add(new IntegrityReport.Violation(null, problem));
  }

  private void violation(String taskId, String problem) {
    violations.add(new IntegrityReport.Violation(taskId, problem));
  }

  private void sqlite() throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      while (r.next()) {
        if (!r.getString(1).equals("ok")) bankViolation("sqlite integrity_check: " + r.getString(1));
      }
    }
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
      while (r.next()) bankViolation("foreign key broken: table " + r.getString(1) + " row " + r.getLong(2) + " names a missing " + r.getString(3));
    }
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT id, count(*) FROM tasks GROUP BY id HAVING count(*) > 1")) {
      while (r.next()) violation(r.getString(1), "stored " + r.getLong(2) + " times");
    }
  }

  private record Audit(String taskId, Verdict verdict, String json) {}

  private long tasks() throws SQLException {
    Map<Long, Audit> audits = new HashMap<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, task_id, verdict, json FROM audits")) {
      while (r.next()) audits.put(r.getLong(1), new Audit(r.getString(2), Verdict.of(r.getString(3)), r.getString(4)));
    }
    long n = 0;
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT id, family, app, verdict, seed, audit_id, json FROM tasks ORDER BY id")) {
      while (r.next()) {
        n++;
        task(r.getString(1), r.getString(2), r.getString(3), Verdict.of(r.getString(4)), r.getLong(5),
            audits.get(r.getLong(6)), r.getString(7));
      }
    }
    return n;
  }

  private void task(String id, String family, String app, Verdict verdict, long seed, Audit audit, String json) {
    TaskSpec task;
    try {
      task = TaskJson.mapper().readValue(json, TaskSpec.class);
    } catch (JsonProcessingException e) {
      violation(id, "its JSON does not parse: " + e.getOriginalMessage());
      return;
    }
    if (!id.equals(task.id())) violation(id, "its JSON has id " + task.id());
    String contentId = TaskJson.contentId(task);
    if (!id.equals(contentId)) violation(id, "its id is not its content hash " + contentId);
    if (!Objects.equals(family, task.family()) || !Objects.equals(app, task.app()) || seed != task.seed()) {
      violation(id, "its columns (family, app, seed) disagree with its JSON");
    }
    if (task.audit() == null) {
      violation(id, "its JSON has no audit");
      return;
    }
    currentEvidence.put(id, task.audit().evidence());
    if (task.audit().verdict() != verdict) violation(id, "its verdict column says " + verdict.json() + ", its audit " + task.audit().verdict().json());
    if (audit == null || !audit.taskId().equals(id)) {
      violation(id, "its current audit is not in the audits table");
    } else if (!sameAudit(audit.json(), task.audit())) {
      violation(id, "its JSON's audit differs from its current audit row");
    }
    if (verdict == Verdict.VERIFIED && !task.audit().provenByReplay()) {
      violation(id, "verified without a passed replay (no replay.* stage, or one failed)");
    }
  }

  private static boolean sameAudit(String json, AuditReport audit) {
    try {
      return TaskJson.mapper().readValue(json, AuditReport.class).equals(audit);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private void orphanAudits() throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
        "SELECT DISTINCT a.task_id FROM audits a LEFT JOIN tasks t ON t.id = a.task_id WHERE t.id IS NULL")) {
      while (r.next()) violation(r.getString(1), "has audits but no task row");
    }
  }

  /**
   * Every evidence row against the files on disk, both ways: a recorded file must be there with its
   * recorded size, and a file there must be recorded (a writer killed between copying a task's
   * evidence in and committing its row leaves such files). Returns the files found on disk.
   */
  private long evidenceFiles() throws SQLException {
    Map<String, Long> onDisk = filesOnDisk();
    Set<String> recorded = new HashSet<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
        "SELECT a.task_id, e.path, e.bytes FROM evidence e JOIN audits a ON a.id = e.audit_id ORDER BY e.path")) {
      while (r.next()) {
        String taskId = r.getString(1);
        String path = r.getString(2);
        recorded.add(path);
        Path file = bank.evidence().resolve(path);
        if (!file.startsWith(bank.evidenceFolder())) {
          violation(taskId, "evidence path " + path + " leaves the evidence folder");
          continue;
        }
        String relative = EvidenceStore.relative(bank.evidenceFolder(), file);
        recorded.add(relative);
        Long size = onDisk.get(relative);
        if (size == null) {
          violation(taskId, "evidence file " + path + " is missing from " + bank.evidenceFolder());
        } else if (size != r.getLong(3)) {
          violation(taskId, "evidence file " + path + " has " + size + " bytes, " + r.getLong(3) + " were recorded");
        }
      }
    }
    currentEvidenceRecorded(recorded);
    onDisk.keySet().stream().filter(p -> !recorded.contains(p)).sorted().forEach(p -> violation(EvidenceStore.taskIdOf(p),
        "evidence file " + p + " is on disk but no audit records it (left by a writer killed before its commit; "
            + "TaskBank.removeUnrecordedEvidence() deletes such files)"));
    return onDisk.size();
  }

  /** The bank's evidence files on disk, by path relative to the folder, with their sizes. */
  private Map<String, Long> filesOnDisk() {
    Path folder = bank.evidenceFolder();
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      bankViolation("the evidence folder " + folder + " is not a folder");
      return Map.of();
    }
    try {
      return bank.evidence().files();
    } catch (IOException e) {
      bankViolation("the evidence folder " + folder + " cannot be listed: " + e.getMessage());
      return Map.of();
    }
  }

  /** Every evidence path a current audit names has its evidence row. */
  private void currentEvidenceRecorded(Set<String> recorded) {
    currentEvidence.forEach((id, paths) -> paths.stream().filter(p -> !recorded.contains(p))
        .forEach(p -> violation(id, "evidence " + p + " is named by its audit but not recorded")));
  }

  private long count(String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getLong(1) : 0;
    }
  }
}
