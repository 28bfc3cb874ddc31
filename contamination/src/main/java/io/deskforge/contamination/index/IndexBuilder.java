package io.deskforge.contamination.index;

import io.deskforge.contamination.evalset.EvalItem;
import io.deskforge.contamination.evalset.EvalSetImporter;
import io.deskforge.contamination.text.TextAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds an index folder from evaluation items. The new index is written to a fresh folder next
 * to the target and swapped in only when complete, so a failed build (or a bad evaluation file,
 * which fails before anything is written) leaves the existing index as it was.
 */
public final class IndexBuilder {

  /** What a build made. */
  public record Result(Path dir, IndexManifest manifest) {}

  /** One evaluation set to index: its name, where it was read from, its items. */
  public record Source(String name, String origin, List<EvalItem> items) {}

  private final boolean vectors;
  private final int threads;
  private final ProgressListener progress;

  /**
   * @param vectors whether to embed each item for the semantic tier, with both models (about 20 ms
   *     an item a core)
   * @param threads how many threads analyse and embed items
   */
  public IndexBuilder(boolean vectors, int threads, ProgressListener progress) {
    this.vectors = vectors;
    this.threads = Math.max(1, threads);
    this.progress = progress;
  }

  /**
   * Reads every set ({@code name -> path}, any format {@link EvalSetImporter#forPath} knows), then
   * builds. A bad file throws {@link io.deskforge.contamination.evalset.EvalSetException} naming
   * the file and record before anything is written.
   */
  public Result importAndBuild(Map<String, Path> sets, Path target) throws IOException {
    List<Source> sources = new ArrayList<>();
    for (var e : sets.entrySet()) {
      List<EvalItem> items = EvalSetImporter.readAny(e.getKey(), e.getValue());
      progress.progress("read " + e.getKey(), items.size(), items.size());
      sources.add(new Source(e.getKey(), e.getValue().toString(), items));
    }
    return build(sources, target);
  }

  public Result build(List<Source> sources, Path target) throws IOException {
    long t0 = System.nanoTime();
    Path dir = target.toAbsolutePath().normalize();
    Path parent = dir.getParent();
    Files.createDirectories(parent);
    Path fresh = Files.createTempDirectory(parent, dir.getFileName() + ".building-");
    try {
      int items = write(sources, fresh);
      List<IndexManifest.SetEntry> sets = new ArrayList<>();
      for (Source s : sources) sets.add(new IndexManifest.SetEntry(s.name(), s.origin(), s.items().size()));
      IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT, IndexManifest.ANALYSIS,
          vectors ? Embedder.MODEL : null, vectors ? Embedder.RESCORING_MODEL : null, items, sets,
          (System.nanoTime() - t0) / 1e9);
      manifest.write(fresh);
      swap(fresh, dir);
      return new Result(dir, manifest);
    } catch (IOException | RuntimeException e) {
      deleteTree(fresh);
      throw e;
    }
  }

  private int write(List<Source> sources, Path dir) throws IOException {
    List<EvalItem> all = new ArrayList<>();
    for (Source s : sources) all.addAll(s.items());
    IndexWriterConfig config = new IndexWriterConfig(ItemDocument.analyzer())
        .setCodec(IndexCodec.codec())
        .setRAMBufferSizeMB(1024) // no flush before the end: a 100,000-item index fits in memory
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    Embedder embedder = vectors ? Embedder.shared() : null;
    Embedder rescoring = vectors ? Embedder.rescoring() : null;
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, all.size() / 100);
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, config);
        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < all.size(); i += threads) {
            EvalItem item = all.get(i);
            TextAnalysis a = TextAnalysis.of(item.text());
            float[] v = embedder == null ? null : embedder.embed(item.text());
            float[] r = rescoring == null || !a.hasWords() ? null : rescoring.embed(Embedder.rescoringText(a));
            try {
              writer.addDocument(ItemDocument.of(item, a, v, r));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            int n = done.incrementAndGet();
            if (n % step == 0 || n == all.size()) progress.progress("indexing", n, all.size());
          }
          return null;
        }));
      }
      for (Future<?> f : futures) await(f);
      // each indexing thread writes its own segment, and a KNN query searches every segment's
      // HNSW graph for its own k nearest: over 100,000 vectors one merged graph answered in a
      // median 1.0 ms against 1.5 ms for two (contamination/README.md, "Speed, plainly")
      progress.progress("merging into one segment", all.size(), all.size());
      writer.forceMerge(1);
      progress.progress("committing", all.size(), all.size());
      writer.commit();
    }
    return all.size();
  }

  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) throw u.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IOException(c);
    }
  }

  /**
   * Puts {@code fresh} where {@code dir} is. Two renames when an index is already there (a
   * folder cannot be renamed over a non-empty one): the old one moves aside, the new one moves
   * in, the old one is deleted; if the second rename fails the old one is moved back.
   */
  static void swap(Path fresh, Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    if (Files.isDirectory(dir) && !isIndexOrEmpty(dir))
      throw new FileAlreadyExistsException(dir.toString(), null,
          "exists and is not a contamination index; refusing to replace it (choose another --index)");
    Path old = dir.resolveSibling(dir.getFileName() + ".old-" + System.nanoTime());
    Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  private static boolean isIndexOrEmpty(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve(IndexManifest.FILE))) return true;
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
