package io.deskforge.creator.diversity;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FamilyProfilesTest {

  private static TaskSpec task(String app, String family, String instruction, Checker checker, Action... actions) {
    return new TaskSpec(null, family, app, null, instruction, 0, Map.of("file", "notes.txt"), null, null, checker,
        new Trajectory("solution", "", List.of(actions)), null, null, null, null);
  }

  @Test
  void bankTasksAreGroupedByAppAndFamilyAndSampledByDistinctInstruction() {
    Checker equals = Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("x", true, false));
    Checker exists = Checker.check(new Getter.FileExists("/home/user/notes.txt", "file"), new Metric.IsTrue());
    List<TaskSpec> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) tasks.add(task("mousepad", "mousepad.a", "Write " + i + " into ~/notes.txt.", equals, new Action.Type("x")));
    tasks.add(task("mousepad", "mousepad.a", "Write 0 into ~/notes.txt.", exists, new Action.Key("ctrl+s")));
    tasks.add(task("xterm", "mousepad.a", "Touch ~/notes.txt.", exists, new Action.Type("touch")));

    List<FamilyProfile> profiles = FamilyProfiles.ofTasks(tasks, 3);

    assertThat(profiles).hasSize(2);
    FamilyProfile a = profiles.get(0);
    assertThat(a.app()).isEqualTo("mousepad");
    assertThat(a.origin()).isEqualTo("bank");
    assertThat(a.tasks()).isEqualTo(6);
    assertThat(a.instructions()).containsExactly("Write 0 into ~/notes.txt.", "Write 1 into ~/notes.txt.", "Write 2 into ~/notes.txt.");
    assertThat(a.templates()).containsExactly("Write 0 into ~/it.", "Write 1 into ~/it.", "Write 2 into ~/it.");
    // every task counts for shapes and actions, not only the sampled ones
    assertThat(a.checkerShapes()).containsExactlyInAnyOrder("check(file_text,equals)", "check(file_exists,is_true)");
    assertThat(a.actionKinds()).containsExactlyInAnyOrder("type", "key");
    assertThat(a.shape()).isEqualTo("check(file_exists,is_true) | check(file_text,equals)");
    assertThat(profiles.get(1).app()).isEqualTo("xterm");
    assertThat(profiles.get(1).tasks()).isEqualTo(1);
  }

  @Test
  void theCensusWarnsWhenFamiliesCrowdIntoOneShape() {
    Checker equals = Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("x", true, false));
    List<TaskSpec> tasks = new ArrayList<>();
    for (int f = 0; f < 4; f++) tasks.add(task("mousepad", "mousepad.f" + f, "Task " + f, equals, new Action.Type("x")));
    tasks.add(task("xterm", "xterm.one", "Task", equals, new Action.Type("x")));

    List<ShapeCensus> census = ShapeCensus.of(FamilyProfiles.ofTasks(tasks, 1));

    assertThat(census).extracting(ShapeCensus::app).containsExactly("mousepad", "xterm");
    assertThat(census.get(0).families()).isEqualTo(4);
    assertThat(census.get(0).checkerShapes()).containsExactly(Map.entry("check(file_text,equals)", 4));
    assertThat(census.get(0).collapse()).isEqualTo("collapse: 4 families in 1 checker shape");
    assertThat(census.get(1).collapse()).isNull();
  }
}
