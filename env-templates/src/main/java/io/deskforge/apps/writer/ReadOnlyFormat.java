package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import io.deskforge.task.export.ExportCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A text document format that only the agent's work produces (an exported PDF, a document saved as
 * .odt): setup never writes one, so a {@code write_document} step naming it is refused. A query is
 * parsed into {@code Q} first (a bad one reads as unreadable, naming what is wrong), then read from
 * the saved bytes; bytes that are no document of the format read as unreadable, never as a value.
 */
abstract class ReadOnlyFormat<Q> implements DocumentFormat {
  private final List<String> extensions;
  private final String guide;
  private final String readOnlyBecause;
  private final Function<String, Q> parser;

  /** {@code parser} parses a query, throwing {@link IllegalArgumentException} naming what is wrong. */
  ReadOnlyFormat(List<String> extensions, String guide, String readOnlyBecause, Function<String, Q> parser) {
    this.extensions = List.copyOf(extensions);
    this.guide = guide;
    this.readOnlyBecause = readOnlyBecause;
    this.parser = parser;
  }

  final Q parse(String query) {
    return parser.apply(query);
  }

  /** What the query reads in these bytes; throws {@link IllegalArgumentException} naming the path when they are no such document. */
  abstract Reading read(byte[] bytes, String path, Q query);

  @Override
  public final Kind kind() {
    return Kind.TEXT_DOCUMENT;
  }

  @Override
  public final List<String> extensions() {
    return extensions;
  }

  @Override
  public final String guide() {
    return guide;
  }

  @Override
  public final ExportCatalog.FilePlan contentPlan(String path, JsonNode content, String scratch) {
    throw new IllegalArgumentException(describe() + " is read-only: setup cannot write " + path + "; " + readOnlyBecause);
  }

  @Override
  public final Optional<String> queryProblem(String query) {
    try {
      parse(query);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public final Reading query(SavedState state, String path, String query) {
    try {
      return read(state.readFile(path), path, parse(query));
    } catch (IllegalArgumentException e) {
      return Reading.unreadable(e.getMessage());
    }
  }
}
