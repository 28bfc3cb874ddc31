package io.deskforge.task.export;

import java.util.List;
import java.util.Map;

/**
 * What an export needs to know about apps and document formats. The app catalog (env-templates)
 * answers; task-bank cannot depend on it, so the exporter is handed one. Every answer is the one
 * deskforge's own desktops and getters use, so an exported task sets up and reads the same way.
 */
public interface ExportCatalog {

  /** The Debian/Ubuntu packages an app needs; throws naming the app when it is unknown. */
  List<String> packages(String app);

  /**
   * The npm packages an app needs on top of its Debian packages, each as {@code name@version} (a
   * Node.js app Debian does not package); none by default.
   */
  default List<String> npmPackages(String app) {
    return List.of();
  }

  /** The command that starts an app with these arguments (files to open). */
  List<String> launchCommand(String app, List<String> args);

  /**
   * The command that prints the computed cells of a spreadsheet (sheet null: the first) as CSV on
   * its standard output, as the spreadsheet getters read them.
   */
  List<String> spreadsheetToCsv(String path, String sheet);

  /**
   * How to write a spreadsheet from rows (literals, or formulas starting with '='): files to put,
   * then commands to run as the desktop user; {@code scratch} is a folder the plan may use and
   * the caller removes afterwards.
   */
  FilePlan spreadsheetWrite(String path, List<List<String>> rows, String scratch);

  /**
   * How to write a document from a {@code write_document} step's content, as the format claiming
   * the path writes it in deskforge's own desktops.
   */
  FilePlan documentWrite(String path, com.fasterxml.jackson.databind.JsonNode content, String scratch);

  /**
   * OSWorld's own check of one property of a document with this metric, as the format claiming
   * the path maps it (a cell's number format to {@code compare_table}'s {@code check_cell}, say),
   * or empty when the format has no OSWorld metric of the same meaning: such a task has no OSWorld
   * form yet.
   */
  default java.util.Optional<OsworldCheck> documentCheck(String path, String query, io.deskforge.task.spec.Metric metric) {
    return java.util.Optional.empty();
  }

  /**
   * What vm_reader.py needs to read one property of a document on OSWorld's VM exactly as the
   * format claiming the path reads it ({@code {"format": "docx", "q": {...}}}: the reader's name for
   * the format and the query already parsed), or empty when the reader has no faithful form of it.
   */
  default java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> documentReader(String path, String query) {
    return java.util.Optional.empty();
  }

  /**
   * The packages OSWorld's VM needs for vm_reader.py to read documents at this path (the reader of
   * the format claiming it uses a library python3 lacks); empty when the standard library does.
   */
  default List<String> documentReaderPackages(String path) {
    return List.of();
  }

  /** One OSWorld metric function, the getter of what it reads, what it expects and its options (each may be null but func and result). */
  record OsworldCheck(String func, com.fasterxml.jackson.databind.node.ObjectNode result,
      com.fasterxml.jackson.databind.node.ObjectNode expected, com.fasterxml.jackson.databind.node.ObjectNode options) {}

  /**
   * The app as a WebArena site, when it is a web app whose checks read on its live pages (the
   * WebArena export); empty for every other app (the default).
   */
  default java.util.Optional<WebArenaSite> webArenaSite(String app) {
    return java.util.Optional.empty();
  }

  /**
   * The largest file a getter reads, and how long one read may take: past either, deskforge's
   * getters read the file as unreadable, and so does the export's reader.
   */
  ReadLimits readLimits();

  record ReadLimits(long bytes, java.time.Duration timeout) {}

  /** Files to write (path to text, in order), then commands to run. */
  record FilePlan(Map<String, String> files, List<List<String>> commands) {
    public FilePlan {
      files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
      commands = commands.stream().map(List::copyOf).toList();
    }
  }

  /**
   * The command that makes {@code app} write what it holds in memory into {@code paths} before the
   * final reading (see the app catalog's apps); empty when it needs none, or the app is unknown.
   */
  default List<String> commitCommand(String app, List<String> paths) {
    return List.of();
  }
}
