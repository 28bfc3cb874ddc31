package io.deskforge.apps.tiddlywiki;

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
 * Rename a tiddler. TiddlyWiki saves the renamed tiddler under its new title and deletes the old
 * one, files included. Chromium shows another tiddler. Checked in the .tid files: the new one
 * holds the old text, the old one is gone, the other tiddler keeps its title.
 */
final class RenameTiddler extends SeededFamily {
  static final String ID = "tiddlywiki.rename-tiddler";

  RenameTiddler() {
    super(ID, TiddlyWiki.NAME, "rename a tiddler",
        List.of(
            "Rename the tiddler \"{from}\" in the TiddlyWiki to \"{to}\".",
            "In the team wiki, the tiddler {from} needs a new title: {to}. Rename it.",
            "Change the title of the tiddler {from} to {to}, keeping its text.",
            "The tiddler called \"{from}\" should be called \"{to}\" from now on; rename it in the wiki."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Tiddlers.titles(d, 3);
    Tiddler target = Tiddler.of(titles.get(0), List.of(d.pick(Tiddlers.TAGS)), Tiddlers.text(d, d.between(1, 3)));
    String to = titles.get(1);
    Tiddler shown = Tiddler.of(titles.get(2), List.of(), Tiddlers.text(d, d.between(1, 3)));
    String fromPath = TiddlyWiki.tiddlerPath(target.title());
    String toPath = TiddlyWiki.tiddlerPath(to);
    String shownPath = TiddlyWiki.tiddlerPath(shown.title());

    return task(seed)
        .param("from", target.title()).param("to", to).param("start_tiddler", shown.title())
        .instruction(instruction(d, Map.of("from", target.title(), "to", to)))
        .fact(Fact.inInstruction("from", target.title()))
        .fact(Fact.inInstruction("to", to))
        .fact(Fact.inFile("text", target.text(), fromPath))
        .fact(Fact.inFile("shown_text", shown.text(), shownPath))
        .setup(Tiddlers.write(target))
        .setup(Tiddlers.write(shown))
        .setup(new SetupStep.Launch(TiddlyWiki.NAME, List.of(shown.title())))
        .checker(Checker.all(
            Checker.check(new Getter.DocumentQuery(toPath, "text"), new Metric.EqualsText(target.text(), true, false)),
            Checker.check(new Getter.FileExists(fromPath, null), new Metric.IsFalse()),
            Checker.check(new Getter.DocumentQuery(shownPath, "text"), new Metric.EqualsText(shown.text(), true, false))))
        .solution("the tiddler's address, its edit button (the keys in the title), Ctrl+A, the new title typed, Ctrl+Enter",
            renamed(shown.title(), target.title(), to, true, true))
        .negative("wrong-title", "renames it to a similar title (a plural)", renamed(shown.title(), target.title(), to + "s", true, true))
        .negative("unsaved", "types the new title but never saves: a draft is left", renamed(shown.title(), target.title(), to, true, false))
        .negative("wrong-tiddler", "renames the tiddler Chromium shows instead", renamed(shown.title(), shown.title(), to, false, true))
        .build();
  }

  /** From the launched wiki: the tiddler (opened first unless it is the one shown) given a new title, saved or left as a draft. */
  static List<Action> renamed(String start, String from, String to, boolean open, boolean save) {
    return TiddlyGui.concat(TiddlyGui.start(start), open ? TiddlyGui.open(from) : List.of(), TiddlyGui.edit(from),
        List.of(Action.key("ctrl+a"), Action.type(to)),
        save ? TiddlyGui.save(to) : TiddlyGui.leaveDraft(from, "title"));
  }
}
