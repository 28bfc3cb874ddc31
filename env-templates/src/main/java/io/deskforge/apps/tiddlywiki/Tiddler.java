package io.deskforge.apps.tiddlywiki;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tiddler as TiddlyWiki keeps it in a {@code .tid} file: "name: value" lines for its fields,
 * a blank line, then its text. Tags are one field, a list of titles separated by spaces, a title
 * with a space in double square brackets ({@code tags: Lunch [[Team Days]]}), as TiddlyWiki
 * writes and parses it.
 */
record Tiddler(Map<String, String> fields, String text) {
  Tiddler {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    text = text == null ? "" : text;
  }

  /** The fields TiddlyWiki changes on every save, left out of what a person sees. */
  static final List<String> STAMPS = List.of("created", "modified", "revision", "bag");

  /** A seeded tiddler: its title, tags, text and fixed time stamps. */
  static Tiddler of(String title, List<String> tags, String text) {
    Map<String, String> f = new TreeMap<>();
    f.put("created", "20260102090000000");
    f.put("modified", "20260102090000000");
    if (!tags.isEmpty()) f.put("tags", stringify(tags));
    f.put("title", title);
    f.put("type", "text/vnd.tiddlywiki");
    return new Tiddler(f, text);
  }

  String title() {
    return fields.getOrDefault("title", "");
  }

  /** Its tags, in the order of the field. */
  List<String> tags() {
    return parseList(fields.getOrDefault("tags", ""));
  }

  /** The .tid file's text: fields in name order, a blank line, the text. */
  String tid() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(fields).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    return out.append('\n').append(text).toString();
  }

  /**
   * A .tid file's tiddler: the lines up to the first blank one are fields (a line without ": " is
   * no .tid file), the rest is the text, its line ends as LF.
   */
  static Tiddler parse(byte[] bytes, String path) {
    String s = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (s.startsWith("\uFEFF")) s = s.substring(1);
    Map<String, String> fields = new LinkedHashMap<>();
    int at = 0;
    while (at < s.length()) {
      int end = s.indexOf('\n', at);
      String line = end < 0 ? s.substring(at) : s.substring(at, end);
      at = end < 0 ? s.length() : end + 1;
      if (line.isEmpty()) break;
      int colon = line.indexOf(':');
      if (colon <= 0) throw new IllegalArgumentException(path + " is no .tid file: its header line \"" + clip(line) + "\" has no field name");
      fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    if (!fields.containsKey("title")) throw new IllegalArgumentException(path + " is no .tid file: it has no title field");
    return new Tiddler(fields, s.substring(Math.min(at, s.length())));
  }

  /** TiddlyWiki's list syntax: words separated by spaces, [[a title with spaces]] bracketed. */
  static List<String> parseList(String value) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < value.length()) {
      if (Character.isWhitespace(value.charAt(i))) {
        i++;
      } else if (value.startsWith("[[", i)) {
        int end = value.indexOf("]]", i + 2);
        if (end < 0) end = value.length();
        out.add(value.substring(i + 2, end));
        i = Math.min(value.length(), end + 2);
      } else {
        int end = i;
        while (end < value.length() && !Character.isWhitespace(value.charAt(end))) end++;
        out.add(value.substring(i, end));
        i = end;
      }
    }
    return out.stream().filter(t -> !t.isEmpty()).distinct().toList();
  }

  /** The list written back: a title with a space in brackets. */
  static String stringify(List<String> titles) {
    return String.join(" ", titles.stream().map(t -> t.contains(" ") ? "[[" + t + "]]" : t).toList());
  }

  /** This tiddler with one field set. */
  Tiddler with(String field, String value) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put(field, value);
    return new Tiddler(f, text);
  }

  Tiddler withText(String newText) {
    return new Tiddler(fields, newText);
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
