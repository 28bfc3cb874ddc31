package io.deskforge.apps.tiddlywiki;

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
 * Add a line at the end of an existing tiddler's text. Chromium shows another tiddler, the one a
 * careless edit would change. Checked in the .tid files: the tiddler's old text with the new last
 * line, and the other tiddler's text as it was.
 */
final class AppendLine extends SeededFamily {
  static final String ID = "tiddlywiki.append-line";

  AppendLine() {
    super(ID, TiddlyWiki.NAME, "append a line at the end of an existing tiddler",
        List.of(
            "In the TiddlyWiki, add the line \"{line}\" at the end of the tiddler {title}.",
            "Append this sentence as a new last line of the tiddler \"{title}\": {line}",
            "The tiddler {title} is missing its final line. Add \"{line}\" on a new line at the bottom of its text and save it.",
            "Open the tiddler \"{title}\" and put a new line reading \"{line}\" after its last line."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Tiddlers.titles(d, 2);
    Tiddler target = Tiddler.of(titles.get(0), List.of(d.pick(Tiddlers.TAGS)), Tiddlers.text(d, d.between(2, 3)));
    Tiddler shown = Tiddler.of(titles.get(1), List.of(), Tiddlers.text(d, d.between(1, 3)));
    String line = d.sentence(List.of());
    while (target.text().contains(line) || shown.text().contains(line)) line = d.sentence(List.of());
    String expected = Derivation.APPEND_LINE.apply(List.of(target.text(), line));
    String path = TiddlyWiki.tiddlerPath(target.title());
    String shownPath = TiddlyWiki.tiddlerPath(shown.title());

    return task(seed)
        .param("title", target.title()).param("line", line).param("start_tiddler", shown.title())
        .instruction(instruction(d, Map.of("title", target.title(), "line", line)))
        .fact(Fact.inInstruction("title", target.title()))
        .fact(Fact.inInstruction("line", line))
        .fact(Fact.inFile("original", target.text(), path))
        .fact(Fact.derived("expected", expected, Derivation.APPEND_LINE, "original", "line"))
        .fact(Fact.inFile("shown_text", shown.text(), shownPath))
        .setup(Tiddlers.write(target))
        .setup(Tiddlers.write(shown))
        .setup(new SetupStep.Launch(TiddlyWiki.NAME, List.of(shown.title())))
        .checker(Checker.all(
            Checker.check(new Getter.DocumentQuery(path, "text"), new Metric.EqualsText(expected, true, false)),
            Checker.check(new Getter.DocumentQuery(shownPath, "text"), new Metric.EqualsText(shown.text(), true, false))))
        .solution("the tiddler's address, its edit button, the text box, Ctrl+End, a new line typed, Ctrl+Enter",
            TiddlyGui.concat(TiddlyGui.start(shown.title()), TiddlyGui.open(target.title()), TiddlyGui.edit(target.title()), TiddlyGui.focusText(target.title()),
                List.of(Action.key("ctrl+End"), Action.type("\n" + line)), TiddlyGui.save(target.title())))
        .negative("wrong-tiddler", "appends the line to the tiddler Chromium shows instead",
            TiddlyGui.concat(TiddlyGui.start(shown.title()), TiddlyGui.edit(shown.title()), TiddlyGui.focusText(shown.title()),
                List.of(Action.key("ctrl+End"), Action.type("\n" + line)), TiddlyGui.save(shown.title())))
        .negative("unsaved", "types the line at the end but never saves: a draft is left",
            TiddlyGui.concat(TiddlyGui.start(shown.title()), TiddlyGui.open(target.title()), TiddlyGui.edit(target.title()), TiddlyGui.focusText(target.title()),
                List.of(Action.key("ctrl+End"), Action.type("\n" + line)), TiddlyGui.leaveDraft(target.title(), "text")))
        .negative("replaced", "selects the whole text and types the line over it, and saves",
            TiddlyGui.concat(TiddlyGui.start(shown.title()), TiddlyGui.open(target.title()), TiddlyGui.edit(target.title()),
                TiddlyGui.focusText(target.title()), List.of(Action.key("ctrl+a"), Action.type(line)), TiddlyGui.save(target.title())))
        .build();
  }
}
