package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Add a line at the end of an existing wiki page. Chromium shows another page of the wiki, the
 * one a careless edit would change. Checked in the page file: its old text and the new last line.
 */
final class AppendLine extends SeededFamily {
  static final String ID = "dokuwiki.append-line";

  AppendLine() {
    super(ID, DokuWiki.NAME, "append a line at the end of an existing wiki page",
        List.of(
            "In the team wiki, add the line \"{line}\" at the end of the page {page}.",
            "Append this sentence as a new last line of the wiki page {page}: {line}",
            "The wiki page {page} is missing its final line. Add \"{line}\" on a new line at the bottom and save the page.",
            "Open the wiki page {page} and put a new line reading \"{line}\" after its last line."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> ids = Wiki.pageIds(d, 2);
    String page = ids.get(0);
    String other = ids.get(1);
    String original = Wiki.text(d, d.between(2, 5), List.of());
    String otherText = Wiki.text(d, d.between(2, 4), List.of());
    String line = d.sentence(List.of());
    while (original.contains(line) || otherText.contains(line)) line = d.sentence(List.of());
    String expected = Derivation.APPEND_LINE.apply(List.of(original, line));
    String path = DokuWiki.pagePath(page);
    String instruction = instruction(d, Map.of("page", page, "line", line));

    return task(seed)
        .param("page", page).param("line", line).param("start_page", other)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inInstruction("line", line))
        .fact(Fact.inFile("original", original, path))
        .fact(Fact.derived("expected", expected, Derivation.APPEND_LINE, "original", "line"))
        .setup(Wiki.write(page, original))
        .setup(Wiki.write(other, otherText))
        .setup(new SetupStep.Launch(DokuWiki.NAME, List.of(other)))
        .checker(Checker.check(new Getter.FileText(path), new Metric.EqualsText(expected, true, false)))
        .solution("the page's edit address, ctrl+End, a new line typed, Alt+Shift+S", append(other, page, line))
        .negative("wrong-page", "appends the line to the page Chromium shows instead", append(other, other, line))
        .negative("prepended", "types the line at the top of the page instead, and saves",
            WikiGui.concat(CreatePage.start(other), WikiGui.edit(page), List.of(Action.key("ctrl+Home"), Action.type(line + "\n")),
                WikiGui.save(page)))
        .negative("preview-only", "types the line at the end and previews the page, never saving",
            WikiGui.concat(CreatePage.start(other), WikiGui.edit(page), List.of(Action.key("ctrl+End"), Action.type("\n" + line)),
                WikiGui.preview(page)))
        .build();
  }

  static List<Action> append(String start, String page, String line) {
    return WikiGui.concat(CreatePage.start(start), WikiGui.edit(page), List.of(Action.key("ctrl+End"), Action.type("\n" + line)),
        WikiGui.save(page));
  }
}
