package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.export.ExportCatalog;
import java.util.Optional;

/**
 * A text document format that only the agent's work produces (an exported PDF, a document saved as
 * .odt): setup never writes one, so a {@code write_document} step naming it is refused, and its
 * queries are checked by parsing them.
 */
abstract class ReadOnlyFormat implements DocumentFormat {

  /** Parses the query, throwing {@link IllegalArgumentException} naming what is wrong. */
  abstract void parse(String query);

  /** Why setup cannot write one, for the error naming the path. */
  abstract String readOnlyBecause();

  @Override
  public final Kind kind() {
    return Kind.TEXT_DOCUMENT;
  }

  @Override
  public final ExportCatalog.FilePlan contentPlan(String path, JsonNode content, String scratch) {
    throw new IllegalArgumentException(describe() + " is read-only: setup cannot write " + path + "; " + readOnlyBecause());
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
}
