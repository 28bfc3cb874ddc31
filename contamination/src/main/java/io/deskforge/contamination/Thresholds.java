package io.deskforge.contamination;

/**
 * The knobs of the detector. The defaults and the reason for each are in contamination/README.md
 * ("Thresholds"); the benchmark prints the recall and false positives they give.
 *
 * @param minhashJaccard Jaccard similarity of word shingles at or above which two texts are the
 *     same task (MinHash rule: MinHash finds and screens the candidates, the exact Jaccard decides)
 * @param ngram8Share share of 8-word shingles in common, of the shorter text's, at or above which
 *     the texts are the same (8-gram rule)
 * @param ngram13Shared how many 13-word shingles in common make the texts the same (13-gram rule)
 * @param templateMinLiterals how many literal (non-placeholder) words a template form needs before
 *     it is specific enough for the template rule
 * @param semantic whether the semantic tier runs (needs an index built with embeddings)
 * @param semanticCosine cosine of the rescoring model (bge-small over the core words) at or above
 *     which a neighbour of the candidate is the same task: a paraphrase of an evaluation item is
 *     flagged (against an index without rescoring embeddings, the bank's: the MiniLM cosine)
 * @param bankSemanticCosine cosine at or above which two bank tasks with the same values are the
 *     same task (lower than {@code semanticCosine}: the values already pin the task down)
 * @param bm25Candidates how many BM25 top candidates the MinHash rule also looks at, besides
 *     those its LSH bands find (0, the default: the bands find every item at the threshold with
 *     probability 0.9998, and BM25 is the costliest lookup at 100,000 items)
 * @param semanticCandidates how many nearest neighbours the semantic tier looks at
 * @param semanticRetrievalCosine MiniLM cosine a neighbour needs before it is rescored: below it
 *     the candidate is clean without running the rescoring model (most candidates, so most checks
 *     cost one MiniLM embedding)
 */
public record Thresholds(
    double minhashJaccard,
    double ngram8Share,
    int ngram13Shared,
    int templateMinLiterals,
    boolean semantic,
    double semanticCosine,
    double bankSemanticCosine,
    int bm25Candidates,
    int semanticCandidates,
    double semanticRetrievalCosine) {

  public Thresholds {
    if (minhashJaccard <= 0 || minhashJaccard > 1) throw new IllegalArgumentException("minhashJaccard must be in (0, 1]: " + minhashJaccard);
    if (ngram8Share <= 0 || ngram8Share > 1) throw new IllegalArgumentException("ngram8Share must be in (0, 1]: " + ngram8Share);
    if (ngram13Shared < 1) throw new IllegalArgumentException("ngram13Shared must be at least 1: " + ngram13Shared);
    if (templateMinLiterals < 1) throw new IllegalArgumentException("templateMinLiterals must be at least 1: " + templateMinLiterals);
    if (semanticCosine <= 0 || semanticCosine > 1) throw new IllegalArgumentException("semanticCosine must be in (0, 1]: " + semanticCosine);
    if (bankSemanticCosine <= 0 || bankSemanticCosine > 1) throw new IllegalArgumentException("bankSemanticCosine must be in (0, 1]: " + bankSemanticCosine);
    if (bm25Candidates < 0 || semanticCandidates < 1) throw new IllegalArgumentException("bm25Candidates must be >= 0 and semanticCandidates >= 1");
    if (semanticRetrievalCosine < 0 || semanticRetrievalCosine > 1) throw new IllegalArgumentException("semanticRetrievalCosine must be in [0, 1]: " + semanticRetrievalCosine);
  }

  /** The thresholds with the default retrieval cosine. */
  public Thresholds(double minhashJaccard, double ngram8Share, int ngram13Shared, int templateMinLiterals, boolean semantic,
      double semanticCosine, double bankSemanticCosine, int bm25Candidates, int semanticCandidates) {
    this(minhashJaccard, ngram8Share, ngram13Shared, templateMinLiterals, semantic, semanticCosine, bankSemanticCosine,
        bm25Candidates, semanticCandidates, DEFAULT_RETRIEVAL_COSINE);
  }

  private static final double DEFAULT_RETRIEVAL_COSINE = 0.70;

  public static Thresholds defaults() {
    return new Thresholds(0.7, 0.8, 1, 5, true, 0.915, 0.80, 0, 5, DEFAULT_RETRIEVAL_COSINE);
  }

  public Thresholds withSemantic(boolean on) {
    return new Thresholds(minhashJaccard, ngram8Share, ngram13Shared, templateMinLiterals, on, semanticCosine,
        bankSemanticCosine, bm25Candidates, semanticCandidates, semanticRetrievalCosine);
  }

  public Thresholds withBm25Candidates(int k) {
    return new Thresholds(minhashJaccard, ngram8Share, ngram13Shared, templateMinLiterals, semantic, semanticCosine,
        bankSemanticCosine, k, semanticCandidates, semanticRetrievalCosine);
  }

  public Thresholds withSemanticCosine(double v) {
    return new Thresholds(minhashJaccard, ngram8Share, ngram13Shared, templateMinLiterals, semantic, v,
        bankSemanticCosine, bm25Candidates, semanticCandidates, semanticRetrievalCosine);
  }

  public Thresholds withSemanticRetrievalCosine(double v) {
    return new Thresholds(minhashJaccard, ngram8Share, ngram13Shared, templateMinLiterals, semantic, semanticCosine,
        bankSemanticCosine, bm25Candidates, semanticCandidates, v);
  }

}
