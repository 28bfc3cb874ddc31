package io.deskforge.contamination.detect;

import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.index.DeclaredTemplate;
import io.deskforge.contamination.index.DeclaredTemplates;
import io.deskforge.contamination.index.Fields;
import io.deskforge.contamination.index.ItemDocument;
import io.deskforge.contamination.text.MinHash;
import io.deskforge.contamination.text.TextAnalysis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * The lexical rules, strongest evidence first: exact copy, a shared 13-word run, most 8-word runs
 * shared, MinHash Jaccard over word shingles, and the template form. Every rule finds its
 * candidates by exact term lookups, so it sees the whole index at a cost that does not grow with
 * it: hashes of the text, its n-grams and its template form; the LSH bands of its MinHash
 * signature; the anchor words of declared templates. BM25 candidates can be added.
 */
public final class LexicalTier {

  /** The rule that fired, or null, and the best MinHash Jaccard seen (for near misses). */
  public record Outcome(Match match, double bestJaccard) {}

  /** At most this many words go into the BM25 query: the rarest, which are the ones that rank. */
  private static final int MAX_QUERY_WORDS = 6;

  /** How far under the threshold a MinHash estimate may be and still be confirmed (3 standard errors). */
  private static final double SCREEN_MARGIN = 0.12;

  /** Words too common to rank by (English function words and the commonest instruction words). */
  private static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "is", "are", "be", "it", "this", "that", "with",
      "my", "me", "i", "you", "your", "all", "from", "by", "at", "as", "so", "if", "then", "what", "which", "do",
      "s", "t", "can", "will");

  private final Thresholds thresholds;
  private final Policy policy;
  private final Signatures signatures;

  public LexicalTier(Thresholds thresholds, Policy policy, Signatures signatures) {
    this.thresholds = thresholds;
    this.policy = policy;
    this.signatures = signatures;
  }

  /**
   * @param excluded doc ids never to match (the candidate's own entry in the bank)
   * @param declared the templates the index's items declare
   */
  public Outcome find(IndexSearcher searcher, TextAnalysis a, IntPredicate excluded, DeclaredTemplates declared)
      throws IOException {
    if (!a.hasWords()) return new Outcome(null, 0);
    IndexReader reader = searcher.getIndexReader();
    TermLookup terms = new TermLookup(reader);
    MatchGate gate = new MatchGate(searcher, a, policy.sameValues());

    int exact = terms.firstDoc(Fields.EXACT, ItemDocument.hashTerm(ItemDocument.exactHash(a)), excluded);
    if (exact >= 0) return new Outcome(new Match(exact, "exact", 1.0), 1.0);

    // an item sharing a 13-word run shares the run's six 8-word runs, so the 13-gram lookups are
    // needed only when some item already shares that many 8-grams: same verdicts, fewer lookups
    Map<Integer, Integer> shared8 = sharedTerms(terms, Fields.NGRAM8, a.ngrams8(), excluded);
    int most8 = shared8.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (a.ngrams13().length > 0 && most8 >= a.fewest8gramsIn13gram()) {
      Match ngram13 = bestNgram13(sharedTerms(terms, Fields.NGRAM13, a.ngrams13(), excluded), a, gate);
      if (ngram13 != null) return new Outcome(ngram13, 0);
    }

    Match ngram8 = bestNgram8(reader, shared8, a, gate);
    if (ngram8 != null) return new Outcome(ngram8, 0);

    Set<Integer> candidates = new LinkedHashSet<>(shared8.keySet());
    for (long band : MinHash.bands(a.minhash()))
      terms.forEachDoc(Fields.LSH, ItemDocument.hashTerm(band), doc -> {
        if (!excluded.test(doc)) candidates.add(doc);
        return true;
      });
    if (thresholds.bm25Candidates() > 0) candidates.addAll(bm25(searcher, terms, a, excluded));
    int[] docs = candidates.stream().mapToInt(Integer::intValue).sorted().toArray();
    // the signatures screen (their estimate's standard error is ~0.04, single ones off by 0.1), the stored texts
    // confirm: a rule at a threshold should not fire on estimation noise
    double best = 0;
    int bestDoc = -1;
    double[] estimates = signatures.jaccard(reader, a.minhash(), docs);
    for (int k = 0; k < docs.length; k++) {
      int doc = docs[k];
      if (estimates[k] < thresholds.minhashJaccard() - SCREEN_MARGIN) continue;
      double j = TextAnalysis.jaccard(a.shingles(), TextAnalysis.shingles(gate.itemCore(doc)));
      if (j > best && (j < thresholds.minhashJaccard() || gate.passes(doc))) {
        best = j;
        bestDoc = doc;
      }
    }
    if (bestDoc >= 0 && best >= thresholds.minhashJaccard()) return new Outcome(new Match(bestDoc, "minhash", best), best);

    if (policy.templateRule()) {
      Match template = template(terms, a, excluded, declared, gate);
      if (template != null) return new Outcome(template, best);
    }
    return new Outcome(null, best);
  }

  private Match bestNgram13(Map<Integer, Integer> shared, TextAnalysis a, MatchGate gate) throws IOException {
    Match best = null;
    for (var e : shared.entrySet()) {
      int n = e.getValue();
      if (n < thresholds.ngram13Shared() || (best != null && n <= best.score() * a.ngrams13().length)) continue;
      if (gate.passes(e.getKey())) best = new Match(e.getKey(), "ngram13", n / (double) a.ngrams13().length);
    }
    return best;
  }

  /** The share is of the shorter text's 8-grams, so that one text containing the other counts. */
  private Match bestNgram8(IndexReader reader, Map<Integer, Integer> shared, TextAnalysis a, MatchGate gate)
      throws IOException {
    if (shared.isEmpty()) return null;
    int[] docs = shared.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    Map<Integer, Long> theirCounts = DocValuesLookup.numeric(reader, Fields.NGRAM8_COUNT, docs);
    Match best = null;
    for (int doc : docs) {
      long theirs = theirCounts.getOrDefault(doc, (long) a.ngrams8().length);
      double share = shared.get(doc) / (double) Math.max(1, Math.min(a.ngrams8().length, theirs));
      if (share < thresholds.ngram8Share() || (best != null && share <= best.score())) continue;
      if (gate.passes(doc)) best = new Match(doc, "ngram8", Math.min(1.0, share));
    }
    return best;
  }

  private Match template(TermLookup terms, TextAnalysis a, IntPredicate excluded, DeclaredTemplates declared,
      MatchGate gate) throws IOException {
    var form = a.template();
    if (form.placeholders() > 0 && form.literals() >= thresholds.templateMinLiterals()) {
      int doc = terms.firstDoc(Fields.TEMPLATE, ItemDocument.hashTerm(ItemDocument.templateHash(a)), excluded);
      if (doc >= 0 && gate.passes(doc))
        return new Match(doc, "template", form.literals() / (double) (form.literals() + form.placeholders()));
    }
    if (declared.isEmpty()) return null;
    String core = String.join(" ", a.core());
    for (DeclaredTemplates.Entry e : declared.candidates(new LinkedHashSet<>(a.core()))) {
      DeclaredTemplate t = e.template();
      if (t.literals() >= thresholds.templateMinLiterals() && !excluded.test(e.doc()) && t.matches(core) && gate.passes(e.doc()))
        return new Match(e.doc(), "template", t.literalShare());
    }
    return null;
  }

  /** How many of {@code hashes} each document holds in {@code field}, by global doc id. */
  private static Map<Integer, Integer> sharedTerms(TermLookup terms, String field, long[] hashes, IntPredicate excluded)
      throws IOException {
    Map<Integer, Integer> counts = new HashMap<>();
    for (long h : hashes)
      terms.forEachDoc(field, ItemDocument.hashTerm(h), doc -> {
        if (!excluded.test(doc)) counts.merge(doc, 1, Integer::sum);
        return true;
      });
    return counts;
  }

  /**
   * The BM25 top candidates for the candidate's rarest words, when asked for (off by default: the
   * LSH bands already find every item the MinHash rule can flag, and at 100,000 items a BM25
   * top-k costs more than all the other rules together; see the README). Common words rank
   * nothing and have the longest postings, so the query keeps the rarest few.
   */
  private List<Integer> bm25(IndexSearcher searcher, TermLookup terms, TextAnalysis a, IntPredicate excluded)
      throws IOException {
    record Word(Term term, TermStates states, int docFreq) {}
    List<Word> words = new ArrayList<>();
    for (String w : new LinkedHashSet<>(a.core())) {
      if (STOP_WORDS.contains(w)) continue;
      Term t = new Term(Fields.WORDS, w);
      TermStates states = terms.states(t);
      if (states != null) words.add(new Word(t, states, states.docFreq()));
    }
    List<Integer> out = new ArrayList<>();
    if (words.isEmpty()) return out;
    words.sort(Comparator.comparingInt(Word::docFreq));
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (Word w : words.subList(0, Math.min(MAX_QUERY_WORDS, words.size())))
      q.add(new TermQuery(w.term(), w.states()), BooleanClause.Occur.SHOULD);
    int k = thresholds.bm25Candidates();
    TopDocs top = searcher.search(q.build(), new TopScoreDocCollectorManager(k, null, k));
    for (ScoreDoc sd : top.scoreDocs) if (!excluded.test(sd.doc)) out.add(sd.doc);
    return out;
  }
}
