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
 * Move a page's content to a new page name and delete the old page (a rename, which DokuWiki
 * without plugins does by hand). Checked in the page files: the new one holds the old text, the
 * old one is gone.
 */
final class MovePage extends SeededFamily {
  static final String ID = "dokuwiki.move-page";

  MovePage() {
    super(ID, DokuWiki.NAME, "move a wiki page's text to a new page name and delete the old page",
        List.of(
            "Rename the wiki page {from} to {to}: the page {to} should have exactly the text of {from}, and {from} should no longer exist.",
            "Move the content of the wiki page {from} to a new page called {to}, then delete {from}.",
            "In the team wiki, the page {from} needs a new name, {to}. Create {to} with the same text and remove {from}."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> ids = Wiki.pageIds(d, 3);
    String from = ids.get(0);
    String to = ids.get(1);
    String text = Wiki.text(d, d.between(2, 4), List.of());
    String fromPath = DokuWiki.pagePath(from);
    String toPath = DokuWiki.pagePath(to);
    String wrong = to + "s";
    String instruction = instruction(d, Map.of("from", from, "to", to));

    return task(seed)
        .param("from", from).param("to", to)
        .instruction(instruction)
        .fact(Fact.inInstruction("from", from))
        .fact(Fact.inInstruction("to", to))
        .fact(Fact.inFile("text", text, fromPath))
        .setup(Wiki.write(from, text))
        .setup(new SetupStep.Launch(DokuWiki.NAME, List.of(from)))
        .checker(Checker.all(
            Checker.check(new Getter.FileText(toPath), new Metric.EqualsText(text, true, false)),
            Checker.check(new Getter.FileExists(fromPath, null), new Metric.IsFalse())))
        .solution("the new page's editor, the text typed, Alt+Shift+S; the old page's editor, its text deleted, Alt+Shift+S",
            WikiGui.concat(create(from, to, text), clear(from)))
        .negative("copy-only", "creates the new page with the text but keeps the old page", create(from, to, text))
        .negative("wrong-name", "moves the text to a page with a similar name (a plural)", WikiGui.concat(create(from, wrong, text), clear(from)))
        .negative("deleted-only", "deletes the old page without creating the new one",
            WikiGui.concat(CreatePage.start(from), clear(from)))
        .build();
  }

  private static List<Action> create(String start, String page, String text) {
    return WikiGui.concat(CreatePage.start(start), WikiGui.edit(page), List.of(Action.type(text)), WikiGui.save(page));
  }

  private static List<Action> clear(String page) {
    return WikiGui.concat(WikiGui.edit(page), List.of(Action.key("ctrl+a"), Action.key("Delete")), WikiGui.save(page));
  }
}
