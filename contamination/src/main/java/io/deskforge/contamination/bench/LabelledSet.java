package io.deskforge.contamination.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.contamination.evalset.EvalItem;
import io.deskforge.contamination.text.Normalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled test set of the benchmark, made from the real evaluation files:
 *
 * <ul>
 *   <li>{@code light_edit}: every item with two random edits of case, punctuation or filler words;
 *   <li>{@code reorder}: every item of two or more sentences (or clauses joined by ", and") with the
 *       first two swapped;
 *   <li>{@code reinstantiated}: every WebArena template instantiated with values it was not
 *       instantiated with (values of the same slot in other instances, or a shifted number);
 *   <li>{@code paraphrase}: re-wordings written by hand ({@code paraphrases.jsonl});
 *   <li>{@code distinct}: different tasks for the same apps, written by hand to share vocabulary
 *       with the real tasks ({@code distinct.jsonl});
 *   <li>{@code paraphrase_heldout}, {@code distinct_heldout}: more of both, written after the
 *       thresholds had been chosen on the others. They were meant to stay unseen, but they were
 *       not: what they showed (opposite qualifiers flagged by the semantic tier) led to more
 *       opposites in the veto and the semantic cosine raised from 0.88 to 0.90, so their figures
 *       are not an unseen measurement (contamination/README.md, "The labelled test set").
 *   <li>{@code paraphrase_heldout2}, {@code distinct_heldout2}: a second held-out set (85
 *       paraphrases, 84 distinct tasks), written after the two-stage semantic tier and its
 *       thresholds had been chosen on every row above, and measured once ({@code heldout2-*.jsonl},
 *       whose header says when and how).
 * </ul>
 *
 * Deterministic: the same files and seed give the same examples.
 */
