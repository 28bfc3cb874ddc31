package io.deskforge.apps.writer;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.apps.family.Vocabulary;
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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Find and Replace with formatting: every occurrence of a word made bold, and at difficulty 2
 * every occurrence of a second word italic, then save. A word is a noun the draft uses at least
 * twice, always as a whole word in lower case (never inside a longer word such as a plural) and
 * never in the title (a Heading 1, bold already), so that a case-blind Find All, a whole-word
 * search and the checker all find the same occurrences. The checker asks whether every run
 * covering every occurrence has the format, that the first paragraph holding the word does not
 * have it all through, and that no text changed.
 */
final class FormatEveryOccurrence extends SeededFamily {
  static final String ID = Writer.NAME + ".format-every-occurrence";

  FormatEveryOccurrence() {
    super(ID, Writer.NAME, "make every occurrence of a word bold (and of another italic) throughout a document, then save",
        List.of(
            "In {file}, make every occurrence of {terms}, wherever it appears (only the word itself, not its whole paragraph). Save the document as .docx.",
            "Throughout {file}, format every occurrence of {terms}; format the words only. Then save it, keeping .docx.",
            "The draft {file} should emphasize its key term{s}: every occurrence of {terms}. Save when done (keep .docx)."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    Manuscript m;
    List<String> terms;
    while (true) {
      m = Manuscript.draw(d, d.between(2, 4));
      String all = String.join("\n", m.texts());
      String title = m.at(1).text().toLowerCase(Locale.ROOT);
      List<String> candidates = new ArrayList<>();
      for (String n : Vocabulary.section("noun")) {
        int exact = occurrences(all, n);
        if (exact >= 2 && exact == occurrences(all.toLowerCase(Locale.ROOT), n) && exact == wholeWords(all, n) && !title.contains(n)) candidates.add(n);
      }
      // no chosen word inside another (a Find All for one must not select part of the other)
      if (candidates.size() >= level) {
        terms = d.distinct(candidates, level);
        if (level < 2 || !(terms.get(0).contains(terms.get(1)) || terms.get(1).contains(terms.get(0)))) break;
      }
    }
    List<String> formats = List.of("bold", "italic");
    String path = "/home/user/" + d.fileStem() + ".docx";
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> firstOnly = new ArrayList<>();
    List<Action> wrongFormat = new ArrayList<>();
    List<String> pieces = new ArrayList<>();
    for (int j = 0; j < terms.size(); j++) {
      String term = terms.get(j);
      String format = formats.get(j);
      String key = format.equals("bold") ? "ctrl+b" : "ctrl+i";
      String other = format.equals("bold") ? "ctrl+i" : "ctrl+b";
      pieces.add("\"" + term + "\" " + format);
      t.fact(Fact.inInstruction("term_" + (j + 1), term)).fact(Fact.inInstruction("format_" + (j + 1), format));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "find all \"" + term + "\" " + format), new Metric.IsTrue()));
      String start = firstHolding(m, term);
      t.fact(Fact.inFile("start_" + (j + 1), start, path));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + start + "\" " + format), new Metric.IsFalse()));
      solved.addAll(WriterGui.selectAll(term));
      solved.add(Action.key(key));
      // the near miss: Find Next formats the first occurrence only
      firstOnly.addAll(WriterGui.select(term));
      firstOnly.add(Action.key(key));
      wrongFormat.addAll(WriterGui.selectAll(term));
      wrongFormat.add(Action.key(other));
    }
    for (int i = 1; i <= m.paragraphs().size(); i++) t.fact(Fact.inFile("paragraph_" + i, m.at(i).text(), path));
    checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraphs"), new Metric.SetEquals(m.texts())));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("terms", String.join(" and every occurrence of ", pieces));
    slots.put("s", terms.size() > 1 ? "s" : "");
    return t.param("file", path).param("level", level).param("terms", terms).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("Find and Replace (Ctrl+H): the word, Find All (Alt+A), Close; Ctrl+B (or Ctrl+I) on the selected occurrences; Ctrl+S",
            concat(solved, WriterGui.save(path)))
        .negative("not-saved", "formats every occurrence but never saves", solved)
        .negative("first-only", "formats only the first occurrence of each word (Find Next), and saves", concat(firstOnly, WriterGui.save(path)))
        .negative("wrong-format", terms.size() > 1 ? "makes the first word italic and the second bold, the other way round, and saves"
            : "makes every occurrence italic instead of bold, and saves", concat(wrongFormat, WriterGui.save(path)))
        .build();
  }

  /** The first four words of the first paragraph that holds the word. */
  private static String firstHolding(Manuscript m, String term) {
    for (String text : m.texts()) if (text.contains(term)) return Manuscript.start(text);
    throw new IllegalStateException("no paragraph holds " + term);
  }

  private static int occurrences(String text, String word) {
    int n = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) n++;
    return n;
  }

  private static int wholeWords(String text, String word) {
    Matcher mm = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text);
    int n = 0;
    while (mm.find()) n++;
    return n;
  }
}
