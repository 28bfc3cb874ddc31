package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.FamilySweep;
import io.deskforge.creator.pipeline.Factory;
import io.deskforge.creator.pipeline.Generator;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {
      "Proves task families by replay: --seeds tasks of each family, audited as generate audits them.",
      "The tasks are those of seeds --first-seed to --first-seed + --seeds - 1 of every family (the built-in",
      "ones and the shipped family files, or those chosen), and the report is one line a family. The test",
      "suite replays a few representative families; this is the breadth: --seeds 2 is every family twice",
      "(about 40 minutes on 2 cores), --seeds 20 the full sweep. Every outcome goes to the bank, so a killed",
      "sweep started again audits only what it had not decided; a task whose audit ended in a desktop error",
      "(the infrastructure's fault) is audited again, --retries times.",
      "Exit code 0 when every task verified, 1 when one was rejected, ended in an error or could not be drawn."})
final class SweepCommand implements Callable<Integer> {

  @Option(names = "--seeds", defaultValue = "2", description = "Tasks of each family, one a seed. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--first-seed", defaultValue = "1000", paramLabel = "SEED",
      description = "The first seed; a sweep can run in parts (10 seeds from 1000, then 10 from 1010). Default: ${DEFAULT-VALUE}.")
  long firstSeed;

  @Option(names = "--apps", split = ",", paramLabel = "APP", description = "Only the families of these apps (see `deskforge apps`).")
  List<String> apps;

  @Option(names = "--family", split = ",", paramLabel = "ID", description = "Only these families, by id (calc.sum-column, ...).")
  List<String> familyIds;

  @Option(names = "--families", split = ",", paramLabel = "PATH",
      description = {"More family files (*.family.json) to sweep beside the built-in and shipped ones: files, or folders searched",
          "recursively. A file whose family has a shipped family's id stands in for it."})
  List<Path> families;

  @Option(names = "--bank", defaultValue = "sweep.sqlite", paramLabel = "FILE",
      description = "The SQLite bank every outcome goes to; created if missing. Default: ${DEFAULT-VALUE}.")
  Path bank;

  @Option(names = "--workers", paramLabel = "K", description = "Tasks audited at once. Default: one per core.")
  Integer workers;

  @Option(names = "--retries", defaultValue = "1", paramLabel = "N",
      description = "Audits again a task whose audit ended in a desktop error, up to N times. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Mixin ProviderOptions provider;

  @Mixin CandidateCheckOptions checks;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (retries < 0) throw new IllegalArgumentException("--retries must not be negative, got " + retries);
    AppCatalog catalog = withFamilies(AppCatalog.load());
    List<TaskFamily> chosen = chosen(catalog);
    FamilySweep sweep = new FamilySweep(chosen, firstSeed, seeds);
    List<String> sweptApps = List.copyOf(new LinkedHashSet<>(chosen.stream().map(TaskFamily::app).toList()));
    List<TaskSpec> tasks = sweep.tasks();
    Set<String> sweptIds = new java.util.HashSet<>(tasks.stream().map(TaskSpec::id).toList());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int k = workers == null ? Factory.defaultWorkers() : workers;
    long started = System.nanoTime();
    if (!tasks.isEmpty()) {
      provider.ensureReady(sweptApps, err);
      try (TaskBank b = TaskBank.open(bank); DesktopProvider p = provider.create(); CandidateCheckOptions.Opened c = checks.open(err)) {
        err.printf("sweeping %d families, seeds %d to %d (%d tasks), on %s desktops, %d workers, into %s%n",
            chosen.size(), firstSeed, firstSeed + seeds - 1, tasks.size(), p.name(), k, bank);
        err.flush();
        for (int round = 0; round <= retries; round++) {
          if (round > 0 && tasks.stream().noneMatch(t -> b.verdictOf(t.id()).orElse(null) == Verdict.ERROR)) break;
          if (round > 0) err.println("auditing again the tasks that ended in a desktop error (retry " + round + " of " + retries + ")");
          // the target is every task of the sweep on top of what else the bank holds verified of
          // these apps, so the run ends when the sweep's tasks are all decided, not earlier
          int others = (int) b.tasks(Verdict.VERIFIED).stream()
              .filter(t -> sweptApps.contains(t.app()) && !sweptIds.contains(t.id())).count();
          Generator.Settings settings = new Generator.Settings(sweptApps, others + tasks.size(), tasks.size(), k, firstSeed);
          ProgressLine progress = new ProgressLine(err);
          Generator.Summary summary = Factory.generator(sweep, b, catalog, p, c.checks()).run(settings, progress::update);
          progress.done(summary.progress());
        }
        return report(sweep, b, out, (System.nanoTime() - started) / 1_000_000_000L);
      }
    }
    return report(sweep, null, out, 0);
  }

