package io.deskforge.task.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Reads one piece of real state from outside the desktop, through its privileged side. A getter
 * never asks the agent or the GUI: it reads what was saved, or, for a {@link PageGetter}, what the
 * browser of the task's desktop holds now (read over the browser's DevTools Protocol, which only
 * the privileged side reaches).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Getter.FileText.class, name = "file_text"),
  @JsonSubTypes.Type(value = Getter.FileExists.class, name = "file_exists"),
  @JsonSubTypes.Type(value = Getter.DirListing.class, name = "dir_listing"),
  @JsonSubTypes.Type(value = Getter.SpreadsheetCell.class, name = "spreadsheet_cell"),
  @JsonSubTypes.Type(value = Getter.SpreadsheetRange.class, name = "spreadsheet_range"),
  @JsonSubTypes.Type(value = Getter.JsonValue.class, name = "json_value"),
  @JsonSubTypes.Type(value = Getter.SqliteQuery.class, name = "sqlite_query"),
  @JsonSubTypes.Type(value = Getter.DocumentQuery.class, name = "document_query"),
  @JsonSubTypes.Type(value = Getter.PageUrl.class, name = "page_url"),
  @JsonSubTypes.Type(value = Getter.PageText.class, name = "page_text"),
  @JsonSubTypes.Type(value = Getter.LocalStorage.class, name = "local_storage"),
  @JsonSubTypes.Type(value = Getter.Cookie.class, name = "cookie"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Getter {

  /** The file the getter reads or looks at; null for a {@link PageGetter}, which reads no file. */
  String path();

  /** The file's text (UTF-8); missing file reads as absent. */
  record FileText(String path) implements Getter {}

  /** True when the path exists; with {@code kind} "file" or "dir", only when it is one. */
  record FileExists(String path, String kind) implements Getter {}

  /** The names in a directory, sorted. */
  record DirListing(String path) implements Getter {}

  /** The computed value of one cell (A1 notation) as the spreadsheet shows it; sheet null means the first. */
  record SpreadsheetCell(String path, String sheet, String cell) implements Getter {}

  /** The computed values of a rectangular range such as {@code A1:C4}, row by row. */
  record SpreadsheetRange(String path, String sheet, String range) implements Getter {}

  /**
   * The value at an RFC 6901 JSON Pointer ({@code /browser/show_home_button}) in a JSON file, such
   * as an app's settings or bookmarks: a string as its text, a boolean as a flag, a number as its
   * JSON text, an array of strings as items; a missing file or pointer reads as absent.
   */
  record JsonValue(String path, String pointer) implements Getter {}

  /**
   * The rows of a read-only SQL query on a SQLite database file (an app's history, say), read from
   * a copy so that the app's lock never blocks it and the read never changes it; one column reads
   * as items, more as rows. A missing file reads as absent.
   */
  record SqliteQuery(String path, String query) implements Getter {}

  /**
   * One property of a document (a cell's formula or fill, a paragraph's alignment, a slide's
   * title), asked in the query language of the document format that claims the file by its
   * extension ({@code B7.formula}, {@code paragraph 3 alignment}, {@code slide 2 title}): each
   * format documents its own queries, so a new format brings new properties without a new getter.
   * A missing file reads as absent; a query the format does not answer, as unreadable.
   */
  record DocumentQuery(String path, String query) implements Getter {}

  /**
   * Reads the live state of the browser that runs in the task's desktop (its active tab, its
   * storage), over the Chrome DevTools Protocol from the privileged side: state that no file holds
   * while the browser runs, such as which page is open. The browser's own state is what the agent
   * made by using it; a checker on a page reads what the agent could only forge by doing the task
   * (typing the page's address, say), which each family says. A desktop with no browser, no tab,
   * or a browser that does not answer reads as unreadable, never absent: the check fails closed.
   */
  sealed interface PageGetter extends Getter permits PageUrl, PageText, LocalStorage, Cookie {
    /** A page getter reads no file. */
    @Override
    default String path() {
      return null;
    }
  }

  /**
   * The address of the active tab (the tab shown in the browser's window); with {@code param}, the
   * value of that query parameter of the address instead ({@code id} of {@code doku.php?id=a&s[]=b}
   * is {@code a}), percent-decoded, so that the parameters a site adds around it (a search
   * highlight) do not matter. A parameter the address lacks reads as absent.
   */
  record PageUrl(String param) implements PageGetter {}

  /**
   * The text ({@code innerText}: what the page shows, laid out) of the first element matching a
   * CSS selector on the active tab; absent when nothing matches.
   */
  record PageText(String selector) implements PageGetter {}

  /** The value of a key in the local storage of the active tab's origin; absent when unset. */
  record LocalStorage(String key) implements PageGetter {}

  /** The value of the browser's cookie of this name that would be sent to {@code url}; absent when none. */
  record Cookie(String url, String name) implements PageGetter {}
}
