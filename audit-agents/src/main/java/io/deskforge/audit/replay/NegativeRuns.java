package io.deskforge.audit.replay;

import io.deskforge.task.check.CheckResult;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task's negatives (all but the no-op, which is the initial check, and those the solution's
 * replay checks on its way, see {@link ReplayAuditor}), each replayed in a fresh
 * desktop of its own, on {@code threads} threads beside the caller's, or after the caller asks
 * for them when there are none. The first of them runs with the shifted clock.
 *
 * <p>Closing before every result was asked for (the audit ended early: the checker passed on the
 * initial state, the solution failed) lets the runs in progress finish their desktop, which then
 * closes as usual, and starts no other; nothing is interrupted, so no desktop is left half torn
 * down.
 */
final class NegativeRuns implements AutoCloseable {

  /** What one negative's desktop showed. */
  record Run(Trajectory negative, InitialState initial, CheckResult result, long millis) {}

  /** Replays one negative in a fresh desktop; {@code shiftClock} for the determinism check's. */
  @FunctionalInterface
  interface Replay {
    Run run(Trajectory negative, boolean shiftClock);
  }

  private final List<Trajectory> negatives;
  private final Replay replay;
  private final ExecutorService pool;
  private final List<Future<Run>> running = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private NegativeRuns(List<Trajectory> negatives, Replay replay, int threads) {
    this.negatives = negatives;
    this.replay = replay;
    this.pool = threads > 0 && !negatives.isEmpty()
        ? Executors.newFixedThreadPool(Math.min(threads, negatives.size()), named()) : null;
  }

  /** The negatives a trajectory is replayed for: every one but the no-op, which is the initial check. */
  static List<Trajectory> replayed(TaskSpec task) {
    return task.negatives().stream().filter(n -> !n.name().equals("no-op")).toList();
  }

  /** Every {@link #replayed} negative but those {@code inSolution} (checked in the solution's own desktop). */
  static NegativeRuns start(TaskSpec task, List<Trajectory> inSolution, int threads, Replay replay) {
    List<Trajectory> negatives = replayed(task).stream().filter(n -> !inSolution.contains(n)).toList();
    NegativeRuns runs = new NegativeRuns(negatives, replay, threads);
    if (runs.pool != null) {
      for (int i = 0; i < negatives.size(); i++) {
        Trajectory n = negatives.get(i);
        boolean shift = i == 0;
        runs.running.add(runs.pool.submit(() -> {
          if (runs.closed.get()) throw new CancellationException("the audit ended before the negative '" + n.name() + "'");
          return replay.run(n, shift);
        }));
      }
    }
    return runs;
  }

  /**
   * Every negative's run, in the task's order; a desktop's failure is thrown as it was, as if the
   * negative had run on the caller's thread.
   */
  List<Run> results() {
    List<Run> out = new ArrayList<>();
    if (pool == null) {
      for (int i = 0; i < negatives.size(); i++) out.add(replay.run(negatives.get(i), i == 0));
      return out;
    }
    for (Future<Run> f : running) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a negative's desktop", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error err) throw err;
        throw new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  /** Starts no further run and waits for those in progress to close their desktops. */
  @Override
  public void close() {
    closed.set(true);
    if (pool != null) pool.close();
  }

  private static java.util.concurrent.ThreadFactory named() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "negative-replay-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
