package io.deskforge.apps.impress;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Impress families without a desktop: 20 seeds give 20 distinct tasks, each on a deck of 5 to
 * 15 slides, checked by document queries the .pptx format answers, with a no-op and at least three
 * more negatives; the restructure family reaches 25 actions and more.
 */
class ImpressFamiliesTest {
  static final AppCatalog CATALOG = AppCatalog.load();

  @Test
  void twentySeedsGiveTwentyDistinctTasksOnDecksOfFiveToFifteenSlides() {
    DocumentFormat pptx = CATALOG.formats().claiming("/home/user/x.pptx").orElseThrow();
    List<TaskFamily> families = CATALOG.get(Impress.NAME).families();
    assertThat(families).hasSizeGreaterThanOrEqualTo(8);
    StringBuilder steps = new StringBuilder();
    for (TaskFamily f : families) {
      Set<String> ids = new HashSet<>();
      int total = 0;
      int most = 0;
      for (long seed = 0; seed < 20; seed++) {
        TaskSpec t = f.sample(seed);
        ids.add(t.id());
        SetupStep.WriteDocument w = (SetupStep.WriteDocument) t.setup().get(0);
        assertThat(w.content().get("slides").size()).as(f.id()).isBetween(5, 15);
        assertThat(t.negatives()).as(f.id()).hasSizeGreaterThanOrEqualTo(4);
        t.checker().leaves().forEach(l -> {
          Getter.DocumentQuery q = (Getter.DocumentQuery) l.getter();
          assertThat(pptx.queryProblem(q.query())).as(q.query()).isEmpty();
          assertThat(pptx.mutations(q.path(), q.query())).as("mutations of " + q.query()).isNotEmpty();
        });
        total += t.solution().actions().size();
        most = Math.max(most, t.solution().actions().size());
      }
      assertThat(ids).as(f.id()).hasSize(20);
      steps.append(f.id()).append(": mean ").append(total / 20.0).append(", max ").append(most).append('\n');
      if (f.id().endsWith(".restructure")) assertThat(most).isGreaterThanOrEqualTo(25);
    }
    System.out.println(steps);
  }

  /** Each transition the slide-transitions family checks exports as OSWorld's own check_transition, on the slide it names. */
  @Test
  void theTransitionsFamilysChecksAreOsworldsCheckTransition() {
    TaskFamily f = CATALOG.family(SlideTransitions.ID);
    for (long seed = 0; seed < 20; seed++) {
      TaskSpec t = f.sample(seed);
      List<Getter.DocumentQuery> transitions = t.checker().leaves().stream().map(l -> (Getter.DocumentQuery) l.getter())
          .filter(q -> q.query().endsWith(" transition")).toList();
      assertThat(transitions).as(t.id()).hasSizeBetween(2, 4);
      for (var l : t.checker().leaves()) {
        Getter.DocumentQuery q = (Getter.DocumentQuery) l.getter();
        var check = CATALOG.documentCheck(q.path(), q.query(), l.metric());
        if (!q.query().endsWith(" transition")) {
          assertThat(check).as(q.query()).isEmpty();
          continue;
        }
        int n = Integer.parseInt(q.query().split(" ")[1]);
        assertThat(check.orElseThrow().func()).isEqualTo("check_transition");
        assertThat(check.orElseThrow().expected().at("/rules/slide_idx").asInt()).isEqualTo(n - 1);
        assertThat(check.orElseThrow().expected().at("/rules/transition_type").asText()).isEqualTo(t.params().get("effect"));
      }
    }
  }
}
