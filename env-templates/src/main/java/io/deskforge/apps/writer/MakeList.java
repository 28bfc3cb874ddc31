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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists from plain lines: a draft holds, under a line ending in a colon ("Copper lantern
 * supplies:"), 3-5 short lines ("12 quiet lanterns") typed as plain paragraphs; they become a
 * bulleted or a numbered list, and at difficulty 2 a second run of lines elsewhere becomes a list
 * of the other kind; then save. The checker asks each item's paragraph, found by its text, whether
 * it is a list item of the right kind, and asks the introducing line and the paragraph after the
 * items that they are in no list, so a selection one line too long or too short fails; and that no
 * text changed (a typed "- " or "1." is no list and changes the text).
 */
final class MakeList extends SeededFamily {
  static final String ID = Writer.NAME + ".make-list";
  private static final List<String> HEADS = List.of("supplies", "checklist", "stock", "order", "inventory");

  MakeList() {
    super(ID, Writer.NAME, "turn runs of plain lines of a document into a bulleted or numbered list, then save",
        List.of(
            "In {file}, make {lists}. Leave every other paragraph out of the lists (none of them gets a bullet or a number), and save the document as .docx.",
            "The draft {file} has plain lines that should be lists: make {lists}. The lines introducing them stay plain, none in a list. Then save it, keeping .docx.",
            "Use Writer's list formatting (not typed characters) in {file} to make {lists}; none of the other paragraphs belongs to a list. Save when done."));
  }

  /** One run of lines: the paragraph (from 1) introducing it, its items' paragraphs, their texts, and the list kind. */
  private record Run(int intro, int first, int last, List<String> items, String kind) {}

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    List<String> kinds = new ArrayList<>(List.of("bullet", "numbered"));
    if (d.chance(0.5)) kinds = List.of(kinds.get(1), kinds.get(0));
    Manuscript m;
    List<Run> runs = new ArrayList<>();
    while (true) {
      runs.clear();
      Manuscript base = Manuscript.draw(d, d.between(2, 3));
      // each run goes right after a body paragraph, and the runs after different sections' bodies
      List<Integer> bodies = base.bodies();
      List<Integer> after = d.distinct(bodies, Math.min(level, bodies.size())).stream().sorted().toList();
      if (after.size() < level) continue;
      List<Manuscript.Para> ps = new ArrayList<>();
      Set<Integer> numbers = new HashSet<>();
      int next = 0;
      for (int i = 1; i <= base.paragraphs().size(); i++) {
        ps.add(base.at(i));
        if (next < after.size() && after.get(next) == i) {
          String intro = TaskDraw.capitalize(d.adjective()) + " " + d.noun() + " " + d.pick(HEADS) + ":";
          ps.add(new Manuscript.Para(intro, "Normal", false));
          int introAt = ps.size();
          int count = d.between(3, 5);
          List<String> items = new ArrayList<>();
          for (int k = 0; k < count; k++) {
            int n;
            do n = d.between(2, 60); while (!numbers.add(n));
            items.add(n + " " + d.adjective() + " " + d.noun() + "s");
          }
          for (String item : items) ps.add(new Manuscript.Para(item, "Normal", false));
          runs.add(new Run(introAt, introAt + 1, introAt + count, List.copyOf(items), kinds.get(next)));
          next++;
        }
      }
      m = new Manuscript(List.copyOf(ps));
      if (unique(m)) break;
    }
    String path = "/home/user/" + d.fileStem() + ".docx";
    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("no_list", "none"));
    List<Checker> checks = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> otherKind = new ArrayList<>();
    List<Action> oneShort = new ArrayList<>();
    List<Action> withIntro = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (int j = 0; j < runs.size(); j++) {
      Run r = runs.get(j);
      String intro = m.at(r.intro()).text();
      t.fact(Fact.inFile("intro_" + (j + 1), intro, path)).fact(Fact.inInstruction("kind_" + (j + 1), r.kind()));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + intro + "\" list"), new Metric.EqualsText("none", true, false)));
      List<String> quoted = new ArrayList<>();
      for (int k = 0; k < r.items().size(); k++) {
        String item = r.items().get(k);
        quoted.add("\"" + item + "\"");
        t.fact(Fact.inFile("item_" + (j + 1) + "_" + (k + 1), item, path));
        checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + item + "\" list"), new Metric.EqualsText(r.kind(), true, false)));
      }
      if (r.last() < m.paragraphs().size()) {
        String below = Manuscript.start(m.at(r.last() + 1).text());
        t.fact(Fact.inFile("below_" + (j + 1), below, path));
        checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + below + "\" list"), new Metric.EqualsText("none", true, false)));
      }
      described.add("the " + r.items().size() + " lines under \"" + intro + "\" (" + HeadingStyles.join(quoted) + ") a "
          + (r.kind().equals("bullet") ? "bulleted (bullet)" : "numbered") + " list");
      solved.addAll(WriterGui.selectParagraphs(r.first(), r.last()));
      solved.add(WriterGui.list(r.kind()));
      // the near miss: a list of the other kind; and its siblings, the last item left out or the introducing line taken in
      otherKind.addAll(WriterGui.selectParagraphs(r.first(), r.last()));
      otherKind.add(WriterGui.list(r.kind().equals("bullet") ? "numbered" : "bullet"));
      oneShort.addAll(WriterGui.selectParagraphs(r.first(), j == 0 ? r.last() - 1 : r.last()));
      oneShort.add(WriterGui.list(r.kind()));
      withIntro.addAll(WriterGui.selectParagraphs(j == 0 ? r.intro() : r.first(), r.last()));
      withIntro.add(WriterGui.list(r.kind()));
    }
    for (int i = 1; i <= m.paragraphs().size(); i++) t.fact(Fact.inFile("paragraph_" + i, m.at(i).text(), path));
    checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraphs"), new Metric.SetEquals(m.texts())));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("lists", String.join(" and ", described));
    return t.param("file", path).param("level", level).param("lists", runs.size()).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("each run of lines selected (Ctrl+Home, Ctrl+Down to its first line, Ctrl+Shift+Down to its last), Shift+F12 (bullets)"
            + " or F12 (numbers); Ctrl+S", concat(solved, WriterGui.save(path)))
        .negative("not-saved", "makes every list but never saves", solved)
        .negative("other-kind", "makes each list of the other kind (numbers for bullets, bullets for numbers), and saves",
            concat(otherKind, WriterGui.save(path)))
        .negative("last-item-left-out", "leaves the first list's last line out of it, and saves", concat(oneShort, WriterGui.save(path)))
        .negative("intro-in-list", "takes the line introducing the first list into it, and saves", concat(withIntro, WriterGui.save(path)))
        .build();
  }

  /** Every paragraph's text is distinct and no paragraph's text (or start) is found inside another, so "paragraph containing" names one. */
  private static boolean unique(Manuscript m) {
    Set<String> starts = new HashSet<>();
    for (Manuscript.Para p : m.paragraphs()) {
      if (m.count(p.text()) != 1 || m.count(Manuscript.start(p.text())) != 1 || !starts.add(Manuscript.start(p.text()))) return false;
    }
    return true;
  }
}
