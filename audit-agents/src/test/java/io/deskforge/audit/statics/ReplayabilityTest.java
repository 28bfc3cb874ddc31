package io.deskforge.audit.statics;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What would make a replay throw is named by trajectory, action and reason, on the 1280x800 screen. */
class ReplayabilityTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final Replayability R = new Replayability(CATALOG);

  static TaskSpec with(List<Action> extra, List<SetupStep> extraSetup, List<String> related, Trajectory negative) {
    TaskSpec t = CATALOG.family("xterm.write-file").sample(71);
    List<Action> actions = new ArrayList<>(t.solution().actions());
    actions.addAll(extra);
    List<SetupStep> setup = new ArrayList<>(t.setup());
    setup.addAll(extraSetup);
    List<Trajectory> negatives = new ArrayList<>(t.negatives());
    if (negative != null) negatives.add(negative);
    return new TaskSpec(null, t.family(), t.app(), related, t.instruction(), t.seed(), t.params(), t.privileged(), setup,
        t.checker(), new Trajectory("reference", "r", actions), negatives, t.difficulty(), t.provenance(), null).withContentId();
  }

  static List<String> problems(Action... extra) {
    return R.problems(with(List.of(extra), List.of(), List.of(), null));
  }

  @Test
  void pointsOnTheLastPixelAreOnTheScreenAndOneFurtherAreNot() {
    assertThat(problems(Action.click(0, 0), Action.click(1279, 799), new Action.Drag(0, 0, 1279, 799), new Action.Scroll(1279, 0, 0, 1))).isEmpty();
    int n = CATALOG.family("xterm.write-file").sample(71).solution().actions().size();
    assertThat(problems(Action.click(1280, 10))).containsExactly("replayability: solution action " + n + " (click): (1280, 10) is off the 1280x800 screen");
    assertThat(problems(Action.click(10, 800))).singleElement().asString().contains("(10, 800) is off");
    assertThat(problems(Action.click(-1, 10))).singleElement().asString().contains("(-1, 10) is off");
    assertThat(problems(Action.click(10, -1))).singleElement().asString().contains("(10, -1) is off");
    assertThat(problems(new Action.Drag(10, 10, 10, 900))).singleElement().asString().contains("(10, 900) is off");
    assertThat(problems(new Action.Drag(2000, 10, 10, 10))).singleElement().asString().contains("(2000, 10) is off");
    assertThat(problems(new Action.DoubleClick(5000, 1), new Action.RightClick(1, 5000), new Action.Move(-5, 1), new Action.Scroll(1, 801, 0, 1)))
        .hasSize(4);
  }

  @Test
  void keyNamesMustBeKnownAndPresent() {
    assertThat(problems(Action.key("ctrl+shift+Home"), Action.key("ctrl++"), Action.key("F5 Return"))).isEmpty();
    assertThat(problems(Action.key("ctrl+bogus"))).singleElement().asString().endsWith("unknown key 'bogus' in 'ctrl+bogus'");
    assertThat(problems(Action.key("Return nokey"))).singleElement().asString().endsWith("unknown key 'nokey' in 'nokey'");
  }

  @Test
  void windowTitlesMustBeRegularExpressions() {
    assertThat(problems(Action.waitForWindow("^a.*b$"))).isEmpty();
    assertThat(problems(Action.waitForWindow("(a"))).singleElement().asString().contains("is not a regular expression");
  }

  @Test
  void everyAppNamedAnywhereMustBeInTheCatalogAndNegativesAreNamed() {
    TaskSpec t = with(List.of(), List.of(new SetupStep.Launch("notepad", List.of())), List.of("wordpad"),
        new Trajectory("clicks-off", "clicks off the screen", List.of(Action.click(9999, 1))));
    assertThat(R.problems(t)).containsExactly(
        "replayability: app 'wordpad' is not in the catalog " + CATALOG.names(),
        "replayability: app 'notepad' is not in the catalog " + CATALOG.names(),
        "replayability: negative 'clicks-off' action 0 (click): (9999, 1) is off the 1280x800 screen");
    assertThat(R.problems(CATALOG.family("gnumeric.fix-cell").sample(72))).isEmpty();
  }
}
