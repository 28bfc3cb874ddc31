package io.deskforge.task.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Getter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deskforge's getters read on OSWorld's VM: {@code vm_reader.py} (beside this class) runs there
 * through OSWorld's {@code vm_command_line} getter, reads what the getter reads as deskforge's
 * {@code GetterReader} reads a desktop from the host (a link never followed, and a link on the
 * way, a FIFO or a file over the read limit unreadable; bytes decoded as Java decodes UTF-8), and
 * prints a normal form. This class writes its argument and
 * the normal forms of expected values, so that OSWorld's {@code exact_match} or {@code
 * check_include_exclude} over the printed form decides as deskforge's metric does.
 *
 * <p>The normal forms print only ASCII and no line break, so OSWorld's server, which reads
 * command output as text (decoding, and turning CRLF into LF), cannot change them:
 *
 * <ul>
 *   <li>{@code text}: the text (stripped of Java's white space for {@code trim}; each code point
 *       as {@code toLowerCase(toUpperCase(c))} for {@code ignore_case}, which is {@code
 *       equalsIgnoreCase}) as a Python {@code json.dumps} string;
 *   <li>{@code tokens}: one {@code |}-delimited token a code point (ASCII letters and digits as
 *       themselves, others in hex), so that one text contains another exactly when one token
 *       string contains the other;
 *   <li>{@code items}, {@code rows}: compact JSON, names sorted by code point;
 *   <li>{@code flag}: {@code true} or {@code false};
 *   <li>{@code regex}, {@code number}, and a nested all/any ({@code check}): {@code true} or
 *       {@code false}, computed on the VM, since no OSWorld metric has their meaning.
 * </ul>
 *
 * A {@code document_query} is read by the format's reader in vm_reader.py (.docx, .pptx, .xlsx,
 * .odt through zipfile and ElementTree; .pdf through PyMuPDF, which the config installs as {@code
 * ExportCatalog.documentReaderPackages} says), given the query already parsed by the format's Java
 * query ({@code ExportCatalog.documentReader}), for the queries it reads as the format does.
 *
 * <p>Anything the reader could not read prints as {@code (absent)} or {@code (unreadable: ...)},
 * which no expected value equals and which contains no token: reads fail closed.
 */
final class VmReader {
  private VmReader() {}

