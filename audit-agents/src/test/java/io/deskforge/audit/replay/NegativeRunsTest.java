package io.deskforge.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.DesktopException;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a task's negatives are scheduled beside the solution's desktop: in the task's order, the
 * first with the shifted clock, at once when there are threads, and none started once the audit
 * ended. The desktops themselves are the replay tests' business (BrokenTaskAuditTest,
 * FamiliesVerifyTest); here a replay is a function that records when it ran.
 */
class NegativeRunsTest {
  private static final TaskSpec TASK = AppCatalog.load().family("xterm.write-file").sample(11);
  private static final List<String> NAMES = TASK.negatives().stream().map(Trajectory::name).filter(n -> !n.equals("no-op")).toList();

  private static NegativeRuns.Run ran(Trajectory n) {
    return new NegativeRuns.Run(n, new InitialState(Map.of(), Map.of()), new CheckResult(false, List.of()), 0);
  }

  @Test
  void theNegativesRunAtOnceAndComeBackInTheTasksOrderTheFirstShifted() throws Exception {
    assertThat(NAMES).as("the sample has negatives beside the no-op").hasSizeGreaterThanOrEqualTo(2);
    // every replay waits until all have started: run one after another, the first would wait in vain
    CountDownLatch allStarted = new CountDownLatch(NAMES.size());
    List<String> shifted = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    List<NegativeRuns.Run> runs;
    try (NegativeRuns negatives = NegativeRuns.start(TASK, List.of(), NAMES.size(), (n, shift) -> {
      threads.add(Thread.currentThread().getName());
      if (shift) shifted.add(n.name());
      allStarted.countDown();
      try {
        if (!allStarted.await(20, TimeUnit.SECONDS)) throw new IllegalStateException(n.name() + " ran alone");
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return ran(n);
    })) {
      runs = negatives.results();
    }
    assertThat(runs).extracting(r -> r.negative().name()).containsExactlyElementsOf(NAMES);
    assertThat(shifted).containsExactly(NAMES.get(0));
    assertThat(threads).doesNotContain(Thread.currentThread().getName());
  }

  @Test
  void withoutThreadsTheCallerRunsThemOneAfterAnotherWhenItAsks() {
    List<String> order = new ArrayList<>();
    AtomicInteger before = new AtomicInteger(-1);
    try (NegativeRuns negatives = NegativeRuns.start(TASK, List.of(), 0, (n, shift) -> {
      assertThat(Thread.currentThread().getName()).isEqualTo("main-caller");
      order.add(n.name() + (shift ? "@shifted" : ""));
      return ran(n);
    })) {
      before.set(order.size());
      String name = Thread.currentThread().getName();
      Thread.currentThread().setName("main-caller");
      try {
        negatives.results();
      } finally {
        Thread.currentThread().setName(name);
      }
    }
    assertThat(before.get()).as("nothing ran before the results were asked for").isZero();
    assertThat(order).hasSize(NAMES.size()).first().isEqualTo(NAMES.get(0) + "@shifted");
  }

  @Test
  void aDesktopThatFailsIsThrownAsItWasAndClosingStartsNoFurtherRun() {
    try (NegativeRuns negatives = NegativeRuns.start(TASK, List.of(), 1, (n, shift) -> {
      throw new DesktopException("desktop of " + n.name() + " died");
    })) {
      assertThatThrownBy(negatives::results).isInstanceOf(DesktopException.class).hasMessageContaining(NAMES.get(0));
    }

    CountDownLatch first = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    NegativeRuns negatives = NegativeRuns.start(TASK, List.of(), 1, (n, shift) -> {
      ran.incrementAndGet();
      first.countDown();
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        throw new IllegalStateException("a run in progress must not be interrupted", e);
      }
      return ran(n);
    });
    try {
      assertThat(first.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    negatives.close(); // the audit ended: the run in progress finishes, the queued ones never start
    assertThat(ran.get()).isEqualTo(1);
  }
}
