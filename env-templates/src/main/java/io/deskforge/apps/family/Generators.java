package io.deskforge.apps.family;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.family.DataFamily.DrawException;
import io.deskforge.task.spec.Derivation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generators a family file may use, and nothing else: each draws from the task's
 * {@link TaskDraw} only, so a family and a seed always give the same values. Documented one by
 * one in {@code family.schema.json}.
 */
final class Generators {
  /** How often a draw with {@code distinct_from} is tried before the family is called broken. */
  private static final int TRIES = 1000;

  private final TaskDraw d;
  private final Map<String, Object> slots;

  Generators(TaskDraw d, Map<String, Object> slots) {
    this.d = d;
    this.slots = slots;
  }

  /** The value of one generator: a String, or a table (a list of rows of strings). */
  Object draw(JsonNode g, String pointer) {
    JsonNode distinctFrom = g.get("distinct_from");
    if (distinctFrom == null || distinctFrom.isEmpty()) return once(g, pointer);
    for (int i = 0; i < TRIES; i++) {
      Object v = once(g, pointer);
      boolean clash = false;
      for (JsonNode other : distinctFrom) clash |= v.equals(DataFamily.value(slots, other.asText(), pointer + "/distinct_from"));
      if (!clash) return v;
    }
    throw new DrawException(pointer, TRIES + " draws all equalled one of distinct_from " + distinctFrom);
  }

  private Object once(JsonNode g, String pointer) {
    String gen = g.get("gen").asText();
    return switch (gen) {
      case "int" -> Integer.toString(between(g, pointer));
      case "choice" -> d.pick(choices(g));
      case "file_stem" -> d.fileStem();
      case "sentence" -> sentence(g, pointer);
      case "sentences" -> sentences(g, pointer);
      case "typo" -> typo(text(g, "text", pointer), pointer);
      case "template" -> text(g, "text", pointer);
      case "derive" -> derive(g, pointer);
      case "one_of" -> {
        int i = d.between(0, g.get("options").size() - 1);
        yield draw(g.get("options").get(i), pointer + "/options/" + i);
      }
      case "table" -> table(g, pointer);
      default -> throw new DrawException(pointer + "/gen", "unknown generator '" + gen + "'");
    };
  }

  private int between(JsonNode g, String pointer) {
    int lo = integer(g.get("min"), pointer + "/min");
    int hi = integer(g.get("max"), pointer + "/max");
    if (hi < lo) throw new DrawException(pointer, "max " + hi + " is below min " + lo);
    return d.between(lo, hi);
  }

  private List<String> choices(JsonNode g) {
    if (g.has("vocabulary")) return Vocabulary.section(g.get("vocabulary").asText());
    List<String> values = new ArrayList<>();
    g.get("values").forEach(v -> values.add(v.asText()));
    return values;
  }

  private String sentence(JsonNode g, String pointer) {
    List<String> avoid = new ArrayList<>();
    JsonNode a = g.get("avoid");
    if (a != null) for (int i = 0; i < a.size(); i++) avoid.add(DataFamily.fill(a.get(i).asText(), slots, pointer + "/avoid/" + i));
    return g.has("with") ? d.sentenceWith(text(g, "with", pointer), avoid) : d.sentence(avoid);
  }

  private String sentences(JsonNode g, String pointer) {
    int n = integer(g.get("count"), pointer + "/count");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(d.sentence(List.of()));
    return "lines".equals(g.get("join").asText()) ? Derivation.joinLines(out) : String.join(" ", out);
  }

  /** One drawn word replaced by a noun, a trailing period kept; drawn again while that gives back the text. */
  private String typo(String text, String pointer) {
    String[] words = text.split(" ");
    for (int t = 0; t < TRIES; t++) {
      String[] w = words.clone();
      int i = d.between(0, w.length - 1);
      w[i] = d.noun() + (w[i].endsWith(".") ? "." : "");
      String wrong = String.join(" ", w);
      if (!wrong.equals(text)) return wrong;
    }
    throw new DrawException(pointer, "no typo of '" + text + "' differs from it");
  }

