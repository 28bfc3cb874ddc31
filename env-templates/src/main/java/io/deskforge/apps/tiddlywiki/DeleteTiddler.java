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
 * Delete a tiddler, which Chromium shows. TiddlyWiki asks before it deletes, and the server then
 * removes the tiddler's file. Checked in the tiddlers' folder: the file is gone, and another
 * tiddler's file (the one a careless delete removes) keeps its text.
 */
final class DeleteTiddler extends SeededFamily {
  static final String ID = "tiddlywiki.delete-tiddler";

  DeleteTiddler() {
    super(ID, TiddlyWiki.NAME, "delete a tiddler from the wiki",
        List.of(
            "Delete the tiddler \"{title}\" (tagged {tag}) from the TiddlyWiki.",
            "The tiddler {title}, filed under {tag}, is obsolete: remove it from the wiki for good.",
            "In the team wiki, delete {title} from the {tag} tiddlers. Keep every other tiddler.",
            "Get rid of the wiki tiddler called \"{title}\"; it is tagged {tag}."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Tiddlers.titles(d, 2);
    String tag = d.pick(Tiddlers.TAGS);
    Tiddler target = Tiddler.of(titles.get(0), List.of(tag), Tiddlers.text(d, d.between(1, 3)));
    Tiddler other = Tiddler.of(titles.get(1), List.of(d.pick(Tiddlers.TAGS)), Tiddlers.text(d, d.between(1, 3)));
    String path = TiddlyWiki.tiddlerPath(target.title());
    String otherPath = TiddlyWiki.tiddlerPath(other.title());
    String empty = "(empty story)";

    return task(seed)
        .param("title", target.title()).param("other", other.title())
        .instruction(instruction(d, Map.of("title", target.title(), "tag", tag)))
        .fact(Fact.inInstruction("title", target.title()))
        .fact(Fact.inFile("other_text", other.text(), otherPath))
        .setup(Tiddlers.write(target))
        .setup(Tiddlers.write(other))
        .setup(new SetupStep.Launch(TiddlyWiki.NAME, List.of(target.title())))
        .checker(Checker.all(
            Checker.check(new Getter.FileExists(path, null), new Metric.IsFalse()),
            Checker.check(new Getter.DocumentQuery(otherPath, "text"), new Metric.EqualsText(other.text(), true, false))))
        .solution("the tiddler's edit button, the editor's delete button, Return to confirm",
            TiddlyGui.concat(TiddlyGui.start(target.title()), TiddlyGui.edit(target.title()), TiddlyGui.deleteButton(target.title()),
                TiddlyGui.confirm(empty)))
        .negative("cancelled", "asks to delete it, then cancels the confirmation with Escape and leaves the editor with Escape",
            TiddlyGui.concat(TiddlyGui.start(target.title()), TiddlyGui.edit(target.title()), TiddlyGui.deleteButton(target.title()),
                List.of(Action.key("Escape"), new Action.WaitForWindow(TiddlyWiki.title(TiddlyGui.draft(target.title()),
                    "editing [a-z]+, " + TiddlyGui.ANY_SYNC), TiddlyGui.STEP_MS), Action.waitMs(300), Action.key("Escape"),
                    new Action.WaitForWindow(TiddlyWiki.title(target.title(), "viewing, saved"), TiddlyGui.STEP_MS))))
        .negative("closed", "closes the tiddler (its close button) instead of deleting it",
            TiddlyGui.concat(TiddlyGui.start(target.title()), List.of(Action.click(TiddlyGui.CLOSE_X, TiddlyGui.TOOLBAR_Y),
                new Action.WaitForWindow(TiddlyWiki.title(empty, "viewing, saved"), TiddlyGui.STEP_MS))))
        .negative("wrong-tiddler", "deletes the other tiddler instead",
            TiddlyGui.concat(TiddlyGui.start(target.title()), TiddlyGui.open(other.title()), TiddlyGui.edit(other.title()),
                TiddlyGui.deleteButton(other.title()), TiddlyGui.confirm(target.title())))
        .build();
  }
}
