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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replace every occurrence of a word on a wiki page. The word is on two lines of the page and on
 * the page Chromium shows, so editing the wrong page or only the first occurrence both miss.
 * Checked in the wiki's database: the text of the page's latest revision.
 */
final class ReplaceWord extends SeededFamily {
  static final String ID = "mediawiki.replace-word";

  ReplaceWord() {
    super(ID, MediaWiki.NAME, "replace every occurrence of a word on a wiki page",
        List.of(
            "On the wiki page \"{page}\", replace every \"{old}\" with \"{new}\".",
            "Edit the wiki page \"{page}\" so that the word {old} becomes {new} everywhere on it.",
            "The page \"{page}\" in the team wiki should say \"{new}\" wherever it now says \"{old}\". Fix it and save.",
            "Change all occurrences of {old} to {new} on the page \"{page}\" of the wiki."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> titles = Pages.titles(d, 2);
    String page = titles.get(0);
    String other = titles.get(1);
    String oldWord = d.noun();
    String newWord = d.nounAvoiding(List.of(oldWord));
    List<String> avoid = List.of(oldWord, newWord);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < d.between(1, 3); i++) lines.add(d.sentence(avoid));
    lines.add(d.between(0, lines.size()), d.sentenceWith(oldWord, avoid));
    lines.add(d.sentenceWith(oldWord, avoid));
    String original = String.join("\n", lines);
    String otherText = String.join("\n", d.sentenceWith(oldWord, avoid), d.sentence(avoid));
    String expected = Derivation.REPLACE_ALL.apply(List.of(original, oldWord, newWord));
    String firstOnly = original.replaceFirst(java.util.regex.Pattern.quote(oldWord), newWord);
    String instruction = instruction(d, Map.of("page", page, "old", oldWord, "new", newWord));

    return task(seed)
        .param("page", page).param("old", oldWord).param("new", newWord).param("start_page", other)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inInstruction("old", oldWord))
        .fact(Fact.inInstruction("new", newWord))
        .fact(Fact.inFile("original", original, MediaWiki.seedPath(page)))
        .fact(Fact.derived("expected", expected, Derivation.REPLACE_ALL, "original", "old", "new"))
        .setup(Pages.seed(page, original))
        .setup(Pages.seed(other, otherText))
        .setup(new SetupStep.Launch(MediaWiki.NAME, List.of(other)))
        .checker(Checker.check(Pages.text(page), new Metric.SetEquals(List.of(expected))))
        .solution("the page's editor, its text retyped with the word replaced, Alt+Shift+S", rewrite(other, page, expected))
        .negative("first-only", "replaces only the first occurrence, and saves", rewrite(other, page, firstOnly))
        .negative("wrong-page", "replaces the word on the page Chromium shows instead",
            rewrite(other, other, Derivation.REPLACE_ALL.apply(List.of(otherText, oldWord, newWord))))
        .negative("changes-only", "replaces every occurrence and shows the changes, never saving",
            MwGui.concat(MwGui.start(other), MwGui.edit(page), MwGui.replaceAll(expected), MwGui.showChanges(page)))
        .build();
  }

  static List<Action> rewrite(String start, String page, String text) {
    return MwGui.concat(MwGui.start(start), MwGui.edit(page), MwGui.replaceAll(text), MwGui.save(page));
  }
}
