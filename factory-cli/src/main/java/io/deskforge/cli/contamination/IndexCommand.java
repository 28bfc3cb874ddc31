package io.deskforge.cli.contamination;

import io.deskforge.cli.Deskforge;
import io.deskforge.contamination.evalset.EvalSetException;
import io.deskforge.contamination.index.IndexBuilder;
import io.deskforge.contamination.index.IndexManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deskforge contamination index}: builds the index of evaluation sets. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
        "Builds a contamination index from evaluation sets.",
        "Every file is read and checked before anything is written; the new index is built next to DIR and swapped in only when complete, so a bad file or a failed build leaves an existing index untouched. Progress goes to stderr, a summary to stdout.",
        "%nExit codes: 0 built; 2 bad input (a corrupt evaluation file, named with its record; a bad --evalset); 3 environment (DIR cannot be written, the embedding model cannot load); 1 any other failure.%n"},
    sortOptions = false)
public final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--evalset", required = true, paramLabel = "NAME=PATH",
      description = {"An evaluation set to index, repeatable. NAME is how verdicts name the set; PATH is an",
          "OSWorld examples folder (<app>/<id>.json files), a WebArena test.raw.json, or a .jsonl file of",
          "{\"id\", \"text\", \"app\"?} lines. Example: --evalset osworld=evalsets/osworld/examples"})
  List<String> evalsets;

  @Option(names = "--index", required = true, paramLabel = "DIR",
      description = "Where the index goes. An existing index there is replaced; any other non-empty folder is refused.")
  Path index;

  @Option(names = "--no-embeddings",
      description = {"Skip the sentence embeddings: faster to build (no models, ~20 ms an item a core less), but 'check'",
          "then runs the lexical tier only and misses paraphrases. Default: embeddings on."})
  boolean noEmbeddings;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads that analyse and embed items. Default: the number of cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    Map<String, Path> sets;
    try {
      sets = parse(evalsets);
    } catch (IllegalArgumentException e) {
      return usageError(spec, e.getMessage());
    }
    IndexBuilder.Result result;
    try {
      result = new IndexBuilder(!noEmbeddings, threads, new StderrProgress()).importAndBuild(sets, index);
    } catch (EvalSetException e) {
      System.err.println("deskforge: bad evaluation file: " + e.getMessage());
      System.err.println("deskforge: nothing was written; the index at " + index + " (if any) is unchanged.");
      return Deskforge.USAGE;
    } catch (IOException e) {
      System.err.println("deskforge: cannot write the index at " + index + ": " + e.getMessage());
      return Deskforge.ENVIRONMENT;
    } catch (IllegalStateException e) {
      System.err.println("deskforge: " + e.getMessage());
      return Deskforge.ENVIRONMENT;
    }
    IndexManifest m = result.manifest();
    System.out.printf("indexed %,d items (%s) into %s in %.1f s%s%n", m.items(),
        String.join(", ", m.sets().stream().map(s -> s.name() + " " + s.items()).toList()), result.dir(),
        m.buildSeconds(), m.hasVectors() ? ", with embeddings" : ", without embeddings (lexical tier only)");
    return Deskforge.OK;
  }

  /** A usage error found after parsing: said on stderr, exit 2 (an exception would map to 1). */
  static int usageError(CommandSpec spec, String message) {
    System.err.println("deskforge: " + message);
    System.err.println("deskforge: see: deskforge " + spec.qualifiedName().replaceFirst("^\\S+ ", "") + " --help");
    return Deskforge.USAGE;
  }

  /** NAME=PATH pairs; a malformed or repeated name is a usage error (exit 2). */
  static Map<String, Path> parse(List<String> specs) {
    Map<String, Path> out = new LinkedHashMap<>();
    var names = new HashSet<String>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1)
        throw new IllegalArgumentException("--evalset wants NAME=PATH, got '" + s + "'");
      String name = s.substring(0, eq);
      if (!name.matches("[A-Za-z0-9_.-]+"))
        throw new IllegalArgumentException("--evalset name '" + name + "' may hold letters, digits, '_', '.', '-' only");
      if (!names.add(name)) throw new IllegalArgumentException("--evalset name '" + name + "' is given twice");
      out.put(name, Path.of(s.substring(eq + 1)));
    }
    return out;
  }
}
