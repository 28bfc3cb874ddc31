package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.apps.family.Vocabulary;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Find and open the wiki page that says who owns a budget. The seed writes ten or so pages, listed
 * on the start page: one says "The travel budget of project Golden Otter is owned by Ada.", a
 * neighbour mentions the same budget without its owner, others name the owners of the project's
 * other budget, of the same budget of another project and of an unrelated one; the rest are notes. Nothing
 * is saved: the task's result is which page the browser shows, which no file of the wiki holds, so
 * the checker reads the browser's active tab through its DevTools Protocol ({@link Getter.PageUrl},
 * {@link Getter.PageText}): the address's {@code id} parameter is the page's (other parameters,
 * such as the search highlight {@code s[]} a result link adds, do not matter), and the page is
 * shown (DokuWiki's {@code mode_show}: not its editor, search results or history under the same
 * id) with the owner's sentence in it.
 *
 * <p>Forgery: an agent that types the page's address has done the task (it had to find which page
 * it is); nothing else makes the active tab show that page with that sentence. The start page
 * lists the pages' ids, which grounds the expected id; the owner's sentence is a line of the
 * page's file. Near misses: the neighbouring page about the same budget, the owner page of another
 * budget, the search results and the editor under the right id.
 */
final class FindPage extends SeededFamily {
  static final String ID = "dokuwiki.find-page";

  /** What the task's result is read from: the shown page's content, present only in show mode. */
  static final String SHOWN_PAGE = "#dokuwiki__top.mode_show .page";

  /** Budgets of a team; one is asked about, a few others have owners on their own pages. */
  static final List<String> BUDGETS = List.of("travel", "marketing", "training", "hardware", "catering", "software", "events",
      "research", "recruiting", "maintenance", "printing", "furniture", "conference", "cloud");

