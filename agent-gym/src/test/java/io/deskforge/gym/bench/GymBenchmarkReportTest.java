package io.deskforge.gym.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.bench.Percentiles;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gym benchmark's pure parts: goals, the report's wording, step bodies, which task a bank gives. No desktops, nothing timed. */
class GymBenchmarkReportTest {

  @Test
  void aGoalIsMetOnItsBoundAndMissedPastItOrWithoutAFigure() {
    assertThat(Goal.atMost("step_p50", 80, "ms", 80).met()).isTrue();
    assertThat(Goal.atMost("step_p50", 80.1, "ms", 80).met()).isFalse();
    assertThat(Goal.atLeast("envs_at_once", 16, "", 16).met()).isTrue();
    assertThat(Goal.atLeast("envs_at_once", 15, "", 16).met()).isFalse();
    assertThat(Goal.atMost("reset_warm_p50", Double.NaN, "ms", 300).met()).isFalse();
    assertThat(Goal.atLeast("envs_at_once", Double.NaN, "", 16).met()).isFalse();
    assertThatThrownBy(() -> new Goal("x", 1, "", "<", 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aGoalSaysItsBoundAndWhetherItIsMet() {
    assertThat(Goal.atMost("reset_cold_p50", 812.4, "ms", 1000).describe()).isEqualTo("goal <= 1000 ms: met");
    assertThat(Goal.atMost("pss_per_idle_env", 120.5, "MB", 100).describe()).isEqualTo("goal <= 100 MB: MISSED");
    assertThat(Goal.atLeast("envs_at_once", 16, "", 16).describe()).isEqualTo("goal >= 16: met");
    assertThat(Goal.number(Double.NaN)).isEqualTo("n/a");
    assertThat(Goal.number(42.0)).isEqualTo("42");
    assertThat(Goal.number(42.25)).isEqualTo("42.3");
  }

  @Test
  void theSixGoalsAreTheIssuesOnes() {
    List<Goal> goals = GymBenchmark.goals(p(900, 1200), p(250, 400), p(60, 210), 16, 95);
    assertThat(goals).extracting(Goal::figure)
        .containsExactly("reset_cold_p50", "reset_warm_p50", "step_p50", "step_p95", "envs_at_once", "pss_per_idle_env");
    assertThat(goals).extracting(Goal::target).containsExactly(1000.0, 300.0, 80.0, 200.0, 16.0, 100.0);
    assertThat(goals).filteredOn(g -> !g.met()).extracting(Goal::figure).containsExactly("step_p95");
  }

  @Test
  void theSummaryPutsEachGoalBesideItsFigureAndNamesWhatWasMissed() {
    Percentiles none = Percentiles.of(List.of());
    List<Goal> goals = GymBenchmark.goals(p(900, 1200), none, p(60, 90), 12, 95);
    GymBenchmark.Result r = new GymBenchmark.Result("sandbox", "mousepad", "mousepad.type-text", "t1", "verified now", 20, 16, 2,
        p(900, 1200), none, p(60, 90), p(20, 30), 12, 41.5, p(70, 150), 130.2, 95, goals, false,
        List.of("open at once: POST /v1/envs: 503 no desktop"));
    List<String> lines = GymBenchmark.summary(r);

    assertThat(lines.get(0)).isEqualTo("gym over HTTP on sandbox desktops, task t1 of mousepad.type-text (verified now): 20 runs, 16 envs at once");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  reset, POST /v1/envs to first observation, no warm pool: p50 900 ms, p95 1200 ms (n=2)")
        .endsWith("p50 goal <= 1000 ms: met"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  reset with a warm pool of 2: p50 n/a ms").endsWith("p50 goal <= 300 ms: MISSED"));
    assertThat(lines).anySatisfy(l -> assertThat(l).endsWith("p50 goal <= 80 ms: met, p95 goal <= 200 ms: met"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  envs served at once: 12 of 16, all answered in 41.5 s").endsWith("goal >= 16: MISSED"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  memory per idle env, PSS while all are open: 95 MB").endsWith("goal <= 100 MB: met"));
    assertThat(lines).contains("    PSS of one env open alone: 130.2 MB", "  goals: 2 of 6 missed (reset_warm_p50, envs_at_once)",
        "  1 error(s):", "    open at once: POST /v1/envs: 503 no desktop");
    // the goals stand in one column
    List<Integer> goalColumns = lines.stream().filter(l -> l.contains("goal ")).map(l -> l.indexOf("goal ") - (l.contains("p50 goal") ? 4 : 0))
        .distinct().toList();
    assertThat(goalColumns).hasSize(1);
  }

  @Test
  void stepsAlternateAPointerMoveAndOneTypedLetter() {
    assertThat(GymBenchmark.stepBody(0)).containsEntry("action", "move").containsKeys("x", "y");
    assertThat(GymBenchmark.stepBody(1)).isEqualTo(Map.of("action", "type", "text", "a"));
    assertThat(GymBenchmark.stepBody(2).get("x")).isNotEqualTo(GymBenchmark.stepBody(0).get("x"));
    assertThat(GymBenchmark.stepBody(3)).isEqualTo(Map.of("action", "type", "text", "b"));
    for (int i = 0; i < 200; i += 2) {
      assertThat((int) GymBenchmark.stepBody(i).get("x")).isBetween(0, 1279);
      assertThat((int) GymBenchmark.stepBody(i).get("y")).isBetween(0, 799);
    }
  }

  @Test
  void aBankGivesATaskOfTheFamilyFirstThenOneOfItsApp() {
    AppCatalog catalog = AppCatalog.load();
    TaskFamily family = catalog.family("mousepad.type-text");
    TaskSpec sameFamily = family.sample(1);
    TaskSpec sameApp = catalog.families(List.of("mousepad")).stream().filter(f -> !f.id().equals(family.id())).findFirst().orElseThrow().sample(1);
    TaskSpec otherApp = catalog.family("xterm.write-file").sample(1);

    assertThat(BenchTask.pick(List.of(otherApp, sameApp, sameFamily), family)).contains(sameFamily);
    assertThat(BenchTask.pick(List.of(otherApp, sameApp), family)).contains(sameApp);
    assertThat(BenchTask.pick(List.of(otherApp), family)).isEmpty();
  }

  private static Percentiles p(double p50, double p95) {
    return Percentiles.of(List.of(p50, p95));
  }
}
