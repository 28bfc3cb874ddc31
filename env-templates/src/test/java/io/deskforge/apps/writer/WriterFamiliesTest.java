package io.deskforge.apps.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Writer's families without a desktop: 20 seeds give 20 distinct tasks, each writing a document
 * the format can build, asked only queries the format answers, with a not-saved negative and at
 * least two other negatives. The replay audit (FamiliesVerifyTest) proves them on desktops.
 */
class WriterFamiliesTest {
  static final AppCatalog CATALOG = AppCatalog.load();

  @TestFactory
  List<DynamicTest> twentySeedsGiveTwentyDistinctWellFormedTasks() {
    DocumentFormat docx = new DocxFormat();
    return CATALOG.get(Writer.NAME).families().stream().map((TaskFamily f) -> DynamicTest.dynamicTest(f.id(), () -> {
      List<TaskSpec> tasks = LongStream.range(0, 20).mapToObj(f::sample).toList();
      Set<String> ids = new HashSet<>();
      Set<String> instructions = new HashSet<>();
      for (TaskSpec t : tasks) {
        ids.add(t.id());
        instructions.add(t.instruction());
        SetupStep.WriteDocument w = (SetupStep.WriteDocument) t.setup().getFirst();
        assertThat(DocxContent.build(w.content())).as("a document builds from the content").isNotEmpty();
        for (Checker.Check leaf : t.checker().leaves()) {
          Getter.DocumentQuery q = (Getter.DocumentQuery) leaf.getter();
          assertThat(q.path()).isEqualTo(w.path());
          assertThat(docx.queryProblem(q.query())).as(q.query()).isEmpty();
          assertThat(docx.mutations(q.path(), q.query())).as("mutations of " + q.query()).isNotEmpty();
        }
        assertThat(t.negatives()).extracting(Trajectory::name).contains("not-saved").hasSizeGreaterThanOrEqualTo(3);
      }
      assertThat(ids).hasSize(20);
      assertThat(instructions).hasSize(20);
    })).toList();
  }
}
