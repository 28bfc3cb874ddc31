package io.deskforge.task.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.spec.Verdict;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL mid-run leaves a sound bank: every task it reported is there, no
 * task is there in part, and a rerun completes the set without duplicates.
 */
class KillTest {
  private static final int TASKS = 80;
  @TempDir Path dir;

  /** Starts the writer; returns when it has reported {@code reports} recorded tasks, then kills it. */
  private Set<String> runAndKill(Path bank, int reports) throws Exception {
    Process child = writer(bank);
    Set<String> recorded = new HashSet<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("recorded ")) recorded.add(line.substring("recorded ".length()));
        if (recorded.size() >= reports) break;
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(recorded).as("the writer reported tasks before it was killed").hasSizeGreaterThanOrEqualTo(reports);
    return recorded;
  }

  /**
   * A writer child. Its staging folder and its temp folder (where sqlite-jdbc copies its native
   * library, a copy a SIGKILL leaves behind) are in this test's folder, removed with it.
   */
  private Process writer(Path bank) throws Exception {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path tmp = Files.createDirectories(dir.resolve("writer-tmp"));
    List<String> command = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + tmp, "-cp", classpath, BankWriterMain.class.getName(),
        bank.toString(), "0", Integer.toString(TASKS), dir.resolve("writer-work").toString()));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /**
   * Every reported task is there, whole; the only thing a kill may leave is the evidence files of
   * the one task whose row it stopped (copied in, not yet committed), which the next run removes.
   */
  private static void assertSoundAfterKill(Path bank, Set<String> reported) {
    try (TaskBank b = TaskBank.openExisting(bank)) {
      IntegrityReport report = b.integrityCheck();
      List<IntegrityReport.Violation> leftovers = report.violations().stream()
          .filter(v -> v.problem().contains("is on disk but no audit records it")).toList();
      assertThat(report.violations()).as(report.toString()).containsExactlyElementsOf(leftovers);
      assertThat(leftovers.stream().map(IntegrityReport.Violation::taskId).distinct()).as(report.toString())
          .hasSizeLessThanOrEqualTo(1).allSatisfy(id -> assertThat(b.verdictOf(id)).as("task of a leftover").isEmpty());
      for (String id : reported) assertThat(b.verdictOf(id)).as("reported task %s", id).contains(Verdict.VERIFIED);
      assertThat(report.evidenceFiles() - leftovers.size()).isEqualTo(2 * report.tasks());
    }
  }

  private static void assertSound(Path bank, Set<String> reported) {
    try (TaskBank b = TaskBank.openExisting(bank)) {
      IntegrityReport report = b.integrityCheck();
      assertThat(report.ok()).as(report.toString()).isTrue();
      for (String id : reported) assertThat(b.verdictOf(id)).as("reported task %s", id).contains(Verdict.VERIFIED);
      assertThat(report.evidenceFiles()).isEqualTo(2 * report.tasks());
    }
  }

  @Test
  void aKilledWriterLeavesASoundBankAndARerunCompletesIt() throws Exception {
    Path bank = dir.resolve("tasks.db");
    Set<String> reported = new HashSet<>();
    for (int kill = 1; kill <= 3; kill++) {
      reported.addAll(runAndKill(bank, 15));
      assertSoundAfterKill(bank, reported);
    }
    Process rerun = writer(bank);
    String output = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(output).isZero();
    assertSound(bank, reported);
    try (TaskBank b = TaskBank.openExisting(bank)) {
      assertThat(b.stats().verified()).isEqualTo(TASKS);
      assertThat(b.integrityCheck().tasks()).isEqualTo(TASKS);
    }
  }
}
