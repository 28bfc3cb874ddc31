package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.env.TaskIndex;
import io.deskforge.gym.server.GymServer;
import io.deskforge.task.bank.TaskBank;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Serves the bank's verified tasks to agents over HTTP, gym-style: POST /v1/envs gives a fresh desktop set up from a task, "
          + "POST /v1/envs/{id}/step performs an action (deskforge's, the OpenAI computer tool's or the Anthropic computer tool's "
          + "schema) and returns the screen, the reward comes from the task's checker, run outside the desktop. OpenEnv-shaped "
          + "/reset, /step and /state too; the API is at /openapi.json. Every episode is recorded in the bank.",
      "Runs until interrupted (Ctrl-C or SIGTERM), then ends every episode and closes every desktop."})
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--bank", required = true, paramLabel = "FILE", description = "The bank whose verified tasks are served. It must exist.")
  Path bank;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on. Anything but loopback needs --token. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", defaultValue = "8790", paramLabel = "N", description = "Port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--max-envs", defaultValue = "16", paramLabel = "N",
      description = "Envs alive at once; one more gets HTTP 429 with Retry-After. Default: ${DEFAULT-VALUE}.")
  int maxEnvs;

  @Option(names = "--warm", defaultValue = "0", paramLabel = "K",
      description = "Desktops per app started ahead, so a new env costs its task's setup only. Default: ${DEFAULT-VALUE}.")
  int warm;

  @Option(names = "--idle-timeout", defaultValue = "300", paramLabel = "SECONDS",
      description = "An env with no request for this long is closed. Default: ${DEFAULT-VALUE}.")
  int idleSeconds;

  @Option(names = "--episode-timeout", defaultValue = "1800", paramLabel = "SECONDS",
      description = "An episode running this long ends as timeout. Default: ${DEFAULT-VALUE}.")
  int episodeSeconds;

  @Option(names = "--token", paramLabel = "T", defaultValue = "${env:DESKFORGE_GYM_TOKEN}",
      description = "Require Authorization: Bearer T on every request (default: $DESKFORGE_GYM_TOKEN, if set).")
  String token;

  @Mixin ProviderOptions provider;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    GymConfig config = GymConfig.defaults().withMaxEnvs(maxEnvs).withWarm(warm)
        .withIdleTimeout(Duration.ofSeconds(idleSeconds)).withEpisodeTimeout(Duration.ofSeconds(episodeSeconds));
    AppCatalog catalog = AppCatalog.load();
    try (TaskBank b = TaskBank.openExisting(bank)) {
      List<TaskIndex.Card> tasks = new TaskIndex(b).find(TaskIndex.Query.all());
      if (tasks.isEmpty()) throw new IllegalArgumentException("bank " + bank + " holds no verified task to serve; fill it with `deskforge generate`");
      provider.ensureReady(tasks.stream().map(TaskIndex.Card::app).distinct().toList(), err);
      try (DesktopProvider p = provider.create(); Gym gym = new Gym(b, p, catalog, config).start();
          GymServer server = new GymServer(gym, host, token).start(host, port)) {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
          err.println("deskforge serve: stopping: ending episodes and closing desktops");
          err.flush();
          server.close();
          gym.close();
          stop.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().printf("deskforge serve: http://%s:%d (%d verified tasks, %s desktops, at most %d envs%s)%n",
            host, server.port(), tasks.size(), p.name(), maxEnvs, token == null || token.isBlank() ? "" : ", token required");
        spec.commandLine().getOut().flush();
        stop.await();
      }
    }
    return Deskforge.OK;
  }
}
