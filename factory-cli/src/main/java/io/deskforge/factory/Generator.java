package io.deskforge.factory;

import io.deskforge.audit.TaskAuditor;
import io.deskforge.creator.TemplateCreator;
import io.deskforge.desktop.HostFolders;
import io.deskforge.desktop.MissingRequirementException;
import io.deskforge.task.bank.Recorded;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Fills a bank with verified tasks: proposes candidates, audits each (static, candidate checks,
 * replay) on a few workers, and records every outcome. It stops when the bank holds {@code count}
 * verified tasks of the chosen apps or {@code maxAttempts} candidates were audited, and says
 * which. The candidate sequence is a function of the seed, so a killed run started again skips
 * what the bank already holds and goes on where it stopped.
 */
public final class Generator {

  /** What to generate. */
  public record Settings(List<String> apps, int count, int maxAttempts, int workers, long seed) {
    public Settings {
      if (count < 1) throw new IllegalArgumentException("--count must be at least 1, got " + count);
      if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
      if (maxAttempts < 1) throw new IllegalArgumentException("--max-attempts must be at least 1, got " + maxAttempts);
    }
  }

  /** Where a run stands. {@code verified} counts the bank's verified tasks of these apps, old and new. */
  public record Progress(
      int target, int verified, int verifiedThisRun, int rejected, int error, int skipped, int attempts,
      int maxAttempts, int inFlight, Duration elapsed) {

    public double tasksPerMinute() {
      double minutes = elapsed.toMillis() / 60_000.0;
      return minutes <= 0 ? 0 : (verifiedThisRun + rejected + error) / minutes;
    }
  }

  /** How a run ended, with the audit time of every replayed candidate. */
  public record Summary(Progress progress, boolean reachedTarget, List<Long> auditMillis) {}

  private final TaskBank bank;
  private final TemplateCreator creator;
  private final TaskAuditor auditor;
  private final Path staging;

  public Generator(TaskBank bank, TemplateCreator creator, TaskAuditor auditor, Path staging) {
    this.bank = bank;
    this.creator = creator;
    this.auditor = auditor;
    this.staging = staging;
  }

  /**
   * The folder this process's audits stage evidence in before the bank adopts it: one per process
   * ({@code .staging/<pid>}), so that two runs on one bank never clear each other's files.
   */
  public static Path stagingFolder(Path bankFile) {
    return TaskBank.evidenceFolderOf(bankFile).resolve(".staging").resolve(Long.toString(ProcessHandle.current().pid()));
  }

