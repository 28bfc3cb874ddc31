package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.export.Export;
import io.deskforge.task.export.Exporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the bank's VERIFIED tasks (only those) as a benchmark.",
        "jsonl: DIR/tasks.jsonl, one full task per line with its audit, and DIR/evidence/ with the evidence files.",
        "osworld: DIR/examples/<app>/<id>.json and DIR/test_all.json, OSWorld's layout; each task installs its apps'",
        "packages when missing, sets up and checks only through OSWorld's own steps, getters and metrics (see task-bank/README.md)."})
final class ExportCommand implements Callable<Integer> {

  @Option(names = "--bank", required = true, paramLabel = "FILE", description = "The bank file to read. It must exist.")
  Path bank;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "One of: ${COMPLETION-CANDIDATES}.", completionCandidates = ExportCommand.Formats.class)
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write into; created if missing. Files of an earlier export with the same names are replaced.")
  Path out;

  @Spec CommandSpec spec;

  /** The formats the exporters know, for the help text. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Exporter.formats().iterator();
    }
  }

  @Override
  public Integer call() {
    Exporter exporter = Exporter.of(format, AppCatalog.load());
    Export export;
    try (TaskBank b = TaskBank.openExisting(bank)) {
      export = exporter.exportVerified(b, out);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf("exported %d verified tasks as %s to %s:%n", export.tasks(), export.format(), out.toAbsolutePath());
    // one line per top-level entry: a file, or a folder with how many files it holds
    Map<String, Integer> entries = new TreeMap<>();
    export.files().forEach(f -> entries.merge(f.getName(0).toString() + (f.getNameCount() > 1 ? "/" : ""), 1, Integer::sum));
    entries.forEach((name, n) -> w.println("  " + name + (name.endsWith("/") ? " (" + n + " files)" : "")));
    w.flush();
    return Deskforge.OK;
  }
}