  private Object table(JsonNode g, String pointer) {
    int n = integer(g.get("rows"), pointer + "/rows");
    JsonNode columns = g.get("columns");
    List<List<String>> byColumn = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      JsonNode col = columns.get(c);
      String at = pointer + "/columns/" + c;
      if (col.path("distinct").asBoolean(false) && "choice".equals(col.get("gen").asText())) {
        List<String> pool = choices(col);
        if (n > pool.size()) throw new DrawException(at, "cannot draw " + n + " different values of " + pool.size());
        byColumn.add(d.distinct(pool, n));
      } else {
        List<String> values = new ArrayList<>();
        for (int r = 0; r < n; r++) {
          Object v = draw(col, at);
          if (!(v instanceof String s)) throw new DrawException(at, "a table's cells are single values, not tables");
          values.add(s);
        }
        byColumn.add(values);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    JsonNode header = g.get("header");
    if (header != null) {
      List<String> h = new ArrayList<>();
      header.forEach(x -> h.add(x.asText()));
      rows.add(List.copyOf(h));
    }
    for (int r = 0; r < n; r++) {
      List<String> row = new ArrayList<>();
      for (List<String> col : byColumn) row.add(col.get(r));
      rows.add(List.copyOf(row));
    }
    return List.copyOf(rows);
  }

  private Object derive(JsonNode g, String pointer) {
    String op = g.get("op").asText();
    JsonNode argNodes = g.get("args");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < argNodes.size(); i++) {
      String a = argNodes.get(i).asText();
      String at = pointer + "/args/" + i;
      Matcher whole = DataFamily.WHOLE_SLOT.matcher(a);
      args.add(whole.matches() ? DataFamily.value(slots, whole.group(1), at) : DataFamily.fill(a, slots, at));
    }
    try {
      return switch (op) {
        case "tilde" -> string(args, 0, 1, op).replaceFirst("^/home/user(?=/|$)", "~");
        case "regex_quote" -> Pattern.quote(string(args, 0, 1, op));
        case "repeat" -> String.join(" ", Collections.nCopies(Integer.parseInt(string(args, 1, 2, op)), string(args, 0, 2, op)));
        case "column_letter" -> CellRef.of(Integer.parseInt(string(args, 0, 1, op)), 0).a1().replaceAll("[0-9]", "");
        case "column" -> {
          List<List<String>> t = table(args, 0, 2, op);
          int c = Integer.parseInt(string(args, 1, 2, op));
          yield Derivation.joinLines(t.subList(1, t.size()).stream().map(r -> r.get(c)).toList());
        }
        case "cell" -> table(args, 0, 3, op).get(Integer.parseInt(string(args, 1, 3, op))).get(Integer.parseInt(string(args, 2, 3, op)));
        default -> {
          List<String> strings = new ArrayList<>();
          for (int i = 0; i < args.size(); i++) strings.add(string(args, i, args.size(), op));
          yield Derivation.of(op).apply(strings);
        }
      };
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new DrawException(pointer, op + " of " + args + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      if (e instanceof DrawException) throw e;
      throw new DrawException(pointer, e.getMessage());
    }
  }

  private static String string(List<Object> args, int i, int arity, String op) {
    if (args.size() != arity) throw new IllegalArgumentException(op + " takes " + arity + " arguments, got " + args.size());
    if (!(args.get(i) instanceof String s)) throw new IllegalArgumentException(op + ": argument " + (i + 1) + " is a table, not a value");
    return s;
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> table(List<Object> args, int i, int arity, String op) {
    if (args.size() != arity) throw new IllegalArgumentException(op + " takes " + arity + " arguments, got " + args.size());
    if (!(args.get(i) instanceof List<?> t)) throw new IllegalArgumentException(op + ": argument " + (i + 1) + " must be a table parameter");
    return (List<List<String>>) t;
  }

  private String text(JsonNode g, String field, String pointer) {
    return DataFamily.fill(g.get(field).asText(), slots, pointer + "/" + field);
  }

  private int integer(JsonNode n, String pointer) {
    if (n.isInt()) return n.asInt();
    Object v = DataFamily.value(slots, n.asText().replaceAll("^\\{|}$", ""), pointer);
    try {
      return Integer.parseInt(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new DrawException(pointer, n.asText() + " is '" + v + "', not a whole number");
    }
  }
}
