package io.deskforge.apps.osworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared step of every end-state model: a trajectory's waits never reach the app's model. */
class EndStateModelTest {

  @Test
  void everyKindOfWaitIsTakenOutBeforeTheAppsModelSeesTheTrajectory() {
    List<Trajectory> seen = new ArrayList<>();
    EndStateModel model = (task, acting, home) -> seen.add(acting);
    Trajectory t = new Trajectory("solution", "with every kind of wait", List.of(
        new Action.Wait(500), new Action.Click(10, 20), new Action.WaitForWindow("^Save$", 5000),
        new Action.WaitForMenu(1, 2000), new Action.Key("ctrl+s"), new Action.WaitForIdle(300, 20000)));

    model.apply((TaskSpec) null, t, null);

    assertThat(seen).hasSize(1);
    assertThat(seen.getFirst().name()).isEqualTo("solution");
    assertThat(seen.getFirst().actions()).containsExactly(new Action.Click(10, 20), new Action.Key("ctrl+s"));
  }
}
