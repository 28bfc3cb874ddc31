package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every getter kind has content mutations: a checker that leaves the asked-for content unread is too weak. */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CheckerStrengthTest extends SandboxReplay {

  @Test
  void aCheckerThatReadsOnlyTheNamesInAFolderIsTooWeakForTheContentTheTaskAsksFor() {
    TaskSpec base = BrokenFamilies.base(61);
    String file = base.params().get("file");
    String line = base.params().get("line");
    TaskSpec t = BrokenFamilies.withChecker(base, new Checker.Check(new Getter.DirListing("/home/user/box"), new Metric.SetEquals(List.of(file))));
    Trajectory solution = new Trajectory("reference", "writes the line into a file in a new folder",
        List.of(Action.type("mkdir -p ~/box && echo '" + line + "' > ~/box/" + file + "\n"), Action.waitMs(300)));
    t = BrokenFamilies.withSolution(t, solution);
    ReplayAuditor.Outcome o = replay.replay(t, EvidenceSink.none());
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).anyMatch(r -> r.startsWith("the checker accepts the solved state with content-changed:" + file) && r.contains("too weak"));
    assertThat(o.stages()).anyMatch(s -> s.name().equals("replay.mutation:item-missing:" + file) && s.passed());
  }
}