  /**
   * The catalog with the shipped family files and the --families files. A file given whose family
   * has a shipped one's id (the shipped folder itself, or an edited copy) stands in for that one.
   */
  private AppCatalog withFamilies(AppCatalog catalog) {
    List<io.deskforge.apps.family.DataFamily> given = families == null ? List.of() : FamilyFiles.load(families);
    Set<String> givenIds = new java.util.HashSet<>(given.stream().map(TaskFamily::id).toList());
    List<io.deskforge.apps.family.DataFamily> all = new ArrayList<>(FamilyFiles.shipped().stream().filter(f -> !givenIds.contains(f.id())).toList());
    all.addAll(given);
    return catalog.withFamilies(all);
  }

  /** The families of --apps and --family, or every family; a name that matches none fails here, before any desktop starts. */
  private List<TaskFamily> chosen(AppCatalog catalog) {
    List<TaskFamily> all = catalog.families(catalog.names());
    if (apps == null && familyIds == null) return all;
    if (apps != null) apps.forEach(catalog::get); // an unknown app fails, naming it
    Set<String> known = new LinkedHashSet<>(all.stream().map(TaskFamily::id).toList());
    if (familyIds != null) {
      for (String id : familyIds) {
        if (!known.contains(id)) throw new IllegalArgumentException("--family " + id + ": no such family; `deskforge apps` lists them");
      }
    }
    List<TaskFamily> out = all.stream()
        .filter(f -> (apps != null && apps.contains(f.app())) || (familyIds != null && familyIds.contains(f.id()))).toList();
    if (out.isEmpty()) throw new IllegalArgumentException("apps " + apps + " have no task families to sweep");
    return out;
  }

  /** One line a family, then the totals; 0 when every task of every family verified. */
  private int report(FamilySweep sweep, TaskBank b, PrintWriter out, long seconds) {
    int proved = 0, verified = 0, rejected = 0, error = 0, undrawn = 0;
    for (FamilySweep.Draw d : sweep.draws()) {
      if (!d.drawn()) {
        undrawn++;
        out.printf("FAILED  %s: cannot draw its tasks: %s%n", d.family().id(), d.failure().getMessage());
        continue;
      }
      List<String> failures = new ArrayList<>();
      List<String> times = new ArrayList<>();
      for (TaskSpec t : d.tasks()) {
        Optional<TaskSpec> recorded = b.get(t.id());
        AuditReport audit = recorded.map(TaskSpec::audit).orElse(null);
        Verdict v = audit == null ? null : audit.verdict();
        if (v == Verdict.VERIFIED) {
          verified++;
          times.add(String.format("%.0f s", audit.durationMs() / 1000.0));
        } else {
          if (v == Verdict.REJECTED) rejected++;
          else error++;
          String why = audit == null ? "not audited" : v.name().toLowerCase() + ": " + String.join("; ", audit.reasons());
          failures.add("seed " + t.seed() + " (" + t.id() + ") " + why);
        }
      }
      if (failures.isEmpty()) {
        proved++;
        out.printf("proved  %s: %d of %d seeds verified (%s)%n", d.family().id(), d.tasks().size(), d.tasks().size(), String.join(", ", times));
      } else {
        out.printf("FAILED  %s: %s%n", d.family().id(), String.join(" | ", failures));
      }
    }
    int families = sweep.draws().size();
    out.printf("sweep: %d of %d families proved every seed; %d tasks verified, %d rejected, %d not decided (a desktop error, or not audited)%s in %dm%02ds%s%n",
        proved, families, verified, rejected, error, undrawn > 0 ? ", " + undrawn + " families could not draw" : "",
        seconds / 60, seconds % 60, b == null ? "" : "; outcomes in " + bank);
    out.flush();
    return proved == families ? Deskforge.OK : Deskforge.FAILED;
  }
}
