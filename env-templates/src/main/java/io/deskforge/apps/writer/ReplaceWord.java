package io.deskforge.apps.writer;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.apps.family.Vocabulary;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Find and Replace over a whole draft: every occurrence of a noun (one that occurs at least twice)
 * replaced by another, and at difficulty 2 a second noun too, then save. The checker reads the
 * whole text, paragraph by paragraph, derived from the file's paragraphs by the replacements.
 * Nouns appear in lower case only, so Find and Replace's case-blind default and the derivation's
 * exact replacement agree.
 */
final class ReplaceWord extends SeededFamily {
  static final String ID = Writer.NAME + ".replace-word";

  ReplaceWord() {
    super(ID, Writer.NAME, "replace a word everywhere in a document (Find and Replace), then save",
        List.of(
            "In {file}, replace every occurrence of {pairs}, everywhere in the document. Save it as .docx.",
            "The draft {file} uses the wrong word: change all {pairs} throughout (headings too), then save the document.",
            "Use Find and Replace on {file} to turn every {pairs}. Keep the .docx format when saving."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int k = d.between(1, 2);
    Manuscript m;
    List<String> olds = new ArrayList<>();
    while (true) {
      m = Manuscript.draw(d, d.between(2, 4));
      olds.clear();
      String all = String.join("\n", m.texts());
      List<String> candidates = new ArrayList<>();
      for (String n : Vocabulary.section("noun")) {
        int exact = occurrences(all, n);
        if (exact >= 2 && exact == occurrences(all.toLowerCase(Locale.ROOT), n)) candidates.add(n);
      }
      if (candidates.size() >= k) {
        olds.addAll(d.distinct(candidates, k));
        break;
      }
    }
    String all = String.join("\n", m.texts());
    List<String> news = new ArrayList<>();
    for (String old : olds) {
      List<String> avoid = new ArrayList<>(olds);
      avoid.addAll(news);
      String n;
      do n = d.nounAvoiding(avoid); while (all.toLowerCase(Locale.ROOT).contains(n));
      news.add(n);
    }
    String path = "/home/user/" + d.fileStem() + ".docx";
    FamilyTasks t = task(seed);
    List<String> pairs = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      t.fact(Fact.inInstruction("old_" + (j + 1), olds.get(j))).fact(Fact.inInstruction("new_" + (j + 1), news.get(j)));
      pairs.add("\"" + olds.get(j) + "\" with \"" + news.get(j) + "\"");
    }
    List<String> lineFacts = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= m.paragraphs().size(); i++) {
      String text = m.at(i).text();
      String name = "paragraph_" + i;
      t.fact(Fact.inFile(name, text, path));
      for (int j = 0; j < k; j++) {
        if (!text.contains(olds.get(j))) continue;
        String replaced = Derivation.REPLACE_ALL.apply(List.of(text, olds.get(j), news.get(j)));
        String next = "paragraph_" + i + "_replaced_" + (j + 1);
        t.fact(Fact.derived(next, replaced, Derivation.REPLACE_ALL, name, "old_" + (j + 1), "new_" + (j + 1)));
        text = replaced;
        name = next;
      }
      lineFacts.add(name);
      expected.add(text);
    }
    String whole = Derivation.LINES.apply(expected);
    t.fact(Fact.derived("text", whole, Derivation.LINES, lineFacts.toArray(String[]::new)));

    List<Action> solved = new ArrayList<>();
    List<Action> firstOnly = new ArrayList<>();
    List<Action> otherWord = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      solved.addAll(WriterGui.replaceAll(olds.get(j), news.get(j)));
      // the near miss: Find Next and typing over it changes the first occurrence only
      firstOnly.addAll(WriterGui.select(olds.get(j)));
      firstOnly.add(Action.type(news.get(j)));
    }
    // the last word replaced by the right replacement, the other way round: the new word where the old one was not
    otherWord.addAll(WriterGui.replaceAll(olds.getFirst(), news.getFirst() + "s"));
    for (int j = 1; j < k; j++) otherWord.addAll(WriterGui.replaceAll(olds.get(j), news.get(j)));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("pairs", String.join(" and every ", pairs));
    return t.param("file", path).param("replacements", k).param("old", olds).param("new", news).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.check(new Getter.DocumentQuery(path, "text"), new Metric.EqualsText(whole, true, false)))
        .solution("Find and Replace (Ctrl+H): the word, Replace (Alt+P) the new word, Replace All (Alt+L), Close; Ctrl+S",
            concat(solved, WriterGui.save(path)))
        .negative("not-saved", "replaces every occurrence but never saves", solved)
        .negative("first-only", "replaces only the first occurrence of each word (Find Next, then typing over it), and saves",
            concat(firstOnly, WriterGui.save(path)))
        .negative("plural-typo", "replaces \"" + olds.getFirst() + "\" everywhere with \"" + news.getFirst() + "s\", and saves",
            concat(otherWord, WriterGui.save(path)))
        .build();
  }

  private static int occurrences(String text, String word) {
    int n = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) n++;
    return n;
  }
}
