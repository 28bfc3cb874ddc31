package io.deskforge.task.export;

import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.util.List;

/** Writes tasks in a benchmark format into a folder. */
public sealed interface Exporter permits JsonlExporter, OsworldExporter, WebArenaExporter {

  /** The format's name on the command line. */
  String format();

  /**
   * Writes the tasks into {@code outDir} (created if needed; files of an earlier export with the
   * same names are replaced). {@code evidenceFolder} is where the tasks' evidence paths point.
   */
  Export export(List<TaskSpec> tasks, Path evidenceFolder, Path outDir);

  /** Writes the bank's verified tasks, and only those: an export is a benchmark of proven tasks. */
  default Export exportVerified(TaskBank bank, Path outDir) {
    return export(bank.tasks(Verdict.VERIFIED), bank.evidenceFolder(), outDir);
  }

  /** The format names, as the command line takes them. */
  static List<String> formats() {
    return List.of("jsonl", "osworld", "webarena");
  }

  /**
   * The exporter of a format name, or an error listing the known ones. {@code catalog} (the app
   * catalog) tells formats that set up apps on another machine what each app needs.
   */
  static Exporter of(String format, ExportCatalog catalog) {
    return switch (format) {
      case "jsonl" -> new JsonlExporter();
      case "osworld" -> new OsworldExporter(catalog);
      case "webarena" -> new WebArenaExporter(catalog);
      default -> throw new IllegalArgumentException("unknown export format '" + format + "'; known: " + formats());
    };
  }
}
