package io.deskforge.task.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.task.action.Action;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small value types of the task format: their defaults, limits and derived fields. */
class SpecValuesTest {

  @Test
  void difficultyIsEasyUpToSixStepsMediumUpToFifteenThenHard() {
    assertThat(Difficulty.ofSteps(1)).isEqualTo(new Difficulty(1, "easy"));
    assertThat(Difficulty.ofSteps(6).level()).isEqualTo("easy");
    assertThat(Difficulty.ofSteps(7).level()).isEqualTo("medium");
    assertThat(Difficulty.ofSteps(15).level()).isEqualTo("medium");
    assertThat(Difficulty.ofSteps(16).level()).isEqualTo("hard");
  }

  @Test
  void provenanceOfACreatorHasNoModelParentOrVersions() {
    assertThat(Provenance.of("template")).isEqualTo(new Provenance("template", null, null, null, Map.of()));
    assertThat(new Provenance("llm", "m", null, null, null).versions()).isEmpty();
  }

  @Test
  void aTaskSpecFillsItsListsAndMapsWithEmptyOnes() {
    TaskSpec t = new TaskSpec(null, "f", "a", null, "i", 1, null, null, null, null, null, null, null, null, null);
    assertThat(t.relatedApps()).isEmpty();
    assertThat(t.params()).isEmpty();
    assertThat(t.privileged().facts()).isEmpty();
    assertThat(t.setup()).isEmpty();
    assertThat(t.negatives()).isEmpty();
    TaskSpec withParams = new TaskSpec(null, "f", "a", List.of("b"), "i", 1, Map.of("z", "1", "a", "2"), null, null, null, null, null, null, null, null);
    assertThat(withParams.params().keySet()).containsExactly("a", "z");
    assertThat(withParams.relatedApps()).containsExactly("b");
  }

  @Test
  void aWaitIsNeverNegativeAndAWindowWaitHasADefaultTimeout() {
    assertThat(new Action.Wait(0).ms()).isZero();
    assertThatThrownBy(() -> new Action.Wait(-1)).hasMessage("wait: ms must be >= 0, got -1");
    assertThat(new Action.WaitForWindow("Save", 0).timeoutMs()).isEqualTo(5000);
    assertThat(new Action.WaitForWindow("Save", -3).timeoutMs()).isEqualTo(5000);
    assertThat(new Action.WaitForWindow("Save", 1).timeoutMs()).isEqualTo(1);
    assertThatThrownBy(() -> new Action.WaitForWindow(" ", 10)).hasMessage("wait_window: title is required");
    assertThatThrownBy(() -> new Action.WaitForIdle(0, 10)).hasMessage("wait_idle: quiet_ms must be > 0, got 0");
    assertThatThrownBy(() -> new Action.WaitForIdle(500, 100)).hasMessage("wait_idle: quiet_ms (500) exceeds timeout_ms (100)");
    assertThat(new Action.WaitForIdle(300, 0).timeoutMs()).isEqualTo(5000);
    assertThatThrownBy(() -> new Action.ClickUntilWindow(1, 2, "", 10, 100)).hasMessage("click_until_window: title is required");
    assertThatThrownBy(() -> new Action.ClickUntilWindow(1, 2, "x", 200, 100))
        .hasMessage("click_until_window: retry_ms (200) exceeds timeout_ms (100)");
    assertThat(new Action.ClickUntilWindow(1, 2, "x", 0, 0)).isEqualTo(new Action.ClickUntilWindow(1, 2, "x", 5000, 15_000));
  }

  @Test
  void derivedNumbersAreWrittenWithoutATrailingZeroOrExponent() {
    assertThat(Derivation.SUM.apply(List.of("1.5", "2.5"))).isEqualTo("4");
    assertThat(Derivation.SUM.apply(List.of("0.1", "0.2"))).isEqualTo("0.3");
    assertThat(Derivation.PRODUCT.apply(List.of("100", "1000"))).isEqualTo("100000");
    assertThat(Derivation.MAX.apply(List.of("-3", "-7"))).isEqualTo("-3");
    assertThat(Derivation.MIN.apply(List.of("0", "0.0"))).isEqualTo("0");
  }

  @Test
  void aDerivationWithTheWrongNumberOfValuesSaysHowManyItTakes() {
    assertThatThrownBy(() -> Derivation.PRODUCT.apply(List.of("1"))).hasMessage("product takes 2 values, got 1");
    assertThatThrownBy(() -> Derivation.SUM.apply(List.of())).hasMessage("sum needs at least one value");
    assertThat(Derivation.SUM.apply(List.of("4"))).isEqualTo("4");
  }
}
