package io.deskforge.apps.dokuwiki;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The wiki's families without a desktop: 20 seeds, 20 distinct tasks of the shape the audit needs. */
class DokuWikiFamiliesTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final List<TaskFamily> FAMILIES = CATALOG.get(DokuWiki.NAME).families();
  /** The families that edit pages, checked in the page files (find-page reads the browser's page instead). */
  static final List<TaskFamily> EDITS = FAMILIES.stream().filter(f -> !f.id().equals(FindPage.ID)).toList();

  @Test
  void theWikiIsInTheCatalogWithSixFamilies() {
    assertThat(CATALOG.names()).contains(DokuWiki.NAME);
    assertThat(FAMILIES).extracting(TaskFamily::id).containsExactly(
        "dokuwiki.create-page", "dokuwiki.append-line", "dokuwiki.replace-word", "dokuwiki.delete-page", "dokuwiki.move-page",
        "dokuwiki.find-page");
    assertThat(CATALOG.desktopFor(List.of(DokuWiki.NAME)).build().systemFolders()).containsExactly("/var/lib/dokuwiki");
  }

  @TestFactory
  List<DynamicTest> twentySeedsGiveTwentyDistinctTasks() {
    return FAMILIES.stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      List<TaskSpec> tasks = LongStream.range(0, 20).mapToObj(f::sample).toList();
      Set<String> ids = new HashSet<>();
      Set<String> instructions = new HashSet<>();
      Set<Object> pages = new HashSet<>();
      for (TaskSpec t : tasks) {
        ids.add(t.id());
        instructions.add(t.instruction());
        pages.add(t.params().getOrDefault("page", t.params().get("from")));
      }
      assertThat(ids).as("task ids").hasSize(20);
      assertThat(instructions).as("instructions").hasSize(20);
      assertThat(pages).as("page names drawn").hasSizeGreaterThan(10);
      assertThat(tasks.stream().map(t -> t.instruction().substring(0, 12)).distinct().count()).as("phrasings").isGreaterThan(1);
    })).toList();
  }

  /** FamiliesTest's contract for every family, for these alone: a thousand seeds, a thousand tasks. */
  @TestFactory
  List<DynamicTest> aThousandSeedsGiveAThousandDifferentInstructions() {
    return FAMILIES.stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      assertThat(LongStream.range(0, 1000).mapToObj(f::sample).map(TaskSpec::instruction).distinct().count()).isEqualTo(1000);
    })).toList();
  }

  @TestFactory
  List<DynamicTest> tasksAreSetUpInTheWikiCheckedInItsPageFilesAndSolvedThroughTheBrowser() {
    return EDITS.stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      for (long seed = 0; seed < 20; seed++) {
        TaskSpec t = f.sample(seed);
        // setup writes DokuWiki page files, then launches the wiki
        assertThat(t.setup().getLast()).isInstanceOf(SetupStep.Launch.class);
        assertThat(((SetupStep.Launch) t.setup().getLast()).app()).isEqualTo(DokuWiki.NAME);
        for (SetupStep s : t.setup().subList(0, t.setup().size() - 1)) {
          assertThat(s).isInstanceOfSatisfying(SetupStep.WriteFile.class, w -> {
            assertThat(w.path()).startsWith(DokuWiki.PAGES + "/").endsWith(".txt");
            assertThat(w.text()).doesNotEndWith("\n");
          });
        }
        // the checker reads the wiki's own page files
        for (Checker.Check c : t.checker().leaves()) {
          assertThat(c.getter()).isInstanceOfAny(Getter.FileText.class, Getter.FileExists.class);
          assertThat(c.getter().path()).startsWith(DokuWiki.PAGES + "/");
        }
        // the solution edits through the browser, saves, and waits on the saved page's title
        List<Action> solution = t.solution().actions();
        assertThat(solution.getFirst()).isInstanceOf(Action.WaitForWindow.class);
        assertThat(solution).contains(Action.key("alt+shift+s"));
        assertThat(solution.getLast()).isInstanceOfSatisfying(Action.WaitForWindow.class, w -> assertThat(w.title()).doesNotContain("\u270E"));
        assertThat(solution).noneMatch(a -> a instanceof Action.Type ty && ty.text().contains("/home/user"));
        // the no-op and three named negatives, one of them a near miss on the wrong page or unsaved
        assertThat(t.negatives()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(t.negatives().getFirst()).isEqualTo(Trajectory.noOp());
        assertThat(t.negatives()).extracting(Trajectory::name)
            .containsAnyOf("wrong-page", "preview-only", "copy-only", "wrong-name");
      }
    })).toList();
  }

  @Test
  void theLaunchServesThePerDesktopWikiOnLoopbackThenOpensChromiumOnThePage() {
    var launch = CATALOG.get(DokuWiki.NAME).launch(List.of("team_lunch"));
    String cmd = String.join(" ", launch.command());
    assertThat(cmd).contains("-S \"127.0.0.1:$PORT\"", "-t /usr/share/dokuwiki", "auto_prepend_file", "session.save_path");
    assertThat(launch.command()).contains(DokuWiki.ROOT, "8080", "chromium", "--class=DokuWiki", "http://127.0.0.1:8080/doku.php?id=team_lunch");
    assertThat(launch.env().get("LOCAL_PHP")).contains("$conf['savedir'] = '/home/user/.dokuwiki/data';", "$conf['useacl'] = 0;");
    assertThat(launch.ready().describe()).startsWith("HTTP 200 from 127.0.0.1:8080/doku.php inside the desktop, then ");
  }

  @Test
  void findPageIsCheckedOnTheShownPageAndSolvedFromTheStartPagesList() {
    TaskFamily f = FAMILIES.stream().filter(x -> x.id().equals(FindPage.ID)).findFirst().orElseThrow();
    for (long seed = 0; seed < 20; seed++) {
      TaskSpec t = f.sample(seed);
      String page = t.params().get("page");
      // the page asked for is never named in the instruction, only the budget
      assertThat(t.instruction()).doesNotContain(page).contains(t.params().get("budget"));
      // nine to eleven pages and the start page listing them, then the wiki on its start page
      List<SetupStep.WriteFile> writes = t.setup().stream().filter(s -> s instanceof SetupStep.WriteFile).map(s -> (SetupStep.WriteFile) s).toList();
      assertThat(writes).hasSizeBetween(10, 12);
      SetupStep.WriteFile start = writes.getLast();
      assertThat(start.path()).isEqualTo(DokuWiki.pagePath("start"));
      for (SetupStep.WriteFile w : writes.subList(0, writes.size() - 1)) {
        String id = w.path().substring(DokuWiki.PAGES.length() + 1).replace(".txt", "");
        assertThat(start.text()).contains("[[" + id + "]]");
      }
      assertThat(((SetupStep.Launch) t.setup().getLast()).args()).isEmpty();
      // exactly one page says who owns the budget asked about
      String owner = "The " + t.params().get("budget") + " is owned by ";
      assertThat(writes.stream().filter(w -> w.text().contains(owner))).singleElement()
          .satisfies(w -> assertThat(w.path()).isEqualTo(DokuWiki.pagePath(page)));
      // the checker reads the browser's page: its id, and the owner's sentence shown
      assertThat(t.checker().leaves()).extracting(c -> c.getter()).containsExactly(
          new Getter.PageUrl("id"), new Getter.PageText(FindPage.SHOWN_PAGE));
      assertThat(t.solution().actions().getLast()).isInstanceOf(Action.Wait.class);
      assertThat(t.solution().actions()).contains(new Action.WaitForWindow(WikiGui.showTitle(page), WikiGui.PAGE_MS));
      assertThat(t.negatives()).extracting(Trajectory::name).containsExactly("no-op", "neighbour-page", "other-budget", "search-results", "editor");
    }
  }
}
