package io.deskforge.apps.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.task.export.WebArenaExporter;
import io.deskforge.task.export.WebArenaPages;
import io.deskforge.task.export.WebArenaSite;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the notebooks' checks read as WebArena targets, without a desktop (agent-gym's
 * WebArenaCompatTest scores them on live pages): the saved file's text through the contents API,
 * and what JSON.parse in a page loses (a run's numeric result) has no form.
 */
class JupyterWebArenaTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final WebArenaSite SITE = CATALOG.webArenaSite(Jupyter.NAME).orElseThrow();

  @Test
  void everyFamilyButRunAllExportsWithATargetPerCheckOnTheSavedFile() {
    for (TaskFamily f : CATALOG.families(List.of(Jupyter.NAME))) {
      for (long seed = 1; seed <= 3; seed++) {
        TaskSpec task = f.sample(seed);
        if (f.id().equals(RunAll.ID)) {
          // the result of a run is a number's text
          assertThatThrownBy(() -> new WebArenaExporter(CATALOG).config(task)).isInstanceOf(WebArenaSite.NoWebForm.class)
              .hasMessageContaining("JSON number");
          continue;
        }
        JsonNode c = new WebArenaExporter(CATALOG).config(task);
        assertThat(c.get("sites").get(0).asText()).isEqualTo("jupyter");
        assertThat(c.get("require_login").asBoolean()).isFalse();
        assertThat(c.get("start_url").asText()).startsWith("http://127.0.0.1:8888/notebooks/").endsWith(".ipynb");
        List<Checker.Check> checks = task.checker().leaves();
        assertThat(c.at("/eval/program_html")).hasSize(checks.size());
        for (int i = 0; i < checks.size(); i++) {
          JsonNode t = c.at("/eval/program_html/" + i);
          Checker.Check check = checks.get(i);
          String api = "http://127.0.0.1:8888/api/contents/" + check.getter().path().substring(Jupyter.DIR.length() + 1);
          assertThat(t.get("locator").asText()).startsWith("[...document.");
          String expected = switch (check.metric()) {
            case Metric.EqualsText e -> e.expected();
            case Metric.SetEquals s -> WebArenaPages.items(s.expected());
            case Metric.NotContains n -> "lacks it";
            case Metric.IsTrue x -> "file exists";
            case Metric.IsFalse x -> "no such file";
            default -> throw new AssertionError(check.metric());
          };
          assertThat(t.get("url").asText()).isEqualTo(api + (check.getter() instanceof Getter.FileExists ? "?content=0" : "?type=file&format=text&content=1"));
          assertThat(t.at("/required_contents/exact_match").asText()).isEqualTo(WebArenaPages.exact(expected));
        }
      }
    }
  }

  @Test
  void theLocatorFollowsThePointerAsJacksonDoes() {
    assertThat(JupyterWebArena.pointer("/cells/0/outputs/0/data/text~1plain"))
        .contains("[\"cells\", \"0\", \"outputs\", \"0\", \"data\", \"text/plain\"]").contains("/^(0|[1-9][0-9]{0,8})$/");
  }

  @Test
  void whatThePageCannotTellApartHasNoForm() {
    String nb = Jupyter.path("sales");
    for (String literal : List.of("42", "42.0", "-1.5E3", "true", "null", "{\"a\": 1}", "[1]")) {
      assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.JsonValue(nb, "/x"), new Metric.EqualsText(literal, true, false))))
          .as(literal).isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("JSON number or literal");
    }
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.JsonValue(nb, "/x"), new Metric.SetEquals(List.of("a", "7")))))
        .isInstanceOf(WebArenaSite.NoWebForm.class);
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.JsonValue(nb, "/x"), new Metric.EqualsText("a", true, true))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("ignoring case");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.FileText(nb), new Metric.NotContains("x", true))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("on no page");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.FileExists(Jupyter.DIR + "/.hidden.ipynb", null), new Metric.IsFalse())))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("plain path");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.FileExists("/home/user/other.ipynb", null), new Metric.IsFalse())))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("plain path");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.FileExists(Jupyter.DIR + "/data", "dir"), new Metric.IsTrue())))
        .isInstanceOf(WebArenaSite.NoWebForm.class);
  }
}
