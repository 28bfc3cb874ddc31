package io.deskforge.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deskforge.cli.Deskforge;
import io.deskforge.cli.contamination.StderrProgress;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.bench.BenchmarkReport;
import io.deskforge.contamination.bench.ContaminationBenchmark;
import io.deskforge.contamination.evalset.EvalSetException;
import io.deskforge.contamination.evalset.SharedEvalSets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deskforge bench contamination}: speed and accuracy of the contamination filter. */
@Command(
    name = "contamination",
    mixinStandardHelpOptions = true,
    description = {
        "Measures the contamination filter.",
        "Accuracy: recall on near-duplicates and false positives on distinct tasks of the labelled set (made from the real OSWorld and WebArena files; see contamination/README.md), against an index of the real sets. Speed: lexical and semantic checks per second against a large index (the real items plus synthetic ones from SyntheticItems).",
        "Indexes are cached in --cache: the first run embeds every item with both models (49 minutes for 100,000 on 2 cores shared with other work); later runs reuse them and report the build time measured when they were made (index_reused: true).",
        "%nGoals: checks_per_s >= 20000, semantic_checks_per_s >= 200, recall >= 0.95, false_positive_rate <= 0.01, and on the second held-out set (written after the method was chosen) heldout_paraphrase_recall >= 0.95 with heldout_paraphrase_false_positive_rate <= 0.01. accuracy.paraphrases gives paraphrase recall and false positives for each batch of hand-written rows (dev, heldout, heldout2).",
        "%nExit codes: 0 all goals met; 1 a goal missed (the figures are printed all the same); 2 bad input (no evaluation sets at --evalsets); 3 environment (the cache cannot be written, the model cannot load).%n"},
    sortOptions = false)
public final class BenchContaminationCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print the figures as one JSON object (default: the same, indented).")
  boolean json;

  @Option(names = "--evalsets", paramLabel = "DIR",
      description = "The evaluation sets folder. Default: the repository's evalsets/ (or DESKFORGE_EVALSETS).")
  Path evalsets;

  @Option(names = "--items", paramLabel = "N", description = "Items in the speed index (real first, then synthetic). Default: ${DEFAULT-VALUE}.")
  int items = 100_000;

  @Option(names = "--threads", paramLabel = "N", description = "Threads checking at once. Default: ${DEFAULT-VALUE} (the goals are for 2 cores).")
  int threads = 2;

  @Option(names = "--lexical-checks", paramLabel = "N", description = "Lexical checks timed (after as many to warm up). Default: ${DEFAULT-VALUE}.")
  int lexicalChecks = 60_000;

  @Option(names = "--semantic-checks", paramLabel = "N", description = "Two-tier checks timed. Default: ${DEFAULT-VALUE}.")
  int semanticChecks = 1_000;

  @Option(names = "--cache", paramLabel = "DIR", description = "Where built indexes are kept between runs. Default: ${DEFAULT-VALUE}.")
  Path cache = Path.of(System.getProperty("user.home"), ".cache", "deskforge", "contamination-bench");

  @Option(names = "--semantic-cosine", paramLabel = "C",
      description = "The semantic tier's rescoring cosine (bge-small) to measure with. Default: ${DEFAULT-VALUE}.")
  double semanticCosine = Thresholds.defaults().semanticCosine();

  @Option(names = "--semantic-retrieval-cosine", paramLabel = "C",
      description = "The MiniLM cosine a neighbour needs to be rescored, to measure with. Default: ${DEFAULT-VALUE}.")
  double semanticRetrievalCosine = Thresholds.defaults().semanticRetrievalCosine();

  @Option(names = "--bm25", paramLabel = "K",
      description = "Also compare the BM25 top K items by MinHash, as 'check --bm25' does (0 = off). Default: ${DEFAULT-VALUE}.")
  int bm25 = Thresholds.defaults().bm25Candidates();

  @Option(names = "--rebuild", description = "Build the indexes even when the cache has them (index_build_s is then measured now).")
  boolean rebuild;

  @Override
  public Integer call() throws IOException {
    Path sets = evalsets != null ? evalsets : SharedEvalSets.find();
    if (sets == null) {
      System.err.println("deskforge: no evalsets folder above " + Path.of("").toAbsolutePath() + "; give --evalsets DIR");
      return Deskforge.USAGE;
    }
    BenchmarkReport r;
    try {
      r = new ContaminationBenchmark().run(new ContaminationBenchmark.Options(sets, items, threads, lexicalChecks,
          semanticChecks, cache, rebuild, Thresholds.defaults().withSemanticCosine(semanticCosine)
              .withSemanticRetrievalCosine(semanticRetrievalCosine).withBm25Candidates(bm25), new StderrProgress()));
    } catch (EvalSetException e) {
      System.err.println("deskforge: bad evaluation file: " + e.getMessage());
      return Deskforge.USAGE;
    } catch (IOException | IllegalStateException e) {
      System.err.println("deskforge: " + e.getMessage());
      return Deskforge.ENVIRONMENT;
    }
    ObjectMapper mapper = new ObjectMapper();
    if (!json) mapper.enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(mapper.writeValueAsString(r));
    return r.goalsMet() ? Deskforge.OK : Deskforge.FAILED;
  }
}
