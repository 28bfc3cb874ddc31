package io.deskforge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deskforge} command. Each subcommand is one class: it parses, calls the module that
 * does the work, and prints. Exit codes: 0 done, 1 the work ran and failed (a check, a goal),
 * 2 bad usage or input, 3 the environment is missing something (see {@code deskforge doctor}).
 */
@Command(
    name = "deskforge",
    mixinStandardHelpOptions = true,
    versionProvider = Deskforge.Version.class,
    description = "A factory for verified computer-use tasks on real applications.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DoctorCommand.class,
      AppsCommand.class,
      DesktopCommand.class,
      ImagesCommand.class,
      GenerateCommand.class,
      SweepCommand.class,
      ImportCommand.class,
      CreateCommand.class,
      io.deskforge.cli.contamination.ContaminationCommand.class,
      io.deskforge.cli.bench.BenchCommand.class,
      StatsCommand.class,
      DiversityCommand.class,
      ShowCommand.class,
      ExportCommand.class,
      io.deskforge.cli.amplify.AmplifyCommand.class,
      ValidateCommand.class,
      ServeCommand.class,
      AgentCommand.class,
    })
public final class Deskforge implements Runnable {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int ENVIRONMENT = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static CommandLine commandLine() {
    return new CommandLine(new Deskforge())
        .setExitCodeExceptionMapper(Deskforge::exitCodeOf)
        .setExecutionExceptionHandler(Deskforge::report);
  }

  /**
   * Bad input (IllegalArgumentException) and I/O failures are told in one line naming the command;
   * anything else is a bug, so its stack trace follows.
   */
  static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    String name = command.getParent() == null ? "deskforge" : "deskforge " + command.getCommandName();
    command.getErr().println(name + ": " + e.getMessage());
    if (!(e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        || e instanceof io.deskforge.desktop.DesktopException || e instanceof io.deskforge.task.bank.BankException)) {
      e.printStackTrace(command.getErr());
    }
    command.getErr().flush();
    return exitCodeOf(e);
  }

  static int exitCodeOf(Throwable t) {
    if (t instanceof io.deskforge.desktop.MissingRequirementException) return ENVIRONMENT;
    // picocli sends parse errors (a missing or malformed option) through this mapper too
    return t instanceof IllegalArgumentException || t instanceof CommandLine.ParameterException ? USAGE : FAILED;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Deskforge.class.getPackage().getImplementationVersion();
      return new String[] {"deskforge " + (v == null ? "development build" : v)};
    }
  }
}
