package io.deskforge.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures (JSON with --json): desktops, generate, contamination, gym.",
    subcommands = {BenchDesktopsCommand.class, BenchGenerateCommand.class, BenchContaminationCommand.class, BenchGymCommand.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
