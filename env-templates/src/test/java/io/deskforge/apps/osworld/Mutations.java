package io.deskforge.apps.osworld;

import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.document.Cells;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.CheckerEvaluator;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checker mutations the replay audit applies to a solved state (audit-agents'
 * CheckerMutation, which works on a live desktop), re-created from the task's facts and getters on
 * the scratch home: a value changed, the last line or item missing, the work not saved.
 */
final class Mutations {
  private Mutations() {}

  private static final int VALUES_PER_PATH = 3;

  record Mutation(String name, Consumer<ScratchHome> apply) {}

  /** What a path held: absent, a file's bytes, or a folder's entries (relative path to bytes; folders end with '/'). */
  record Snapshot(Map<String, byte[]> entries, boolean folder, boolean present) {
    static Snapshot of(ScratchHome home, String path) {
      Path p = home.host(path);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return new Snapshot(Map.of(), false, false);
      try {
        if (!Files.isDirectory(p)) return new Snapshot(Map.of("", Files.readAllBytes(p)), false, true);
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> s = Files.walk(p)) {
          for (Path q : s.filter(q -> !q.equals(p)).toList()) {
            String rel = p.relativize(q).toString();
            entries.put(Files.isDirectory(q) ? rel + "/" : rel, Files.isDirectory(q) ? new byte[0] : Files.readAllBytes(q));
          }
        }
        return new Snapshot(entries, true, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean same(Snapshot o) {
      return present == o.present && folder == o.folder && entries.keySet().equals(o.entries.keySet())
          && entries.keySet().stream().allMatch(k -> Arrays.equals(entries.get(k), o.entries.get(k)));
    }

    void restore(ScratchHome home, String path) {
      Path p = home.host(path);
      ScratchHome.delete(p);
      if (!present) return;
      try {
        if (!folder) {
          Files.write(p, entries.get(""));
          return;
        }
        Files.createDirectories(p);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          if (e.getKey().endsWith("/")) Files.createDirectories(p.resolve(e.getKey()));
          else Files.write(p.resolve(e.getKey()), e.getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The mutations of the solved state: {@code initial} and {@code solved} are each checked path's snapshots. */
  static List<Mutation> derive(TaskSpec task, ScratchHome solvedHome, Map<String, Snapshot> initial, Map<String, Snapshot> solved) {
    Map<String, List<Getter>> byPath = new LinkedHashMap<>();
    task.checker().leaves().forEach(l -> byPath.computeIfAbsent(l.getter().path(), k -> new ArrayList<>()).add(l.getter()));
    List<Mutation> out = new ArrayList<>();
    for (Map.Entry<String, List<Getter>> e : byPath.entrySet()) {
      String path = e.getKey();
      Snapshot now = solved.get(path);
      Snapshot before = initial.get(path);
      boolean sheet = e.getValue().stream().anyMatch(g -> g instanceof Getter.SpreadsheetCell || g instanceof Getter.SpreadsheetRange);
      List<String> queries = e.getValue().stream().filter(g -> g instanceof Getter.DocumentQuery).map(g -> ((Getter.DocumentQuery) g).query()).toList();
      var claiming = OsworldCompatTest.CATALOG.formats().claiming(path);
      if (now.present() && !now.folder() && !queries.isEmpty() && claiming.isPresent()) {
        // as the audit: the format knows what a query reads and how to change it (a value, a style, a slide)
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String query : queries) {
          for (DocumentFormat.Mutation m : claiming.get().mutations(path, query)) {
            if (names.add(m.name())) out.add(new Mutation(m.name(), h -> m.apply().accept(h)));
          }
        }
      }
      if (now.present() && !now.folder() && !queries.isEmpty()) {
        // a document read by queries is no text whose lines or words the generic mutations could change
      } else if (now.present() && !now.folder() && sheet) {
        for (Getter g : e.getValue()) {
          String cell = g instanceof Getter.SpreadsheetCell c ? c.cell()
              : g instanceof Getter.SpreadsheetRange r ? r.range().split(":")[0] : null;
          if (cell == null) continue;
          DocumentFormat format = OsworldCompatTest.CATALOG.formats().forPath(path, DocumentFormat.Kind.SPREADSHEET);
          String current = Cells.cell(format.read(solvedHome, path, null), CellRef.parse(cell));
          out.add(new Mutation("value-changed:" + cell, h -> format.setCell(h, path, cell, perturb(current))));
        }
      } else if (now.present() && !now.folder()) {
        String text = new String(now.entries().get(""), StandardCharsets.UTF_8);
        List<String> pointers = e.getValue().stream().filter(g -> g instanceof Getter.JsonValue).map(g -> ((Getter.JsonValue) g).pointer()).toList();
        int values = 0;
        for (Fact f : task.privileged().facts()) {
          String v = f.value().strip();
          if (v.isEmpty() || v.contains("\n") || !text.contains(v) || values >= VALUES_PER_PATH) continue;
          values++;
          // as the audit: in a JSON file, the value a json_value getter reads, if one reads it
          String mutated = io.deskforge.task.check.StateFiles.withJsonValueReplaced(text, pointers, v, perturb(v))
              .orElse(text.replaceFirst(Pattern.quote(v), Matcher.quoteReplacement(perturb(v))));
          out.add(new Mutation("value-changed:" + f.name(), h -> write(h, path, mutated)));
        }
        if (values == 0 && !text.isEmpty()) {
          int mid = text.length() / 2;
          String mutated = text.substring(0, mid) + perturb(text.substring(mid, mid + 1)) + text.substring(mid + 1);
          out.add(new Mutation("value-changed:text", h -> write(h, path, mutated)));
        }
        List<String> lines = Derivation.lines(text);
        if (lines.size() >= 2) {
          String mutated = Derivation.joinLines(lines.subList(0, lines.size() - 1));
          out.add(new Mutation("item-missing:last-line", h -> write(h, path, mutated)));
        }
      } else if (now.folder() && !now.entries().isEmpty()) {
        String last = now.entries().keySet().stream().reduce((a, b) -> b).orElseThrow();
        String victim = path + "/" + (last.endsWith("/") ? last.substring(0, last.length() - 1) : last);
        out.add(new Mutation("item-missing:" + last, h -> ScratchHome.delete(h.host(victim))));
      }
      if (!now.same(before)) out.add(new Mutation("not-saved", h -> before.restore(h, path)));
    }
    return out;
  }

  /** CheckerMutation's perturbation: numbers plus one, text with its last letter changed. */
  static String perturb(String v) {
    BigDecimal n = CheckerEvaluator.number(v);
    if (n != null) return Derivation.number(n.add(BigDecimal.ONE));
    for (int i = v.length() - 1; i >= 0; i--) {
      char c = v.charAt(i);
      if (Character.isLetter(c)) {
        char next = c == 'z' ? 'a' : c == 'Z' ? 'A' : Character.isLetter((char) (c + 1)) ? (char) (c + 1) : 'x';
        return v.substring(0, i) + next + v.substring(i + 1);
      }
    }
    return v + "x";
  }

  static void write(ScratchHome home, String path, String text) {
    try {
      Files.writeString(home.host(path), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
