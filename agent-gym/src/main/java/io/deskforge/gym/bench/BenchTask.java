package io.deskforge.gym.bench;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The verified task the gym benchmark serves, held in a scratch bank of the benchmark's own: the
 * gym records every episode in the bank it serves, and a benchmark's hundred episodes belong in
 * no real bank. The task comes from a given bank (one of the family, else one of the family's
 * app) or, when there is none, is verified now by a real audit, as {@code generate} would.
 *
 * @param source where the task came from: the given bank's path, or {@code verified now}
 */
public record BenchTask(TaskSpec task, String source) {
  /** Seeds of the family tried before giving up when verifying one. */
  static final int SEEDS_TRIED = 3;

  /** The task, recorded as verified in {@code scratch}. */
  public static BenchTask prepare(TaskBank scratch, Path given, String familyId, AppCatalog catalog, DesktopProvider provider,
      Path workRoot, Consumer<String> progress) {
    TaskFamily family = catalog.family(familyId);
    if (given != null) {
      if (!Files.isRegularFile(given)) throw new IllegalArgumentException("--bank " + given + ": no such file");
      try (TaskBank bank = TaskBank.openExisting(given)) {
        Optional<TaskSpec> found = pick(bank.tasks(Verdict.VERIFIED), family);
        if (found.isPresent()) {
          TaskSpec t = found.get();
          AuditReport a = t.audit();
          // the scratch bank needs the verdict and its replay stages, not the evidence files
          scratch.record(t.withAudit(new AuditReport(a.verdict(), a.reasons(), a.stages(), List.of(), a.durationMs(), a.provider(), a.auditedAt())));
          return new BenchTask(scratch.get(t.id()).orElseThrow(), given.toString());
        }
      }
      progress.accept("no verified " + family.app() + " task in " + given + "; verifying one of " + familyId + " instead");
    }
    return verify(scratch, family, catalog, provider, workRoot, progress);
  }

  /** A verified task of the family if there is one, else one of its app; the first by id either way. */
  static Optional<TaskSpec> pick(List<TaskSpec> verified, TaskFamily family) {
    Comparator<TaskSpec> byId = Comparator.comparing(TaskSpec::id);
    Optional<TaskSpec> same = verified.stream().filter(t -> family.id().equals(t.family())).min(byId);
    return same.isPresent() ? same : verified.stream().filter(t -> family.app().equals(t.app())).min(byId);
  }

  private static BenchTask verify(TaskBank scratch, TaskFamily family, AppCatalog catalog, DesktopProvider provider, Path workRoot,
      Consumer<String> progress) {
    progress.accept("verifying one task of " + family.id() + " in a temporary bank (a real audit in " + provider.name()
        + " desktops, a minute or two)");
    TaskAuditor auditor = new TaskAuditor(new StaticAuditor(catalog), List.of(),
        new ReplayAuditor(provider, catalog, b -> b.workRoot(workRoot)), scratch.file().resolveSibling("staging"));
    List<String> why = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS_TRIED; seed++) {
      TaskSpec task = family.sample(seed);
      AuditReport report = auditor.audit(task);
      scratch.record(task.withAudit(report));
      if (report.verdict() == Verdict.VERIFIED) {
        TaskSpec t = scratch.get(task.withContentId().id()).orElseThrow();
        progress.accept("verified " + t.id() + " (seed " + seed + ") in " + report.durationMs() / 1000 + " s");
        return new BenchTask(t, "verified now");
      }
      why.add("seed " + seed + ": " + report.verdict().json() + " " + report.reasons());
    }
    throw new IllegalStateException("no task of " + family.id() + " verified in " + SEEDS_TRIED + " seeds: " + why);
  }
}
