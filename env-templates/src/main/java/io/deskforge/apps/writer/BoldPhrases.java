package io.deskforge.apps.writer;

import io.deskforge.apps.family.FamilyTasks;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Emphasis on given phrases: 3-5 phrases of two or three words, each occurring once in the draft,
 * made bold (and only they: their paragraphs stay otherwise regular), then save. Difficulty is the
 * number of phrases, each its own Find and Replace round (some 36 actions on average, 26-42); a
 * draft with 4 or 5 phrases has 3-5 sections, so that it has body paragraphs enough. The checker asks whether every run covering each phrase is bold, that the
 * phrase's paragraph is not bold all through, and that no text changed.
 */
final class BoldPhrases extends SeededFamily {
  static final String ID = Writer.NAME + ".bold-phrases";
  private static final Pattern WORD = Pattern.compile("[a-z]+");

  BoldPhrases() {
    super(ID, Writer.NAME, "make given phrases of a document bold (only those words), then save",
        List.of(
            "In {file}, make the phrase{s} {phrases} bold, without bolding the rest of {their} paragraph{s}. Save the document as .docx.",
            "Emphasize {phrases} in {file}: set exactly those words in bold type, then save it.",
            "Bold the words {phrases} in the document {file} (only those words) and save it, keeping .docx."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int k = d.between(3, 5);
    int fewest = k >= 4 ? 3 : 2;
    Manuscript m = Manuscript.draw(d, d.between(fewest, fewest + 2));
    List<String> phrases = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    int tries = 0;
    while (phrases.size() < k) {
      if (++tries > 500) {
        m = Manuscript.draw(d, d.between(fewest, fewest + 2));
        phrases.clear();
        where.clear();
        tries = 0;
      }
      int n = d.pick(m.bodies());
      if (where.contains(n)) continue;
      String[] words = m.at(n).text().split(" ");
      int len = d.between(2, 3);
      int at = d.between(1, words.length - len);
      List<String> ws = List.of(words).subList(at, at + len);
      if (!ws.stream().allMatch(w -> WORD.matcher(w).matches())) continue;
      String phrase = String.join(" ", ws);
      if (m.count(phrase) != 1 || occurrencesIn(m, phrase) != 1) continue;
      phrases.add(phrase);
      where.add(n);
    }
    String path = "/home/user/" + d.fileStem() + ".docx";
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> wholeParagraph = new ArrayList<>();
    List<Action> partial = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      String phrase = phrases.get(j);
      quoted.add("\"" + phrase + "\"");
      t.fact(Fact.inInstruction("phrase_" + (j + 1), phrase));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "find \"" + phrase + "\" bold"), new Metric.IsTrue()));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + phrase + "\" bold"), new Metric.IsFalse()));
      List<Action> bold = concat(WriterGui.select(phrase), List.of(Action.key("ctrl+b")));
      solved.addAll(bold);
      if (j == 0) {
        // the near miss: the phrase's whole paragraph made bold
        wholeParagraph.addAll(WriterGui.selectParagraphs(where.get(j), where.get(j)));
        wholeParagraph.add(Action.key("ctrl+b"));
        // and its sibling: all but the phrase's last word
        partial.addAll(WriterGui.select(phrase));
        partial.add(Action.key("shift+ctrl+Left"));
        partial.add(Action.key("ctrl+b"));
      } else {
        wholeParagraph.addAll(bold);
        partial.addAll(bold);
      }
    }
    for (int i = 1; i <= m.paragraphs().size(); i++) t.fact(Fact.inFile("paragraph_" + i, m.at(i).text(), path));
    checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraphs"), new Metric.SetEquals(m.texts())));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("phrases", HeadingStyles.join(quoted));
    slots.put("s", k > 1 ? "s" : "");
    slots.put("their", k > 1 ? "their" : "its");
    return t.param("file", path).param("phrases", phrases).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("each phrase selected by Find and Replace (Ctrl+H, Find Next), closed, Ctrl+B; Ctrl+S", concat(solved, WriterGui.save(path)))
        .negative("not-saved", "bolds every phrase but never saves", solved)
        .negative("whole-paragraph", "bolds the whole paragraph of the first phrase instead of the phrase, and saves", concat(wholeParagraph, WriterGui.save(path)))
        .negative("last-word-left-out", "bolds the first phrase without its last word, and saves", concat(partial, WriterGui.save(path)))
        .build();
  }

  /** Occurrences in the whole text, ignoring case, across paragraph ends too. */
  private static int occurrencesIn(Manuscript m, String phrase) {
    String all = String.join("\n", m.texts()).toLowerCase(java.util.Locale.ROOT);
    String p = phrase.toLowerCase(java.util.Locale.ROOT);
    int n = 0;
    for (int at = all.indexOf(p); at >= 0; at = all.indexOf(p, at + 1)) n++;
    return n;
  }
}
