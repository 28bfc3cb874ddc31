package io.deskforge.apps.impress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The content of a {@code write_document} step for a .pptx file: {@code {"slides": [{"layout":
 * "title_and_content", "title": "...", "body": ["bullet", ...], "notes": "..."}, ...]}}. Layouts:
 * title (a title slide; its body is the subtitle), title_and_content (the default), title_only,
 * blank. Body and notes are optional.
 */
public record DeckSpec(List<Slide> slides) {
  static final Set<String> LAYOUTS = Set.of("title", "title_and_content", "title_only", "blank");

  public DeckSpec {
    slides = List.copyOf(slides);
  }

  public record Slide(String layout, String title, List<String> body, String notes) {
    public Slide {
      layout = layout == null ? "title_and_content" : layout;
      if (!LAYOUTS.contains(layout)) throw new IllegalArgumentException("unknown layout '" + layout + "'; use one of " + LAYOUTS);
      title = title == null ? "" : title;
      body = body == null ? List.of() : List.copyOf(body);
    }
  }

  /** The content parsed, or an {@link IllegalArgumentException} naming what is wrong. */
  static DeckSpec parse(JsonNode content) {
    JsonNode slides = content == null ? null : content.get("slides");
    if (slides == null || !slides.isArray() || slides.isEmpty()) {
      throw new IllegalArgumentException(".pptx content is {\"slides\": [{\"title\": ..., \"body\": [...], \"notes\": ...}, ...]}, with at least one slide");
    }
    List<Slide> out = new ArrayList<>();
    for (JsonNode s : slides) {
      if (!s.isObject()) throw new IllegalArgumentException("each slide must be an object, not " + s);
      List<String> body = new ArrayList<>();
      JsonNode b = s.get("body");
      if (b != null && !b.isNull()) {
        if (!b.isArray()) throw new IllegalArgumentException("a slide's 'body' is an array of paragraphs, not " + b);
        b.forEach(p -> body.add(p.asText()));
      }
      out.add(new Slide(text(s, "layout"), text(s, "title"), body, text(s, "notes")));
    }
    return new DeckSpec(out);
  }

  private static String text(JsonNode s, String field) {
    JsonNode v = s.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** As a write_document step's content. */
  public JsonNode json() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ArrayNode arr = root.putArray("slides");
    for (Slide s : slides) {
      ObjectNode o = arr.addObject();
      o.put("layout", s.layout());
      o.put("title", s.title());
      if (!s.body().isEmpty()) {
        ArrayNode b = o.putArray("body");
        s.body().forEach(b::add);
      }
      if (s.notes() != null) o.put("notes", s.notes());
    }
    return root;
  }
}
