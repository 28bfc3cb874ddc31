package io.deskforge.contamination.bench;

import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationFilter;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.evalset.EvalItem;
import io.deskforge.contamination.evalset.SharedEvalSets;
import io.deskforge.contamination.index.IndexBuilder;
import io.deskforge.contamination.index.IndexManifest;
import io.deskforge.contamination.index.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the filter: accuracy on the labelled set against an index of the real evaluation sets,
 * and speed against a large index (the real items plus {@link SyntheticItems}). Both indexes are
 * kept in a cache folder keyed by their content, because embedding 100,000 items takes minutes;
 * a reused index reports the build time measured when it was made.
 */
public final class ContaminationBenchmark {

  /**
   * @param evalsets the evaluation sets folder (the vendored evalsets/)
   * @param indexItems how many items the speed index holds (real ones first, then synthetic)
   * @param threads how many threads check at once
   * @param lexicalChecks how many lexical checks to time
   * @param semanticChecks how many two-tier checks to time
   * @param cache where built indexes are kept between runs
   * @param rebuild build the indexes even if the cache has them
   */
  public record Options(Path evalsets, int indexItems, int threads, int lexicalChecks, int semanticChecks, Path cache,
      boolean rebuild, Thresholds thresholds, ProgressListener progress) {}

  private static final long SEED = 20240501L;

  public BenchmarkReport run(Options o) throws IOException {
    List<EvalItem> real = SharedEvalSets.read(o.evalsets());
    Path realIndex = o.cache().resolve("real-a" + IndexManifest.ANALYSIS);
    ensureIndex(realIndex, real, List.of(), o);
    BenchmarkReport.Accuracy accuracy;
    try (ContaminationFilter filter = ContaminationFilter.open(realIndex, o.thresholds())) {
      List<LabelledExample> examples = LabelledSet.build(real, SharedEvalSets.webarena(o.evalsets()), SEED);
      accuracy = accuracy(filter, examples, o.progress());
    }

    SyntheticItems generator = new SyntheticItems(real);
    int synthetic = Math.max(0, o.indexItems() - real.size());
    Path bigIndex = o.cache().resolve("speed-" + o.indexItems() + "-a" + IndexManifest.ANALYSIS);
    boolean reused = ensureIndex(bigIndex, real, generator.generate(synthetic, SEED), o);
    IndexManifest manifest = IndexManifest.read(bigIndex);

    // queries: the labelled examples (mostly flagged: the early-exit path) and fresh synthetic
    // texts the index has not seen (mostly clean: every rule runs)
    List<String> mixed = new ArrayList<>();
    for (LabelledExample e : LabelledSet.build(real, SharedEvalSets.webarena(o.evalsets()), SEED + 1)) mixed.add(e.text());
    for (EvalItem e : generator.generate(mixed.size(), SEED + 2)) mixed.add(e.text());
    List<String> unseen = new ArrayList<>();
    for (EvalItem e : generator.generate(o.semanticChecks(), SEED + 3)) unseen.add(e.text());

    double lexicalPerS;
    try (ContaminationFilter lexical = ContaminationFilter.open(bigIndex, o.thresholds().withSemantic(false))) {
      // warm up: the JIT takes tens of thousands of checks to reach steady speed (measured in
      // rounds of 8,800: 4,500/s, then 8,000, 9,000, 12,500, 14,600, and 20,000+ from about the
      // 60,000th), and a generate run checks for hours, so the steady speed is the one to report
      throughput(lexical, mixed, Math.max(60_000, o.lexicalChecks()), o.threads());
      o.progress().progress("timing lexical checks", 0, o.lexicalChecks());
      lexicalPerS = throughput(lexical, mixed, o.lexicalChecks(), o.threads());
    }
    double semanticPerS;
    try (ContaminationFilter full = ContaminationFilter.open(bigIndex, o.thresholds().withSemantic(true))) {
      throughput(full, unseen, Math.min(100, o.semanticChecks()), o.threads());
      o.progress().progress("timing semantic checks", 0, o.semanticChecks());
      semanticPerS = throughput(full, unseen, o.semanticChecks(), o.threads());
    }
    BenchmarkReport.ParaphraseFigures fresh = accuracy.paraphrases().get("heldout2");
    return new BenchmarkReport(round(lexicalPerS), round(semanticPerS), manifest.items(), round(manifest.buildSeconds()),
        reused, real.size(), manifest.items() - real.size(), o.threads(), o.lexicalChecks(), o.semanticChecks(),
        accuracy.recall(), accuracy.falsePositiveRate(), fresh.recall(), fresh.falsePositiveRate(), accuracy);
  }

