package io.deskforge.creator.pipeline;

import io.deskforge.creator.Creator;
import io.deskforge.desktop.MissingRequirementException;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Fills a bank with verified tasks: takes a creator's candidates, audits each (static, candidate
 * checks, replay) on a few workers, and records every outcome, through the {@link Pipeline}. It
 * stops when the bank holds {@code count} verified tasks of the chosen apps, when {@code
 * maxAttempts} candidates were audited or when the creator has no more, and says which. A
 * creator's candidate sequence is a function of the seed, so a killed run started again skips
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

  private final Creator creator;
  private final Pipeline pipeline;
  private final TaskBank bank;

  public Generator(Creator creator, Pipeline pipeline) {
    this.creator = creator;
    this.pipeline = pipeline;
    this.bank = pipeline.bank();
  }

  public Summary run(Settings settings, Consumer<Progress> listener) {
    Set<String> apps = new HashSet<>(settings.apps());
    pipeline.start(t -> apps.contains(t.app()));
    State state = new State(settings, creator.candidates(settings.seed()), countVerified(apps));
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
    pipeline.finish();
    if (fatal.get() != null) throw fatal.get();
    Progress last = state.progress();
    return new Summary(last, last.verified() >= settings.count(), state.auditMillis());
  }

  private void work(State state, Consumer<Progress> listener) {
    while (true) {
      Optional<TaskSpec> next = state.next(this::alreadyDecided);
      if (next.isEmpty()) return;
      Pipeline.Outcome outcome;
      try {
        outcome = pipeline.auditAndRecord(next.get());
      } catch (MissingRequirementException e) {
        state.finish(null, 0);
        throw e;
      }
      state.finish(outcome.report().verdict(), outcome.auditMillis());
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

  /** The run's counters and the next candidate, under one lock. */
  private final class State {
    private final Settings settings;
    private final Iterator<TaskSpec> candidates;
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
    private boolean exhausted;
    private boolean aborted;

    State(Settings settings, Iterator<TaskSpec> candidates, int alreadyVerified) {
      this.settings = settings;
      this.candidates = candidates;
      this.verified = alreadyVerified;
    }

    /**
     * The next candidate to audit, or empty when the run is over. Waits while the target could be
     * reached by candidates still in flight: if they fail, more are needed.
     */
    synchronized Optional<TaskSpec> next(java.util.function.Predicate<TaskSpec> decided) {
      while (true) {
        if (aborted) return Optional.empty();
        boolean moreToTry = attempts < settings.maxAttempts() && !exhausted;
        if (verified >= settings.count() || !moreToTry) {
          if (inFlight == 0) return Optional.empty();
        } else if (verified + inFlight < settings.count()) {
          if (!candidates.hasNext()) {
            exhausted = true; // the creator has no more: wait for those in flight
            continue;
          }
          TaskSpec candidate = candidates.next();
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
