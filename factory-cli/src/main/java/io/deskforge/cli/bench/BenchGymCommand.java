package io.deskforge.cli.bench;

import io.deskforge.apps.AppCatalog;
import io.deskforge.cli.Deskforge;
import io.deskforge.cli.ProviderOptions;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.HostFolders;
import io.deskforge.gym.bench.BenchTask;
import io.deskforge.gym.bench.GymBenchmark;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "gym", mixinStandardHelpOptions = true,
    description = {"Measures the gym through its HTTP server (started here on 127.0.0.1): reset (POST /v1/envs to the first",
        "observation) without and with a warm pool, step (one action + screenshot), envs served at once and memory per idle env.",
        "Episodes go to a temporary bank holding one verified task, taken from --bank or verified now.",
        "%nGoals: reset p50 <= 1 s cold and <= 300 ms warm, step p50 <= 80 ms and p95 <= 200 ms, >= 16 envs at once,",
        "PSS <= 100 MB an idle env.",
        "%nExit codes: 0 all goals met; 1 a goal missed (the figures are printed all the same); 2 bad usage; 3 the host lacks what desktops need.%n"})
final class BenchGymCommand implements Callable<Integer> {

  @Option(names = "--bank", paramLabel = "FILE",
      description = "A bank to take a verified task of --family (else of its app) from. Default: none, verify one now.")
  Path bank;

  @Option(names = "--family", paramLabel = "FAMILY", defaultValue = "mousepad.type-text",
      description = "The task family served. Default: ${DEFAULT-VALUE}.")
  String family;

  @Mixin ProviderOptions provider;

  @Option(names = "--runs", defaultValue = "20", description = "Resets of each kind and steps timed. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--envs", defaultValue = "16", description = "Envs opened at once. Default: ${DEFAULT-VALUE}.")
  int envs;

  @Option(names = "--warm", defaultValue = "2", description = "Desktops the warm pool keeps ready for the warm resets. Default: ${DEFAULT-VALUE}.")
  int warm;

  @Option(names = "--json", description = "Print one JSON object. Default: a summary.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // the servers started and stopped here would fill the progress with their INFO lines
    for (String logger : List.of("io.javalin", "org.eclipse.jetty")) {
      if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
    }
    GymBenchmark.Options options = new GymBenchmark.Options(runs, envs, warm);
    AppCatalog catalog = AppCatalog.load();
    provider.ensureReady(List.of(catalog.family(family).app()), err);
    Path scratch = Files.createTempDirectory("deskforge-bench-gym-");
    GymBenchmark.Result r;
    try (DesktopProvider p = provider.create(); TaskBank b = TaskBank.open(scratch.resolve("bank.sqlite"))) {
      java.util.function.Consumer<String> progress = line -> {
        err.println(line);
        err.flush();
      };
      // the desktops' own folders go where every desktop's do: the desktop user cannot enter a private temporary folder
      Path desktops = DesktopConfig.defaultWorkRoot();
      BenchTask task = BenchTask.prepare(b, bank, family, catalog, p, desktops, progress);
      r = new GymBenchmark(b, p, catalog, desktops, progress).run(task, options);
    } finally {
      deleteTree(scratch, err);
    }
    if (json) {
      out.println(TaskJson.write(r));
    } else {
      GymBenchmark.summary(r).forEach(out::println);
    }
    out.flush();
    return r.goalsMet() ? Deskforge.OK : Deskforge.FAILED;
  }

  /** Best effort: a folder left behind is said, not allowed to hide the figures. */
  private static void deleteTree(Path root, PrintWriter err) {
    try {
      HostFolders.deleteTree(root);
    } catch (IOException e) {
      err.println("could not remove the benchmark's scratch folder " + root + ": " + e.getMessage());
    }
  }
}
