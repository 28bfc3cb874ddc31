package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Create a page that does not exist yet with a given text. Checked in the page file DokuWiki
 * writes when the page is saved: it exists and holds exactly that text.
 */
final class CreatePage extends SeededFamily {
  static final String ID = "dokuwiki.create-page";

  CreatePage() {
    super(ID, DokuWiki.NAME, "create a new wiki page with a given text",
        List.of(
            "In the team wiki open in Chromium, create a new page named {page} whose whole text is: {text}",
            "Make a wiki page called \"{page}\" containing exactly this line: {text}",
            "The wiki has no page {page} yet. Create it with the text \"{text}\" and save it.",
            "Add a page {page} to the wiki. Its content should be the sentence: {text}"));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> ids = Wiki.pageIds(d, 3);
    String start = ids.get(0);
    String page = ids.get(1);
    String wrong = page + "s";
    String startText = Wiki.text(d, d.between(2, 4), List.of());
    String text = d.sentence(List.of());
    String instruction = instruction(d, Map.of("page", page, "text", text));
    String path = DokuWiki.pagePath(page);

    return task(seed)
        .param("page", page).param("text", text).param("start_page", start)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inInstruction("text", text))
        .setup(Wiki.write(start, startText))
        .setup(new SetupStep.Launch(DokuWiki.NAME, List.of(start)))
        .checker(Checker.check(new Getter.FileText(path), new Metric.EqualsText(text, true, false)))
        .solution("the new page's edit address typed into the address bar, the text typed, Alt+Shift+S",
            WikiGui.concat(start(start), WikiGui.edit(page), List.of(Action.type(text)), WikiGui.save(page)))
        .negative("wrong-page", "creates a page with a similar name (a plural) and the text",
            WikiGui.concat(start(start), WikiGui.edit(wrong), List.of(Action.type(text)), WikiGui.save(wrong)))
        .negative("preview-only", "types the text into the new page's editor and previews it, never saving",
            WikiGui.concat(start(start), WikiGui.edit(page), List.of(Action.type(text)), WikiGui.preview(page)))
        .negative("other-text", "creates the page with the start page's first line instead",
            WikiGui.concat(start(start), WikiGui.edit(page), List.of(Action.type(startText.lines().findFirst().orElseThrow())),
                WikiGui.save(page)))
        .build();
  }

  static List<Action> start(String id) {
    return List.of(new Action.WaitForWindow(WikiGui.showTitle(id), WikiGui.PAGE_MS));
  }
}
