package io.deskforge.apps.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.task.action.Action;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The notebook's families without a desktop: 20 seeds, 20 distinct tasks of the shape the audit needs. */
class JupyterFamiliesTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final List<TaskFamily> FAMILIES = CATALOG.get(Jupyter.NAME).families();

  @Test
  void theNotebookIsInTheCatalogWithFiveFamilies() {
    assertThat(CATALOG.names()).contains(Jupyter.NAME);
    assertThat(FAMILIES).extracting(TaskFamily::id).containsExactly(
        "jupyter.edit-cell", "jupyter.add-markdown", "jupyter.run-all", "jupyter.delete-cell", "jupyter.rename-notebook");
  }

  @TestFactory
  List<DynamicTest> twentySeedsGiveTwentyDistinctTasks() {
    return FAMILIES.stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      List<TaskSpec> tasks = LongStream.range(0, 20).mapToObj(f::sample).toList();
      Set<String> ids = new HashSet<>();
      Set<String> instructions = new HashSet<>();
      Set<Object> notebooks = new HashSet<>();
      for (TaskSpec t : tasks) {
        ids.add(t.id());
        instructions.add(t.instruction());
        notebooks.add(t.params().get("notebook"));
      }
      assertThat(ids).as("task ids").hasSize(20);
      assertThat(instructions).as("instructions").hasSize(20);
      assertThat(notebooks).as("notebook names drawn").hasSizeGreaterThan(10);
      assertThat(tasks.stream().map(t -> t.instruction().substring(0, 12)).distinct().count()).as("phrasings").isGreaterThan(1);
    })).toList();
  }

  @Test
  void noRenameGoesToOrFromANameNotebookCannotRename() {
    // Notebook 6.4 fails to rename a notebook whose name is as long as the notebooks' folder path
    assertThat(Notebook.renames("x".repeat(Jupyter.DIR.length()))).isFalse();
    assertThat(Notebook.renames("x".repeat(Jupyter.DIR.length() - 1))).isTrue();
    TaskFamily rename = CATALOG.family(RenameNotebook.ID);
    for (long seed = 0; seed < 500; seed++) {
      TaskSpec task = rename.sample(seed);
      assertThat(List.of(task.params().get("notebook"), task.params().get("new")))
          .as("seed %d", seed).allSatisfy(n -> assertThat(Notebook.renames(String.valueOf(n))).isTrue());
    }
  }

  @TestFactory
  List<DynamicTest> tasksAreSetUpAsNotebooksCheckedInTheSavedJsonAndSolvedThroughTheBrowser() {
    ObjectMapper json = new ObjectMapper();
    return FAMILIES.stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      for (long seed = 0; seed < 20; seed++) {
        TaskSpec t = f.sample(seed);
        // setup writes one notebook, valid nbformat 4 JSON with single-line sources, then launches the server on it
        assertThat(t.setup()).hasSize(2);
        SetupStep.WriteFile w = (SetupStep.WriteFile) t.setup().getFirst();
        assertThat(w.path()).startsWith(Jupyter.DIR + "/").endsWith(".ipynb");
        JsonNode nb = json.readTree(w.text());
        assertThat(nb.get("nbformat").asInt()).isEqualTo(4);
        nb.get("cells").forEach(c -> assertThat(c.get("source")).hasSize(1));
        SetupStep.Launch launch = (SetupStep.Launch) t.setup().getLast();
        assertThat(launch.app()).isEqualTo(Jupyter.NAME);
        assertThat(Jupyter.path(launch.args().getFirst())).isEqualTo(w.path());
        // the checker reads the notebooks' folder only
        for (Checker.Check c : t.checker().leaves()) {
          assertThat(c.getter()).isInstanceOfAny(Getter.JsonValue.class, Getter.FileText.class, Getter.FileExists.class);
          assertThat(c.getter().path()).startsWith(Jupyter.DIR + "/").endsWith(".ipynb");
        }
        // the solution waits for the notebook, works through the page, and ends on a title the page gives
        List<Action> solution = t.solution().actions();
        assertThat(solution.getFirst()).isInstanceOf(Action.WaitForWindow.class);
        assertThat(solution.getLast()).isInstanceOf(Action.WaitForWindow.class);
        assertThat(solution).noneMatch(a -> a instanceof Action.Type ty && ty.text().contains("/home/user"));
        // the no-op and three named negatives, one of them a near miss
        assertThat(t.negatives()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(t.negatives().getFirst()).isEqualTo(Trajectory.noOp());
        assertThat(t.negatives()).extracting(Trajectory::name).containsAnyOf("wrong-cell", "unsaved", "wrong-name", "all-above");
      }
    })).toList();
  }

  @Test
  void theLaunchServesTheNotebooksOnLoopbackWithoutATokenThenOpensChromiumOnTheNotebook() {
    var launch = CATALOG.get(Jupyter.NAME).launch(List.of("sales_report_otter"));
    String cmd = String.join(" ", launch.command());
    assertThat(cmd).contains("python3 -c \"$S\" --no-browser --ip=127.0.0.1", "--NotebookApp.token= --NotebookApp.password=", "--port-retries=0");
    assertThat(launch.env().get("SERVER_PY")).contains("from notebook.notebookapp import main", "NoIPython");
    assertThat(launch.command()).contains(Jupyter.DIR, "8888", "chromium", "--class=Jupyter", "http://127.0.0.1:8888/notebooks/sales_report_otter.ipynb");
    assertThat(launch.env().get("CUSTOM_JS")).contains("set_autosave_interval(0)", "document.title");
    assertThat(launch.ready().describe()).startsWith("HTTP 200 from 127.0.0.1:8888/api inside the desktop, then ");
  }
}
