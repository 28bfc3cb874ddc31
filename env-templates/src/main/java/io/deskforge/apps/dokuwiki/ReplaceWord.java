package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replace every occurrence of a word on a wiki page. The word is on two lines of the page and on
 * the page Chromium shows, so editing the wrong page or only the first occurrence both miss.
 */
final class ReplaceWord extends SeededFamily {
  static final String ID = "dokuwiki.replace-word";

  ReplaceWord() {
    super(ID, DokuWiki.NAME, "replace every occurrence of a word on a wiki page",
        List.of(
            "On the wiki page {page}, replace every \"{old}\" with \"{new}\".",
            "Edit the wiki page {page} so that the word {old} becomes {new} everywhere on it.",
            "The page {page} in the team wiki should say \"{new}\" wherever it now says \"{old}\". Fix it and save.",
            "Change all occurrences of {old} to {new} on the page {page} of the wiki."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> ids = Wiki.pageIds(d, 2);
    String page = ids.get(0);
    String other = ids.get(1);
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
    String path = DokuWiki.pagePath(page);
    String instruction = instruction(d, Map.of("page", page, "old", oldWord, "new", newWord));

    return task(seed)
        .param("page", page).param("old", oldWord).param("new", newWord).param("start_page", other)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inInstruction("old", oldWord))
        .fact(Fact.inInstruction("new", newWord))
        .fact(Fact.inFile("original", original, path))
        .fact(Fact.derived("expected", expected, Derivation.REPLACE_ALL, "original", "old", "new"))
        .setup(Wiki.write(page, original))
        .setup(Wiki.write(other, otherText))
        .setup(new SetupStep.Launch(DokuWiki.NAME, List.of(other)))
        .checker(Checker.check(new Getter.FileText(path), new Metric.EqualsText(expected, true, false)))
        .solution("the page's editor, its text retyped with the word replaced, Alt+Shift+S", rewrite(other, page, expected))
        .negative("first-only", "replaces only the first occurrence, and saves", rewrite(other, page, firstOnly))
        .negative("wrong-page", "replaces the word on the page Chromium shows instead",
            rewrite(other, other, Derivation.REPLACE_ALL.apply(List.of(otherText, oldWord, newWord))))
        .negative("preview-only", "replaces every occurrence and previews the page, never saving",
            WikiGui.concat(CreatePage.start(other), WikiGui.edit(page), WikiGui.replaceAll(expected), WikiGui.preview(page)))
        .build();
  }

  static List<io.deskforge.task.action.Action> rewrite(String start, String page, String text) {
    return WikiGui.concat(CreatePage.start(start), WikiGui.edit(page), WikiGui.replaceAll(text), WikiGui.save(page));
  }
}
