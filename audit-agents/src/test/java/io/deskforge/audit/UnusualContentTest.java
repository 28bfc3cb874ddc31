package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;

import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sound tasks with unusual but valid content verify: non-Latin text, a long document, empty
 * cells, a large negative number. The content is put into real family draws everywhere it occurs
 * (instruction, setup, facts, checker, solution), so each stays one consistent task.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnusualContentTest extends SandboxReplay {
  static final StaticAuditor STATICS = new StaticAuditor(BrokenFamilies.CATALOG);

  /** The task with every occurrence of {@code from} in its JSON replaced (both already JSON-escaped). */
  static TaskSpec replaced(TaskSpec t, String from, String to) throws Exception {
    String json = TaskJson.write(t.withId(null));
    assertThat(json).contains(from);
    return TaskJson.mapper().readValue(json.replace(from, to), TaskSpec.class).withContentId();
  }

  static String escaped(String s) throws Exception {
    String q = TaskJson.mapper().writeValueAsString(s);
    return q.substring(1, q.length() - 1);
  }

  static void verifies(TaskSpec t) {
    assertThat(STATICS.audit(t)).as(t.instruction()).isEmpty();
    ReplayAuditor.Outcome o = replay.replay(t, EvidenceSink.none());
    assertThat(o.reasons()).as(t.instruction()).isEmpty();
    assertThat(o.proved()).isTrue();
  }

  @Test
  void aLargeNegativeNumberInACellVerifies() throws Exception {
    TaskSpec t = BrokenFamilies.CATALOG.family("gnumeric.enter-value").sample(51);
    verifies(replaced(t, t.params().get("value"), "-9876543.25"));
  }

  @Test
  void nonLatinTextInACellAmongEmptyCellsVerifies() throws Exception {
    TaskSpec t = BrokenFamilies.CATALOG.family("gnumeric.enter-value").sample(52);
    TaskSpec nonLatin = replaced(t, t.params().get("value"), "Grüße-你好-мир");
    String json = TaskJson.write(nonLatin.withId(null)).replaceAll("\\[\"([a-z]+)\",\"\\d+\",\"\\d+\"\\]", "[\"$1\",\"\",\"\"]");
    TaskSpec withEmptyCells = TaskJson.mapper().readValue(json, TaskSpec.class).withContentId();
    assertThat(TaskJson.write(withEmptyCells)).contains(",\"\",\"\"]");
    verifies(withEmptyCells);
  }

  @Test
  void aNonLatinLineAppendedToALongDocumentVerifies() throws Exception {
    TaskSpec t = BrokenFamilies.CATALOG.family("mousepad.append-line").sample(53);
    String original = t.privileged().fact("original").orElseThrow().value();
    String longText = IntStream.range(0, 400).mapToObj(i -> "Line " + i + " of a long report: revenue, costs and notes.")
        .collect(Collectors.joining("\n", "", "\n"));
    TaskSpec longDoc = replaced(t, escaped(original), escaped(longText));
    verifies(replaced(longDoc, t.params().get("line"), "Пример строки: 你好, ½ ✓"));
  }
}
