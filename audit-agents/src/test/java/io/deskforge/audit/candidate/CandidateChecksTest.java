package io.deskforge.audit.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.contamination.index.ProgressListener;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate checks stop a task before its replay, and say what it matched. */
class CandidateChecksTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path dir;

  @Test
  void aTaskThatDuplicatesAnEvaluationSetIsRejectedWithItsMatchBeforeAnyReplay() throws Exception {
    TaskSpec task = CATALOG.family("xterm.write-file").sample(21);
    // an evaluation set that happens to hold this very instruction, lightly reworded
    Path evalset = dir.resolve("heldout.jsonl");
    Files.writeString(evalset, TaskJson.write(Map.of("id", "held-7", "text", task.instruction().toUpperCase(), "app", "terminal")) + "\n"
        + TaskJson.write(Map.of("id", "held-8", "text", "Open the spreadsheet and sort the second column.", "app", "calc")) + "\n");
    Path index = dir.resolve("index");
    new io.deskforge.contamination.index.IndexBuilder(false, 1, ProgressListener.NONE).importAndBuild(Map.of("heldout", evalset), index);

    try (TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"));
        DesktopProvider provider = DesktopProviders.create("sandbox");
        ContaminationCheck contamination = ContaminationCheck.openOrBuild(index, ProgressListener.NONE)) {
      TaskAuditor auditor = new TaskAuditor(new StaticAuditor(CATALOG), List.of(contamination, new BankDuplicateCheck()),
          new ReplayAuditor(provider, CATALOG, b -> b), dir.resolve("staging"));
      AuditReport report = auditor.audit(task);
      assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
      assertThat(report.reasons()).singleElement().asString()
          .startsWith("contamination: duplicates heldout task held-7").contains("rule exact");
      assertThat(report.stages()).noneMatch(s -> s.name().startsWith("replay."));
      bank.record(task.withAudit(report));
      assertThat(bank.verdictOf(task.id())).contains(Verdict.REJECTED);
    }
  }

  @Test
  void aCachedIndexThisBuildCannotReadIsRebuiltNotAnError() throws Exception {
    // an index left by an older deskforge (Lucene 10.1's codec, manifest format 1)
    Path index = dir.resolve("contamination-evalsets");
    Files.createDirectories(index);
    Files.writeString(index.resolve(io.deskforge.contamination.index.IndexManifest.FILE), """
        {"format": 1, "analysis": 3, "embedding_model": "all-minilm-l6-v2-q", "items": 1249, "sets": [], "build_seconds": 1.0}
        """);
    List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();

    try (ContaminationCheck check = ContaminationCheck.openOrBuild(index, (stage, done, total) -> stages.add(stage))) {
      assertThat(stages.getFirst()).startsWith("rebuilding the contamination index").contains("format 1");
      assertThat(io.deskforge.contamination.index.IndexManifest.read(index).items()).isGreaterThan(1200);
      TaskSpec copy = CATALOG.family("xterm.write-file").sample(3);
      String osworld = "Please help me install the autoDocstring extension in VS Code.";
      assertThat(check.reject(new TaskSpec(copy.id(), copy.family(), copy.app(), copy.relatedApps(), osworld, copy.seed(),
          copy.params(), copy.privileged(), copy.setup(), copy.checker(), copy.solution(), copy.negatives(), copy.difficulty(),
          copy.provenance(), copy.audit()))).hasValueSatisfying(r -> assertThat(r).contains("rule exact"));
    }
  }

  @Test
  void aRewordedTaskWithTheSameValuesIsABankDuplicateButAnotherDrawIsNot() {
    BankDuplicateCheck check = new BankDuplicateCheck();
    TaskSpec first = CATALOG.family("xterm.make-directory").sample(3);
    check.accepted(first);
    String name = first.params().get("name");
    String parent = first.params().get("parent");
    TaskSpec reworded = new TaskSpec(null, first.family(), first.app(), first.relatedApps(),
        "Please make a directory " + name + " under ~/" + parent + " using the terminal.", first.seed(), first.params(),
        first.privileged(), first.setup(), first.checker(), first.solution(), first.negatives(), first.difficulty(),
        first.provenance(), null).withContentId();
    assertThat(check.reject(reworded)).hasValueSatisfying(r -> assertThat(r).contains(first.id()));
    assertThat(check.reject(CATALOG.family("xterm.make-directory").sample(4))).isEmpty();
  }
}