  public Summary run(Settings settings, Consumer<Progress> listener) {
    clearStaging();
    bank.removeUnrecordedEvidence(); // what a killed run copied in but never committed; live runs' files are safe
    Set<String> apps = new HashSet<>(settings.apps());
    for (TaskSpec t : bank.tasks(Verdict.VERIFIED)) {
      if (apps.contains(t.app())) auditor.checks().forEach(c -> c.accepted(t));
    }
    State state = new State(settings, countVerified(apps));
    listener.accept(state.progress());
    List<Thread> workers = new ArrayList<>();
    AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    for (int w = 0; w < settings.workers(); w++) {
      workers.add(Thread.ofPlatform().name("deskforge-worker-" + w).start(() -> {
        try {
          work(state, listener);
        } catch (RuntimeException e) {
          fatal.compareAndSet(null, e);
          state.abort();
        }
      }));
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        state.abort();
      }
    }
    deleteOwnStaging();
    if (fatal.get() != null) throw fatal.get();
    Progress last = state.progress();
    return new Summary(last, last.verified() >= settings.count(), state.auditMillis());
  }

  private void work(State state, Consumer<Progress> listener) {
    while (true) {
      Optional<TaskSpec> next = state.next(this::alreadyDecided);
      if (next.isEmpty()) return;
      TaskSpec candidate = next.get();
      long t0 = System.nanoTime();
      AuditReport report;
      try {
        report = auditor.audit(candidate);
      } catch (MissingRequirementException e) {
        state.finish(null, 0);
        throw e;
      }
      Recorded recorded = bank.record(candidate.withAudit(report));
      deleteStaged(candidate.id());
      if (report.verified()) auditor.checks().forEach(c -> c.accepted(recorded.task()));
      boolean replayed = report.stages().stream().anyMatch(s -> s.name().startsWith("replay."));
      state.finish(report.verdict(), replayed ? (System.nanoTime() - t0) / 1_000_000 : -1);
      listener.accept(state.progress());
    }
  }

  /** A candidate the bank already holds as verified or rejected is not audited again; an error is. */
  private boolean alreadyDecided(TaskSpec task) {
    return bank.verdictOf(task.id()).map(v -> v != Verdict.ERROR).orElse(false);
  }

  private int countVerified(Set<String> apps) {
    return (int) bank.tasks(Verdict.VERIFIED).stream().filter(t -> apps.contains(t.app())).count();
  }

  /** Clears this process's staging folder and those of runs that are gone (killed). */
  private void clearStaging() {
    try {
      HostFolders.deleteTree(staging);
      Path all = staging.getParent();
      if (!java.nio.file.Files.isDirectory(all)) return;
      try (var dirs = java.nio.file.Files.newDirectoryStream(all)) {
        for (Path d : dirs) {
          String name = d.getFileName().toString();
          boolean live = name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).isPresent();
          if (!live) HostFolders.deleteTree(d);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot clear the evidence staging folder " + staging, e);
    }
  }

  private void deleteOwnStaging() {
    try {
      HostFolders.deleteTree(staging);
    } catch (IOException e) {
      System.err.println("deskforge: could not remove the evidence staging folder " + staging + ": " + e.getMessage());
    }
  }

  private void deleteStaged(String taskId) {
    try {
      HostFolders.deleteTree(staging.resolve(taskId));
    } catch (IOException e) {
      System.err.println("deskforge: could not remove staged evidence of " + taskId + ": " + e.getMessage());
    }
  }

  /** The run's counters and the next candidate, under one lock. */
  private final class State {
    private final Settings settings;
    private final long started = System.nanoTime();
    private final Set<String> proposed = new HashSet<>();
    private final List<Long> auditMillis = Collections.synchronizedList(new ArrayList<>());
    private int verified;
    private int verifiedThisRun;
    private int rejected;
    private int error;
    private int skipped;
    private int attempts;
    private int inFlight;
    private long nextAttempt;
    private boolean aborted;

    State(Settings settings, int alreadyVerified) {
      this.settings = settings;
      this.verified = alreadyVerified;
    }

    /**
     * The next candidate to audit, or empty when the run is over. Waits while the target could be
     * reached by candidates still in flight: if they fail, more are needed.
     */
    synchronized Optional<TaskSpec> next(java.util.function.Predicate<TaskSpec> decided) {
      while (true) {
        if (aborted) return Optional.empty();
        boolean budgetLeft = attempts < settings.maxAttempts();
        if (verified >= settings.count() || !budgetLeft) {
          if (inFlight == 0) return Optional.empty();
        } else if (verified + inFlight < settings.count()) {
          TaskSpec candidate = creator.propose(settings.seed(), nextAttempt++);
          if (!proposed.add(candidate.id()) || decided.test(candidate)) {
            skipped++;
            if (skipped > 100L * settings.maxAttempts()) return Optional.empty(); // the families are exhausted
            continue;
          }
          attempts++;
          inFlight++;
          return Optional.of(candidate);
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }

    synchronized void finish(Verdict verdict, long auditMs) {
      inFlight--;
      if (verdict == Verdict.VERIFIED) {
        verified++;
        verifiedThisRun++;
      } else if (verdict == Verdict.REJECTED) {
        rejected++;
      } else if (verdict == Verdict.ERROR) {
        error++;
      }
      if (auditMs >= 0) auditMillis.add(auditMs);
      notifyAll();
    }

    synchronized void abort() {
      aborted = true;
      notifyAll();
    }

    synchronized Progress progress() {
      return new Progress(settings.count(), verified, verifiedThisRun, rejected, error, skipped, attempts,
          settings.maxAttempts(), inFlight, Duration.ofNanos(System.nanoTime() - started));
    }

    List<Long> auditMillis() {
      return List.copyOf(auditMillis);
    }
  }
}
