package io.deskforge.apps.check;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.BrowserDebugging;
import io.deskforge.apps.document.Cells;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.document.DocumentFormats;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.UnreadableFileException;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.check.CheckerEvaluator;
import io.deskforge.task.check.Reading;
import io.deskforge.task.check.StateFiles;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads getters from a desktop's privileged side: the checker's eyes, outside the desktop.
 * Document getters go to the format that handles the file (see {@link DocumentFormats}); page
 * getters to the desktop's running browser ({@link PageReader}), found among the desktop's apps by
 * what their templates say ({@link AppTemplate#browser()}).
 */
public final class GetterReader {
  private final DocumentFormats formats;
  private final Function<String, Optional<BrowserDebugging>> browserOfApp;

  /**
   * A reader of documents in these formats (usually {@code catalog.formats()}), which knows no
   * browser: its page getters read as unreadable. Readers of tasks use {@link #GetterReader(AppCatalog)}.
   */
  public GetterReader(DocumentFormats formats) {
    this(formats, app -> Optional.empty());
  }

  /** A reader of every getter, the catalog's formats and browsers. */
  public GetterReader(AppCatalog catalog) {
    this(catalog.formats(), app -> {
      try {
        return catalog.get(app).browser();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }

  private GetterReader(DocumentFormats formats, Function<String, Optional<BrowserDebugging>> browserOfApp) {
    this.formats = formats;
    this.browserOfApp = browserOfApp;
  }

  /**
   * Reads one getter. State that exists but cannot be read safely (a link, a FIFO, a file over
   * the read limit, a read that does not finish in time) reads as {@link Reading#unreadable}, so
   * the check fails closed with the reason.
   */
  public Reading read(Desktop desktop, Getter getter) {
    if (getter instanceof Getter.PageGetter p) return pages(desktop, List.of(p)).get(p);
    return read(SavedState.of(desktop), getter);
  }

  /**
   * The same, in any saved state; a page getter reads as unreadable there, since a saved state
   * holds files and no running browser.
   */
  public Reading read(SavedState state, Getter getter) {
    if (getter instanceof Getter.PageGetter) return Reading.unreadable("no browser: a saved state holds files, not a running browser's page");
    try {
      return readOrThrow(state, getter);
    } catch (UnreadableFileException e) {
      return Reading.unreadable(e.getMessage());
    }
  }

  private Reading readOrThrow(SavedState p, Getter getter) {
    return switch (getter) {
      case Getter.FileText g -> p.exists(g.path()) && !p.isDirectory(g.path())
          ? Reading.text(new String(p.readFile(g.path()), StandardCharsets.UTF_8)) : Reading.absent();
      case Getter.FileExists g -> Reading.flag(p.exists(g.path()) && switch (g.kind() == null ? "any" : g.kind()) {
        case "file" -> !p.isDirectory(g.path());
        case "dir" -> p.isDirectory(g.path());
        default -> true;
      });
      case Getter.DirListing g -> p.isDirectory(g.path()) ? Reading.items(p.list(g.path())) : Reading.absent();
      case Getter.SpreadsheetCell g -> {
        List<List<String>> rows = spreadsheet(g.path()).read(p, g.path(), g.sheet());
        yield rows == null ? Reading.absent() : Reading.text(Cells.cell(rows, CellRef.parse(g.cell())));
      }
      case Getter.SpreadsheetRange g -> {
        List<List<String>> rows = spreadsheet(g.path()).read(p, g.path(), g.sheet());
        yield rows == null ? Reading.absent() : Reading.rows(Cells.range(rows, g.range()));
      }
      case Getter.JsonValue g -> regularFile(p, g.path()) ? StateFiles.json(p.readFile(g.path()), g.pointer()) : Reading.absent();
      case Getter.SqliteQuery g -> {
        if (!regularFile(p, g.path())) yield Reading.absent();
        String wal = g.path() + "-wal";
        yield StateFiles.sqlite(p.readFile(g.path()), regularFile(p, wal) ? p.readFile(wal) : null, g.query());
      }
      case Getter.DocumentQuery g -> {
        var format = formats.claiming(g.path());
        if (format.isEmpty()) yield Reading.unreadable("no app's document format claims " + g.path());
        yield regularFile(p, g.path()) ? format.get().query(p, g.path(), g.query()) : Reading.absent();
      }
      case Getter.PageGetter g -> Reading.unreadable("no browser: a saved state holds files, not a running browser's page");
    };
  }

  /** A file that exists and is no folder; a link, a FIFO or an oversized file throws as unreadable. */
  private static boolean regularFile(SavedState p, String path) {
    if (!p.exists(path) || p.isDirectory(path)) return false;
    p.requireReadableFile(path);
    return true;
  }

  private DocumentFormat spreadsheet(String path) {
    return formats.forPath(path, DocumentFormat.Kind.SPREADSHEET);
  }

  /** Runs a checker against the desktop's current saved state. */
  public CheckResult check(Desktop desktop, Checker checker) {
    List<Getter.PageGetter> onPages = checker.leaves().stream().map(Checker.Check::getter)
        .filter(g -> g instanceof Getter.PageGetter).map(g -> (Getter.PageGetter) g).distinct().toList();
    // the page getters of a checker are read in one connection to the browser, from one moment of it
    Map<Getter.PageGetter, Reading> pages = onPages.isEmpty() ? Map.of() : pages(desktop, onPages);
    SavedState state = SavedState.of(desktop);
    return CheckerEvaluator.evaluate(checker, g -> g instanceof Getter.PageGetter p ? pages.get(p) : read(state, g));
  }

  private Map<Getter.PageGetter, Reading> pages(Desktop desktop, List<Getter.PageGetter> getters) {
    return PageReader.read(desktop, browser(desktop), getters);
  }

  /** The desktop's browser: the first of its running apps whose template says it is one. */
  public Optional<BrowserDebugging> browser(Desktop desktop) {
    return desktop.apps().stream().filter(a -> a.alive()).map(a -> browserOfApp.apply(a.name())).flatMap(Optional::stream).findFirst();
  }

  /** Runs a checker against a saved state. */
  public CheckResult check(SavedState state, Checker checker) {
    return CheckerEvaluator.evaluate(checker, g -> read(state, g));
  }
}
