package io.deskforge.apps.dokuwiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.task.export.WebArenaExporter;
import io.deskforge.task.export.WebArenaSite;
import io.deskforge.task.export.WebArenaText;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the wiki's checks read as WebArena targets, without a desktop (agent-gym's WebArenaCompatTest
 * scores them on live pages): every family's task exports, each check a target on the page of the
 * file it reads, and what the wiki's pages cannot show has no form.
 */
class DokuWikiWebArenaTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final WebArenaSite SITE = CATALOG.webArenaSite(DokuWiki.NAME).orElseThrow();

  @Test
  void everyFamilysTaskExportsWithATargetPerCheckOnThatChecksPage() {
    for (TaskFamily f : CATALOG.families(List.of(DokuWiki.NAME))) {
      for (long seed = 1; seed <= 3; seed++) {
        TaskSpec task = f.sample(seed);
        JsonNode c = new WebArenaExporter(CATALOG).config(task);
        assertThat(c.get("sites").get(0).asText()).isEqualTo("dokuwiki");
        assertThat(c.get("start_url").asText()).startsWith("http://127.0.0.1:8080/doku.php?id=");
        if (f.id().equals(FindPage.ID)) {
          // the browser's page: its id as url_match, the shown page's text on the page left
          assertThat(c.at("/eval/eval_types")).extracting(JsonNode::asText).containsExactly("url_match", "program_html");
          assertThat(c.at("/eval/reference_url").asText()).isEqualTo(DokuWiki.url(task.params().get("page")));
          assertThat(c.at("/eval/program_html/0/url").asText()).isEqualTo("last");
          assertThat(c.at("/eval/program_html/0/locator").asText()).isEqualTo("document.querySelector(\"" + FindPage.SHOWN_PAGE + "\").innerText");
          assertThat(c.at("/eval/program_html/0/required_contents/must_include/0").asText()).isEqualTo("The " + task.params().get("budget") + " is owned by "
              + task.privileged().facts().stream().filter(x -> x.name().equals("owner_line")).findFirst().orElseThrow().value()
                  .replaceAll(".* is owned by ", ""));
          continue;
        }
        List<Checker.Check> checks = task.checker().leaves();
        assertThat(c.at("/eval/program_html")).hasSize(checks.size());
        for (int i = 0; i < checks.size(); i++) {
          JsonNode t = c.at("/eval/program_html/" + i);
          Checker.Check check = checks.get(i);
          String page = check.getter().path().substring(DokuWiki.PAGES.length() + 1).replace(".txt", "").replace('/', ':');
          if (check.metric() instanceof Metric.EqualsText e) {
            assertThat(t.get("url").asText()).isEqualTo(DokuWiki.url(page) + "&do=source");
            assertThat(t.get("locator").asText()).isEqualTo(DokuWikiWebArena.TEXT_LOCATOR).startsWith("[...document.");
            assertThat(t.at("/required_contents/exact_match").asText()).isEqualTo(WebArenaText.exact(e.expected()));
          } else {
            assertThat(t.get("url").asText()).isEqualTo(DokuWiki.url(page));
            assertThat(t.get("locator").asText()).isEqualTo(DokuWikiWebArena.EXISTS_LOCATOR);
            assertThat(t.at("/required_contents/exact_match").asText()).isEqualTo(check.metric() instanceof Metric.IsFalse ? "no such page" : "page exists");
          }
        }
      }
    }
  }

  @Test
  void whatTheWikisPagesCannotShowHasNoForm() {
    String page = DokuWiki.pagePath("team_lunch");
    List<Checker.Check> none = List.of(
        Checker.check(new Getter.FileText(page), new Metric.EqualsText("Lunch", true, true)),
        Checker.check(new Getter.FileText(page), new Metric.EqualsText("Lunch", false, false)),
        Checker.check(new Getter.FileText(page), new Metric.EqualsText("Lunch\r\nat noon", true, false)),
        Checker.check(new Getter.FileText(page), new Metric.Contains("Lunch", false)),
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("Lunch", true, false)),
        Checker.check(new Getter.FileText(DokuWiki.PAGES + "/Team Lunch.txt"), new Metric.EqualsText("Lunch", true, false)),
        Checker.check(new Getter.FileExists(page, "dir"), new Metric.IsFalse()));
    for (Checker.Check c : none) assertThatThrownBy(() -> SITE.check(c)).as(c.toString()).isInstanceOf(WebArenaSite.NoWebForm.class);
    assertThat(SITE.check(Checker.check(new Getter.FileText(DokuWiki.pagePath("ops:team_lunch")), new Metric.EqualsText("x", true, false))).url())
        .isEqualTo("http://127.0.0.1:8080/doku.php?id=ops:team_lunch&do=source");
  }
}
