package io.deskforge.gym.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.gym.VerifiedBank;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * The reference run the trajectory audit compares episodes with, in real sandboxed desktops: it
 * counts only when the reference solution passed the task's checker, so a run that went wrong
 * cannot make an episode's own edits look collateral.
 */
class TrajectoryAuditReferenceTest {

  @Test
  void aReferenceRunIsTakenWhenItPassesTheCheckerAndRefusedWhenItNeverDoes() {
    VerifiedBank.Shared fixture = VerifiedBank.shared();
    TaskSpec task = fixture.task("xterm.write-file");
    String written = task.checker().leaves().stream().map(c -> c.getter())
        .filter(g -> g instanceof Getter.FileText).map(g -> ((Getter.FileText) g).path()).findFirst().orElseThrow();
    // the same task, but "solved" by one of its negatives: a run that fails the checker every time
    TaskSpec neverSolved = new TaskSpec(task.id(), task.family(), task.app(), task.relatedApps(), task.instruction(), task.seed(),
        task.params(), task.privileged(), task.setup(), task.checker(), task.negatives().get(0), task.negatives(),
        task.difficulty(), task.provenance(), task.audit());

    try (TrajectoryAudit audit = new TrajectoryAudit(fixture.bank(), fixture.provider(), new SetupRunner(VerifiedBank.CATALOG),
        VerifiedBank.CATALOG, t -> VerifiedBank.CATALOG.desktopFor(t.desktopApps()).workRoot(fixture.desktops()).build())) {
      TrajectoryAudit.Reference ok = audit.reference(task);

      assertThat(ok.changed()).contains(written);
      assertThat(ok.appRunning()).isTrue();
      assertThatThrownBy(() -> audit.reference(neverSolved))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("did not make its checker pass in 2 fresh desktops")
          .hasMessageContaining(task.id());
    }
  }
}
