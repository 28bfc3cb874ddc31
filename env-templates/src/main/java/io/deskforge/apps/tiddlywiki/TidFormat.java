package io.deskforge.apps.tiddlywiki;

import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * TiddlyWiki's {@code .tid} files, read on the host from the saved bytes, asked one property at a
 * time: {@code text} (the tiddler's text, line ends as LF), {@code tags} (its tags, as items),
 * {@code title}, or {@code field NAME} (any other field). A file that is no .tid file reads as
 * unreadable. On OSWorld's VM the export's reader (vm_reader.py's {@code Tid}) reads every query
 * as this class does ({@link #vmQuery}).
 */
public final class TidFormat implements DocumentFormat {
  static final String GUIDE = """
      tiddlers (.tid): document_query with "text" (the tiddler's text), "tags" (its tags, items), "title", "field NAME"
      write_document content: {"title": "Team Lunch", "tags": ["Food", "Team Days"], "text": "Lunch is at noon."}
      """;

  /**
   * A tiddler from a {@code write_document} step's content ({@code title}, optional {@code tags}
   * and {@code text}), staged as its .tid text and moved into place by the desktop user, so the file
   * is the user's and an export runs the same plan.
   */
  @Override
  public io.deskforge.task.export.ExportCatalog.FilePlan contentPlan(String path, com.fasterxml.jackson.databind.JsonNode content,
      String scratch) {
    if (content == null || !content.path("title").isTextual() || content.path("title").asText().isBlank()) {
      throw new IllegalArgumentException(describe() + " writes " + path + " from {\"title\": ..., \"tags\": [...], \"text\": ...}, and the content has no title");
    }
    List<String> tags = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode t : content.path("tags")) {
      if (!t.isTextual() || t.asText().isBlank()) throw new IllegalArgumentException("each of 'tags' must be a non-empty string, not " + t);
      tags.add(t.asText());
    }
    Tiddler t = Tiddler.of(content.get("title").asText(), tags, content.path("text").asText(""));
    String staged = scratch + "/tiddler.tid";
    return new io.deskforge.task.export.ExportCatalog.FilePlan(java.util.Map.of(staged, t.tid()),
        List.of(List.of("sh", "-c", "cp \"$1\" \"$2.deskforge-tmp\" && mv \"$2.deskforge-tmp\" \"$2\"", "sh", staged, path)));
  }

  @Override
  public Kind kind() {
    return Kind.TEXT_DOCUMENT;
  }

  @Override
  public List<String> extensions() {
    return List.of("tid");
  }

  @Override
  public String guide() {
    return GUIDE;
  }

  @Override
  public Reading query(SavedState state, String path, String query) {
    Optional<String> problem = queryProblem(query);
    if (problem.isPresent()) return Reading.unreadable(problem.get());
    Tiddler t;
    try {
      t = Tiddler.parse(state.readFile(path), path);
    } catch (IllegalArgumentException e) {
      return Reading.unreadable(e.getMessage());
    }
    return switch (query) {
      case "text" -> Reading.text(t.text());
      case "tags" -> Reading.items(t.tags());
      case "title" -> Reading.text(t.title());
      default -> {
        String v = t.fields().get(query.substring("field ".length()).strip());
        yield v == null ? Reading.absent() : Reading.text(v);
      }
    };
  }

  @Override
  public Optional<String> queryProblem(String query) {
    if (query.equals("text") || query.equals("tags") || query.equals("title")) return Optional.empty();
    if (query.startsWith("field ") && query.substring(6).strip().matches("[a-z0-9._-]+")) return Optional.empty();
    return Optional.of("a tiddler query is text, tags, title or field NAME (lower case), not '" + query + "'");
  }

  /** Every query, parsed: {@code {"format": "tid", "q": {"what": "text"}}}, or what "field" and the field's name. */
  @Override
  public Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery(String query) {
    if (queryProblem(query).isPresent()) return Optional.empty();
    var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", "tid");
    var q = out.putObject("q");
    if (query.startsWith("field ")) q.put("what", "field").put("field", query.substring("field ".length()).strip());
    else q.put("what", query);
    return Optional.of(out);
  }

  /** Changes a checker asking this query must notice: the text with a word more, a tag dropped or added, the field changed. */
  @Override
  public List<Mutation> mutations(String path, String query) {
    if (queryProblem(query).isPresent()) return List.of();
    return switch (query) {
      case "text" -> List.of(change(path, "text-changed", t -> t.withText(t.text().strip() + " (changed)")),
          change(path, "text-emptied", t -> t.withText("")));
      case "tags" -> List.of(change(path, "tag-dropped", t -> t.with("tags", Tiddler.stringify(t.tags().stream().skip(1).toList()))),
          change(path, "tag-added", t -> t.with("tags", Tiddler.stringify(java.util.stream.Stream.concat(t.tags().stream(),
              java.util.stream.Stream.of("Mutated")).toList()))));
      case "title" -> List.of(change(path, "title-changed", t -> t.with("title", t.title() + " changed")));
      default -> List.of(change(path, "field-changed", t -> t.with(query.substring(6).strip(), "changed")));
    };
  }

  private static Mutation change(String path, String name, java.util.function.UnaryOperator<Tiddler> how) {
    return new Mutation(name, state -> {
      Tiddler t = Tiddler.parse(state.readFile(path), path);
      state.writeFile(path, how.apply(t).tid().getBytes(StandardCharsets.UTF_8));
    });
  }

  /** What a person sees: every field but the time stamps a save changes, then the text. */
  @Override
  public String fingerprint(SavedState state, String path) {
    if (!state.exists(path)) return "(missing)";
    state.requireReadableFile(path);
    Tiddler t;
    try {
      t = Tiddler.parse(state.readFile(path), path);
    } catch (IllegalArgumentException e) {
      return "(no tiddler) " + new String(state.readFile(path), StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder();
    new TreeMap<>(t.fields()).forEach((k, v) -> {
      if (!Tiddler.STAMPS.contains(k)) out.append(k).append(": ").append(v).append('\n');
    });
    return out.append('\n').append(t.text()).toString();
  }
}
