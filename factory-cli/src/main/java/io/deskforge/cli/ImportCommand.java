package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.creator.pipeline.Factory;
import io.deskforge.creator.pipeline.Pipeline;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.InvalidTaskException;
import io.deskforge.task.json.Problem;
import io.deskforge.task.json.TaskValidator;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Brings task files written elsewhere (by hand, by another creator) into a bank. Every file is",
        "validated first; if any task is malformed, each problem is printed as FILE:LINE: JSON-PATH: what is wrong,",
        "nothing is imported and the exit code is 2. Valid tasks are then audited like generated ones (static,",
        "then replay in fresh desktops) and recorded with their verdict: an imported task is never verified",
        "without a replay. Exit code 0 when every task verified, 1 when some were rejected or errored."})
final class ImportCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Task files: .json (one task) or .jsonl (one task per line).")
  List<Path> files;

  @Option(names = "--bank", defaultValue = "bank.sqlite", paramLabel = "FILE",
      description = "The bank to record into; created if missing. Default: ${DEFAULT-VALUE}.")
  Path bank;

  @Mixin ProviderOptions provider;

  @Mixin CandidateCheckOptions checks;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<TaskSpec> tasks = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        tasks.addAll(TaskValidator.get().readFile(file));
      } catch (InvalidTaskException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> out.println(p));
      out.println(problems.size() + " problems; nothing was imported");
      out.flush();
      return Deskforge.USAGE;
    }
    AppCatalog catalog = AppCatalog.load();
    provider.ensureReady(List.copyOf(new LinkedHashSet<>(tasks.stream().map(TaskSpec::app).toList())), spec.commandLine().getErr());
    int verified = 0;
    try (TaskBank b = TaskBank.open(bank); DesktopProvider p = provider.create();
        CandidateCheckOptions.Opened c = checks.open(spec.commandLine().getErr())) {
      Pipeline pipeline = Factory.pipeline(b, catalog, p, c.checks());
      pipeline.start(t -> true); // every task is checked against all of the bank's verified ones
      try {
        for (TaskSpec task : tasks) {
          TaskSpec t = task.withAudit(null).withContentId();
          AuditReport report = pipeline.auditAndRecord(t).report();
          if (report.verified()) verified++;
          out.printf("%-9s %s%s%n", report.verdict().json(), t.id(), report.reasons().isEmpty() ? "" : "  " + String.join("; ", report.reasons()));
          out.flush();
        }
      } finally {
        pipeline.finish();
      }
    }
    out.printf("%d of %d imported tasks verified into %s%n", verified, tasks.size(), bank);
    out.flush();
    return verified == tasks.size() ? Deskforge.OK : Deskforge.FAILED;
  }
}
