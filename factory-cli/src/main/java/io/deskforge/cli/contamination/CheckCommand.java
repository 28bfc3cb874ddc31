package io.deskforge.cli.contamination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.cli.Deskforge;
import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationFilter;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.evalset.EvalSetException;
import io.deskforge.contamination.evalset.JsonlImporter;
import io.deskforge.contamination.index.IndexManifest;
import io.deskforge.task.bank.BankException;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deskforge contamination check}: checks candidates against an index. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Checks task instructions against a contamination index.",
        "Prints one verdict per input, in input order: which rule fired (exact, ngram13, ngram8, minhash, template, semantic, or none), the matched item and its set, and the score. A summary goes to stderr.",
        "%nExit codes: 0 the check ran, whatever it found (a contaminated task is a result, not a failure of the command; --fail-on-contaminated makes it one); 1 --fail-on-contaminated and at least one input was contaminated; 2 bad input (no index at --index, a bad input line, named with its line, a --bank that is not a bank); 3 environment (the embedding model cannot load).%n"},
    sortOptions = false)
public final class CheckCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index built by 'contamination index'.")
  Path index;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--jsonl", paramLabel = "FILE",
        description = "Candidates, one JSON object a line: {\"id\", \"text\", \"app\"?} (id defaults to the line number).")
    Path jsonl;

    @Option(names = "--text", paramLabel = "TEXT", description = "One candidate instruction (reported with id 'text').")
    String text;

    @Option(names = "--bank", paramLabel = "FILE",
        description = "Every task of a deskforge task bank (the SQLite file 'generate --bank' fills), whatever its verdict, by task id.")
    Path bank;
  }

  @Option(names = "--json", description = "One JSON object a line: id, contaminated, rule, match_id, match_set, score, match_text.")
  boolean json;

  @Option(names = "--fail-on-contaminated", description = "Exit 1 when any candidate is contaminated (default: exit 0).")
  boolean failOnContaminated;

  @Option(names = "--no-semantic", description = "Run the lexical tier only (faster: ~20,000 checks/s against ~200 with the semantic tier).")
  boolean noSemantic;

  @Option(names = "--minhash", paramLabel = "J",
      description = "MinHash Jaccard at or above which texts are the same task. Default: ${DEFAULT-VALUE}.")
  double minhash = Thresholds.defaults().minhashJaccard();

  @Option(names = "--ngram8-share", paramLabel = "S",
      description = "Share of the shorter text's 8-word runs found in the other that flags it. Default: ${DEFAULT-VALUE}.")
  double ngram8Share = Thresholds.defaults().ngram8Share();

  @Option(names = "--template-min-literals", paramLabel = "N",
      description = "Literal words a template needs before the template rule uses it. Default: ${DEFAULT-VALUE}.")
  int templateMinLiterals = Thresholds.defaults().templateMinLiterals();

  @Option(names = "--semantic-cosine", paramLabel = "C",
      description = "Rescoring cosine (bge-small over the core words) at or above which a paraphrase is flagged. Default: ${DEFAULT-VALUE}.")
  double semanticCosine = Thresholds.defaults().semanticCosine();

  @Option(names = "--semantic-retrieval-cosine", paramLabel = "C",
      description = "MiniLM cosine a neighbour needs before it is rescored (below it a candidate is clean). Default: ${DEFAULT-VALUE}.")
  double semanticRetrievalCosine = Thresholds.defaults().semanticRetrievalCosine();

  @Option(names = "--bm25", paramLabel = "K",
      description = "Also compare the BM25 top K items by MinHash (0 = off). Default: ${DEFAULT-VALUE}.")
  int bm25 = Thresholds.defaults().bm25Candidates();

  @Option(names = "--threads", paramLabel = "N", description = "Threads checking at once. Default: the number of cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    List<Candidate> candidates;
    try {
      candidates = candidates();
    } catch (EvalSetException e) {
      System.err.println("deskforge: bad input: " + e.getMessage());
      return Deskforge.USAGE;
    } catch (IllegalArgumentException | BankException e) {
      System.err.println("deskforge: cannot read the bank " + input.bank + ": " + e.getMessage());
      return Deskforge.USAGE;
    }
    Thresholds t;
    try {
      t = thresholds();
    } catch (IllegalArgumentException e) {
      return IndexCommand.usageError(spec, e.getMessage());
    }
    List<ContaminationVerdict> verdicts;
    try (ContaminationFilter filter = ContaminationFilter.open(index, t)) {
      if (!noSemantic && !filter.semantic())
        System.err.println("deskforge: the index has no embeddings: lexical tier only (rebuild it without --no-embeddings)");
      verdicts = checkAll(filter, candidates);
    } catch (IndexManifest.NoIndexException e) {
      System.err.println("deskforge: " + e.getMessage());
      return Deskforge.USAGE;
    } catch (IOException e) {
      System.err.println("deskforge: cannot read the index at " + index + ": " + e.getMessage());
      return Deskforge.ENVIRONMENT;
    } catch (IllegalStateException e) {
      System.err.println("deskforge: " + e.getMessage());
      return Deskforge.ENVIRONMENT;
    }
    int contaminated = print(candidates, verdicts, System.out);
    return failOnContaminated && contaminated > 0 ? Deskforge.FAILED : Deskforge.OK;
  }

  private Thresholds thresholds() {
    Thresholds d = Thresholds.defaults();
    return new Thresholds(minhash, ngram8Share, d.ngram13Shared(), templateMinLiterals, !noSemantic, semanticCosine,
        d.bankSemanticCosine(), bm25, d.semanticCandidates(), semanticRetrievalCosine);
  }

  private List<Candidate> candidates() throws EvalSetException {
    if (input.text != null) return List.of(new Candidate("text", input.text, null));
    if (input.bank != null) return bankTasks(input.bank);
    List<Candidate> out = new ArrayList<>();
    for (JsonlImporter.Line line : JsonlImporter.lines(input.jsonl)) {
      JsonNode n = line.node();
      JsonNode text = n.get("text");
      if (text == null || !text.isTextual())
        throw new EvalSetException(input.jsonl, line.record(), "missing string field \"text\"");
      JsonNode id = n.get("id");
      JsonNode app = n.get("app");
      out.add(new Candidate(id == null || id.isNull() ? Integer.toString(line.number()) : id.asText(), text.asText(),
          app == null || app.isNull() ? null : app.asText()));
    }
    return out;
  }

  /** The bank's tasks, verified first, then rejected and error ones, each by id. */
  static List<Candidate> bankTasks(Path file) {
    List<Candidate> out = new ArrayList<>();
    try (TaskBank bank = TaskBank.openExisting(file)) {
      for (Verdict v : Verdict.values())
        for (TaskSpec task : bank.tasks(v)) out.add(new Candidate(task.id(), task.instruction(), task.app()));
    }
    return out;
  }

  /** Verdicts in input order, checked on {@code threads} threads. */
  private List<ContaminationVerdict> checkAll(ContaminationFilter filter, List<Candidate> candidates) throws IOException {
    StderrProgress progress = new StderrProgress();
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
      List<Future<ContaminationVerdict>> futures = new ArrayList<>();
      for (Candidate c : candidates) futures.add(pool.submit(() -> filter.check(c)));
      List<ContaminationVerdict> out = new ArrayList<>(candidates.size());
      for (Future<ContaminationVerdict> f : futures) {
        out.add(f.get());
        if (candidates.size() >= 1000) progress.progress("checking", out.size(), candidates.size());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IOException(e.getCause());
    }
  }

  /** Prints the verdicts and a summary (stderr); returns how many were contaminated. */
  private int print(List<Candidate> candidates, List<ContaminationVerdict> verdicts, PrintStream out) {
    Map<String, Integer> byRule = new TreeMap<>();
    for (int i = 0; i < verdicts.size(); i++) {
      Candidate c = candidates.get(i);
      ContaminationVerdict v = verdicts.get(i);
      if (v.contaminated()) byRule.merge(v.rule(), 1, Integer::sum);
      out.println(json ? jsonLine(c, v) : textLine(c, v));
    }
    int contaminated = byRule.values().stream().mapToInt(Integer::intValue).sum();
    System.err.printf("deskforge: checked %,d candidates: %,d contaminated%s%n", verdicts.size(), contaminated,
        byRule.isEmpty() ? "" : " " + byRule);
    return contaminated;
  }

  static String jsonLine(Candidate c, ContaminationVerdict v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", c.id());
    o.put("contaminated", v.contaminated());
    o.put("rule", v.rule());
    o.put("match_id", v.matchId());
    o.put("match_set", v.matchSet());
    o.put("score", Math.round(v.score() * 10_000) / 10_000.0);
    o.put("match_text", v.matchText());
    return o.toString();
  }

  static String textLine(Candidate c, ContaminationVerdict v) {
    return v.contaminated()
        ? String.format("CONTAMINATED  %s  %s %.3f  %s/%s  %s", c.id(), v.rule(), v.score(), v.matchSet(), v.matchId(),
            oneLine(v.matchText()))
        : String.format("clean         %s  (best score %.3f)", c.id(), v.score());
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 120 ? t.substring(0, 117) + "..." : t;
  }
}