  FindPage() {
    super(ID, DokuWiki.NAME, "find and open the wiki page that says who owns a budget",
        List.of(
            "In the team wiki, open the page that says who owns the {budget}, and leave it open in the browser.",
            "One of the wiki's pages states who the owner of the {budget} is. Find that page and keep it shown.",
            "Someone wrote down on the wiki who owns the {budget}. Open that page (just view it, do not edit it).",
            "Which wiki page tells who owns the {budget}? Open it in the browser and leave it there."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int n = d.between(9, 11);
    List<String> ids = Wiki.pageIds(d, n);
    // budgets of projects: the one asked about, another budget of the same project, the same
    // budget of another project, and one of neither
    List<String> kinds = d.distinct(BUDGETS, 3);
    List<String> projects = projects(d, 3);
    String budget = budget(kinds.get(0), projects.get(0));
    List<String> others = List.of(budget(kinds.get(1), projects.get(0)), budget(kinds.get(0), projects.get(1)),
        budget(kinds.get(2), projects.get(2)));
    List<String> people = d.distinct(Vocabulary.section("person"), 5);
    String target = ids.get(0);
    String neighbour = ids.get(1);
    String otherOwner = ids.get(2);
    String ownerLine = owned(budget, people.get(0));

    List<String> avoid = new ArrayList<>(BUDGETS);
    avoid.add("budget");
    avoid.addAll(projects.stream().flatMap(p -> java.util.Arrays.stream(p.toLowerCase(java.util.Locale.ROOT).split(" "))).toList());
    Map<String, String> roles = new java.util.HashMap<>();
    roles.put(target, ownerLine);
    roles.put(neighbour, people.get(1) + " asked who owns the " + budget + "; the answer is on another page.");
    for (int i = 0; i < others.size(); i++) roles.put(ids.get(2 + i), owned(others.get(i), people.get(2 + i)));

    List<SetupStep> pages = new ArrayList<>();
    for (String id : ids) {
      List<String> lines = new ArrayList<>();
      for (int i = d.between(2, 3); i > 0; i--) {
        String s = d.sentence(avoid);
        if (!lines.contains(s)) lines.add(s);
      }
      if (roles.containsKey(id)) lines.add(d.between(0, lines.size()), roles.get(id));
      pages.add(Wiki.write(id, String.join("\n", lines)));
    }
    // the start page lists every page, in a drawn order: the wiki's own index of its notes
    StringBuilder start = new StringBuilder("====== Team notes ======\n\nOur pages:\n");
    for (String id : d.distinct(ids, ids.size())) start.append("\n  * [[").append(id).append("]]");
    String startPath = DokuWiki.pagePath("start");

    var task = task(seed)
        .param("budget", budget).param("page", target)
        .instruction(instruction(d, Map.of("budget", budget)))
        .fact(Fact.inInstruction("budget", budget))
        .fact(Fact.inFile("page", target, startPath))
        .fact(Fact.inFile("owner_line", ownerLine, DokuWiki.pagePath(target)));
    pages.forEach(task::setup);
    return task
        .setup(new SetupStep.WriteFile(startPath, start.toString()))
        .setup(new SetupStep.Launch(DokuWiki.NAME, List.of()))
        .checker(Checker.all(
            Checker.check(new Getter.PageUrl("id"), new Metric.EqualsText(target, true, false)),
            Checker.check(new Getter.PageText(SHOWN_PAGE), new Metric.Contains(ownerLine, true))))
        .solution("on the start page's list of pages, the page found with Ctrl+F and its link followed (Ctrl+Return in the find bar); the page's title awaited",
            openFromStart(target))
        .negative("neighbour-page", "opens the page that mentions the same budget but not who owns it", openFromStart(neighbour))
        .negative("other-budget", "opens the page that says who owns another budget", openFromStart(otherOwner))
        .negative("search-results", "searches the wiki for the budget from the right page: the results, under the right page's id",
            WikiGui.open(DokuWiki.url(target) + "&do=search&q=" + kinds.get(0) + "+budget", SEARCH_TITLE))
        .negative("editor", "opens the right page's editor instead of the page", WikiGui.edit(target))
        .build();
  }

  /** "travel budget of project Golden Otter". */
  static String budget(String kind, String project) {
    return kind + " budget of project " + project;
  }

  /** The sentence that says who owns a budget: "The travel budget of project Golden Otter is owned by Ada." */
  static String owned(String budget, String person) {
    return "The " + budget + " is owned by " + person + ".";
  }

  /** n distinct project names of an adjective and a noun, capitalized ("Golden Otter"). */
  static List<String> projects(TaskDraw d, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String p = TaskDraw.capitalize(d.adjective()) + " " + TaskDraw.capitalize(d.noun());
      if (!out.contains(p)) out.add(p);
    }
    return out;
  }

  /** The search results' window title. */
  static final String SEARCH_TITLE = "^Search " + java.util.regex.Pattern.quote("[" + DokuWiki.TITLE + "]") + " - Chromium$";

  /**
   * A page opened from the start page's list as a person would by keyboard: Chromium's find bar
   * (Ctrl+F) finds the page's id, which is its link's text there, and Ctrl+Return in the bar
   * follows the link of the match; the page's window title is awaited. The bar takes a moment to
   * open and to find (a key before it opens goes to the page, Ctrl+Return before the match selects
   * nothing), and neither shows in a window title or, with accessibility off in audits, anywhere
   * else: a person's pauses stand in, and the title then says whether the link was followed (a
   * missed key fails the replay as an error, never as a pass). Three seeds proved at load 10-13 on
   * two cores with pauses of 600 and 800 ms; these are longer.
   */
  static List<Action> openFromStart(String id) {
    return List.of(new Action.WaitForWindow(WikiGui.showTitle("start"), WikiGui.PAGE_MS), Action.key("ctrl+f"), Action.waitMs(1000),
        Action.type(id), Action.waitMs(1000), Action.key("ctrl+Return"), new Action.WaitForWindow(WikiGui.showTitle(id), WikiGui.PAGE_MS),
        Action.waitMs(300));
  }
}
