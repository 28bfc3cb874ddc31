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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Add a tag to an existing tiddler, which keeps the tags it had. Chromium shows another tiddler.
 * Checked in the .tid files: the tiddler's tags are its old ones and the new one, its text
 * unchanged; the other tiddler has its own tags still.
 */
final class AddTag extends SeededFamily {
  static final String ID = "tiddlywiki.add-tag";

  AddTag() {
    super(ID, TiddlyWiki.NAME, "add a tag to an existing tiddler, keeping its other tags",
        List.of(
            "In the TiddlyWiki, tag the tiddler \"{title}\" with {tag} as well.",
            "Add the tag {tag} to the tiddler {title}; keep the tags it already has.",
            "The tiddler {title} should also be filed under {tag}. Add that tag and save.",
            "Give the wiki tiddler \"{title}\" the extra tag {tag}."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Tiddlers.titles(d, 2);
    List<String> tags = d.distinct(Tiddlers.TAGS, 4);
    List<String> old = tags.subList(0, d.between(1, 2));
    String tag = tags.get(2);
    Tiddler target = Tiddler.of(titles.get(0), old, Tiddlers.text(d, d.between(1, 3)));
    Tiddler shown = Tiddler.of(titles.get(1), List.of(tags.get(3)), Tiddlers.text(d, d.between(1, 3)));
    String path = TiddlyWiki.tiddlerPath(target.title());
    String shownPath = TiddlyWiki.tiddlerPath(shown.title());
    List<String> expected = new ArrayList<>(old);
    expected.add(tag);

    var spec = task(seed)
        .param("title", target.title()).param("tag", tag).param("start_tiddler", shown.title())
        .instruction(instruction(d, Map.of("title", target.title(), "tag", tag)))
        .fact(Fact.inInstruction("title", target.title()))
        .fact(Fact.inInstruction("tag", tag))
        .fact(Fact.inFile("text", target.text(), path))
        .fact(Fact.inFile("shown_tag", tags.get(3), shownPath));
    for (int i = 0; i < old.size(); i++) spec.fact(Fact.inFile("old_tag_" + (i + 1), old.get(i), path));
    return spec
        .setup(Tiddlers.write(target))
        .setup(Tiddlers.write(shown))
        .setup(new SetupStep.Launch(TiddlyWiki.NAME, List.of(shown.title())))
        .checker(Checker.all(
            Checker.check(new Getter.DocumentQuery(path, "tags"), new Metric.SetEquals(expected)),
            Checker.check(new Getter.DocumentQuery(path, "text"), new Metric.EqualsText(target.text(), true, false)),
            Checker.check(new Getter.DocumentQuery(shownPath, "tags"), new Metric.SetEquals(List.of(tags.get(3))))))
        .solution("the tiddler's address, its edit button (the keys in the title), Tab to the tag box, the tag typed and Return, Ctrl+Enter",
            tagged(shown.title(), target.title(), tag, true, true))
        .negative("wrong-tiddler", "adds the tag to the tiddler Chromium shows instead", tagged(shown.title(), shown.title(), tag, false, true))
        .negative("unsaved", "adds the tag in the editor but never saves: a draft is left", tagged(shown.title(), target.title(), tag, true, false))
        .negative("in-text", "writes the tag at the end of the tiddler's text instead of its tags, and saves",
            TiddlyGui.concat(TiddlyGui.start(shown.title()), TiddlyGui.open(target.title()), TiddlyGui.edit(target.title()), TiddlyGui.focusText(target.title()),
                List.of(Action.key("ctrl+End"), Action.type(" " + tag)), TiddlyGui.save(target.title())))
        .build();
  }

  /** From the launched wiki: the tiddler (opened first unless it is the one shown) tagged, saved or left as a draft. */
  static List<Action> tagged(String start, String title, String tag, boolean open, boolean save) {
    return TiddlyGui.concat(TiddlyGui.start(start), open ? TiddlyGui.open(title) : List.of(), TiddlyGui.edit(title),
        TiddlyGui.tabToTags(title), TiddlyGui.addTag(tag),
        save ? TiddlyGui.save(title) : TiddlyGui.leaveDraft(title, "tag"));
  }
}
