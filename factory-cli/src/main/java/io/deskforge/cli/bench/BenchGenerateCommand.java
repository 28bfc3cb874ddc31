package io.deskforge.cli.bench;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.candidate.BankDuplicateCheck;
import io.deskforge.audit.candidate.ContaminationCheck;
import io.deskforge.cli.ProviderOptions;
import io.deskforge.creator.pipeline.Factory;
import io.deskforge.creator.pipeline.GenerateBenchmark;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.json.TaskJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Runs a real `generate` into a scratch bank and reports verified tasks per hour and the time of one",
        "full audit (static, contamination, replay of solution, mutations and negatives), p50 and p95."})
final class BenchGenerateCommand implements Callable<Integer> {

  @Option(names = "--apps", split = ",", paramLabel = "APP", description = "Apps to draw tasks from. Default: all apps.")
  List<String> apps;

  @Option(names = "--count", defaultValue = "24", description = "Verified tasks to generate. Default: ${DEFAULT-VALUE}.")
  int count;

  @Mixin ProviderOptions provider;

  @Option(names = "--workers", paramLabel = "K", description = "Candidates audited at once. Default: one per core.")
  Integer workers;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the candidate sequence. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--json", description = "Print one JSON object. Default: a summary.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    AppCatalog catalog = AppCatalog.load();
    List<String> chosen = apps == null ? catalog.names() : apps;
    PrintWriter err = spec.commandLine().getErr();
    provider.ensureReady(chosen, err);
    int k = workers == null ? Factory.defaultWorkers() : workers;
    GenerateBenchmark.Result r;
    try (DesktopProvider p = provider.create();
        ContaminationCheck contamination = ContaminationCheck.openOrBuild(ContaminationCheck.defaultIndex(),
            new io.deskforge.cli.contamination.StderrProgress())) {
      r = GenerateBenchmark.run(catalog, p, chosen, count, k, seed, List.of(contamination, new BankDuplicateCheck()), pr -> {
        err.printf("%d/%d verified, %d rejected, %d error%n", pr.verified(), pr.target(), pr.rejected(), pr.error());
        err.flush();
      });
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(TaskJson.write(r));
    } else {
      out.printf("%d verified (%d rejected, %d error) of %s on %s with %d workers in %.1f s: %.0f verified/hour; audit p50 %.0f ms, p95 %.0f ms%n",
          r.verified(), r.rejected(), r.error(), String.join(",", r.apps()), r.provider(), r.workers(), r.wallS(),
          r.verifiedPerHour(), r.auditMs().p50(), r.auditMs().p95());
    }
    out.flush();
    return r.verified() >= count ? 0 : 1;
  }
}
