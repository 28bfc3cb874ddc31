package io.deskforge.cli.amplify;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.cli.CandidateCheckOptions;
import io.deskforge.cli.Deskforge;
import io.deskforge.cli.ModelOptions;
import io.deskforge.cli.ProviderOptions;
import io.deskforge.creator.amplify.Amplifier;
import io.deskforge.creator.diversity.DiversityGate;
import io.deskforge.creator.llm.LlmConfig;
import io.deskforge.creator.pipeline.Factory;
import io.deskforge.creator.pipeline.Pipeline;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.TaskBank;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "variants", mixinStandardHelpOptions = true,
    description = {"Amplifies verified seed families with a (cheaper) model behind an OpenAI-compatible endpoint: for each seed",
        "it asks for a variant of each --kinds (phrasings: new wordings; ranges: wider parameters and vocabularies; harder: more",
        "rows, edits or steps), and composes the seed with the app's other verified data families. A variant is checked as a",
        "family file (its problems sent back, --repairs), refused when the diversity gate finds it a near-duplicate of another",
        "family of the app outside the seed's own line, and otherwise audited like any candidate (--seeds tasks: static,",
        "candidate checks, replay in fresh desktops). Prints the amplification ratio (verified variants per seed), the pass",
        "rate of variants, and tokens and cost per verified task per tier (the seeds' creator, amplify:<model>, compose).",
        "Exit code 0 when at least one variant verified, 1 otherwise."})
public final class VariantsCommand implements Callable<Integer> {

  @Option(names = "--families", split = ",", required = true, paramLabel = "PATH",
      description = "The verified seed families: family files, or folders of them (as `deskforge create --out` writes).")
  List<Path> families;

  @Option(names = "--kinds", split = ",", defaultValue = "phrasings,ranges,harder", paramLabel = "KIND",
      description = "Which variants to ask the model for: phrasings, ranges, harder. Default: ${DEFAULT-VALUE}.")
  List<String> kinds;

  @Option(names = "--no-compose", description = "Do not compose the seeds with the app's other verified families.")
  boolean noCompose;

  @Option(names = "--bank", defaultValue = "bank.sqlite", paramLabel = "FILE",
      description = "The SQLite bank to record tasks and provenance in; created if missing. Default: ${DEFAULT-VALUE}.")
  Path bank;

  @Option(names = "--seed", defaultValue = "1", description = "First seed of the tasks drawn from each variant. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Write each verified variant to DIR/<family id>.family.json.")
  Path out;

  @Mixin ModelOptions model;

  @Mixin ProviderOptions provider;

  @Mixin CandidateCheckOptions checks;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LlmConfig settings = model.config();
    List<Amplifier.Kind> wanted = new ArrayList<>();
    for (String k : kinds) wanted.add(kind(k));
    List<DataFamily> seeds = FamilyFiles.load(families);
    // the seeds beside the shipped families, each id once (a shipped family may itself be given as a seed)
    Map<String, DataFamily> verified = new LinkedHashMap<>();
    FamilyFiles.shipped().forEach(f -> verified.put(f.id(), f));
    seeds.forEach(f -> verified.put(f.id(), f));
    AppCatalog catalog = AppCatalog.load().withFamilies(List.copyOf(verified.values()));
    List<String> apps = seeds.stream().map(DataFamily::app).distinct().toList();
    PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    provider.ensureReady(apps, err);
    List<Amplifier.Variant> variants = new ArrayList<>();
    Map<String, Creations.CreatorStats> tiers;
    try (TaskBank b = TaskBank.open(bank); DesktopProvider p = provider.create(); CandidateCheckOptions.Opened c = checks.open(err)) {
      Pipeline pipeline = Factory.pipeline(b, catalog, p, c.checks());
      Amplifier amplifier = new Amplifier(settings, catalog, pipeline, DiversityGate.defaults());
      pipeline.start(t -> apps.contains(t.app()));
      try {
        for (DataFamily s : seeds) {
          err.printf("amplifying %s with %s%n", s.id(), settings.model());
          err.flush();
          List<DataFamily> composable = noCompose ? List.of() : List.copyOf(verified.values());
          for (Amplifier.Variant v : amplifier.amplify(s, composable, wanted, seed, a -> progress(a, err))) {
            variants.add(v);
            o.printf("%-9s %-9s %-52s %s%s%n", v.kind(), v.outcome(), v.familyId(), v.seed(),
                v.failedStage() == null ? "" : " (at " + v.failedStage() + ")");
            if (!v.verified()) v.reasons().stream().limit(2).forEach(why -> o.println("    " + why));
            if (v.verified() && out != null) {
              Files.createDirectories(out);
              Files.writeString(out.resolve(v.familyId() + FamilyFiles.SUFFIX), v.json());
            }
          }
        }
      } finally {
        pipeline.finish();
        amplifier.close();
      }
      tiers = b.creations().stats();
    }
    long ok = variants.stream().filter(Amplifier.Variant::verified).count();
    o.printf(Locale.ROOT, "%d seeds, %d variants, %d verified: amplification ratio %.2f verified variants per seed, pass rate %.0f%%%n",
        seeds.size(), variants.size(), ok, (double) ok / seeds.size(), variants.isEmpty() ? 0.0 : 100.0 * ok / variants.size());
    o.println("per tier (all runs recorded in this bank):");
    tiers.forEach((tier, t) -> o.printf(Locale.ROOT, "  %-28s %4d requests, %4d tasks verified, %d+%d tokens, $%.4f, %s per verified task%n",
        tier, t.attempts(), t.verifiedTasks(), t.promptTokens(), t.completionTokens(), t.costUsd(),
        t.costPerVerifiedTask() == null ? "-" : String.format(Locale.ROOT, "$%.4f", t.costPerVerifiedTask())));
    o.flush();
    return ok > 0 ? Deskforge.OK : Deskforge.FAILED;
  }

  private static Amplifier.Kind kind(String name) {
    for (Amplifier.Kind k : Amplifier.Kind.values()) if (k.id().equals(name)) return k;
    throw new IllegalArgumentException("--kinds: unknown kind '" + name + "'; kinds: phrasings, ranges, harder");
  }

  private static void progress(Creations.Attempt a, PrintWriter err) {
    err.printf("  %s %s request %d: %s%s, %d+%d tokens, $%.4f%n", a.creator(), a.family(), a.request(), a.outcome(),
        a.failedStage() == null ? "" : " at " + a.failedStage(), a.promptTokens(), a.completionTokens(), a.costUsd());
    err.flush();
  }
}
