package io.deskforge.task.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Difficulty;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.Privileged;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskJsonTest {

  static TaskSpec sample(String word) {
    return new TaskSpec(null, "mousepad.replace-word", "mousepad", List.of(),
        "In ~/notes.txt replace every '" + word + "' with 'pear' and save.", 7L,
        Map.of("word", word, "file", "notes.txt"),
        Privileged.of(
            Fact.inFile("original", word + " pie\n", "/home/user/notes.txt"),
            Fact.inInstruction("word", word),
            Fact.inInstruction("replacement", "pear"),
            Fact.derived("expected", "pear pie\n", Derivation.REPLACE_ALL, "original", "word", "replacement")),
        List.of(new SetupStep.WriteFile("/home/user/notes.txt", word + " pie\n"),
            new SetupStep.Launch("mousepad", List.of("/home/user/notes.txt"))),
        Checker.all(
            Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("pear pie\n", true, false)),
            Checker.check(new Getter.FileExists("/home/user/notes.txt", "file"), new Metric.IsTrue())),
        Trajectory.of("reference", "replace with the dialog", Action.key("ctrl+r"), Action.type(word), Action.key("Return")),
        List.of(Trajectory.noOp()), Difficulty.ofSteps(3), Provenance.of("template"), null).withContentId();
  }

  @Test
  void roundTripsThroughSnakeCaseJson() throws Exception {
    TaskSpec task = sample("apple");
    String json = TaskJson.write(task);
    assertThat(json).contains("\"related_apps\"", "\"action\":\"key\"", "\"type\":\"file_text\"", "\"in\":\"derived\"", "\"op\":\"replace_all\"");
    TaskSpec back = TaskJson.mapper().readValue(json, TaskSpec.class);
    assertThat(back).isEqualTo(task);
  }

  @Test
  void aPageStepRoundTripsInOrderAndHidesItsValuesFromMessages() throws Exception {
    TaskSpec task = io.deskforge.task.SampleTasks.loggedInWiki();
    String json = TaskJson.write(task);
    assertThat(json).contains("{\"type\":\"page\",\"url\":\"http://127.0.0.1:8080/index.php?title=Special:UserLogin\","
        + "\"fill\":{\"#wpName1\":\"Member417\",\"#wpPassword1\":\"" + io.deskforge.task.SampleTasks.WIKI_PASSWORD + "\"},"
        + "\"click\":\"#wpLoginAttempt\",\"wait_for\":\"#pt-userpage\",\"local_storage\":{\"mw-tour\":\"done\"},\"cookies\":{\"wikiTheme\":\"night\"}}");
    // a page that is only opened writes no empty form
    assertThat(json).contains("{\"type\":\"page\",\"url\":\"http://127.0.0.1:8080/index.php?title=Garden_club\",\"wait_for\":\"#pt-userpage\"}");
    TaskSpec back = TaskJson.mapper().readValue(json, TaskSpec.class);
    assertThat(back).isEqualTo(task);
    SetupStep.Page login = (SetupStep.Page) back.setup().get(3);
    assertThat(List.copyOf(login.fill().keySet())).containsExactly("#wpName1", "#wpPassword1");
    assertThat(login.interacts()).isTrue();
    assertThat(((SetupStep.Page) back.setup().get(4)).interacts()).isFalse();
    assertThat(login.values()).contains(io.deskforge.task.SampleTasks.WIKI_PASSWORD);
    // what error messages and logs print of a step
    assertThat(login.toString()).contains("#wpPassword1=<23 chars>").doesNotContain(io.deskforge.task.SampleTasks.WIKI_PASSWORD, "Member417");
  }

  @Test
  void aPageStepOffTheDesktopsLoopbackIsNamed() {
    TaskSpec t = io.deskforge.task.SampleTasks.loggedInWiki();
    java.util.List<SetupStep> setup = new java.util.ArrayList<>(t.setup());
    setup.set(4, SetupStep.Page.open("https://example.com/login", null));
    TaskSpec off = new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(), setup,
        t.checker(), t.solution(), t.negatives(), t.difficulty(), t.provenance(), null);
    assertThat(TaskValidator.get().problems(off)).anySatisfy(p -> assertThat(p.toString()).contains("$.setup[4].url"));
  }

  @Test
  void idIsAContentHash() {
    assertThat(sample("apple").id()).isEqualTo(sample("apple").id()).startsWith("mousepad.replace-word-");
    assertThat(sample("apple").id()).isNotEqualTo(sample("plum").id());
    assertThat(sample("apple").withProvenance(Provenance.of("other")).withContentId().id()).isEqualTo(sample("apple").id());
  }

  @Test
  void derivationsRecompute() {
    assertThat(Derivation.REPLACE_ALL.apply(List.of("a b a", "a", "c"))).isEqualTo("c b c");
    assertThat(Derivation.SUM.apply(List.of("1.5", "2", "3.5"))).isEqualTo("7");
    assertThat(Derivation.APPEND_LINE.apply(List.of("x", "y"))).isEqualTo("x\ny\n");
    assertThat(Derivation.DELETE_LINE.apply(List.of("x\ny\nz\n", "y"))).isEqualTo("x\nz\n");
    assertThat(Derivation.COUNT_LINES.apply(List.of("x\ny\n"))).isEqualTo("2");
    assertThatThrownBy(() -> Derivation.SUM.apply(List.of("1", "two"))).hasMessageContaining("sum");
  }
}
