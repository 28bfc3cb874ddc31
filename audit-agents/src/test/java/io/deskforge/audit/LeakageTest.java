package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Grounding;
import io.deskforge.task.spec.TaskSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The secret answer of a real task, written into its instruction in a person's format, is caught as a leak. */
class LeakageTest {
  static final StaticAuditor STATICS = new StaticAuditor(BrokenFamilies.CATALOG);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"%,d", "$%,d.00", "about %,d in total", "%d units"})
  void aDerivedSumWrittenWithSeparatorsOrUnitsInTheInstructionIsALeak(String format) throws Exception {
    TaskSpec t = LongStream.range(60, 200).mapToObj(s -> BrokenFamilies.CATALOG.family("gnumeric.sum-column").sample(s))
        .filter(x -> new BigDecimal(derived(x).value()).compareTo(BigDecimal.valueOf(1000)) >= 0).findFirst().orElseThrow();
    Fact sum = derived(t);
    String shown = String.format(java.util.Locale.US, format, new BigDecimal(sum.value()).longValueExact());
    String json = TaskJson.write(t.withId(null));
    TaskSpec leaky = TaskJson.mapper().readValue(json.replace(t.instruction(), t.instruction() + " (Hint: " + shown + ".)"),
        TaskSpec.class).withContentId();
    List<String> reasons = STATICS.audit(leaky);
    assertThat(reasons).as(shown).anyMatch(r -> r.startsWith("leakage: the instruction states the privileged fact '" + sum.name() + "'"));
    assertThat(STATICS.audit(t)).isEmpty();
  }

  static Fact derived(TaskSpec t) {
    return t.privileged().facts().stream().filter(f -> f.grounding() instanceof Grounding.Derived).findFirst().orElseThrow();
  }
}
