package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.pipeline.Factory;
import io.deskforge.creator.pipeline.Generator;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
      "Fills a bank with VERIFIED tasks. Candidates from the apps' task families are audited: statically,",
      "then replayed in fresh desktops (checker fails at the start, the reference solution makes it pass",
      "through the GUI, negatives and checker mutations fail, setup is deterministic). Every outcome is kept",
      "in the bank; rejections with their reasons. --count counts verified tasks of these apps in the bank,",
      "so a killed run started again with the same options goes on where it stopped.",
      "Exit code 0 when the bank holds --count verified tasks, 1 when --max-attempts ran out first."})
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--apps", split = ",", paramLabel = "APP",
      description = "Apps whose task families to use (see `deskforge apps`). Default: all apps.")
  List<String> apps;

  @Option(names = "--count", defaultValue = "20", description = "Verified tasks wanted in the bank. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--max-attempts", paramLabel = "N",
      description = "Most candidates to audit in this run. Default: 3 x --count.")
  Integer maxAttempts;

  @Mixin ProviderOptions provider;

  @Option(names = "--bank", defaultValue = "bank.sqlite", paramLabel = "FILE",
      description = "The SQLite bank to fill; created if missing, evidence in FILE.evidence/. Default: ${DEFAULT-VALUE}.")
  Path bank;

  @Option(names = "--workers", paramLabel = "K", description = "Candidates audited at once. Default: one per core.")
  Integer workers;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the candidate sequence. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--families", split = ",", paramLabel = "PATH",
      description = {"Family files (*.family.json) to draw from beside the built-in families: files, or folders searched",
          "recursively. The shipped ports of Java families are under env-templates/src/main/resources/io/deskforge/apps/."})
  List<Path> families;

  @Option(names = "--data-only", description = "Draw only from the --families files, not from the built-in (Java) families.")
  boolean dataOnly;

  @Mixin CandidateCheckOptions checks;

  @Spec CommandSpec spec;

  /** The catalog with the --families files; a bad file fails here (FamilyFileException), naming file and field. */
  private AppCatalog withFamilies(AppCatalog catalog) {
    if (families == null) {
      if (dataOnly) throw new IllegalArgumentException("--data-only needs --families");
      return catalog;
    }
    AppCatalog with = catalog.withFamilies(FamilyFiles.load(families));
    return dataOnly ? with.withoutBuiltInFamilies() : with;
  }

  @Override
  public Integer call() {
    AppCatalog catalog = withFamilies(AppCatalog.load());
    List<String> chosen = apps != null ? apps : families == null || !dataOnly ? catalog.names()
        : catalog.names().stream().filter(a -> !catalog.families(List.of(a)).isEmpty()).toList();
    chosen.forEach(catalog::get); // unknown app names fail here, before any desktop starts
    if (catalog.families(chosen).isEmpty()) throw new IllegalArgumentException("apps " + chosen + " have no task families to draw from");
    Generator.Settings settings = new Generator.Settings(chosen, count, maxAttempts == null ? 3 * count : maxAttempts,
        workers == null ? Factory.defaultWorkers() : workers, seed);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    provider.ensureReady(chosen, err);
    ProgressLine progress = new ProgressLine(err);
    Generator.Summary summary;
    try (TaskBank b = TaskBank.open(bank); DesktopProvider p = provider.create(); CandidateCheckOptions.Opened c = checks.open(err)) {
      err.printf("generating %d verified tasks of %s on %s desktops, %d workers, seed %d, into %s%n",
          count, String.join(",", chosen), p.name(), settings.workers(), seed, bank);
      err.flush();
      summary = Factory.generator(b, catalog, chosen, p, c.checks()).run(settings, progress::update);
    }
    Generator.Progress last = summary.progress();
    progress.done(last);
    long s = last.elapsed().toSeconds();
    if (summary.reachedTarget()) {
      out.printf("done: %s holds %d verified tasks of %s (target %d); this run verified %d, rejected %d, error %d in %dm%02ds%n",
          bank, last.verified(), String.join(",", chosen), count, last.verifiedThisRun(), last.rejected(), last.error(), s / 60, s % 60);
    } else {
      out.printf("stopped: the %d attempts of --max-attempts are spent with %d/%d verified (rejected %d, error %d); "
          + "see the reasons with `deskforge stats --bank %s`, or raise --max-attempts%n",
          last.maxAttempts(), last.verified(), count, last.rejected(), last.error(), bank);
    }
    out.flush();
    return summary.reachedTarget() ? Deskforge.OK : Deskforge.FAILED;
  }
}
