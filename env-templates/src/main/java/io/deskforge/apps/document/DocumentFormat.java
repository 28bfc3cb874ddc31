package io.deskforge.apps.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.check.Csv;
import io.deskforge.apps.check.SavedState;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.UnreadableFileException;
import io.deskforge.task.check.Reading;
import io.deskforge.task.export.ExportCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A kind of document file the checker reads and the setup writes (a spreadsheet, a text document,
 * a presentation), contributed by the app that edits it through {@link io.deskforge.apps.AppTemplate#formats()}.
 * Everything shared that touches document files (setup steps, getters, the replay audit's
 * fingerprints and mutations, the OSWorld export) finds the format through
 * {@link DocumentFormats} and calls it, so a new format touches no shared code.
 *
 * <p>Two views of a document. As a table (spreadsheets): rows of cells, read by {@link
 * #readCommand} inside the desktop as CSV and written from rows by {@link #writePlan}, both
 * commands, so an export runs the very same ones elsewhere; these serve the {@code
 * write_spreadsheet} step and the spreadsheet getters. As a document of any kind: written from a
 * {@code write_document} step's content by {@link #contentPlan}, and asked one property at a time
 * by the {@code document_query} getter through {@link #query}, in a query language each format
 * documents itself ({@code B7.formula}, {@code paragraph 3 alignment}); the replay audit changes
 * what a query reads through {@link #mutations}. A format implements the view its documents have.
 */
public interface DocumentFormat {

  /** What kind of document: which getters and setup steps it serves. */
  enum Kind {
    SPREADSHEET, TEXT_DOCUMENT, PRESENTATION;

    /** Lower-case words for messages ({@code text document}). */
    public String words() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** How long a write or a cell change may take. */
  Duration TIMEOUT = Duration.ofSeconds(60);

  Kind kind();

  /**
   * The file extensions (lower case, no dot) this format claims: files with them are read,
   * fingerprinted and mutated by it. A document of its kind with an extension no format claims
   * goes to the first format of the kind.
   */
  List<String> extensions();

  /** Whether it claims this path by its extension. */
  default boolean claims(String path) {
    int dot = path.lastIndexOf('.');
    return dot >= 0 && path.indexOf('/', dot) < 0 && extensions().contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * For people and creator models: the content a {@code write_document} step takes and the queries
   * the {@code document_query} getter answers, one per line with an example. Empty by default.
   */
  default String guide() {
    return "";
  }

  /** A name for messages: the format's class name. */
  default String describe() {
    return getClass().getSimpleName() + " (" + String.join(", ", extensions()) + ")";
  }

  /** The command printing a sheet's values (null sheet: the first) as CSV on its standard output; table formats only. */
  default List<String> readCommand(String path, String sheet) {
    throw new UnsupportedOperationException(describe() + " is no table and has no CSV reading command for " + path);
  }

  /** The files to stage and commands to run so that the path holds these rows (literals, or formulas starting with '='); table formats only. */
  default ExportCatalog.FilePlan writePlan(String path, List<List<String>> rows, String scratch) {
    throw new UnsupportedOperationException(describe() + " is no table and cannot write " + path + " from rows; use write_document");
  }

  /** Sets one cell (a literal, or a formula) and writes the file back in its own format; table formats only. */
  default void setCell(SavedState state, String path, String cell, String value) {
    throw new UnsupportedOperationException(describe() + " is no table and has no cell " + cell + " in " + path);
  }

  /**
   * The files to stage and commands to run so that the path holds the document a {@code
   * write_document} step describes. A table format takes {@code {"rows": [[...], ...]}} by
   * default; other formats say what they take. Bad content throws {@link IllegalArgumentException}
   * naming what is wrong.
   */
  default ExportCatalog.FilePlan contentPlan(String path, JsonNode content, String scratch) {
    JsonNode rows = content == null ? null : content.get("rows");
    if (rows == null || !rows.isArray()) {
      throw new IllegalArgumentException(describe() + " writes " + path + " from {\"rows\": [[...]]}, and the content has no 'rows' array");
    }
    List<List<String>> table = new java.util.ArrayList<>();
    for (JsonNode row : rows) {
      if (!row.isArray()) throw new IllegalArgumentException("each of 'rows' must be an array of cells, not " + row);
      List<String> cells = new java.util.ArrayList<>();
      row.forEach(c -> cells.add(c.isNull() ? "" : c.asText()));
      table.add(cells);
    }
    return writePlan(path, table, scratch);
  }

  /**
   * One property of the document at the path, for the {@code document_query} getter; the file
   * exists and is readable when this is called. A query the format does not answer reads as
   * unreadable, so the check fails closed; see {@link #queryProblem}.
   */
  default Reading query(SavedState state, String path, String query) {
    return Reading.unreadable(queryProblem(query).orElse(describe() + " did not answer '" + query + "'"));
  }

  /** Why the format cannot answer this query (its syntax, a property it does not know), or empty when it can. */
  default Optional<String> queryProblem(String query) {
    return Optional.of(describe() + " answers no document queries");
  }

  /**
   * Changes to a solved document that a checker asking this query must notice (the value changed,
   * the style dropped, the slide removed), each applied to the saved state by the replay audit.
   * None by default; the audit's own not-saved mutation is always made.
   */
  default List<Mutation> mutations(String path, String query) {
    return List.of();
  }

  /**
   * OSWorld's own check of what this query reads with this metric, where one of its metrics has
   * the same meaning (the OSWorld export then scores the query with OSWorld's code); empty by
   * default, and the task then has no OSWorld form yet.
   */
  default Optional<ExportCatalog.OsworldCheck> osworldCheck(String path, String query, io.deskforge.task.spec.Metric metric) {
    return Optional.empty();
  }

  /**
   * What the export's VM reader (task-bank's vm_reader.py, run on OSWorld's VM) needs to read this
   * query exactly as {@link #query} reads it: {@code {"format": "docx", "q": {...the parsed query}}},
   * so that the reader never parses the query language itself. Empty (the default) where the reader
   * has no faithful form of the query: such a task has no OSWorld form yet, unless {@link
   * #osworldCheck} maps it to an OSWorld metric.
   */
  default Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery(String query) {
    return Optional.empty();
  }

  /**
   * The packages (Debian and Ubuntu names) OSWorld's VM needs beyond python3's standard library for
   * vm_reader.py to read this format's {@link #vmQuery} queries; an exported task reading such a
   * document installs them in its config, as it installs its apps. None by default.
   */
  default List<String> vmPackages() {
    return List.of();
  }

  /** A named change to a saved document. */
  record Mutation(String name, Consumer<SavedState> apply) {}

  /** The values of a sheet (null sheet: the first), row by row; null when the file is missing. */
  default List<List<String>> read(SavedState state, String path, String sheet) {
    if (!state.exists(path)) return null;
    // a converter would follow a link and block on a FIFO: only a regular file of sane size goes to it
    state.requireReadableFile(path);
    // as the desktop user, who owns the file: root in a container may lack the right to read it
    List<String> cmd = readCommand(path, sheet);
    ExecResult r = state.execAsUser(cmd, state.callTimeout());
    if (!r.ok()) {
      throw new UnreadableFileException(cmd.get(0) + " could not read " + path + (sheet == null ? "" : " sheet " + sheet)
          + ": " + lastLines(r.stderr()));
    }
    return Csv.parse(r.stdoutText());
  }

  /** Writes rows as a document owned by the desktop user, through {@link #writePlan}. */
  default void write(Desktop desktop, String path, List<List<String>> rows) {
    String scratch = scratch();
    run(desktop, path, writePlan(path, rows, scratch), scratch);
  }

  /** Writes a {@code write_document} step's content as a document owned by the desktop user, through {@link #contentPlan}. */
  default void write(Desktop desktop, String path, JsonNode content) {
    String scratch = scratch();
    run(desktop, path, contentPlan(path, content, scratch), scratch);
  }

  private static String scratch() {
    return DesktopPaths.RUN + "/.document-" + Long.toHexString(System.nanoTime());
  }

  private static void run(Desktop desktop, String path, ExportCatalog.FilePlan plan, String scratch) {
    try {
      plan.files().forEach((file, text) -> desktop.privileged().writeText(file, text));
      for (List<String> cmd : plan.commands()) {
        ExecResult r = desktop.privileged().execAsUser(cmd, TIMEOUT);
        if (!r.ok()) throw new IllegalStateException(cmd.get(0) + " could not write " + path + ": " + lastLines(r.stderr()));
      }
    } finally {
      desktop.privileged().delete(scratch);
    }
  }

  /**
   * What the document holds as a person sees it, ignoring what its writer adds on every save (time
   * stamps): two files with equal fingerprints look the same. By default the first sheet's values as CSV.
   */
  default String fingerprint(SavedState state, String path) {
    return Csv.write(read(state, path, null));
  }

  /** The last few meaningful lines of a command's error output, for a message. */
  static String lastLines(String stderr) {
    List<String> lines = stderr.lines().filter(l -> !l.isBlank() && !l.contains("dconf")).toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
