package io.deskforge.apps.chromium;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
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
 * Open two local pages by their addresses. Checked in the profile's History database: which of the
 * site's pages the browser recorded as visited.
 */
final class VisitPages extends SeededFamily {
  static final String ID = "chromium.visit-pages";

  VisitPages() {
    super(ID, Chromium.NAME, "open pages by typing their addresses; checked in the browser history",
        List.of(
            "In Chromium, open {first} and then {second}.",
            "Visit these two pages in Chromium, one after the other: {first} and {second}.",
            "Use the address bar to go to {first}, then to {second}."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    String site = Sites.site(d);
    List<Sites.Page> pages = d.distinct(Sites.PAGES, 4).stream().map(p -> p.in(site)).toList();
    Sites.Page start = pages.get(0);
    Sites.Page first = pages.get(1);
    Sites.Page second = pages.get(2);
    Sites.Page other = pages.get(3);
    String instruction = instruction(d, Map.of("first", first.url(), "second", second.url()));
    // every page of ~/sites/ but the start page: what the history says was opened there
    List<String> candidates = List.of(first.url(), second.url(), other.url());
    String query = "SELECT url FROM urls WHERE url IN ('" + String.join("', '", candidates) + "') AND visit_count > 0 ORDER BY url";

    return task(seed)
        .param("start_page", start.slug()).param("first", first.slug()).param("second", second.slug())
        .instruction(instruction)
        .fact(Fact.inInstruction("first", first.url()))
        .fact(Fact.inInstruction("second", second.url()))
        .setup(start.write()).setup(first.write()).setup(second.write()).setup(other.write())
        .setup(new SetupStep.Launch(Chromium.NAME, List.of(start.url())))
        .checker(Checker.check(new Getter.SqliteQuery(Chromium.HISTORY, query), new Metric.SetEquals(List.of(first.url(), second.url()))))
        .solution("both addresses typed into the address bar in turn", visit(start, List.of(first, second)))
        .negative("first-only", "opens only the first page", visit(start, List.of(first)))
        .negative("wrong-page", "opens the first page and another page of the site", visit(start, List.of(first, other)))
        .negative("all-three", "opens the two pages and one more", visit(start, List.of(first, second, other)))
        .build();
  }

  static List<Action> visit(Sites.Page start, List<Sites.Page> pages) {
    List<Action> out = new ArrayList<>(List.of(Action.waitForWindow(start.windowTitle())));
    for (Sites.Page p : pages) out.addAll(ChromiumGui.open(p.url(), p.windowTitle()));
    out.add(Action.waitMs(ChromiumGui.CHANGE_APPLIED_MS));
    return out;
  }
}
