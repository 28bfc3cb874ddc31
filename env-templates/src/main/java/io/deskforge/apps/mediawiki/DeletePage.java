package io.deskforge.apps.mediawiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Delete a wiki page with the wiki's delete action. Checked in the wiki's page table: of the page
 * and the page Chromium shows, whose title shares its topic, only the latter is left.
 */
final class DeletePage extends SeededFamily {
  static final String ID = "mediawiki.delete-page";

  DeletePage() {
    super(ID, MediaWiki.NAME, "delete a wiki page, keeping the others",
        List.of(
            "Delete the page \"{page}\" from the team wiki. The page \"{other}\" stays.",
            "The wiki page \"{page}\" is obsolete, unlike \"{other}\". Delete \"{page}\" from the wiki.",
            "Please delete the wiki page titled \"{page}\"; leave \"{other}\" and the other pages alone.",
            "Chromium shows the wiki page \"{other}\". Delete the page \"{page}\", not this one."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Pages.titles(d, 2);
    String page = titles.get(0);
    String other = titles.get(1);
    String text = Pages.text(d, d.between(2, 4), List.of());
    String otherText = Pages.text(d, d.between(2, 4), List.of());
    String reason = "Obsolete";
    String instruction = instruction(d, Map.of("page", page, "other", other));

    return task(seed)
        .param("page", page).param("start_page", other)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inInstruction("other", other))
        .setup(Pages.seed(page, text))
        .setup(Pages.seed(other, otherText))
        .setup(Accounts.noPasswordSaving())
        .setup(new SetupStep.Launch(MediaWiki.NAME, List.of(other)))
        .setups(Accounts.login(d, other))
        .checker(Checker.check(Pages.articles(List.of(page, other)), new Metric.SetEquals(List.of(other))))
        .solution("the page's delete address, a reason typed into the focused field, Return",
            MwGui.concat(MwGui.start(other), MwGui.delete(page, reason, true)))
        .negative("wrong-page", "deletes the page Chromium shows instead", MwGui.concat(MwGui.start(other), MwGui.delete(other, reason, true)))
        .negative("not-confirmed", "opens the page's delete form and types a reason, never confirming",
            MwGui.concat(MwGui.start(other), MwGui.delete(page, reason, false)))
        .negative("both", "deletes the page and the page Chromium shows",
            MwGui.concat(MwGui.start(other), MwGui.delete(page, reason, true), MwGui.delete(other, reason, true)))
        .build();
  }
}
