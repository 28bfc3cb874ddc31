package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.export.Export;
import io.deskforge.task.export.Exporter;
import io.deskforge.task.export.OsworldExporter;
import io.deskforge.task.export.TrajectoryExport;
import io.deskforge.task.export.WebArenaExporter;
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
        "packages when missing, sets up and checks only through OSWorld's own steps, getters and metrics (see task-bank/README.md).",
        "webarena: DIR/config_files/<task_id>.json, DIR/test.json (all configs) and DIR/task_ids.json (task_id to deskforge id), WebArena's",
        "config fields; each web app's check is a program_html target (a page URL, a JavaScript locator, the contents required) that",
        "WebArena's own evaluator runs on the live page of the end state (see task-bank/README.md). Tasks of apps that are no web site",
        "are left out and listed.",
        "trajectories: the agents' finished episodes (deskforge serve, deskforge agent run) for SFT and RL: DIR/trajectories.jsonl,",
        "one episode per line with its reward, the trajectory audit's flags and each step's actions, and DIR/images/ with the screenshots."})
final class ExportCommand implements Callable<Integer> {

  @Option(names = "--bank", required = true, paramLabel = "FILE", description = "The bank file to read. It must exist.")
  Path bank;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "One of: ${COMPLETION-CANDIDATES}.", completionCandidates = ExportCommand.Formats.class)
  String format;

  @Option(names = "--strict", description = {"osworld: refuse the whole export when a verified task has no OSWorld form (a getter",
      "OSWorld's VM cannot read yet); webarena: when a verified task has no WebArena form (its app is no web site, or a check reads",
      "on no page). Default: such tasks are left out and listed, with why, on stderr."})
  boolean strict;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write into; created if missing. Files of an earlier export with the same names are replaced.")
  Path out;

  @Spec CommandSpec spec;

  /** The formats the exporters know, for the help text. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      java.util.List<String> all = new java.util.ArrayList<>(Exporter.formats());
      all.add(TrajectoryExport.FORMAT);
      return all.iterator();
    }
  }

  @Override
  public Integer call() {
    boolean episodes = format.equals(TrajectoryExport.FORMAT);
    if (!episodes && !Exporter.formats().contains(format)) {
      throw new IllegalArgumentException("unknown export format '" + format + "'; known: " + String.join(", ", new Formats()));
    }
    Exporter exporter = episodes ? null : Exporter.of(format, AppCatalog.load());
    if (exporter instanceof OsworldExporter o && !strict) exporter = o.skippingUnexportable();
    if (exporter instanceof WebArenaExporter w && !strict) exporter = w.skippingUnexportable();
    Export export;
    try (TaskBank b = TaskBank.openExisting(bank)) {
      export = episodes ? TrajectoryExport.write(b, out) : exporter.exportVerified(b, out);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf("exported %d %s as %s to %s:%n", export.tasks(), episodes ? "finished episodes" : "verified tasks", export.format(),
        out.toAbsolutePath());
    // one line per top-level entry: a file, or a folder with how many files it holds
    Map<String, Integer> entries = new TreeMap<>();
    export.files().forEach(f -> entries.merge(f.getName(0).toString() + (f.getNameCount() > 1 ? "/" : ""), 1, Integer::sum));
    entries.forEach((name, n) -> w.println("  " + name + (name.endsWith("/") ? " (" + n + " files)" : "")));
    w.flush();
    if (!export.skipped().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf("left out %d verified task%s with no %s form (--strict refuses the export instead):%n", export.skipped().size(),
          export.skipped().size() == 1 ? "" : "s", export.format());
      export.skipped().forEach(why -> err.println("  " + why));
      err.flush();
    }
    return Deskforge.OK;
  }
}
