package io.deskforge.creator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilySweepTest {
  static final List<TaskFamily> XTERM = AppCatalog.load().families(List.of("xterm")).subList(0, 2);

  /** A family whose every draw fails, as a broken family file's might. */
  static final TaskFamily BROKEN = new TaskFamily() {
    @Override public String id() { return "xterm.broken"; }
    @Override public String app() { return "xterm"; }
    @Override public String description() { return "draws nothing"; }
    @Override public TaskSpec sample(long seed) { throw new IllegalStateException("vocabulary 'noun' is empty"); }
  };

  @Test
  void tasksComeSeedBySeedAcrossTheFamiliesAndAreTheSameEachTime() {
    FamilySweep sweep = new FamilySweep(XTERM, 1000, 3);
    List<TaskSpec> tasks = sweep.tasks();
    List<String> expected = new ArrayList<>();
    for (long seed = 1000; seed < 1003; seed++) for (TaskFamily f : XTERM) expected.add(f.id() + "@" + seed);
    assertThat(tasks).extracting(t -> t.family() + "@" + t.seed()).containsExactlyElementsOf(expected);
    assertThat(tasks).extracting(TaskSpec::id).doesNotHaveDuplicates();
    assertThat(tasks).allSatisfy(t -> assertThat(t.provenance().creator()).isNotBlank());
    List<TaskSpec> again = new ArrayList<>();
    new FamilySweep(XTERM, 1000, 3).candidates(42).forEachRemaining(again::add);
    assertThat(again).extracting(TaskSpec::id).containsExactlyElementsOf(tasks.stream().map(TaskSpec::id).toList());
  }

  @Test
  void aFamilyThatCannotDrawIsKeptWithItsFailureAndProposesNothing() {
    FamilySweep sweep = new FamilySweep(List.of(XTERM.getFirst(), BROKEN), 1000, 2);
    assertThat(sweep.draws()).hasSize(2);
    assertThat(sweep.draws().get(1).drawn()).isFalse();
    assertThat(sweep.draws().get(1).failure()).hasMessageContaining("vocabulary 'noun' is empty");
    assertThat(sweep.tasks()).hasSize(2).extracting(TaskSpec::family).containsOnly(XTERM.getFirst().id());
  }

  @Test
  void badSettingsAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> new FamilySweep(XTERM, 1000, 0)).hasMessageContaining("--seeds must be at least 1");
    assertThatThrownBy(() -> new FamilySweep(XTERM, -1, 2)).hasMessageContaining("--first-seed must not be negative");
    assertThatThrownBy(() -> new FamilySweep(List.of(), 1000, 2)).hasMessageContaining("no task families");
  }
}
