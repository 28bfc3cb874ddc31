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
 * Rename (move) a wiki page. Checked in the wiki's database: the page under the new title holds
 * the old text, and no page but a redirect is left under the old title (MediaWiki's move leaves a
 * redirect by default; a move without one, or a copy and a delete, pass too).
 */
final class MovePage extends SeededFamily {
  static final String ID = "mediawiki.move-page";

  MovePage() {
    super(ID, MediaWiki.NAME, "rename (move) a wiki page to a new title",
        List.of(
            "Rename the wiki page \"{from}\" to \"{to}\".",
            "Move the page \"{from}\" of the team wiki to the new title \"{to}\".",
            "In the team wiki, the page \"{from}\" needs a new name: \"{to}\". Move it there.",
            "The wiki page \"{from}\" should be called \"{to}\" from now on. Rename it."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Pages.titles(d, 2);
    String from = titles.get(0);
    String to = titles.get(1);
    String text = Pages.text(d, d.between(2, 4), List.of());
    String wrong = to + "s";
    String instruction = instruction(d, Map.of("from", from, "to", to));

    return task(seed)
        .param("from", from).param("to", to)
        .instruction(instruction)
        .fact(Fact.inInstruction("from", from))
        .fact(Fact.inInstruction("to", to))
        .fact(Fact.inFile("text", text, MediaWiki.seedPath(from)))
        .setup(Pages.seed(from, text))
        .setup(Accounts.noPasswordSaving())
        .setup(new SetupStep.Launch(MediaWiki.NAME, List.of(from)))
        .setups(Accounts.login(d, from))
        .checker(Checker.all(
            Checker.check(Pages.text(to), new Metric.SetEquals(List.of(text))),
            Checker.check(Pages.articles(List.of(from, to)), new Metric.SetEquals(List.of(to)))))
        .solution("Special:MovePage for the page, the new title typed into its focused field, Return",
            MwGui.concat(MwGui.start(from), MwGui.move(from, to, true)))
        .negative("wrong-name", "moves the page to a similar title (a plural)", MwGui.concat(MwGui.start(from), MwGui.move(from, wrong, true)))
        .negative("copy-only", "creates the new page with the text but keeps the old page",
            CreatePage.create(from, to, text))
        .negative("not-submitted", "fills the move form with the new title and never submits it",
            MwGui.concat(MwGui.start(from), MwGui.move(from, to, false)))
        .build();
  }
}
