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
 * Create a tiddler with a title, a text and a tag. Checked in its .tid file, which the server
 * writes when the tiddler is saved: its text and its tags. The tiddler Chromium shows keeps its
 * own text.
 */
final class CreateTiddler extends SeededFamily {
  static final String ID = "tiddlywiki.create-tiddler";

  CreateTiddler() {
    super(ID, TiddlyWiki.NAME, "create a tiddler with a given title, text and tag",
        List.of(
            "In the TiddlyWiki, create a new tiddler titled \"{title}\" whose text is \"{text}\" and tag it {tag}.",
            "Add a tiddler called {title} to the wiki, tagged {tag}, with this text: {text}",
            "The team wiki needs a tiddler named \"{title}\". Give it the tag {tag} and the text \"{text}\", and save it.",
            "Make a new tiddler in TiddlyWiki: title {title}, tag {tag}, text \"{text}\"."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Tiddlers.titles(d, 2);
    String title = titles.get(0);
    Tiddler shown = Tiddler.of(titles.get(1), List.of(d.pick(Tiddlers.TAGS)), Tiddlers.text(d, d.between(1, 3)));
    String text = d.sentence(List.of());
    while (shown.text().contains(text)) text = d.sentence(List.of());
    String tag = d.pick(Tiddlers.TAGS);
    String path = TiddlyWiki.tiddlerPath(title);
    String shownPath = TiddlyWiki.tiddlerPath(shown.title());

    return task(seed)
        .param("title", title).param("text", text).param("tag", tag).param("start_tiddler", shown.title())
        .instruction(instruction(d, Map.of("title", title, "text", text, "tag", tag)))
        .fact(Fact.inInstruction("title", title))
        .fact(Fact.inInstruction("text", text))
        .fact(Fact.inInstruction("tag", tag))
        .fact(Fact.inFile("shown_text", shown.text(), shownPath))
        .setup(Tiddlers.write(shown))
        .setup(new SetupStep.Launch(TiddlyWiki.NAME, List.of(shown.title())))
        .checker(Checker.all(
            Checker.check(new Getter.DocumentQuery(path, "text"), new Metric.EqualsText(text, true, false)),
            Checker.check(new Getter.DocumentQuery(path, "tags"), new Metric.SetEquals(List.of(tag))),
            Checker.check(new Getter.DocumentQuery(shownPath, "text"), new Metric.EqualsText(shown.text(), true, false))))
        .solution("Alt+N, the title typed, Tab, the tag typed and Return, the text box clicked, the text typed, Ctrl+Enter",
            create(shown.title(), title, tag, text, true))
        .negative("unsaved", "fills in the new tiddler but never saves it: a draft is left", create(shown.title(), title, tag, text, false))
        .negative("no-tag", "creates the tiddler with the text but without the tag", create(shown.title(), title, null, text, true))
        .negative("wrong-title", "creates the tiddler under a similar title (a plural)", create(shown.title(), title + "s", tag, text, true))
        .build();
  }

  /** From the launched wiki: a new tiddler, its title, its tag (none when null), its text, saved or left as a draft. */
  static List<Action> create(String start, String title, String tag, String text, boolean save) {
    String fresh = "New Tiddler";
    List<Action> out = TiddlyGui.concat(TiddlyGui.start(start),
        List.of(Action.key("alt+n"), new Action.WaitForWindow(TiddlyWiki.title(TiddlyGui.draft(fresh), "editing title, " + TiddlyGui.ANY_SYNC),
            TiddlyGui.STEP_MS), Action.waitMs(200), Action.key("ctrl+a"), Action.type(title)));
    if (tag != null) out = TiddlyGui.concat(out, TiddlyGui.tabToTags(fresh), TiddlyGui.addTag(tag));
    out = TiddlyGui.concat(out, TiddlyGui.focusText(fresh), List.of(Action.type(text)));
    return TiddlyGui.concat(out, save ? TiddlyGui.save(title) : TiddlyGui.leaveDraft(fresh, "text"));
  }
}
