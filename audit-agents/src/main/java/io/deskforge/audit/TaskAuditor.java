package io.deskforge.audit;

import io.deskforge.apps.setup.SetupException;
import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.DesktopLimitException;
import io.deskforge.desktop.MissingRequirementException;
import io.deskforge.desktop.UnreadableFileException;
import io.deskforge.task.spec.AuditReport.Stage;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a candidate through every audit stage in order: static, the candidate checks
 * (contamination, bank duplicates), then the replay. The verdict is {@code verified} only when
 * the replay proved the task; an infrastructure failure is retried once and then kept as {@code
 * error}; every other failure is {@code rejected} with its reasons.
 */
public final class TaskAuditor {
  private final StaticAuditor statics;
  private final List<CandidateCheck> checks;
  private final ReplayAuditor replay;
  private final Path evidenceStaging;

  public TaskAuditor(StaticAuditor statics, List<CandidateCheck> checks, ReplayAuditor replay, Path evidenceStaging) {
    this.statics = statics;
    this.checks = List.copyOf(checks);
    this.replay = replay;
    this.evidenceStaging = evidenceStaging;
  }

  public List<CandidateCheck> checks() {
    return checks;
  }

  /**
   * The audit report of a candidate; evidence paths in it are absolute (staged), for the bank to
   * adopt. A host that lacks what desktops need throws {@link MissingRequirementException}.
   */
  public AuditReport audit(TaskSpec task) {
    long t0 = System.nanoTime();
    List<Stage> stages = new ArrayList<>();
    List<String> staticReasons;
    try {
      staticReasons = statics.audit(task);
    } catch (RuntimeException e) {
      // whatever a task holds, its audit ends in a verdict: an import never dies of one task
      staticReasons = List.of("static: the audit could not read the task: " + describe(e));
    }
    stages.add(new Stage("static", staticReasons.isEmpty(),
        staticReasons.isEmpty() ? "shape, allowed setup steps, grounding and leakage hold" : String.join("; ", staticReasons),
        ms(t0), null));
    if (!staticReasons.isEmpty()) return report(Verdict.REJECTED, staticReasons, stages, List.of(), t0);

    for (CandidateCheck check : checks) {
      long t = System.nanoTime();
      Optional<String> why = check.reject(task);
      stages.add(new Stage(check.stage(), why.isEmpty(), why.orElse("no match"), ms(t), null));
      if (why.isPresent()) return report(Verdict.REJECTED, List.of(check.stage() + ": " + why.get()), stages, List.of(), t0);
    }

    for (int attempt = 1; ; attempt++) {
      EvidenceSink evidence = new EvidenceSink(evidenceStaging, task.id());
      try {
        ReplayAuditor.Outcome outcome = replay.replay(task, evidence);
        stages.addAll(outcome.stages());
        List<Path> files = evidence.written().stream().map(evidenceStaging::resolve).toList();
        List<String> paths = files.stream().map(p -> p.toAbsolutePath().toString()).toList();
        return report(outcome.proved() ? Verdict.VERIFIED : Verdict.REJECTED, outcome.reasons(), stages, paths, t0);
      } catch (MissingRequirementException e) {
        throw e;
      } catch (SetupException e) {
        stages.add(new Stage("replay.setup", false, e.getMessage(), ms(t0), null));
        return report(Verdict.REJECTED, List.of("setup failed: " + e.getMessage()), stages, List.of(), t0);
      } catch (DesktopLimitException e) {
        // what the task made the desktop do (fork, allocate, fill its disk) reached a limit
        stages.add(new Stage("replay.limits", false, e.getMessage(), ms(t0), null));
        return report(Verdict.REJECTED, List.of("resource limit: " + e.getMessage()), stages, List.of(), t0);
      } catch (UnreadableFileException e) {
        stages.add(new Stage("replay.state", false, e.getMessage(), ms(t0), null));
        return report(Verdict.REJECTED, List.of("unreadable state: " + e.getMessage()), stages, List.of(), t0);
      } catch (IllegalArgumentException e) {
        // the task's own content made an action or check impossible (a key, a pattern, a point)
        stages.add(new Stage("replay.task", false, describe(e), ms(t0), null));
        return report(Verdict.REJECTED, List.of("the task cannot be replayed: " + describe(e)), stages, List.of(), t0);
      } catch (RuntimeException e) {
        // the desktop, an app, or something unforeseen: once more in a fresh desktop, then error
        String why = e instanceof DesktopException || e instanceof java.io.UncheckedIOException ? e.getMessage() : describe(e);
        if (attempt == 2) {
          stages.add(new Stage("replay.infrastructure", false, why, ms(t0), null));
          return report(Verdict.ERROR, List.of("infrastructure failed twice: " + why), stages, List.of(), t0);
        }
        stages.add(new Stage("retry", true, "infrastructure failed, retrying once in a fresh desktop: " + why, ms(t0), null));
      }
    }
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private AuditReport report(Verdict verdict, List<String> reasons, List<Stage> stages, List<String> evidence, long t0) {
    return new AuditReport(verdict, reasons, stages, evidence, ms(t0), replay.providerName(), Instant.now().toString());
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
