package io.deskforge.apps.document;

import io.deskforge.apps.check.Csv;
import io.deskforge.apps.check.SavedState;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.UnreadableFileException;
import io.deskforge.task.export.ExportCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A kind of document file the checker reads and the setup writes (a spreadsheet, a text document,
 * a presentation), contributed by the app that edits it through {@link io.deskforge.apps.AppTemplate#formats()}.
 * Everything shared that touches document files (setup steps, getters, the replay audit's
 * fingerprints and mutations, the OSWorld export) finds the format through
 * {@link DocumentFormats} and calls it, so a new format touches no shared code.
 *
 * <p>A document is seen as a table: rows of cells (a sheet's computed values; for a text document
 * one row per paragraph). Reading runs {@link #readCommand} inside the desktop as its user, which
 * prints the table as CSV; writing stages the files of {@link #writePlan} and runs its commands.
 * Both are commands, not Java code, so an export runs the very same ones on another machine.
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

  /** The command printing a sheet's values (null sheet: the first) as CSV on its standard output. */
  List<String> readCommand(String path, String sheet);

  /** The files to stage and commands to run so that the path holds these rows (literals, or formulas starting with '='). */
  ExportCatalog.FilePlan writePlan(String path, List<List<String>> rows, String scratch);

  /** Sets one cell (a literal, or a formula) and writes the file back in its own format. */
  void setCell(SavedState state, String path, String cell, String value);

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
    String scratch = DesktopPaths.RUN + "/.document-" + Long.toHexString(System.nanoTime());
    ExportCatalog.FilePlan plan = writePlan(path, rows, scratch);
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
