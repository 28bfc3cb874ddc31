package io.deskforge.apps.tiddlywiki;

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
 * How the wiki's checks read as WebArena targets, without a desktop (agent-gym's WebArenaCompatTest
 * scores them on live pages): every family's task exports, text, tags and a file's existence as the
 * server's list of tiddlers with their fields, and what those cannot answer has no form.
 */
class TiddlyWikiWebArenaTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final WebArenaSite SITE = CATALOG.webArenaSite(TiddlyWiki.NAME).orElseThrow();

  @Test
  void everyFamilysTaskExportsWithATargetPerCheck() {
    for (TaskFamily f : CATALOG.families(List.of(TiddlyWiki.NAME))) {
      for (long seed = 1; seed <= 3; seed++) {
        TaskSpec task = f.sample(seed);
        JsonNode c = new WebArenaExporter(CATALOG).config(task);
        assertThat(c.get("sites").get(0).asText()).isEqualTo("tiddlywiki");
        assertThat(c.get("require_login").asBoolean()).isFalse();
        assertThat(c.get("start_url").asText()).startsWith("http://127.0.0.1:8080/#");
        List<Checker.Check> checks = task.checker().leaves();
        assertThat(c.at("/eval/program_html")).hasSize(checks.size());
        for (int i = 0; i < checks.size(); i++) {
          JsonNode t = c.at("/eval/program_html/" + i);
          Checker.Check check = checks.get(i);
          String title = TiddlyWikiWebArena.title(check.getter().path());
          String expected = switch (check.metric()) {
            case Metric.EqualsText e -> {
              assertThat(t.get("locator").asText()).isEqualTo(TiddlyWikiWebArena.textLocator(title));
              yield e.expected().strip();
            }
            case Metric.SetEquals s -> {
              assertThat(t.get("locator").asText()).isEqualTo(TiddlyWikiWebArena.tagsLocator(title));
              yield WebArenaPages.items(s.expected());
            }
            case Metric.IsFalse x -> {
              assertThat(t.get("locator").asText()).isEqualTo(TiddlyWikiWebArena.existsLocator(title));
              yield "no such tiddler";
            }
            default -> throw new AssertionError(check.metric());
          };
          assertThat(t.get("url").asText()).isEqualTo("http://127.0.0.1:8080/recipes/default/tiddlers.json?exclude=bag");
          assertThat(t.at("/required_contents/exact_match").asText()).isEqualTo(WebArenaPages.exact(expected));
        }
      }
    }
  }

  @Test
  void tagsReadAsASetAndACountAndTextKeepsItsCase() {
    String path = TiddlyWiki.tiddlerPath("Team lunch");
    WebArenaSite.ProgramHtml tags = SITE.check(new Checker.Check(new Getter.DocumentQuery(path, "tags"), new Metric.SetEquals(List.of("Food", "Team Days"))));
    assertThat(((WebArenaSite.RequiredContents.ExactMatch) tags.required()).text())
        .isEqualTo(WebArenaPages.exact("{\"set\":[\"Food\",\"Team Days\"],\"n\":2}"));
    WebArenaSite.ProgramHtml text = SITE.check(new Checker.Check(new Getter.DocumentQuery(path, "text"), new Metric.EqualsText(" Lunch ", true, false)));
    assertThat(((WebArenaSite.RequiredContents.ExactMatch) text.required()).text()).isEqualTo("<^lunch>");
  }

  @Test
  void whatTheServerCannotAnswerHasNoForm() {
    String path = TiddlyWiki.tiddlerPath("Team lunch");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.DocumentQuery(path, "text"), new Metric.EqualsText("x", false, false))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("untrimmed");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.DocumentQuery(path, "text"), new Metric.EqualsText("x", true, true))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("ignoring case");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.DocumentQuery(path, "field color"), new Metric.EqualsText("red", true, false))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("on no page");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.FileExists(TiddlyWiki.draftPath("Team lunch"), null), new Metric.IsFalse())))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("not the file of a tiddler");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.FileExists(TiddlyWiki.TIDDLERS, "dir"), new Metric.IsTrue())))
        .isInstanceOf(WebArenaSite.NoWebForm.class);
  }
}
