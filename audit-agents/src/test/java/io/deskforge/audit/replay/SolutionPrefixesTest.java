package io.deskforge.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which negatives the solution's own replay checks on its way, rather than a desktop of their own:
 * those made of its first actions, where a reading ends nothing. BrokenTaskAuditTest replays them.
 */
class SolutionPrefixesTest {
  static final AppCatalog CATALOG = AppCatalog.load();

  static TaskSpec withNegatives(TaskSpec t, List<Trajectory> negatives) {
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        t.setup(), t.checker(), t.solution(), negatives, t.difficulty(), t.provenance(), null).withContentId();
  }

  static Trajectory firstActions(TaskSpec t, String name, int n) {
    return new Trajectory(name, "the solution's first " + n + " actions", t.solution().actions().subList(0, n));
  }

  @Test
  void anEditorsNotSavedNegativeIsCheckedInTheSolutionsDesktopAndTheOtherKeepsItsOwn() {
    TaskSpec t = CATALOG.family("mousepad.append-line").sample(1000);
    assertThat(ReplayAuditor.solutionPrefixes(t, CATALOG)).extracting(Trajectory::name).containsExactly("not-saved");
  }

  @Test
  void negativesThatAreNotTheSolutionsFirstActionsKeepTheirDesktops() {
    TaskSpec t = CATALOG.family("dokuwiki.append-line").sample(1000);
    assertThat(t.negatives()).hasSizeGreaterThan(2);
    assertThat(ReplayAuditor.solutionPrefixes(t, CATALOG)).isEmpty();
  }

  @Test
  void theWholeSolutionOrNothingIsNoPrefix() {
    TaskSpec base = CATALOG.family("mousepad.append-line").sample(1000);
    int all = base.solution().actions().size();
    TaskSpec t = withNegatives(base, List.of(base.negatives().get(0), firstActions(base, "everything", all),
        new Trajectory("nothing", "no action at all", List.of()), base.negatives().get(1)));
    assertThat(ReplayAuditor.solutionPrefixes(t, CATALOG)).isEmpty();
  }

  @Test
  void oneNegativeAlwaysKeepsAFreshDesktopForTheDeterminismCheck() {
    TaskSpec base = CATALOG.family("mousepad.append-line").sample(1000);
    TaskSpec t = withNegatives(base, List.of(base.negatives().get(0), firstActions(base, "three", 3), firstActions(base, "one", 1),
        firstActions(base, "two", 2)));
    // shortest first, as the solution reaches them; "two", the last, replays in a desktop of its own
    assertThat(ReplayAuditor.solutionPrefixes(t, CATALOG)).extracting(Trajectory::name).containsExactly("one", "three");
  }

  /** TiddlyWiki's and Jupyter's "unsaved": the draft typed, then waits for an autosave that must not come. */
  @Test
  void aWebAppsUnsavedNegativeThatEndsInWaitsIsCheckedInTheSolutionsDesktop() {
    for (String family : List.of("tiddlywiki.add-tag", "jupyter.add-markdown")) {
      TaskSpec t = CATALOG.family(family).sample(1000);
      Trajectory unsaved = t.negatives().stream().filter(n -> n.name().equals("unsaved")).findFirst().orElseThrow();
      int k = ReplayAuditor.sharedPrefix(t.solution().actions(), unsaved);
      assertThat(k).as(family).isPositive().isLessThan(unsaved.actions().size());
      assertThat(unsaved.actions().subList(k, unsaved.actions().size())).as(family).allMatch(Action::onlyWaits);
      assertThat(ReplayAuditor.solutionPrefixes(t, CATALOG)).as(family).extracting(Trajectory::name).containsExactly("unsaved");
    }
  }

  @Test
  void aNegativeThatGoesOnWithAnythingButWaitsKeepsItsDesktop() {
    TaskSpec base = CATALOG.family("mousepad.append-line").sample(1000);
    List<Action> waits = new ArrayList<>(base.solution().actions().subList(0, 3));
    waits.add(Action.waitMs(300));
    List<Action> typed = new ArrayList<>(waits);
    typed.add(new Action.Key("ctrl+a"));
    TaskSpec t = withNegatives(base, List.of(base.negatives().get(0), new Trajectory("typed", "a key after the wait", typed),
        new Trajectory("waited", "a wait after three actions", waits), base.negatives().get(1)));
    assertThat(ReplayAuditor.sharedPrefix(t.solution().actions(), t.negatives().get(1))).isZero();
    assertThat(ReplayAuditor.sharedPrefix(t.solution().actions(), t.negatives().get(2))).isEqualTo(3);
    assertThat(ReplayAuditor.solutionPrefixes(t, CATALOG)).extracting(Trajectory::name).containsExactly("waited");
  }

  @Test
  void notWhenAnAppMustQuitToWriteItsState() {
    TaskSpec base = CATALOG.family("chromium.bookmark-page").sample(1000);
    List<Trajectory> negatives = new ArrayList<>(base.negatives());
    negatives.add(firstActions(base, "half-way", base.solution().actions().size() / 2));
    TaskSpec t = withNegatives(base, negatives);
    assertThat(CATALOG.commitCommand("chromium", t.checker().paths())).as("Chromium quits to write its profile").isNotEmpty();
    assertThat(ReplayAuditor.solutionPrefixes(t, CATALOG)).isEmpty();
  }
}
