package io.deskforge.audit.replay;

import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.PageReader;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.Cells;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.document.DocumentFormats;
import io.deskforge.desktop.Desktop;
import io.deskforge.task.check.CheckerEvaluator;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A change to the solved state that a good checker must notice: one value changed, one item
 * missing, or the work not saved. Derived from the privileged facts (they say which values the
 * solved state must hold) and from the checker's getters (they say where).
 */
record CheckerMutation(String name, String path, Consumer<Desktop> apply) {

  /** At most this many value mutations per path, to bound an audit's time. */
  private static final int VALUES_PER_PATH = 3;

  static List<CheckerMutation> derive(TaskSpec task, Desktop solved, Map<String, PathState> initial, DocumentFormats formats) {
    Map<String, PathState> now = new LinkedHashMap<>();
    task.checker().leaves().stream().filter(l -> l.getter().path() != null)
        .forEach(l -> now.computeIfAbsent(l.getter().path(), p -> PathState.capture(solved, p)));
    return derive(task, now, initial, formats);
  }

  /**
   * The mutations of a solved state, given what each path the checker reads held after the
   * reference solution ({@code solved}) and before it ({@code initial}). A solution that made the
   * checker pass changed at least one of those paths, so at least the not-saved mutation exists.
   * A spreadsheet's cells are read and changed by the format that handles its file, and so is
   * what a document query reads.
   */
  static List<CheckerMutation> derive(TaskSpec task, Map<String, PathState> solved, Map<String, PathState> initial,
      DocumentFormats formats) {
    Map<String, List<Getter>> byPath = new LinkedHashMap<>();
    task.checker().leaves().stream().filter(l -> l.getter().path() != null)
        .forEach(l -> byPath.computeIfAbsent(l.getter().path(), k -> new ArrayList<>()).add(l.getter()));
    List<CheckerMutation> out = new ArrayList<>();
    for (Map.Entry<String, List<Getter>> e : byPath.entrySet()) {
      String path = e.getKey();
      PathState now = solved.getOrDefault(path, new PathState.Absent());
      PathState before = initial.getOrDefault(path, new PathState.Absent());
      List<Getter> getters = e.getValue();
      boolean sheet = getters.stream().anyMatch(g -> g instanceof Getter.SpreadsheetCell || g instanceof Getter.SpreadsheetRange);
      List<String> queries = getters.stream().filter(g -> g instanceof Getter.DocumentQuery).map(g -> ((Getter.DocumentQuery) g).query()).toList();
      if (now instanceof PathState.File && !queries.isEmpty() && formats.claiming(path).isPresent()) {
        // the format knows what a query reads and how to change it (a value, a style, a slide)
        DocumentFormat format = formats.claiming(path).get();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String query : queries) {
          for (DocumentFormat.Mutation m : format.mutations(path, query)) {
            if (names.add(m.name())) out.add(new CheckerMutation(m.name(), path, d -> m.apply().accept(SavedState.of(d))));
          }
        }
      }
      if (now instanceof PathState.File && !queries.isEmpty()) {
        // a document read by queries is no text whose lines or words the generic mutations could change
      } else if (now instanceof PathState.File file && sheet) {
        DocumentFormat format = formats.forPath(path, DocumentFormat.Kind.SPREADSHEET);
        for (Getter g : getters) {
          String cell = g instanceof Getter.SpreadsheetCell c ? c.cell()
              : g instanceof Getter.SpreadsheetRange r ? r.range().split(":")[0] : null;
          if (cell == null) continue;
          out.add(new CheckerMutation("value-changed:" + cell, path, d -> {
            SavedState state = SavedState.of(d);
            String current = Cells.cell(format.read(state, path, null), CellRef.parse(cell));
            format.setCell(state, path, cell, perturb(current));
          }));
        }
        // the right value in the wrong place: a checker must read the cell the task asks for
        getters.stream().filter(g -> g instanceof Getter.SpreadsheetCell).map(g -> ((Getter.SpreadsheetCell) g).cell()).findFirst()
            .ifPresent(cell -> out.add(new CheckerMutation("moved-to-neighbour:" + cell, path, d -> {
              SavedState state = SavedState.of(d);
              CellRef ref = CellRef.parse(cell);
              String current = Cells.cell(format.read(state, path, null), ref);
              format.setCell(state, path, CellRef.of(ref.column() + 1, ref.row()).a1(), current);
              format.setCell(state, path, cell, "");
            })));
      } else if (now instanceof PathState.File file) {
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        List<String> pointers = getters.stream().filter(g -> g instanceof Getter.JsonValue).map(g -> ((Getter.JsonValue) g).pointer()).toList();
        int values = 0;
        for (Fact f : task.privileged().facts()) {
          String v = f.value().strip();
          if (v.isEmpty() || v.contains("\n") || !text.contains(v) || values >= VALUES_PER_PATH) continue;
          values++;
          // in a JSON file, the value a json_value getter reads, if one reads it; else where the text first occurs
          String mutated = io.deskforge.task.check.StateFiles.withJsonValueReplaced(text, pointers, v, perturb(v))
              .orElse(text.replaceFirst(Pattern.quote(v), java.util.regex.Matcher.quoteReplacement(perturb(v))));
          out.add(new CheckerMutation("value-changed:" + f.name(), path, d -> d.privileged().writeText(path, mutated)));
        }
        if (values == 0 && !text.isEmpty()) {
          int mid = text.length() / 2;
          String mutated = text.substring(0, mid) + perturb(text.substring(mid, mid + 1)) + text.substring(mid + 1);
          out.add(new CheckerMutation("value-changed:text", path, d -> d.privileged().writeText(path, mutated)));
        }
        List<String> lines = Derivation.lines(text);
        if (lines.size() >= 2) {
          List<String> fewer = new ArrayList<>(lines);
          fewer.remove(fewer.size() - 1);
          String mutated = Derivation.joinLines(fewer);
          out.add(new CheckerMutation("item-missing:last-line", path, d -> d.privileged().writeText(path, mutated)));
        }
      } else if (now instanceof PathState.Folder folder && !folder.entries().isEmpty()) {
        String last = folder.entries().keySet().stream().reduce((a, b) -> b).orElseThrow();
        String victim = path + "/" + (last.endsWith("/") ? last.substring(0, last.length() - 1) : last);
        out.add(new CheckerMutation("item-missing:" + last, path, d -> d.privileged().delete(victim)));
        // a file in the folder that holds a value the facts name, with that value changed: a
        // checker that reads only the folder's names does not see the content the task asks for
        int changed = 0;
        for (Map.Entry<String, byte[]> entry : folder.entries().entrySet()) {
          if (entry.getKey().endsWith("/") || changed >= VALUES_PER_PATH) continue;
          String text = new String(entry.getValue(), StandardCharsets.UTF_8);
          for (Fact f : task.privileged().facts()) {
            String v = f.value().strip();
            if (v.isEmpty() || v.contains("\n") || !text.contains(v)) continue;
            String file = path + "/" + entry.getKey();
            String mutated = text.replaceFirst(Pattern.quote(v), java.util.regex.Matcher.quoteReplacement(perturb(v)));
            out.add(new CheckerMutation("content-changed:" + entry.getKey(), path, d -> d.privileged().writeText(file, mutated)));
            changed++;
            break;
          }
        }
      }
      if (!now.equals(before)) {
        out.add(new CheckerMutation("not-saved", path, d -> PathState.restore(d, path, before)));
      }
    }
    return out;
  }

  /** Where {@link #PAGE_LEFT} goes: a page with no address parameter, element or storage of any site. */
  static final String BLANK = "about:blank";

  /**
   * The browser's active tab taken to a blank page: a check of the page the task asks to open (or
   * of what it shows) must notice the page left. Its {@code path} is null: the audit notes the
   * solved page's address before, and opens it again after.
   */
  static CheckerMutation pageLeft(GetterReader reader) {
    return new CheckerMutation(PAGE_LEFT, null, d -> PageReader.navigate(d, reader.browser(d), BLANK));
  }

  static final String PAGE_LEFT = "page-left";

  /** Whether the checker reads the browser's live page. */
  static boolean readsPage(TaskSpec task) {
    return task.checker().leaves().stream().anyMatch(l -> l.getter() instanceof Getter.PageGetter);
  }

  /** A value that differs from v and looks like it: numbers plus one, text with its last letter changed. */
  static String perturb(String v) {
    var n = CheckerEvaluator.number(v);
    if (n != null) return Derivation.number(n.add(java.math.BigDecimal.ONE));
    for (int i = v.length() - 1; i >= 0; i--) {
      char c = v.charAt(i);
      if (Character.isLetter(c)) {
        char next = c == 'z' ? 'a' : c == 'Z' ? 'A' : Character.isLetter((char) (c + 1)) ? (char) (c + 1) : 'x';
        return v.substring(0, i) + next + v.substring(i + 1);
      }
    }
    return v + "x";
  }
}
