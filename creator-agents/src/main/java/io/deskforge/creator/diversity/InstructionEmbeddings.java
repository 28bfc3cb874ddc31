package io.deskforge.creator.diversity;

import io.deskforge.contamination.index.Embedder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Instruction embeddings for the diversity figures, with the arithmetic on them. The default model
 * is the contamination module's retrieval model ({@link Embedder#shared()}, all-MiniLM-L6-v2 int8,
 * in process, no service), so "close" means here what it means for the bank's near-duplicates.
 * Each text is embedded once per instance. Thread-safe.
 */
public final class InstructionEmbeddings {
  private final Function<String, float[]> model;
  private final String modelName;
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  public InstructionEmbeddings(String modelName, Function<String, float[]> model) {
    this.modelName = modelName;
    this.model = model;
  }

  /** MiniLM (all-minilm-l6-v2-q), loaded on first use (about 1 s). */
  public static InstructionEmbeddings miniLm() {
    return new InstructionEmbeddings(Embedder.MODEL, text -> Embedder.shared().embed(text));
  }

  public String modelName() {
    return modelName;
  }

  /** The unit-length embedding of {@code text}. */
  public float[] embed(String text) {
    return cache.computeIfAbsent(text, t -> unit(model.apply(t)));
  }

  /** Embeds {@code texts} ahead, on every core (the model runs one sentence per core). */
  public void warm(java.util.Collection<String> texts) {
    texts.parallelStream().distinct().forEach(this::embed);
  }

  /** The unit-length mean of the embeddings of {@code texts}: where a family's instructions sit. */
  public float[] centroid(List<String> texts) {
    if (texts.isEmpty()) throw new IllegalArgumentException("no text to take the centroid of");
    float[] sum = null;
    for (String t : texts) {
      float[] v = embed(t);
      if (sum == null) sum = new float[v.length];
      for (int i = 0; i < v.length; i++) sum[i] += v[i];
    }
    return unit(sum);
  }

  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** The mean of 1 - cosine over all pairs; NaN with fewer than two vectors. */
  public static double meanPairwiseDistance(List<float[]> vs) {
    double sum = 0;
    long pairs = 0;
    for (int i = 0; i < vs.size(); i++) {
      for (int j = i + 1; j < vs.size(); j++) {
        sum += 1 - cosine(vs.get(i), vs.get(j));
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  /**
   * The volume the unit vectors span, per vector: det(G)^(1/k) for their Gram matrix G (k × k,
   * cosines), the quantity determinantal point processes reward. 1 when they are orthogonal, 0 when
   * one is a combination of the others; a family that repeats another drives it towards 0 whatever
   * the rest. NaN with fewer than two vectors.
   */
  public static double volumePerVector(List<float[]> vs) {
    int k = vs.size();
    if (k < 2) return Double.NaN;
    double[][] g = new double[k][k];
    for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) g[i][j] = cosine(vs.get(i), vs.get(j));
    // Cholesky: det(G) = prod(L_ii)^2; a pivot at or below 0 means G is singular (numerically)
    double[][] l = new double[k][k];
    double logDet = 0;
    for (int j = 0; j < k; j++) {
      double d = g[j][j];
      for (int p = 0; p < j; p++) d -= l[j][p] * l[j][p];
      if (d <= 1e-12) return 0;
      l[j][j] = Math.sqrt(d);
      logDet += Math.log(d);
      for (int i = j + 1; i < k; i++) {
        double s = g[i][j];
        for (int p = 0; p < j; p++) s -= l[i][p] * l[j][p];
        l[i][j] = s / l[j][j];
      }
    }
    return Math.exp(logDet / k);
  }

  static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) n += (double) x * x;
    n = Math.sqrt(n);
    float[] out = new float[v.length];
    if (n == 0) return out;
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
    return out;
  }
}
