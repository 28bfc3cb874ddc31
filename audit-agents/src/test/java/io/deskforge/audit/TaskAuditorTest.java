package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the audit does when the infrastructure, not the task, fails. */
class TaskAuditorTest {
  @TempDir Path dir;

  @Test
  void anInfrastructureFailureIsRetriedOnceInAFreshDesktopThenKeptAsError() throws Exception {
    TaskSpec task = BrokenInfrastructure.CATALOG.family("xterm.write-file").sample(3);
    try (TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"))) {
      AuditReport report = BrokenInfrastructure.auditor(dir, dir.resolve("staging")).audit(task);

      assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(report.stages()).extracting(AuditReport.Stage::name).containsExactly("static", "retry", "replay.infrastructure");
      AuditReport.Stage retry = report.stages().get(1);
      AuditReport.Stage second = report.stages().get(2);
      assertThat(retry.passed()).isTrue();
      assertThat(retry.detail()).startsWith("infrastructure failed, retrying once in a fresh desktop: ")
          .contains("cannot create desktop folders");
      assertThat(second.passed()).isFalse();
      assertThat(desktopIn(retry.detail())).as("the retry runs in another desktop than the first attempt")
          .isNotEqualTo(desktopIn(second.detail()));
      assertThat(report.reasons()).singleElement().asString()
          .isEqualTo("infrastructure failed twice: " + second.detail());
      assertThat(report.evidence()).isEmpty();
      assertThat(report.verified()).isFalse();

      // the bank keeps it as error, with its reason, and a later audit may still prove it
      bank.record(task.withAudit(report));
      assertThat(bank.verdictOf(task.id())).contains(Verdict.ERROR);
      assertThat(bank.rejections()).singleElement().satisfies(r -> {
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.reason()).startsWith("infrastructure failed twice: ");
      });
    }
  }

  @Test
  void aTaskTheStaticAuditRejectsNeverReachesTheInfrastructure() throws Exception {
    TaskSpec good = BrokenInfrastructure.CATALOG.family("xterm.write-file").sample(3);
    TaskSpec noNegatives = new TaskSpec(null, good.family(), good.app(), good.relatedApps(), good.instruction(), good.seed(),
        good.params(), good.privileged(), good.setup(), good.checker(), good.solution(), List.of(), good.difficulty(),
        good.provenance(), null).withContentId();
    try (TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"))) {
      AuditReport report = BrokenInfrastructure.auditor(dir, dir.resolve("staging")).audit(noNegatives);
      assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
      assertThat(report.stages()).extracting(AuditReport.Stage::name).containsExactly("static");
      assertThat(report.reasons()).contains("schema: the no-op negative is missing");
    }
  }

  /** The desktop a failure names ("sandbox-1a2b3c4d"). */
  private static String desktopIn(String detail) {
    Matcher m = Pattern.compile("sandbox-[0-9a-f]{8}").matcher(detail);
    assertThat(m.find()).as("a desktop id in: " + detail).isTrue();
    return m.group();
  }
}
