package io.deskforge.creator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.creator.Creator;
import io.deskforge.creator.TemplateCreator;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's bookkeeping, with the real creator, static audit, sandbox provider and bank: what
 * a run audits, what it skips, and when it stops. Every replay here fails as infrastructure (the
 * desktops' work folder would be inside a regular file, as when the disk is full), so what a run
 * does is read from the bank's audit history alone; GenerateTest (factory-cli) runs the same loop
 * on real desktops.
 */
class GeneratorTest {
  static final long SEED = 7;
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path dir;

  private TemplateCreator creator() {
    return new TemplateCreator(CATALOG, List.of("xterm"));
  }

  /** The candidate of attempt {@code i} of a run with {@link #SEED}, as the generator proposes it. */
  private TaskSpec candidate(long i) {
    return creator().propose(SEED, i);
  }

  /** An audit that proved the task, as a replay that passed writes it. */
  private static TaskSpec verified(TaskSpec t, Path evidence) {
    return t.withAudit(new AuditReport(Verdict.VERIFIED, List.of(),
        List.of(new AuditReport.Stage("static", true, null, 1, null),
            new AuditReport.Stage("replay.initial", true, "fails at the start", 300, null),
            new AuditReport.Stage("replay.solution", true, "passes", 700, TaskJson.tree(Map.of("file_text", "x")))),
        List.of(evidence.toString()), 1000, "sandbox", "2025-01-01T00:00:00Z"));
  }

  private static TaskSpec audited(TaskSpec t, Verdict verdict, String reason) {
    return t.withAudit(new AuditReport(verdict, List.of(reason), List.of(new AuditReport.Stage("static", verdict != Verdict.REJECTED, reason, 1, null)),
        List.of(), 1, "sandbox", "2025-01-01T00:00:00Z"));
  }

  private Generator generator(TaskBank bank) throws Exception {
    return generator(bank, creator());
  }

  /** The real pipeline, except that no desktop can start: every replay is an infrastructure failure. */
  private Generator generator(TaskBank bank, Creator creator) throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file where the desktops' folder should be");
    ReplayAuditor replay = new ReplayAuditor(DesktopProviders.create("sandbox"), CATALOG, b -> b.workRoot(notAFolder.resolve("desktops")));
    Path staging = Pipeline.stagingFolder(bank.file());
    return new Generator(creator, new Pipeline(bank, new TaskAuditor(new StaticAuditor(CATALOG), List.of(), replay, staging), staging));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aRunStartedAgainDoesNotAuditWhatTheBankAlreadyDecidedButRetriesErrors() throws Exception {
    Path shot = Files.write(dir.resolve("end.png"), new byte[] {1, 2, 3});
    Path bankFile = dir.resolve("bank.sqlite");
    List<String> verifiedIds = new ArrayList<>();
    try (TaskBank bank = TaskBank.open(bankFile)) {
      // what a killed run had recorded: attempts 0-2 verified, 3 rejected, 4 an infrastructure error
      for (long i = 0; i < 3; i++) verifiedIds.add(bank.record(verified(candidate(i), shot)).task().id());
      bank.record(audited(candidate(3), Verdict.REJECTED, "the reference solution does not make the checker pass"));
      bank.record(audited(candidate(4), Verdict.ERROR, "infrastructure failed twice: the disk is full"));

      List<Generator.Progress> seen = new ArrayList<>();
      Generator.Summary summary = generator(bank).run(new Generator.Settings(List.of("xterm"), 5, 2, 1, SEED), seen::add);

      Generator.Progress last = summary.progress();
      assertThat(seen.getFirst().verified()).as("the bank's verified tasks count toward the target").isEqualTo(3);
      assertThat(last.skipped()).as("attempts 0-3 were decided already").isEqualTo(4);
      assertThat(last.attempts()).isEqualTo(2);
      assertThat(last.error()).isEqualTo(2);
      assertThat(last.verified()).isEqualTo(3);
      assertThat(last.verifiedThisRun()).isZero();
      assertThat(summary.reachedTarget()).isFalse();
      for (String id : verifiedIds) {
        assertThat(bank.audits(id)).as("audits of %s, verified before the run", id).hasSize(1);
        assertThat(bank.verdictOf(id)).contains(Verdict.VERIFIED);
      }
      assertThat(bank.audits(candidate(3).id())).as("a rejected task is not audited again").hasSize(1);
      assertThat(bank.audits(candidate(4).id())).as("an error is audited again").hasSize(2)
          .last().satisfies(a -> assertThat(a.reasons()).singleElement().asString().contains("cannot create desktop folders"));
      assertThat(bank.audits(candidate(5).id())).as("then the next new candidate").hasSize(1);
      assertThat(bank.verdictOf(candidate(6).id())).isEmpty();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aRunStopsWhenMaxAttemptsAreSpentBeforeTheTarget() throws Exception {
    try (TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"))) {
      Generator.Summary summary = generator(bank).run(new Generator.Settings(List.of("xterm"), 3, 4, 2, SEED), p -> {});

      Generator.Progress last = summary.progress();
      assertThat(summary.reachedTarget()).isFalse();
      assertThat(last.attempts()).isEqualTo(4);
      assertThat(last.maxAttempts()).isEqualTo(4);
      assertThat(last.error()).isEqualTo(4);
      assertThat(last.verified()).isZero();
      assertThat(last.inFlight()).isZero();
      assertThat(bank.stats().error()).isEqualTo(4);
      for (long i = 0; i < 4; i++) assertThat(bank.verdictOf(candidate(i).id())).contains(Verdict.ERROR);
      assertThat(bank.verdictOf(candidate(4).id())).as("no fifth audit").isEmpty();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aBankThatAlreadyHoldsTheTargetAuditsNothing() throws Exception {
    Path shot = Files.write(dir.resolve("end.png"), new byte[] {1});
    try (TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"))) {
      for (long i = 10; i < 12; i++) bank.record(verified(candidate(i), shot));
      Generator.Summary summary = generator(bank).run(new Generator.Settings(List.of("xterm"), 2, 5, 2, SEED), p -> {});
      assertThat(summary.reachedTarget()).isTrue();
      assertThat(summary.progress().attempts()).isZero();
      assertThat(bank.stats().error()).isZero();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void evidenceAKilledRunCopiedInButNeverCommittedIsRemovedWhenARunStarts() throws Exception {
    Path bankFile = dir.resolve("bank.sqlite");
    Path shot = Files.write(dir.resolve("end.png"), new byte[] {1});
    try (TaskBank bank = TaskBank.open(bankFile)) {
      String kept = bank.record(verified(candidate(20), shot)).task().audit().evidence().getFirst();
      Path leftover = Files.write(Files.createDirectories(bank.evidenceFolder().resolve(candidate(0).id() + "/feedbeef")).resolve("end.png"), new byte[] {2});
      assertThat(bank.integrityCheck().ok()).isFalse();

      generator(bank).run(new Generator.Settings(List.of("xterm"), 2, 1, 1, SEED), p -> {});

      assertThat(leftover).doesNotExist();
      assertThat(bank.evidenceFile(kept)).exists();
      assertThat(bank.integrityCheck().ok()).as(bank.integrityCheck().toString()).isTrue();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aCreatorWhoseCandidatesEndStopsTheRunOnceTheLastIsAudited() throws Exception {
    List<TaskSpec> two = List.of(candidate(0), candidate(1));
    Creator fixed = new Creator() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public Iterator<TaskSpec> candidates(long runSeed) {
        return two.iterator();
      }
    };
    try (TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"))) {
      Generator.Summary summary = generator(bank, fixed).run(new Generator.Settings(List.of("xterm"), 5, 10, 2, SEED), p -> {});

      assertThat(summary.reachedTarget()).isFalse();
      assertThat(summary.progress().attempts()).isEqualTo(2);
      assertThat(summary.progress().inFlight()).isZero();
      for (TaskSpec t : two) assertThat(bank.verdictOf(t.id())).contains(Verdict.ERROR);
      assertThat(Pipeline.stagingFolder(bank.file())).as("the run's staging folder is gone").doesNotExist();
    }
  }
}
