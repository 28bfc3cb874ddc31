package io.deskforge.cli.bench;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.bench.DesktopBenchmark;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.json.TaskJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import io.deskforge.cli.ProviderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "desktops", mixinStandardHelpOptions = true,
    description = {"Starts desktops with an app and measures cold start (create to app ready), screenshot time",
        "(capture + PNG), CPU-seconds to ready and idle after, and memory per desktop while --concurrency of them run at once."})
final class BenchDesktopsCommand implements Callable<Integer> {

  @Mixin ProviderOptions provider;

  @Option(names = "--app", paramLabel = "APP", defaultValue = "mousepad", description = "The app to launch. Default: ${DEFAULT-VALUE}.")
  String app;

  @Option(names = "--runs", defaultValue = "20", description = "Desktops to start in all. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--concurrency", defaultValue = "1", description = "Desktops running at once. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--screenshots", defaultValue = "5", description = "Screenshots timed per desktop. Default: ${DEFAULT-VALUE}.")
  int screenshots;

  @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "3",
      description = "Seconds each desktop stays idle after its app is ready, its CPU measured. Default: ${DEFAULT-VALUE}.")
  int idleSeconds;

  @Option(names = "--no-accessibility",
      description = "Start desktops without AT-SPI (no accessibility bus and registry), as audits do. Default: with.")
  boolean noAccessibility;

  @Option(names = "--json", description = "Print one JSON object. Default: a summary.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    provider.ensureReady(java.util.List.of(app), err);
    DesktopBenchmark.Result r;
    try (DesktopProvider p = provider.create()) {
      r = new DesktopBenchmark(p, AppCatalog.load()).run(app, runs, concurrency, !noAccessibility, screenshots, idleSeconds, line -> {
        err.println(line);
        err.flush();
      });
    }
    if (json) {
      out.println(TaskJson.write(r));
    } else {
      out.printf("%s desktops with %s: %d runs, %d at once%n", r.provider(), r.app(), r.runs(), r.concurrency());
      out.printf("  cold start to app ready: p50 %.0f ms, p95 %.0f ms%n", r.coldStartMs().p50(), r.coldStartMs().p95());
      out.printf("  CPU (user + sys, all its processes) per desktop: to app ready p50 %.2f s (p95 %.2f s), then %.2f s over %d s idle%n",
          r.cpuMsToReady().p50() / 1000, r.cpuMsToReady().p95() / 1000, r.cpuMsIdle() / 1000, r.idleSeconds());
      out.printf("  screenshot (capture + PNG): p50 %.1f ms%n", r.screenshotMs().p50());
      out.printf("  memory per desktop: RSS %.1f MB, PSS %.1f MB, host MemAvailable drop %.1f MB%n",
          r.rssMbPerDesktop(), r.pssMbPerDesktop(), r.hostMbPerDesktop());
      if (r.failures() > 0) out.printf("  %d failed: %s%n", r.failures(), r.errors());
    }
    out.flush();
    return r.failures() == 0 ? 0 : 1;
  }
}
