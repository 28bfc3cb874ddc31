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

  @Test
  void theWikiIsInTheCatalogWithFiveFamilies() {
    assertThat(CATALOG.names()).contains(DokuWiki.NAME);
    assertThat(FAMILIES).extracting(TaskFamily::id).containsExactly(
        "dokuwiki.create-page", "dokuwiki.append-line", "dokuwiki.replace-word", "dokuwiki.delete-page", "dokuwiki.move-page");
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
    return FAMILIES.stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
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
}