public final class LabelledSet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PREFIXES = {"Please ", "Could you ", "Hey, can you ", "I need you to ", "Kindly ",
      "Can you please "};
  private static final String[] SUFFIXES = {" Thanks!", " for me", ", please", " Thank you.", " now", " quickly"};

  private LabelledSet() {}

  /**
   * @param items the indexed evaluation items (OSWorld's and WebArena's)
   * @param webarenaRaw WebArena's {@code test.raw.json}, for its templates and their values
   */
  public static List<LabelledExample> build(List<EvalItem> items, Path webarenaRaw, long seed) {
    List<LabelledExample> out = new ArrayList<>();
    Random rnd = new Random(seed);
    for (EvalItem item : items) out.add(new LabelledExample("light_edit", lightEdit(item.text(), rnd), true, source(item), item.app()));
    for (EvalItem item : items) {
      String r = reorder(item.text());
      if (r != null) out.add(new LabelledExample("reorder", r, true, source(item), item.app()));
    }
    out.addAll(reinstantiated(items, webarenaRaw, rnd));
    out.addAll(resource("paraphrases.jsonl", "paraphrase", true));
    out.addAll(resource("distinct.jsonl", "distinct", false));
    out.addAll(resource("heldout-paraphrases.jsonl", "paraphrase_heldout", true));
    out.addAll(resource("heldout-distinct.jsonl", "distinct_heldout", false));
    out.addAll(resource("heldout2-paraphrases.jsonl", "paraphrase_heldout2", true));
    out.addAll(resource("heldout2-distinct.jsonl", "distinct_heldout2", false));
    return out;
  }

  private static String source(EvalItem item) {
    return item.set() + "/" + item.id();
  }

  /** Two of: change case, drop or change punctuation, add a filler word. */
  static String lightEdit(String text, Random rnd) {
    String t = text.strip();
    int first = rnd.nextInt(3);
    int second = (first + 1 + rnd.nextInt(2)) % 3;
    for (int op : new int[] {first, second}) {
      t = switch (op) {
        case 0 -> rnd.nextBoolean() ? t.toLowerCase(Locale.ROOT) : t.toUpperCase(Locale.ROOT);
        case 1 -> rnd.nextBoolean() ? t.replaceAll("[.,;:!?]", "") : t.replaceAll("[.!?]$", "") + "!";
        default -> rnd.nextBoolean()
            ? PREFIXES[rnd.nextInt(PREFIXES.length)] + Character.toLowerCase(t.charAt(0)) + t.substring(1)
            : t.replaceAll("[.!?]$", "") + SUFFIXES[rnd.nextInt(SUFFIXES.length)];
      };
    }
    return t;
  }

  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

  /** The first two sentences swapped, or two clauses joined by ", and" swapped; null if neither has 4+ words. */
  static String reorder(String text) {
    String[] s = SENTENCES.split(text.strip(), 3);
    if (s.length >= 2 && words(s[0]) >= 4 && words(s[1]) >= 4)
      return s[1] + " " + s[0] + (s.length == 3 ? " " + s[2] : "");
    int and = text.indexOf(", and ");
    if (and > 0) {
      String a = text.substring(0, and), b = text.substring(and + 6).replaceAll("[.!?]$", "");
      if (words(a) >= 4 && words(b) >= 4)
        return Character.toUpperCase(b.charAt(0)) + b.substring(1) + ", and " + Character.toLowerCase(a.charAt(0)) + a.substring(1) + ".";
    }
    return null;
  }

  private static int words(String s) {
    return Normalizer.words(s).size();
  }

  private static final Pattern SLOT = Pattern.compile("\\{\\{([^}]*)}}");

  /** Each WebArena template once more, with values none of its instances had. */
  static List<LabelledExample> reinstantiated(List<EvalItem> items, Path webarenaRaw, Random rnd) {
    JsonNode all;
    try {
      all = JSON.readTree(webarenaRaw.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + webarenaRaw, e);
    }
    Set<String> existing = new HashSet<>();
    for (EvalItem i : items) existing.add(String.join(" ", Normalizer.words(i.text())));
    Map<String, List<JsonNode>> byTemplate = new LinkedHashMap<>();
    Map<String, Set<String>> valuesBySlot = new HashMap<>();
    for (JsonNode task : all) {
      byTemplate.computeIfAbsent(task.path("intent_template").asText(), k -> new ArrayList<>()).add(task);
      for (Iterator<Map.Entry<String, JsonNode>> it = task.path("instantiation_dict").fields(); it.hasNext(); ) {
        var e = it.next();
        valuesBySlot.computeIfAbsent(e.getKey(), k -> new java.util.TreeSet<>()).add(text(e.getValue()));
      }
    }
    List<LabelledExample> out = new ArrayList<>();
    for (var e : byTemplate.entrySet()) {
      String template = e.getKey();
      if (!SLOT.matcher(template).find()) continue;
      JsonNode first = e.getValue().getFirst();
      for (int attempt = 0; attempt < 8; attempt++) {
        String intent = instantiate(template, first.path("instantiation_dict"), valuesBySlot, rnd);
        if (intent != null && existing.add(String.join(" ", Normalizer.words(intent)))) {
          String app = String.join("+", sites(first));
          out.add(new LabelledExample("reinstantiated", intent, true, "webarena/" + first.path("task_id").asText(), app));
          break;
        }
      }
    }
    return out;
  }

  private static List<String> sites(JsonNode task) {
    List<String> s = new ArrayList<>();
    task.path("sites").forEach(x -> s.add(x.asText()));
    return s;
  }

  private static String instantiate(String template, JsonNode dict, Map<String, Set<String>> pool, Random rnd) {
    Matcher m = SLOT.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String slot = m.group(1);
      String old = dict.has(slot) ? text(dict.get(slot)) : "";
      List<String> options = new ArrayList<>(pool.getOrDefault(slot, Set.of()));
      options.remove(old);
      String value;
      if (old.matches("\\d{1,6}") && (options.isEmpty() || rnd.nextBoolean()))
        value = Integer.toString(Integer.parseInt(old) + 1 + rnd.nextInt(9));
      else if (!options.isEmpty()) value = options.get(rnd.nextInt(options.size()));
      else return null;
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String text(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      return String.join(", ", parts);
    }
    return v.asText();
  }

  private static List<LabelledExample> resource(String name, String kind, boolean duplicate) {
    List<LabelledExample> out = new ArrayList<>();
    try (InputStream in = LabelledSet.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) continue; // a header: when and how the rows were written
        JsonNode n = JSON.readTree(line);
        String source = n.has("id") ? n.get("set").asText() + "/" + n.get("id").asText() : null;
        out.add(new LabelledExample(kind, n.get("text").asText(), duplicate, source, n.path("app").asText(null)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
    return out;
  }
}
