package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.statics.Replayability;
import io.deskforge.task.json.InvalidTaskException;
import io.deskforge.task.json.Problem;
import io.deskforge.task.json.TaskValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.deskforge.task.spec.TaskSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Checks task files against the task schema and rules, and that their actions can be replayed (known key names,",
        "window titles that are regular expressions, points on the screen, apps in the catalog); prints each problem with",
        "file, line and JSON path, or file and task number.",
        "Problems read FILE:LINE: JSON-PATH: what is wrong. A .jsonl file holds one task per line; any other file one task.",
        "Exit code 2 when any file is invalid."})
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Task files: .json (one task) or .jsonl (one task per line).")
  List<Path> files;

  @Spec CommandSpec spec;
  private Replayability replayability;

  /** Key names, window-title patterns, points on the screen and apps, checked against the catalog. */
  private Replayability replayability() {
    if (replayability == null) replayability = new Replayability(AppCatalog.load());
    return replayability;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int invalid = 0;
    int problems = 0;
    for (Path file : files) {
      try {
        List<TaskSpec> tasks = TaskValidator.get().readFile(file);
        List<String> replay = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
          for (String p : replayability().problems(tasks.get(i))) replay.add(file + ": task " + (i + 1) + ": " + p);
        }
        if (!replay.isEmpty()) {
          invalid++;
          problems += replay.size();
          replay.forEach(out::println);
          continue;
        }
        out.println(file + ": ok, " + tasks.size() + (tasks.size() == 1 ? " task" : " tasks"));
      } catch (InvalidTaskException e) {
        invalid++;
        problems += e.problems().size();
        e.problems().stream().map(Problem::toString).forEach(out::println);
      }
    }
    if (invalid > 0) out.println(invalid + " of " + files.size() + " files invalid, " + problems + " problems");
    out.flush();
    return invalid == 0 ? Deskforge.OK : Deskforge.USAGE;
  }
}
