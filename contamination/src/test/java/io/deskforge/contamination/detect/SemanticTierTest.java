package io.deskforge.contamination.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.deskforge.contamination.index.Fields;
import io.deskforge.contamination.text.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The semantic tier's graph search on vectors made here (no model): clusters of unit vectors, as
 * sentence embeddings cluster by topic, and queries near one of them. One thread builds the graph
 * in insertion order, so the graph, and what a search misses in it, is the same on every run.
 */
class SemanticTierTest {
  private static final int DIMENSIONS = 384;
  private static final double COSINE = 0.7;
  private static final TextAnalysis CANDIDATE = TextAnalysis.of("rename the report");

  private static final List<float[]> items = new ArrayList<>();
  private static final List<float[]> queries = new ArrayList<>();
  private static ByteBuffersDirectory dir;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws Exception {
    Random r = new Random(42);
    List<float[]> centres = new ArrayList<>();
    for (int c = 0; c < 50; c++) centres.add(noisy(new float[DIMENSIONS], 1e6, r)); // a random direction
    for (int i = 0; i < 3000; i++) items.add(noisy(centres.get(r.nextInt(centres.size())), 3.0, r));
    for (int q = 0; q < 500; q++) queries.add(noisy(items.get(r.nextInt(items.size())), 0.7, r));

    dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
      for (float[] v : items) {
        Document d = new Document();
        d.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.COSINE));
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    dir.close();
  }

  @Test
  void theNearestItemIsFoundWhereLucenesDefaultBeamOfKMissesIt() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    SemanticTier tier = new SemanticTier(null, Policy.EVAL_SETS, COSINE, 5);
    int checked = 0;
    int missedByABeamOf7 = 0;
    for (float[] q : queries) {
      int nearest = nearest(q, -1);
      if (cosine(q, items.get(nearest)) < COSINE) continue;
      checked++;

      SemanticTier.Outcome o = tier.find(searcher, q, CANDIDATE, doc -> false);

      assertThat(o.match()).as("query %d", checked).isNotNull();
      assertThat(o.match().doc()).as("query %d", checked).isEqualTo(nearest);
      assertThat(o.bestCosine()).isCloseTo(cosine(q, items.get(nearest)), offset(1e-4));
      if (!contains(searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, q, 7), 7).scoreDocs, nearest)) missedByABeamOf7++;
    }
    assertThat(checked).isGreaterThan(400);
    // what the tier searched with before (k = its 5 + 2 neighbours, which Lucene also takes as the
    // beam): the same graph hides the nearest item from it, so this test tells the two apart
    assertThat(missedByABeamOf7).isPositive();
  }

  @Test
  void excludedItemsDoNotTakeTheNeighboursPlaces() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    float[] q = queries.get(0);
    // the 3 nearest excluded: with 1 (+2) neighbours looked at, all 3 places would go to them
    List<Integer> excluded = new ArrayList<>();
    for (int i = 0; i < 3; i++) excluded.add(nearest(q, excluded));
    int fourth = nearest(q, excluded);
    SemanticTier tier = new SemanticTier(null, Policy.EVAL_SETS, cosine(q, items.get(fourth)) - 1e-4, 1);

    SemanticTier.Outcome o = tier.find(searcher, q, CANDIDATE, excluded::contains);

    assertThat(o.match()).isNotNull();
    assertThat(o.match().doc()).isEqualTo(fourth);
  }

  private static int nearest(float[] q, int not) {
    return nearest(q, List.of(not));
  }

  private static int nearest(float[] q, List<Integer> not) {
    int best = -1;
    double bestCosine = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < items.size(); i++) {
      if (not.contains(i)) continue;
      double c = cosine(q, items.get(i));
      if (c > bestCosine) {
        best = i;
        bestCosine = c;
      }
    }
    return best;
  }

  private static boolean contains(ScoreDoc[] docs, int doc) {
    for (ScoreDoc sd : docs) if (sd.doc == doc) return true;
    return false;
  }

  private static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  /** {@code v} plus Gaussian noise of total length about {@code spread}, at unit length. */
  private static float[] noisy(float[] v, double spread, Random r) {
    float[] out = new float[v.length];
    double n = 0;
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] + spread * r.nextGaussian() / Math.sqrt(v.length));
      n += out[i] * out[i];
    }
    for (int i = 0; i < out.length; i++) out[i] /= (float) Math.sqrt(n);
    return out;
  }
}