  static final String PROGRAM = resource("vm_reader.py");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern A1 = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})");

  /** OSWorld's vm_command_line getter running the reader with this argument. */
  static ObjectNode command(ObjectNode argument) {
    ObjectNode result = JSON.objectNode().put("type", "vm_command_line");
    ArrayNode command = result.putArray("command");
    command.add("python3").add("-c").add(PROGRAM).add(compact(argument));
    return result;
  }

  /**
   * The getter as the reader takes it, with the read limits; spreadsheet getters carry the reading
   * command and cell box.
   */
  static ObjectNode getter(Getter getter, ExportCatalog catalog) {
    ObjectNode g = TaskJson.tree(getter).deepCopy();
    ExportCatalog.ReadLimits limits = catalog.readLimits();
    g.put("max_bytes", limits.bytes()).put("timeout", limits.timeout().toMillis() / 1000.0);
    switch (getter) {
      case Getter.SpreadsheetCell c -> {
        int[] at = cell(c.cell());
        g.set("csv", strings(catalog.spreadsheetToCsv(c.path(), c.sheet())));
        ArrayNode box = g.putArray("cells");
        box.add(at[0]).add(at[1]).add(at[0]).add(at[1]);
      }
      case Getter.SpreadsheetRange r -> {
        String[] ends = r.range().split(":");
        if (ends.length != 2) throw new IllegalArgumentException("not a range: '" + r.range() + "'");
        int[] from = cell(ends[0]);
        int[] to = cell(ends[1]);
        g.set("csv", strings(catalog.spreadsheetToCsv(r.path(), r.sheet())));
        ArrayNode box = g.putArray("cells");
        box.add(Math.min(from[0], to[0])).add(Math.min(from[1], to[1])).add(Math.max(from[0], to[0])).add(Math.max(from[1], to[1]));
      }
      // read by vm_reader.py where the format says it reads the query as deskforge does; refused
      // here otherwise, rather than scored 0 on every state there
      case Getter.DocumentQuery q -> {
        ObjectNode reader = catalog.documentReader(q.path(), q.query()).orElseThrow(() -> new NoReaderYet("the document query '"
            + q.query() + "' on " + q.path() + " has no reader on OSWorld's VM yet, nor an OSWorld metric of the same meaning"));
        g.set("format", reader.get("format"));
        g.set("q", reader.get("q"));
      }
      // OSWorld's own browser getters (active tab url, local storage) ask a Chrome it launched
      // with its debugging port forwarded; the task's browser runs inside its web app's launch
      case Getter.PageGetter p -> throw new NoReaderYet("the " + TaskJson.tree(getter).path("type").asText()
          + " getter reads the browser's live page, which OSWorld's VM reader does not read");
      default -> { }
    }
    return g;
  }

  /** A1 notation as column and row from 0; only plain ASCII references, which every reader parses alike. */
  static int[] cell(String a1) {
    Matcher m = A1.matcher(a1.strip());
    if (!m.matches()) throw new IllegalArgumentException("not a plain cell reference such as B7: '" + a1 + "'");
    int column = 0;
    for (char c : m.group(1).toUpperCase(Locale.ROOT).toCharArray()) column = column * 26 + (c - 'A' + 1);
    int row = Integer.parseInt(m.group(2));
    if (row < 1) throw new IllegalArgumentException("rows start at 1: '" + a1 + "'");
    return new int[] {column - 1, row - 1};
  }

  /** The {@code text} normal form of an expected value. */
  static String text(String s, boolean trim, boolean ignoreCase) {
    String t = trim ? s.strip() : s;
    if (ignoreCase) {
      StringBuilder key = new StringBuilder();
      t.codePoints().forEach(c -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
      t = key.toString();
    }
    return pyJson(t);
  }

  /** The {@code tokens} normal form: "|p|e|a|r|20|" for "pear ". */
  static String tokens(String s) {
    StringBuilder out = new StringBuilder("|");
    s.codePoints().forEach(c -> {
      boolean plain = c < 128 && Character.isLetterOrDigit(c);
      out.append(plain ? Character.toString(c) : String.format("%02x", c)).append('|');
    });
    return out.toString();
  }

  /** What {@code contains} with ignore_case compares: Java's {@code toLowerCase(Locale.ROOT)}. */
  static String fold(String s, boolean ignoreCase) {
    return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
  }

  /** The {@code items} normal form: the names sorted by code point, as compact JSON. */
  static String items(List<String> names) {
    return pyJson(names.stream().sorted(CODE_POINT_ORDER).toList());
  }

  /** The {@code rows} normal form: compact JSON. */
  static String rows(List<List<String>> rows) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < rows.size(); i++) out.append(i == 0 ? "" : ",").append(pyJson(rows.get(i)));
    return out.append(']').toString();
  }

  /** Python's {@code json.dumps(list, separators=(",", ":"))} of strings. */
  static String pyJson(List<String> strings) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < strings.size(); i++) out.append(i == 0 ? "" : ",").append(pyJson(strings.get(i)));
    return out.append(']').toString();
  }

  /** Python's {@code json.dumps(s)} (ASCII only: other characters as \\uXXXX, UTF-16 pairs for the rest). */
  static String pyJson(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') out.append(c);
          else out.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return out.append('"').toString();
  }

  private static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return java.util.Arrays.compare(x, y);
  };

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = JSON.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static String compact(ObjectNode node) {
    try {
      return TaskJson.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the reader's argument", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = VmReader.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException(name + " is missing from the task-bank jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A getter OSWorld's VM cannot read yet: the one refusal an export may skip (the task is fine, the reader is missing). */
  static final class NoReaderYet extends IllegalArgumentException {
    NoReaderYet(String message) {
      super(message);
    }
  }
}
