package io.deskforge.contamination.detect;

import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.index.DeclaredTemplates;
import io.deskforge.contamination.index.Embedder;
import io.deskforge.contamination.index.Fields;
import io.deskforge.contamination.text.TextAnalysis;
import java.io.IOException;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;

/**
 * The two tiers as one verdict: the lexical rules first (cheap, and their evidence is the
 * strongest), the semantic tier only when they find nothing. Stateless between calls: safe for
 * concurrent checks on one searcher.
 */
public final class Detector {
  private final LexicalTier lexical;
  private final SemanticTier semantic;

  /**
   * @param embedder null to run the lexical tier only
   * @param signatures where the items' MinHash signatures are read
   */
  public Detector(Thresholds thresholds, Policy policy, Embedder embedder, Signatures signatures) {
    this(thresholds, policy, embedder, null, signatures);
  }

  /**
   * @param rescoring the rescoring model when the index holds its embeddings (evaluation sets),
   *     else null: the MiniLM cosine then decides alone, at the bank's cosine for the bank
   */
  public Detector(Thresholds thresholds, Policy policy, Embedder embedder, Embedder rescoring, Signatures signatures) {
    this.lexical = new LexicalTier(thresholds, policy, signatures);
    double cosine = policy.sameValues() ? thresholds.bankSemanticCosine() : thresholds.semanticCosine();
    this.semantic = thresholds.semantic() && embedder != null
        ? new SemanticTier(embedder, rescoring, policy, cosine, thresholds.semanticRetrievalCosine(), thresholds.semanticCandidates())
        : null;
  }

  public boolean semantic() {
    return semantic != null;
  }

  public ContaminationVerdict check(IndexSearcher searcher, Candidate c, DeclaredTemplates declared,
      IntPredicate excluded) throws IOException {
    return check(searcher, c, TextAnalysis.of(c.text()), null, declared, excluded);
  }

  /** @param vector the candidate's embedding if already made, else null (made here when needed) */
  public ContaminationVerdict check(IndexSearcher searcher, Candidate c, TextAnalysis a, float[] vector,
      DeclaredTemplates declared, IntPredicate excluded) throws IOException {
    LexicalTier.Outcome lex = lexical.find(searcher, a, excluded, declared);
    if (lex.match() != null) return verdict(searcher, lex.match());
    if (semantic == null) return ContaminationVerdict.clean(lex.bestJaccard());
    SemanticTier.Outcome sem = vector == null
        ? semantic.find(searcher, c.text(), a, excluded)
        : semantic.find(searcher, vector, a, excluded);
    if (sem.match() != null) return verdict(searcher, sem.match());
    return ContaminationVerdict.clean(sem.bestCosine());
  }

  private static ContaminationVerdict verdict(IndexSearcher searcher, Match m) throws IOException {
    Document d = searcher.storedFields().document(m.doc());
    return new ContaminationVerdict(true, m.rule(), d.get(Fields.ID), d.get(Fields.SET), m.score(), d.get(Fields.TEXT));
  }
}
