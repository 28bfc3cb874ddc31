package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.family.TaskDraw;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The document Writer tasks start from: a Heading 1 title, then sections, each a short section
 * name (a line of its own, in the Normal style, as a draft's headings often are) followed by 1-3
 * body paragraphs of 2-3 sentences from the vocabulary. Every paragraph's text is distinct, and so
 * are their first four words (what an instruction quotes to name one). Nouns appear in lower case
 * only, so a case-blind Find and Replace and a case-sensitive one agree.
 */
record Manuscript(List<Para> paragraphs) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One paragraph: its text, its style's name, and whether it is a section name. */
  record Para(String text, String style, boolean section) {}

  /** A title and {@code sections} sections of 1-3 body paragraphs each. */
  static Manuscript draw(TaskDraw d, int sections) {
    while (true) {
      List<Para> ps = new ArrayList<>();
      ps.add(new Para(TaskDraw.capitalize(d.adjective()) + " " + d.noun() + " " + d.pick(List.of("report", "notes", "plan", "review", "memo")), "Heading 1", false));
      for (int s = 0; s < sections; s++) {
        ps.add(new Para(TaskDraw.capitalize(d.adjective()) + " " + d.noun() + " " + d.pick(List.of("budget", "schedule", "findings", "summary", "overview", "goals")), "Normal", true));
        int bodies = d.between(1, 3);
        for (int b = 0; b < bodies; b++) {
          int sentences = d.between(2, 3);
          List<String> parts = new ArrayList<>();
          for (int k = 0; k < sentences; k++) parts.add(d.sentence(List.of()));
          ps.add(new Para(String.join(" ", parts), "Normal", false));
        }
      }
      Manuscript m = new Manuscript(List.copyOf(ps));
      if (m.distinct()) return m;
    }
  }

  private boolean distinct() {
    Set<String> texts = new HashSet<>();
    Set<String> starts = new HashSet<>();
    for (Para p : paragraphs) {
      if (!texts.add(p.text().toLowerCase(Locale.ROOT)) || !starts.add(start(p.text()).toLowerCase(Locale.ROOT))) return false;
    }
    // a section name or a start is found by Find and Replace as the first match: none may occur earlier in another paragraph
    for (Para p : paragraphs) {
      String s = start(p.text()).toLowerCase(Locale.ROOT);
      if (count(s) != 1) return false;
    }
    return true;
  }

  /** How many paragraphs contain this text, ignoring case (Find and Replace's default). */
  int count(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return (int) paragraphs.stream().filter(p -> p.text().toLowerCase(Locale.ROOT).contains(t)).count();
  }

  /** The first four words of a text (all of it when shorter): what an instruction quotes to name a paragraph. */
  static String start(String text) {
    String[] words = text.split(" ");
    return words.length <= 4 ? text : String.join(" ", List.of(words).subList(0, 4));
  }

  /** Index (from 1) of the paragraphs that are section names. */
  List<Integer> sections() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) if (paragraphs.get(i).section()) out.add(i + 1);
    return out;
  }

  /** Index (from 1) of the body paragraphs (neither the title nor a section name). */
  List<Integer> bodies() {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i < paragraphs.size(); i++) if (!paragraphs.get(i).section()) out.add(i + 1);
    return out;
  }

  /** Paragraph n, from 1. */
  Para at(int n) {
    return paragraphs.get(n - 1);
  }

  List<String> texts() {
    return paragraphs.stream().map(Para::text).toList();
  }

  /** The write_document content: every paragraph with its style, left-aligned by default. */
  JsonNode content() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode ps = root.putArray("paragraphs");
    for (Para p : paragraphs) {
      if (p.style().equals("Normal")) ps.add(p.text());
      else ps.addObject().put("text", p.text()).put("style", p.style());
    }
    return root;
  }
}
