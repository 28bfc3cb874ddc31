package io.deskforge.task.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.task.SampleTasks;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskBankTest {
  @TempDir Path dir;

  private Path bankFile() {
    return dir.resolve("banks/tasks.db");
  }

  private static String queryText(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  @Test
  void openCreatesAVersionedBankInWalMode() throws Exception {
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThat(bank.file()).exists();
    }
    assertThat(queryText(bankFile(), "SELECT value FROM meta WHERE key = 'schema_version'")).isEqualTo(Integer.toString(TaskBank.SCHEMA_VERSION));
    assertThat(queryText(bankFile(), "PRAGMA journal_mode")).isEqualTo("wal");
  }

  @Test
  void openExistingRefusesAMissingFileAndDoesNotCreateIt() {
    Path missing = dir.resolve("typo.db");
    assertThatThrownBy(() -> TaskBank.openExisting(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no bank at " + missing);
    assertThat(missing).doesNotExist();
  }

  @Test
  void aFileThatIsNotSqliteIsRefused() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a database");
    assertThatThrownBy(() -> TaskBank.open(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text + " is not a deskforge bank");
    assertThat(Files.readString(text)).isEqualTo("hello, this is not a database");
  }

  @Test
  void anotherSqliteDatabaseIsRefused() throws Exception {
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    assertThatThrownBy(() -> TaskBank.openExisting(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a deskforge bank");
  }

  @Test
  void aBankFromANewerSchemaIsRefused() throws Exception {
    TaskBank.open(bankFile()).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bankFile()); Statement s = c.createStatement()) {
      s.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    assertThatThrownBy(() -> TaskBank.open(bankFile())).hasMessageContaining("schema version 99");
  }

  @Test
  void recordingTheSameTaskTwiceLeavesOneRow() {
    TaskSpec task = SampleTasks.verified(SampleTasks.replaceWord("apple"));
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThat(bank.record(task).outcome()).isEqualTo(Recorded.Outcome.INSERTED);
      assertThat(bank.record(task).outcome()).isEqualTo(Recorded.Outcome.UNCHANGED);
      assertThat(bank.stats().total()).isEqualTo(1);
      assertThat(bank.audits(task.id())).hasSize(1);
      assertThat(bank.get(task.id())).contains(task);
    }
  }

  @Test
  void aTaskWithoutAnIdGetsItsContentId() {
    TaskSpec task = SampleTasks.verified(SampleTasks.replaceWord("apple"));
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThat(bank.record(task.withId(null)).task().id()).isEqualTo(task.id());
      assertThat(bank.verdictOf(task.id())).contains(Verdict.VERIFIED);
    }
  }

  @Test
  void anErrorNeverDowngradesAVerifiedTask() {
    TaskSpec task = SampleTasks.replaceWord("apple");
    try (TaskBank bank = TaskBank.open(bankFile())) {
      bank.record(SampleTasks.verified(task));
      Recorded later = bank.record(SampleTasks.error(task, "the desktop died"));
      assertThat(later.outcome()).isEqualTo(Recorded.Outcome.KEPT);
      assertThat(later.task().audit().verdict()).isEqualTo(Verdict.VERIFIED);
      assertThat(bank.verdictOf(task.id())).contains(Verdict.VERIFIED);
      assertThat(bank.audits(task.id())).extracting(AuditReport::verdict).containsExactly(Verdict.VERIFIED, Verdict.ERROR);
    }
  }

  @Test
  void anErrorDoesNotReplaceARejection() {
    TaskSpec task = SampleTasks.replaceWord("apple");
    try (TaskBank bank = TaskBank.open(bankFile())) {
      bank.record(SampleTasks.rejected(task, "checker passes at the start"));
      assertThat(bank.record(SampleTasks.error(task, "timeout")).outcome()).isEqualTo(Recorded.Outcome.KEPT);
      assertThat(bank.verdictOf(task.id())).contains(Verdict.REJECTED);
    }
  }

  @Test
  void aRejectionAfterAReauditReplacesVerified() {
    TaskSpec task = SampleTasks.replaceWord("apple");
    try (TaskBank bank = TaskBank.open(bankFile())) {
      bank.record(SampleTasks.verified(task));
      assertThat(bank.record(SampleTasks.rejected(task, "negative 'not saved' passes")).outcome())
          .isEqualTo(Recorded.Outcome.REPLACED);
      assertThat(bank.verdictOf(task.id())).contains(Verdict.REJECTED);
      assertThat(bank.stats().verified()).isZero();
    }
  }

  @Test
  void aVerifiedAuditReplacesAnEarlierError() {
    TaskSpec task = SampleTasks.replaceWord("apple");
    try (TaskBank bank = TaskBank.open(bankFile())) {
      bank.record(SampleTasks.error(task, "the desktop died"));
      assertThat(bank.record(SampleTasks.verified(task)).outcome()).isEqualTo(Recorded.Outcome.REPLACED);
      assertThat(bank.verdictOf(task.id())).contains(Verdict.VERIFIED);
    }
  }

  @Test
  void aVerifiedTaskWithoutAReplayIsRefused() {
    TaskSpec task = SampleTasks.replaceWord("apple").withAudit(new AuditReport(Verdict.VERIFIED, List.of(),
        List.of(new AuditReport.Stage("static", true, null, 1, null)), List.of(), 1, null, null));
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThatThrownBy(() -> bank.record(task)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no replay proved it");
      assertThat(bank.stats().total()).isZero();
    }
  }

  @Test
  void anIdThatIsNotTheContentHashIsRefused() {
    TaskSpec task = SampleTasks.verified(SampleTasks.replaceWord("apple")).withId("mousepad.replace-word-0123456789abcdef");
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThatThrownBy(() -> bank.record(task)).hasMessageContaining("is not its content hash");
    }
  }

  @Test
  void anUnauditedTaskIsRefused() {
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThatThrownBy(() -> bank.record(SampleTasks.replaceWord("apple"))).hasMessageContaining("no audit verdict");
    }
  }

  @Test
  void evidenceIsCopiedNextToTheBankAndRecordedRelative() throws Exception {
    Path shot = Files.write(dir.resolve("start.png"), new byte[] {1, 2, 3});
    TaskSpec task = SampleTasks.verified(SampleTasks.replaceWord("apple"), shot.toString());
    try (TaskBank bank = TaskBank.open(bankFile())) {
      String stored = bank.record(task).task().audit().evidence().getFirst();
      assertThat(stored).startsWith(task.id() + "/").endsWith("/start.png");
      assertThat(bank.evidenceFile(stored)).hasBinaryContent(new byte[] {1, 2, 3})
          .startsWith(TaskBank.evidenceFolderOf(bankFile()));
      assertThat(bank.get(task.id()).orElseThrow().audit().evidence()).containsExactly(stored);
    }
  }

  @Test
  void recordingTheStoredTaskAgainChangesNothing() throws Exception {
    Path shot = Files.write(dir.resolve("end.png"), new byte[] {9});
    try (TaskBank bank = TaskBank.open(bankFile())) {
      TaskSpec stored = bank.record(SampleTasks.verified(SampleTasks.replaceWord("apple"), shot.toString())).task();
      assertThat(bank.record(stored).outcome()).isEqualTo(Recorded.Outcome.UNCHANGED);
      assertThat(bank.integrityCheck().ok()).isTrue();
    }
  }

  @Test
  void missingEvidenceIsRefusedAndNothingIsStored() {
    TaskSpec task = SampleTasks.verified(SampleTasks.replaceWord("apple"), dir.resolve("never-written.png").toString());
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThatThrownBy(() -> bank.record(task)).hasMessageContaining("never-written.png").hasMessageContaining("does not exist");
      assertThat(bank.get(task.id())).isEmpty();
    }
  }

  @Test
  void evidenceOutsideTheEvidenceFolderIsRefused() {
    TaskSpec task = SampleTasks.verified(SampleTasks.replaceWord("apple"), "../../etc/passwd");
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThatThrownBy(() -> bank.record(task)).hasMessageContaining("is not a file under");
    }
  }

  @Test
  void statsCountByVerdictAppAndFamily() {
    try (TaskBank bank = TaskBank.open(bankFile())) {
      bank.record(SampleTasks.verified(SampleTasks.replaceWord("apple")));
      bank.record(SampleTasks.verified(SampleTasks.replaceWord("plum")));
      bank.record(SampleTasks.rejected(SampleTasks.spreadsheetSum(1), "solution does not solve"));
      bank.record(SampleTasks.error(SampleTasks.moveFile("a.txt"), "desktop died"));
      Stats stats = bank.stats();
      assertThat(stats.verified()).isEqualTo(2);
      assertThat(stats.rejected()).isEqualTo(1);
      assertThat(stats.error()).isEqualTo(1);
      assertThat(stats.byApp()).containsOnlyKeys("files", "gnumeric", "mousepad");
      assertThat(stats.byApp().get("mousepad")).isEqualTo(new Stats.Counts(2, 0, 0));
      assertThat(stats.byFamily().get("gnumeric.sum-column")).isEqualTo(new Stats.Counts(0, 1, 0));
      assertThat(stats.byFamily().get("files.move-file")).isEqualTo(new Stats.Counts(0, 0, 1));
    }
  }

  @Test
  void tasksListsOneVerdictSortedById() {
    try (TaskBank bank = TaskBank.open(bankFile())) {
      List<TaskSpec> verified = List.of(SampleTasks.verified(SampleTasks.replaceWord("b")),
          SampleTasks.verified(SampleTasks.replaceWord("a")), SampleTasks.verified(SampleTasks.moveFile("x")));
      verified.forEach(bank::record);
      bank.record(SampleTasks.rejected(SampleTasks.spreadsheetSum(2), "no"));
      assertThat(bank.tasks(Verdict.VERIFIED)).extracting(TaskSpec::id)
          .containsExactlyElementsOf(verified.stream().map(TaskSpec::id).sorted().toList());
      assertThat(bank.tasks(Verdict.REJECTED)).hasSize(1);
      assertThat(bank.tasks(Verdict.ERROR)).isEmpty();
    }
  }

  @Test
  void rejectionsKeepEveryReasonEvenAfterAVerifiedAudit() {
    TaskSpec task = SampleTasks.replaceWord("apple");
    try (TaskBank bank = TaskBank.open(bankFile())) {
      bank.record(SampleTasks.rejected(task, "checker passes at the start"));
      bank.record(SampleTasks.verified(task));
      assertThat(bank.rejections()).singleElement().satisfies(r -> {
        assertThat(r.taskId()).isEqualTo(task.id());
        assertThat(r.family()).isEqualTo("mousepad.replace-word");
        assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.reason()).isEqualTo("checker passes at the start");
      });
    }
  }

  @Test
  void unknownIdsAreEmpty() {
    try (TaskBank bank = TaskBank.open(bankFile())) {
      assertThat(bank.get("nope")).isEmpty();
      assertThat(bank.verdictOf("nope")).isEmpty();
    }
  }

  @Test
  void tasksSurviveClosingAndReopening() {
    TaskSpec task = SampleTasks.verified(SampleTasks.spreadsheetSum(5));
    try (TaskBank bank = TaskBank.open(bankFile())) {
      bank.record(task);
    }
    try (TaskBank bank = TaskBank.openExisting(bankFile())) {
      assertThat(bank.get(task.id())).contains(task);
    }
  }

  @Test
  void concurrentWritersInTwoConnectionsAllLand() throws Exception {
    int threads = 8;
    int perThread = 25;
    try (TaskBank one = TaskBank.open(bankFile()); TaskBank two = TaskBank.open(bankFile())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        TaskBank bank = t % 2 == 0 ? one : two; // two connections: the second stands for another process
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            bank.record(SampleTasks.verified(SampleTasks.replaceWord("w" + thread + "x" + i)));
            bank.record(SampleTasks.verified(SampleTasks.replaceWord("shared" + i))); // everyone records these
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
      pool.shutdown();
      assertThat(one.stats().verified()).isEqualTo((long) threads * perThread + perThread);
      assertThat(two.integrityCheck().ok()).isTrue();
    }
  }
}
