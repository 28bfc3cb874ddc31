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
import io.deskforge.task.export.OsworldExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writer's families without a desktop: 20 seeds give 20 distinct tasks, each writing a document
 * the format can build, asked only queries the format answers, with a not-saved negative and at
 * least two other negatives. The replay audit (FamiliesVerifyTest) proves them on desktops.
 */
class WriterFamiliesTest {
  static final AppCatalog CATALOG = AppCatalog.load();

  @TestFactory
  List<DynamicTest> twentySeedsGiveTwentyDistinctWellFormedTasks() {
    var formats = CATALOG.formats();
    return CATALOG.get(Writer.NAME).families().stream().map((TaskFamily f) -> DynamicTest.dynamicTest(f.id(), () -> {
      List<TaskSpec> tasks = LongStream.range(0, 20).mapToObj(f::sample).toList();
      Set<String> ids = new HashSet<>();
      Set<String> instructions = new HashSet<>();
      for (TaskSpec t : tasks) {
        ids.add(t.id());
        instructions.add(t.instruction());
        SetupStep.WriteDocument w = t.setup().stream().filter(s -> s instanceof SetupStep.WriteDocument)
            .map(s -> (SetupStep.WriteDocument) s).findFirst().orElseThrow();
        assertThat(DocxContent.build(w.content())).as("a document builds from the content").isNotEmpty();
        boolean inPlace = true;
        for (Checker.Check leaf : t.checker().leaves()) {
          Getter.DocumentQuery q = (Getter.DocumentQuery) leaf.getter();
          // the document edited, or (Save As, Export) a file of another format in ~/Documents
          if (!q.path().equals(w.path())) {
            inPlace = false;
            assertThat(q.path()).startsWith("/home/user/Documents/").matches(".*\\.(odt|pdf)$");
          }
          DocumentFormat format = formats.claimingOrThrow(q.path());
          assertThat(format.queryProblem(q.query())).as(q.query()).isEmpty();
          assertThat(format.mutations(q.path(), q.query())).as("mutations of " + q.query()).isNotEmpty();
        }
        // a task that saves in place has the not-saved negative; one that saves elsewhere, the document saved in place instead
        assertThat(t.negatives()).extracting(Trajectory::name).contains(inPlace ? "not-saved" : "saved-in-place").hasSizeGreaterThanOrEqualTo(3);
      }
      assertThat(ids).hasSize(20);
      assertThat(instructions).hasSize(20);
    })).toList();
  }

  /**
   * Every Writer task has an OSWorld form: the strict export (which refuses a task it cannot express
   * instead of leaving it out) takes 20 seeds of every family, and only a task reading a PDF installs
   * the VM reader's PyMuPDF. OsworldCompatTest scores them with OSWorld's own code.
   */
  @Test
  void everyTaskOfEveryFamilyExportsToOsworld(@TempDir Path dir) throws Exception {
    List<TaskSpec> tasks = CATALOG.get(Writer.NAME).families().stream().flatMap(f -> LongStream.range(0, 20).mapToObj(f::sample)).toList();
    var export = new OsworldExporter(CATALOG).export(tasks, dir, dir.resolve("export"));
    assertThat(export.skipped()).isEmpty();
    assertThat(export.tasks()).isEqualTo(tasks.size());
    for (TaskSpec t : tasks) {
      String example = Files.readString(dir.resolve("export/examples").resolve(t.app()).resolve(t.id() + ".json"));
      assertThat(example.contains("\"python3-fitz\"")).as("%s installs PyMuPDF", t.family()).isEqualTo(t.family().equals(ExportPdf.ID));
    }
  }
}