  /** Builds {@code dir} unless a complete index of the same size is there; true when reused. */
  private static boolean ensureIndex(Path dir, List<EvalItem> real, List<EvalItem> synthetic, Options o) throws IOException {
    if (!o.rebuild() && Files.isRegularFile(dir.resolve(IndexManifest.FILE))) {
      try {
        if (IndexManifest.read(dir).items() == real.size() + synthetic.size()) return true;
      } catch (IOException stale) {
        // another version's index: rebuilt below
      }
    }
    List<IndexBuilder.Source> sources = new ArrayList<>(SharedEvalSets.sources(o.evalsets(), real));
    if (!synthetic.isEmpty()) sources.add(new IndexBuilder.Source(SyntheticItems.SET, "SyntheticItems seed " + SEED, synthetic));
    new IndexBuilder(true, o.threads(), o.progress()).build(sources, dir);
    return false;
  }

  static BenchmarkReport.Accuracy accuracy(ContaminationFilter filter, List<LabelledExample> examples, ProgressListener progress) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Map<String, Integer>> rules = new TreeMap<>();
    int dup = 0, flagged = 0, distinct = 0, fp = 0, done = 0;
    for (LabelledExample e : examples) {
      ContaminationVerdict v = filter.check(new Candidate(e.kind() + "-" + done, e.text(), e.app()));
      int[] c = counts.computeIfAbsent(e.kind(), k -> new int[2]);
      c[0]++;
      if (v.contaminated()) {
        c[1]++;
        rules.computeIfAbsent(e.kind(), k -> new TreeMap<>()).merge(v.rule(), 1, Integer::sum);
      }
      if (e.duplicate()) {
        dup++;
        if (v.contaminated()) flagged++;
      } else {
        distinct++;
        if (v.contaminated()) fp++;
      }
      if (++done % 200 == 0) progress.progress("checking the labelled set", done, examples.size());
    }
    Map<String, BenchmarkReport.KindFigures> byKind = new TreeMap<>();
    counts.forEach((k, c) -> byKind.put(k, new BenchmarkReport.KindFigures(c[0], c[1], round4(c[1] / (double) c[0]),
        rules.getOrDefault(k, Map.of()))));
    Map<String, BenchmarkReport.ParaphraseFigures> paraphrases = new TreeMap<>();
    for (String[] batch : PARAPHRASE_BATCHES) {
      int[] p = counts.getOrDefault(batch[1], new int[2]), d = counts.getOrDefault(batch[2], new int[2]);
      paraphrases.put(batch[0], new BenchmarkReport.ParaphraseFigures(p[0], p[1], round4(p[1] / (double) Math.max(1, p[0])),
          d[0], d[1], round4(d[1] / (double) Math.max(1, d[0]))));
    }
    return new BenchmarkReport.Accuracy(dup, flagged, round4(flagged / (double) Math.max(1, dup)), distinct, fp,
        round4(fp / (double) Math.max(1, distinct)), paraphrases, byKind);
  }

  /** Each batch of hand-written rows: its name, its paraphrases' kind, its distinct tasks' kind. */
  private static final String[][] PARAPHRASE_BATCHES = {
      {"dev", "paraphrase", "distinct"},
      {"heldout", "paraphrase_heldout", "distinct_heldout"},
      {"heldout2", "paraphrase_heldout2", "distinct_heldout2"}};

  /** Checks per second of {@code checks} checks over {@code texts} (cycled) on {@code threads} threads. */
  static double throughput(ContaminationFilter filter, List<String> texts, int checks, int threads) throws IOException {
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < checks; i += threads)
            filter.check(new Candidate("q" + i, texts.get(i % texts.size()), null));
        }));
      }
      for (Future<?> f : futures) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("a check failed: " + e.getCause(), e.getCause());
    }
    return checks / ((System.nanoTime() - t0) / 1e9);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
