package io.deskforge.contamination;

import io.deskforge.contamination.detect.Detector;
import io.deskforge.contamination.detect.Policy;
import io.deskforge.contamination.detect.Signatures;
import io.deskforge.contamination.index.DeclaredTemplates;
import io.deskforge.contamination.index.Embedder;
import io.deskforge.contamination.index.IndexManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * Checks candidate tasks against an index of public evaluation sets (built by {@code deskforge
 * contamination index}). Open once, check from any number of threads, close.
 */
public final class ContaminationFilter implements AutoCloseable {
  private final IndexManifest manifest;
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final DeclaredTemplates declared;
  private final Detector detector;

  private ContaminationFilter(IndexManifest manifest, FSDirectory directory, DirectoryReader reader,
      DeclaredTemplates declared, Detector detector) {
    this.manifest = manifest;
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null); // every check asks new terms: a cache would only cost locking
    this.declared = declared;
    this.detector = detector;
  }

  /**
   * Opens the index in {@code indexDir}. Throws {@link IndexManifest.NoIndexException} (an
   * IOException saying how to build one) when there is no index there. The embedding models are
   * loaded only when the thresholds ask for the semantic tier and the index has embeddings.
   */
  public static ContaminationFilter open(Path indexDir, Thresholds thresholds) throws IOException {
    IndexManifest manifest = IndexManifest.read(indexDir);
    FSDirectory dir = FSDirectory.open(indexDir);
    try {
      DirectoryReader reader = DirectoryReader.open(dir);
      boolean semantic = thresholds.semantic() && manifest.hasVectors();
      Embedder embedder = semantic ? Embedder.shared() : null;
      Embedder rescoring = semantic ? Embedder.rescoring() : null;
      return new ContaminationFilter(manifest, dir, reader, DeclaredTemplates.read(reader),
          new Detector(thresholds, Policy.EVAL_SETS, embedder, rescoring, Signatures.inMemory(reader)));
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Checks one candidate. Thread-safe. */
  public ContaminationVerdict check(Candidate c) {
    try {
      return detector.check(searcher, c, declared, doc -> false);
    } catch (IOException e) {
      throw new UncheckedIOException("checking " + c.id() + " against " + directory.getDirectory(), e);
    }
  }

  /** Whether checks run the semantic tier (asked for, and the index has embeddings). */
  public boolean semantic() {
    return detector.semantic();
  }

  public IndexManifest manifest() {
    return manifest;
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
