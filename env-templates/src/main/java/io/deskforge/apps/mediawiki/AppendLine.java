package io.deskforge.apps.mediawiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Add a line at the end of an existing wiki page. Chromium shows another page of the wiki, the one
 * a careless edit would change. Checked in the wiki's database: the latest revision of the page is
 * its old text and the new last line. MediaWiki's editor holds the text with a newline after its
 * last line, so Ctrl+End puts the cursor on an empty line: typing a newline first would save a
 * blank line before the new one.
 */
final class AppendLine extends SeededFamily {
  static final String ID = "mediawiki.append-line";

  AppendLine() {
    super(ID, MediaWiki.NAME, "append a line at the end of an existing wiki page",
        List.of(
            "Below everything already written on the wiki article \"{page}\", append one more line: \"{line}\".",
            "Keep the existing text of the article \"{page}\" as it is and add this sentence underneath it, as its new last line: {line}",
            "The article \"{page}\" stops one line short. Add \"{line}\" at the very bottom, after what is there, and save.",
            "Extend the article \"{page}\" by one trailing line reading \"{line}\", leaving the lines above untouched."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Pages.titles(d, 2);
    String page = titles.get(0);
    String other = titles.get(1);
    String original = Pages.text(d, d.between(2, 5), List.of());
    String otherText = Pages.text(d, d.between(2, 4), List.of());
    String line = d.sentence(List.of());
    while (original.contains(line) || otherText.contains(line)) line = d.sentence(List.of());
    // MediaWiki saves a text without the final newline APPEND_LINE ends a file with
    String expected = Derivation.APPEND_LINE.apply(List.of(original, line)).stripTrailing();
    String instruction = instruction(d, Map.of("page", page, "line", line));

    return task(seed)
        .param("page", page).param("line", line).param("start_page", other)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inInstruction("line", line))
        .fact(Fact.inFile("original", original, MediaWiki.seedPath(page)))
        .fact(Fact.derived("expected", expected, Derivation.APPEND_LINE, "original", "line"))
        .setup(Pages.seed(page, original))
        .setup(Pages.seed(other, otherText))
        .setup(new SetupStep.Launch(MediaWiki.NAME, List.of(other)))
        .checker(Checker.check(Pages.text(page), new Metric.SetEquals(List.of(expected))))
        .solution("the page's edit address, ctrl+End (the empty line after the text), the line typed, Alt+Shift+S", append(other, page, line))
        .negative("wrong-page", "appends the line to the page Chromium shows instead", append(other, other, line))
        .negative("prepended", "types the line at the top of the page instead, and saves",
            MwGui.concat(MwGui.start(other), MwGui.edit(page), List.of(Action.type(line + "\n")), MwGui.save(page)))
        .negative("changes-only", "types the line at the end and shows the changes, never saving",
            MwGui.concat(MwGui.start(other), MwGui.edit(page), List.of(Action.key("ctrl+End"), Action.type(line)),
                MwGui.showChanges(page)))
        .build();
  }

  static List<Action> append(String start, String page, String line) {
    return MwGui.concat(MwGui.start(start), MwGui.edit(page), List.of(Action.key("ctrl+End"), Action.type(line)),
        MwGui.save(page));
  }
}
