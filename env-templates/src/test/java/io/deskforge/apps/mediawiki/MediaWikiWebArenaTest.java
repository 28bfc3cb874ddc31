package io.deskforge.apps.mediawiki;

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
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the wiki's checks read as WebArena targets, without a desktop (agent-gym's WebArenaCompatTest
 * scores them on live pages): every family's task exports, a page's text as the API's latest revision, which
 * titles are articles as the API's page info, and what those cannot answer has no form.
 */
class MediaWikiWebArenaTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final WebArenaSite SITE = CATALOG.webArenaSite(MediaWiki.NAME).orElseThrow();

  @Test
  void everyFamilysTaskExportsWithATargetPerCheck() {
    for (TaskFamily f : CATALOG.families(List.of(MediaWiki.NAME))) {
      for (long seed = 1; seed <= 3; seed++) {
        TaskSpec task = f.sample(seed);
        JsonNode c = new WebArenaExporter(CATALOG).config(task);
        assertThat(c.get("sites").get(0).asText()).isEqualTo("mediawiki");
        // move and delete need an account: their setup logs the member in through the login form
        boolean login = Set.of("mediawiki.move-page", "mediawiki.delete-page").contains(f.id());
        boolean fills = task.setup().stream().anyMatch(st -> st instanceof SetupStep.Page p && !p.fill().isEmpty());
        assertThat(fills).as(task.id() + " logs in through a page step").isEqualTo(login);
        assertThat(c.get("require_login").asBoolean()).as(task.id()).isEqualTo(login);
        assertThat(c.get("storage_state").isNull()).as(task.id()).isEqualTo(!login);
        assertThat(c.get("start_url").asText()).startsWith("http://127.0.0.1:8080/index.php?title=");
        List<Checker.Check> checks = task.checker().leaves();
        assertThat(c.at("/eval/program_html")).hasSize(checks.size());
        for (int i = 0; i < checks.size(); i++) {
          JsonNode t = c.at("/eval/program_html/" + i);
          Metric.SetEquals s = (Metric.SetEquals) checks.get(i).metric();
          assertThat(t.get("locator").asText()).startsWith("[...document.");
          if (t.get("url").asText().contains("prop=revisions")) {
            assertThat(t.get("locator").asText()).isEqualTo(MediaWikiWebArena.TEXT_LOCATOR);
            assertThat(t.at("/required_contents/exact_match").asText()).isEqualTo(WebArenaPages.exact(s.expected().get(0)));
          } else {
            assertThat(t.get("url").asText()).startsWith("http://127.0.0.1:8080/api.php?action=query&format=json&formatversion=2&prop=info&titles=");
            assertThat(t.get("locator").asText()).isEqualTo(MediaWikiWebArena.ARTICLES_LOCATOR);
            assertThat(t.at("/required_contents/exact_match").asText()).isEqualTo(WebArenaPages.exact(WebArenaPages.items(s.expected())));
          }
        }
      }
    }
  }

  @Test
  void aPagesTextReadsAsItsLatestRevisionsTextExactly() {
    WebArenaSite.ProgramHtml p = SITE.check(new Checker.Check(Pages.text("Team lunch otter"), new Metric.SetEquals(List.of(" Lunch & co "))));
    assertThat(p.url()).isEqualTo("http://127.0.0.1:8080/api.php?action=query&format=json&formatversion=2&prop=revisions&rvprop=content&rvslots=main&titles=Team_lunch_otter");
    // no strip: the marks keep the spaces the database row has, and & is out of html.unescape's reach
    assertThat(((WebArenaSite.RequiredContents.ExactMatch) p.required()).text()).isEqualTo("< ^lunch ^{26} co >");
  }

  @Test
  void whichTitlesAreArticlesReadsAsTheApisPageInfo() {
    WebArenaSite.ProgramHtml p = SITE.check(new Checker.Check(Pages.articles(List.of("Team lunch otter", "Book club")),
        new Metric.SetEquals(List.of("Book club"))));
    assertThat(p.url()).isEqualTo("http://127.0.0.1:8080/api.php?action=query&format=json&formatversion=2&prop=info&titles=Team_lunch_otter%7CBook_club");
    assertThat(((WebArenaSite.RequiredContents.ExactMatch) p.required()).text()).isEqualTo(WebArenaPages.exact("{\"set\":[\"Book club\"],\"n\":1}"));
  }

  @Test
  void whatTheWikisPagesCannotAnswerHasNoForm() {
    // a title the wiki writes with a capital first letter reads another row than the query's
    assertThatThrownBy(() -> SITE.check(new Checker.Check(Pages.text("team lunch"), new Metric.SetEquals(List.of("x")))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("'team lunch'");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(Pages.text("Team lunch"), new Metric.SetEquals(List.of("x", "y")))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("one latest text");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(Pages.articles(List.of("Book club")), new Metric.SetEquals(List.of("Garden club")))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("never answers");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(new Getter.SqliteQuery(MediaWiki.DB, "SELECT count(*) FROM page"), new Metric.SetEquals(List.of("3")))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("SELECT count(*) FROM page");
    assertThatThrownBy(() -> SITE.check(new Checker.Check(Pages.text("Book club"), new Metric.EqualsText("x", true, false))))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("on no page");
  }
}
