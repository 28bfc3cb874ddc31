package io.deskforge.task.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.SampleTasks;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of violation the integrity check reports, each made by breaking a sound bank the way
 * a bug, a crash or a hand edit would, and evidence checked as files on disk both ways.
 */
class IntegrityCheckTest {
  @TempDir Path dir;
  private Path file;
  private TaskSpec task;
  private TaskSpec rejected;
  private String evidencePath;

  @BeforeEach
  void bankWithOneVerifiedTask() throws Exception {
    file = dir.resolve("tasks.db");
    Path shot = Files.write(dir.resolve("end.png"), new byte[] {1, 2, 3, 4});
    try (TaskBank bank = TaskBank.open(file)) {
      task = bank.record(SampleTasks.verified(SampleTasks.replaceWord("apple"), shot.toString())).task();
      rejected = bank.record(SampleTasks.rejected(SampleTasks.spreadsheetSum(3), "checker passes at the start")).task();
    }
    evidencePath = task.audit().evidence().getFirst();
  }

  private void sql(String sql, Object... args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
      s.executeUpdate();
    }
  }

  /** Runs SQL on a connection whose schema may be written, as a damaged or hand-edited file would be. */
  private void rawSql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String sql : statements) s.execute(sql);
    }
  }

  private Path evidenceFolder() {
    return TaskBank.evidenceFolderOf(file);
  }

  private IntegrityReport check() {
    try (TaskBank bank = TaskBank.openExisting(file)) {
      return bank.integrityCheck();
    }
  }

  private List<String> problems() {
    return check().violations().stream().map(IntegrityReport.Violation::toString).toList();
  }

  @Test
  void aSoundBankPasses() {
    IntegrityReport report = check();
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.tasks()).isEqualTo(2);
    assertThat(report.evidenceFiles()).isEqualTo(1);
    assertThat(report.audits()).isEqualTo(2);
    assertThat(report).hasToString("2 tasks, 2 audits, 1 evidence files: ok");
    try (TaskBank bank = TaskBank.openExisting(file)) {
      assertThat(bank.stats().total()).isEqualTo(2);
      assertThat(bank.stats().byApp().get("mousepad").total()).isEqualTo(1);
    }
  }

  @Test
  void statsCountEveryVerdict() {
    Stats s = new Stats(1, 2, 4, Map.of("xterm", new Stats.Counts(1, 2, 4)), Map.of());
    assertThat(s.total()).isEqualTo(7);
    assertThat(s.byApp().get("xterm").total()).isEqualTo(7);
  }

  @Test
  void anEmptyFileBecomesABankButIsNoBankToOpenForReading() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.db"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskBank.openExisting(empty))
        .hasMessage(empty.toAbsolutePath() + " is an empty file, not a deskforge bank");
    try (TaskBank bank = TaskBank.open(empty)) {
      assertThat(bank.stats().total()).isZero();
    }
    Path junk = Files.writeString(dir.resolve("junk.db"), "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskBank.open(junk)).hasMessageContaining("not a deskforge bank (not an SQLite file)");
  }

  @Test
  void aReportWithViolationsListsThemOnePerLine() {
    IntegrityReport report = new IntegrityReport(3, 4, 5,
        List.of(new IntegrityReport.Violation("t-1", "is broken"), new IntegrityReport.Violation(null, "is damaged")));
    assertThat(report.ok()).isFalse();
    assertThat(report).hasToString("3 tasks, 4 audits, 5 evidence files: 2 violations\n  t-1: is broken\n  bank: is damaged");
  }

  @Test
  void aDamagedIndexIsReportedBySqlitesOwnCheck() throws Exception {
    // the index's entries were made for (verdict, id); its declared columns no longer match them
    rawSql("PRAGMA writable_schema = ON",
        "UPDATE sqlite_schema SET sql = 'CREATE INDEX tasks_by_verdict ON tasks(app, id)' WHERE name = 'tasks_by_verdict'");
    assertThat(problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("bank: sqlite integrity_check: "))
        .anySatisfy(p -> assertThat(p).contains("tasks_by_verdict"));
  }

  @Test
  void aRowNamingAMissingAuditIsABrokenForeignKey() throws Exception {
    rawSql("INSERT INTO evidence(audit_id, path, bytes) VALUES (999, 'nowhere/start.png', 4)");
    assertThat(problems()).singleElement().asString()
        .matches("bank: foreign key broken: table evidence row \\d+ names a missing audits");
  }

  @Test
  void aTaskStoredTwiceIsAViolation() throws Exception {
    // only a file whose primary key index was lost can hold one id twice
    rawSql("PRAGMA writable_schema = ON",
        "UPDATE sqlite_schema SET sql = replace(sql, 'id TEXT PRIMARY KEY', 'id TEXT') WHERE name = 'tasks'",
        "DELETE FROM sqlite_schema WHERE name = 'sqlite_autoindex_tasks_1'");
    rawSql("INSERT INTO tasks SELECT * FROM tasks WHERE id = '" + task.id() + "'");
    assertThat(problems()).contains(task.id() + ": stored 2 times");
  }

  @Test
  void jsonWhoseIdIsNotTheRowsIsAViolation() throws Exception {
    TaskSpec renamed = task.withId(rejected.id());
    sql("UPDATE tasks SET json = ? WHERE id = ?", TaskJson.write(renamed), task.id());
    assertThat(problems()).containsExactly(task.id() + ": its JSON has id " + rejected.id());
  }

  @Test
  void columnsThatDisagreeWithTheJsonAreAViolation() throws Exception {
    sql("UPDATE tasks SET seed = seed + 1 WHERE id = ?", task.id());
    sql("UPDATE tasks SET family = 'gnumeric.other' WHERE id = ?", rejected.id());
    assertThat(problems()).containsExactlyInAnyOrder(
        task.id() + ": its columns (family, app, seed) disagree with its JSON",
        rejected.id() + ": its columns (family, app, seed) disagree with its JSON");
  }

  @Test
  void appColumnThatDisagreesWithTheJsonIsAViolation() throws Exception {
    sql("UPDATE tasks SET app = 'xterm' WHERE id = ?", task.id());
    assertThat(problems()).containsExactly(task.id() + ": its columns (family, app, seed) disagree with its JSON");
  }

  @Test
  void aTaskWhoseJsonHasNoAuditIsAViolation() throws Exception {
    sql("UPDATE tasks SET json = ? WHERE id = ?", TaskJson.write(task.withAudit(null)), task.id());
    // its evidence is still recorded for its audit row, so the files are not flagged
    assertThat(problems()).containsExactly(task.id() + ": its JSON has no audit");
  }

  @Test
  void aVerdictColumnThatDisagreesWithTheAuditIsAViolation() throws Exception {
    sql("UPDATE tasks SET verdict = 'rejected' WHERE id = ?", task.id());
    assertThat(problems()).containsExactly(task.id() + ": its verdict column says rejected, its audit verified");
  }

  @Test
  void aCurrentAuditThatIsAnotherTasksIsAViolation() throws Exception {
    sql("UPDATE tasks SET audit_id = (SELECT id FROM audits WHERE task_id = ?) WHERE id = ?", rejected.id(), task.id());
    assertThat(problems()).containsExactly(task.id() + ": its current audit is not in the audits table");
  }

  @Test
  void anAuditRowThatDiffersFromTheTasksJsonIsAViolation() throws Exception {
    AuditReport a = task.audit();
    AuditReport longer = new AuditReport(a.verdict(), a.reasons(), a.stages(), a.evidence(), a.durationMs() + 1, a.provider(), a.auditedAt());
    sql("UPDATE audits SET json = ? WHERE task_id = ?", TaskJson.write(longer), task.id());
    assertThat(problems()).containsExactly(task.id() + ": its JSON's audit differs from its current audit row");
  }

  @Test
  void anAuditRowThatDoesNotParseDiffersFromTheTasksJson() throws Exception {
    sql("UPDATE audits SET json = '{\"verdict\": ' WHERE task_id = ?", task.id());
    assertThat(problems()).containsExactly(task.id() + ": its JSON's audit differs from its current audit row");
  }

  @Test
  void anEvidencePathLeavingTheFolderIsAViolation() throws Exception {
    Files.write(dir.resolve("elsewhere.png"), new byte[] {1, 2, 3, 4});
    sql("UPDATE evidence SET path = '../elsewhere.png' WHERE path = ?", evidencePath);
    assertThat(problems()).containsExactlyInAnyOrder(
        task.id() + ": evidence path ../elsewhere.png leaves the evidence folder",
        task.id() + ": evidence " + evidencePath + " is named by its audit but not recorded",
        task.id() + ": evidence file " + evidencePath + " is on disk but no audit records it (left by a writer killed "
            + "before its commit; TaskBank.removeUnrecordedEvidence() deletes such files)");
  }

  @Test
  void evidenceNamedByTheAuditButNotRecordedIsAViolation() throws Exception {
    sql("DELETE FROM evidence WHERE path = ?", evidencePath);
    assertThat(problems()).containsExactlyInAnyOrder(
        task.id() + ": evidence " + evidencePath + " is named by its audit but not recorded",
        task.id() + ": evidence file " + evidencePath + " is on disk but no audit records it (left by a writer killed "
            + "before its commit; TaskBank.removeUnrecordedEvidence() deletes such files)");
  }

  @Test
  void filesAKilledWriterLeftOnDiskAreViolationsUntilRemoved() throws Exception {
    // what a writer killed between copying evidence in and committing its row leaves: a complete
    // copy of another task's evidence, and a temporary copy of this one's, never renamed
    Path ghost = Files.write(Files.createDirectories(evidenceFolder().resolve("ghost-1/0123abcd")).resolve("end.png"), new byte[] {9});
    Path part = Files.write(evidenceFolder().resolve(evidencePath).resolveSibling(".end.png8812.part"), new byte[] {1, 2});
    // a generate run's staging folder is not the bank's: it clears it itself
    Files.write(Files.createDirectories(evidenceFolder().resolve(".staging/ghost-2")).resolve("start.png"), new byte[] {7});
    String partPath = evidencePath.substring(0, evidencePath.lastIndexOf('/')) + "/.end.png8812.part";

    IntegrityReport report = check();
    assertThat(report.evidenceFiles()).isEqualTo(3);
    assertThat(report.violations().stream().map(IntegrityReport.Violation::toString)).containsExactlyInAnyOrder(
        "ghost-1: evidence file ghost-1/0123abcd/end.png is on disk but no audit records it (left by a writer killed "
            + "before its commit; TaskBank.removeUnrecordedEvidence() deletes such files)",
        task.id() + ": evidence file " + partPath + " is on disk but no audit records it (left by a writer killed "
            + "before its commit; TaskBank.removeUnrecordedEvidence() deletes such files)");

    try (TaskBank bank = TaskBank.open(file)) {
      assertThat(bank.removeUnrecordedEvidence()).containsExactlyInAnyOrder("ghost-1/0123abcd/end.png", partPath);
    }
    assertThat(ghost).doesNotExist();
    assertThat(ghost.getParent().getParent()).as("folders left empty go too").doesNotExist();
    assertThat(part).doesNotExist();
    assertThat(evidenceFolder().resolve(evidencePath)).exists();
    assertThat(evidenceFolder().resolve(".staging/ghost-2/start.png")).exists();
    IntegrityReport after = check();
    assertThat(after.ok()).as(after.toString()).isTrue();
    assertThat(after.evidenceFiles()).isEqualTo(1);
  }

  @Test
  void aSweepWhileAnotherWriterRecordsNeverTakesItsFiles() throws Exception {
    Path start = Files.write(dir.resolve("start.png"), new byte[] {5, 6});
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger sweeps = new java.util.concurrent.atomic.AtomicInteger();
    try (TaskBank writer = TaskBank.open(file); TaskBank sweeper = TaskBank.open(file)) {
      Thread sweeping = Thread.ofPlatform().start(() -> {
        while (!done.get()) {
          try {
            sweeper.removeUnrecordedEvidence();
            sweeps.incrementAndGet();
            // a pause between sweeps: back to back, the sweeper retook SQLite's write lock before
            // the writer's busy handler woke, and the 30 records took 30-48 s instead of 1
            Thread.sleep(2);
          } catch (RuntimeException e) {
            failures.add(e);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      for (int i = 0; i < 30; i++) {
        writer.record(SampleTasks.verified(SampleTasks.replaceWord("w" + i), start.toString(), dir.resolve("end.png").toString()));
      }
      done.set(true);
      sweeping.join();
    }
    assertThat(failures).isEmpty();
    assertThat(sweeps.get()).isPositive();
    IntegrityReport report = check();
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.evidenceFiles()).isEqualTo(1 + 2 * 30);
  }

  @Test
  void anEvidenceFolderThatIsAFileIsAViolation() throws Exception {
    Path folder = evidenceFolder();
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.writeString(folder, "not a folder");
    assertThat(problems()).containsExactly(
        "bank: the evidence folder " + folder + " is not a folder",
        task.id() + ": evidence file " + evidencePath + " is missing from " + folder);
  }

  @Test
  void aMissingEvidenceFileIsAViolation() throws Exception {
    Files.delete(TaskBank.evidenceFolderOf(file).resolve(evidencePath));
    assertThat(problems()).containsExactly(task.id() + ": evidence file " + evidencePath + " is missing from "
        + TaskBank.evidenceFolderOf(file));
  }

  @Test
  void aTruncatedEvidenceFileIsAViolation() throws Exception {
    Files.write(TaskBank.evidenceFolderOf(file).resolve(evidencePath), new byte[] {1});
    assertThat(problems()).singleElement().asString().contains("has 1 bytes, 4 were recorded");
  }

  @Test
  void aVerifiedTaskWithoutAPassedReplayIsAViolation() throws Exception {
    AuditReport noReplay = new AuditReport(Verdict.VERIFIED, List.of(), List.of(), task.audit().evidence(), 1, null, null);
    sql("UPDATE tasks SET json = ? WHERE id = ?", TaskJson.write(task.withAudit(noReplay)), task.id());
    sql("UPDATE audits SET json = ? WHERE task_id = ?", TaskJson.write(noReplay), task.id());
    assertThat(problems()).containsExactly(task.id() + ": verified without a passed replay (no replay.* stage, or one failed)");
  }

  @Test
  void anIdThatIsNotTheContentHashIsAViolation() throws Exception {
    TaskSpec edited = new TaskSpec(task.id(), task.family(), task.app(), task.relatedApps(), "Another instruction.",
        task.seed(), task.params(), task.privileged(), task.setup(), task.checker(), task.solution(), task.negatives(),
        task.difficulty(), task.provenance(), task.audit());
    sql("UPDATE tasks SET json = ? WHERE id = ?", TaskJson.write(edited), task.id());
    assertThat(problems()).singleElement().asString().contains("its id is not its content hash");
  }

  @Test
  void jsonThatDoesNotParseIsAViolation() throws Exception {
    sql("UPDATE tasks SET json = '{\"id\": 3' WHERE id = ?", task.id());
    assertThat(problems()).singleElement().asString().startsWith(task.id() + ": its JSON does not parse");
  }

  @Test
  void anAuditWithoutItsTaskIsAViolation() throws Exception {
    sql("INSERT INTO audits(task_id, verdict, digest, json, recorded_at) VALUES ('ghost-1', 'error', 'd', '{}', 'now')");
    assertThat(problems()).containsExactly("ghost-1: has audits but no task row");
  }
}
