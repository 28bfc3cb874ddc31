package io.deskforge.apps.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolutionLiftTest {

  static DataFamily shipped(String id) {
    return FamilyFiles.shipped().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  /** The shipped family with its solution taken out, as a creator that could not write one leaves it. */
  static DataFamily withoutSolution(String id) throws Exception {
    ObjectNode root = (ObjectNode) shipped(id).file();
    root.remove("solution");
    return FamilyFiles.read(TaskJson.mapper().writeValueAsString(root), id + " without solution");
  }

  @Test
  void aFamilyWithoutASolutionLoadsAndDrawsCandidatesWithNone() throws Exception {
    DataFamily f = withoutSolution("mousepad.append-line.data");
    assertThat(f.hasSolution()).isFalse();
    TaskSpec t = f.sample(4);
    assertThat(t.solution()).isNull();
    assertThat(t.difficulty()).isNull();
    assertThat(t.instruction()).isEqualTo(shipped("mousepad.append-line.data").sample(4).instruction());
  }

  @Test
  void oneSeedsActionsLiftedToSlotsSolveEverySeedAsTheWrittenSolutionDoes() throws Exception {
    for (String id : List.of("mousepad.append-line.data", "mousepad.type-text.data", "xterm.write-file.data",
        "xterm.rename-file.data", "gnumeric.enter-value.data")) {
      DataFamily original = shipped(id);
      DataFamily bare = withoutSolution(id);
      List<Action> solvedFor7 = original.sample(7).solution().actions();
      DataFamily lifted = FamilyFiles.read(SolutionLift.withSolution(bare, 7, solvedFor7, "found by an agent"), id);
      for (long seed = 0; seed < 20; seed++) {
        assertThat(lifted.sample(seed).solution().actions()).as(id + " seed " + seed)
            .isEqualTo(original.sample(seed).solution().actions());
      }
    }
  }

  @Test
  void longerValuesWinAndShortOnesAreLeftAlone() {
    List<Map.Entry<String, String>> values = List.of(Map.entry("path", "/home/user/notes.txt"), Map.entry("file", "notes.txt"),
        Map.entry("stem", "notes"));
    assertThat(SolutionLift.liftText("cat /home/user/notes.txt; mv notes.txt notes-old.txt", values))
        .isEqualTo("cat {path}; mv {file} {stem}-old.txt");
    assertThat(SolutionLift.liftText("echo 3 > a", List.of(Map.entry("n", "3")))).isEqualTo("echo 3 > a");
  }

  @Test
  void aLiftThatMakesAnUnusableFamilyIsRefusedNamingWhy() throws Exception {
    DataFamily bare = withoutSolution("xterm.write-file.data");
    // an empty action list is no solution: the family file's schema refuses it
    List<Action> none = List.of();
    assertThatThrownBy(() -> SolutionLift.withSolution(bare, 1, none, "nothing"))
        .isInstanceOf(FamilyFileException.class).hasMessageContaining("/solution/actions");
  }
}
