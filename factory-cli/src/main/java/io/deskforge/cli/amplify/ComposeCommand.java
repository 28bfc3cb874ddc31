package io.deskforge.cli.amplify;

import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.amplify.Composition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compose", mixinStandardHelpOptions = true,
    description = {"Composes every ordered pair of data families of one app into a longer task: do the first, then the",
        "second, in one desktop. The composed checker needs both parts; its negatives are each part alone and each",
        "side's own near misses with the other side done right. Pairs whose setups launch the app differently (on two",
        "files, say) cannot share a desktop and are listed as refused. Writes one *.family.json per composed pair;",
        "audit them with `deskforge generate --families DIR --data-only --bank FILE`.",
        "Exit codes: 0 when at least one pair was composed, 1 when none could be."})
public final class ComposeCommand implements Callable<Integer> {

  @Option(names = "--app", required = true, description = "The app whose families to compose (see `deskforge apps`).")
  String app;

  @Option(names = "--families", split = ",", paramLabel = "PATH",
      description = "Family files or folders to compose beside the shipped ones (the ports of Java families).")
  List<Path> families;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the composed family files.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    List<DataFamily> all = new ArrayList<>(FamilyFiles.shipped());
    if (families != null) all.addAll(FamilyFiles.load(families));
    long ofApp = all.stream().filter(f -> f.app().equals(app)).count();
    if (ofApp < 2)
      throw new IllegalArgumentException("--app " + app + ": " + ofApp + " data families, and composing needs two");
    Files.createDirectories(out);
    int composed = 0, refused = 0;
    for (Composition.Result r : Composition.pairs(all, app)) {
      if (r instanceof Composition.Composed c) {
        Path file = out.resolve(c.family().id() + FamilyFiles.SUFFIX);
        Files.writeString(file, c.json(), StandardCharsets.UTF_8);
        w.printf("composed  %-34s + %-34s -> %s%n", c.first(), c.second(), file);
        composed++;
      } else if (r instanceof Composition.Refused x) {
        w.printf("refused   %-34s + %-34s : %s%n", x.first(), x.second(), x.reason());
        refused++;
      }
    }
    w.printf("%d composed, %d refused, from %d data families of %s.%n", composed, refused, ofApp, app);
    if (composed > 0) w.printf("Audit them with: deskforge generate --families %s --data-only --bank FILE --count N%n", out);
    w.flush();
    return composed > 0 ? io.deskforge.cli.Deskforge.OK : io.deskforge.cli.Deskforge.FAILED;
  }
}
