package io.deskforge.contamination.detect;

import io.deskforge.contamination.index.Embedder;
import io.deskforge.contamination.index.Fields;
import io.deskforge.contamination.index.ItemDocument;
import io.deskforge.contamination.text.TextAnalysis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Paraphrases the lexical rules cannot see, in two stages. The candidate's MiniLM embedding finds
 * its nearest items (HNSW). Against an index with rescoring embeddings (evaluation sets), the
 * neighbours at or above the retrieval cosine are then compared by bge-small over the core words,
 * and one at or above the rescoring cosine that passes the gate is the match; a candidate with no
 * neighbour that close is clean without running bge, which keeps most checks at one MiniLM
 * embedding. Without rescoring embeddings (the bank), the MiniLM cosine decides alone.
 */
public final class SemanticTier {

  /**
   * How many candidates the graph search keeps while it walks the HNSW graph (Elasticsearch's
   * {@code num_candidates}); the nearest {@code neighbours + 2} of them are looked at. Lucene's
   * query takes its k as that beam, and a beam of 7 misses close neighbours. Among 100,000
   * vectors (the real items' and mixtures of two), it missed 12.7% of the exact 7 nearest at a
   * cosine of 0.70 or more, against 1.7% with this beam, which costs 0.11 ms more a search
   * (contamination/README.md, "How far the graph search looks").
   */
  static final int SEARCH_BEAM = 100;

  /** The match, or null, and the best cosine of the stage that decided (rescoring when it ran). */
  public record Outcome(Match match, double bestCosine) {}

  private final Embedder embedder;
  private final Embedder rescoring;
  private final Policy policy;
  private final double cosine;
  private final double retrievalCosine;
  private final int neighbours;

  /** One stage: the MiniLM cosine decides. */
  public SemanticTier(Embedder embedder, Policy policy, double cosine, int neighbours) {
    this(embedder, null, policy, cosine, 0, neighbours);
  }

  /**
   * @param rescoring the rescoring model, or null for one stage
   * @param cosine the cosine that flags: the rescoring model's, or MiniLM's with one stage
   * @param retrievalCosine the MiniLM cosine a neighbour needs to be rescored
   */
  public SemanticTier(Embedder embedder, Embedder rescoring, Policy policy, double cosine, double retrievalCosine,
      int neighbours) {
    this.embedder = embedder;
    this.rescoring = rescoring;
    this.policy = policy;
    this.cosine = cosine;
    this.retrievalCosine = retrievalCosine;
    this.neighbours = neighbours;
  }

  public Outcome find(IndexSearcher searcher, String text, TextAnalysis a, IntPredicate excluded) throws IOException {
    if (!a.hasWords()) return new Outcome(null, 0);
    return find(searcher, embedder.embed(text), a, excluded);
  }

  /** With the embedding already made (the bank embeds a task once to check and to add it). */
  public Outcome find(IndexSearcher searcher, float[] vector, TextAnalysis a, IntPredicate excluded) throws IOException {
    MatchGate gate = new MatchGate(searcher, a, policy.sameValues());
    double best = 0;
    List<ScoreDoc> close = new ArrayList<>();
    // the nearest few more than needed that are not excluded: value-mismatched ones are skipped
    int wanted = neighbours + 2;
    int beam = Math.max(wanted, SEARCH_BEAM);
    int looked = 0;
    for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, beam), beam).scoreDocs) {
      if (excluded.test(sd.doc)) continue;
      if (looked++ == wanted) break;
      double cos = 2 * sd.score - 1; // Lucene scores cosine as (1 + cos) / 2
      best = Math.max(best, cos);
      if (rescoring == null) {
        if (cos >= cosine && gate.passes(sd.doc)) return new Outcome(new Match(sd.doc, "semantic", cos), cos);
      } else if (cos >= retrievalCosine) {
        close.add(sd);
      }
    }
    if (rescoring == null || close.isEmpty()) return new Outcome(null, best);
    return rescore(searcher, a, close, gate);
  }

  /** The neighbours MiniLM found close, by bge-small cosine over the core words: the best one that passes the gate. */
  private Outcome rescore(IndexSearcher searcher, TextAnalysis a, List<ScoreDoc> close, MatchGate gate) throws IOException {
    float[] mine = rescoring.embed(Embedder.rescoringText(a));
    double best = 0;
    Match match = null;
    for (ScoreDoc sd : close) {
      BytesRef theirs = DocValuesLookup.binary(searcher.getIndexReader(), Fields.RESCORING_VECTOR, sd.doc);
      if (theirs == null) continue; // an item without words: nothing to compare
      double cos = dot(mine, ItemDocument.vector(theirs));
      best = Math.max(best, cos);
      if (cos >= cosine && (match == null || cos > match.score()) && gate.passes(sd.doc)) match = new Match(sd.doc, "semantic", cos);
    }
    return new Outcome(match, best);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
