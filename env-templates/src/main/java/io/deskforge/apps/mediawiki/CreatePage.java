package io.deskforge.apps.mediawiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Create a page that does not exist yet with a given text. Checked in the wiki's database: the
 * page's latest revision holds exactly that text.
 */
final class CreatePage extends SeededFamily {
  static final String ID = "mediawiki.create-page";

  CreatePage() {
    super(ID, MediaWiki.NAME, "create a new wiki page with a given text",
        List.of(
            "In the team wiki open in Chromium, create a new page titled \"{page}\" whose whole text is: {text}",
            "Make a wiki page called \"{page}\" containing exactly this line: {text}",
            "The wiki has no page \"{page}\" yet. Create it with the text \"{text}\" and save it.",
            "Add a page \"{page}\" to the wiki. Its content should be the sentence: {text}"));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Pages.titles(d, 2);
    String start = titles.get(0);
    String page = titles.get(1);
    String wrong = page + "s";
    String startText = Pages.text(d, d.between(2, 4), List.of());
    String text = d.sentence(List.of());
    while (startText.contains(text)) text = d.sentence(List.of());
    String instruction = instruction(d, Map.of("page", page, "text", text));

    return task(seed)
        .param("page", page).param("text", text).param("start_page", start)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inInstruction("text", text))
        .setup(Pages.seed(start, startText))
        .setup(new SetupStep.Launch(MediaWiki.NAME, List.of(start)))
        .checker(Checker.check(Pages.text(page), new Metric.SetEquals(List.of(text))))
        .solution("the new page's edit address typed into the address bar, the text typed, Alt+Shift+S", create(start, page, text))
        .negative("wrong-page", "creates a page with a similar title (a plural) and the text", create(start, wrong, text))
        .negative("changes-only", "types the text into the new page's editor and shows the changes, never saving",
            MwGui.concat(MwGui.start(start), MwGui.edit(page), List.of(Action.type(text)), MwGui.showChanges(page)))
        .negative("other-text", "creates the page with the start page's first line instead",
            create(start, page, startText.lines().findFirst().orElseThrow()))
        .build();
  }

  static List<Action> create(String start, String page, String text) {
    return MwGui.concat(MwGui.start(start), MwGui.edit(page), List.of(Action.type(text)), MwGui.save(page));
  }
}
