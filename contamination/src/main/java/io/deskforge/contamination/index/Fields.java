package io.deskforge.contamination.index;

/** The Lucene field names of an item document, in one place for the writer and the readers. */
public final class Fields {
  private Fields() {}

  /** Stored: the item's id, set, app and original text, returned in a verdict. */
  public static final String ID = "id";
  public static final String SET = "set";
  public static final String APP = "app";
  public static final String TEXT = "text";

  /** Keyword: {@code set + '\u001f' + id}, to find one item (the bank's own task) again. */
  public static final String KEY = "key";
  /** Keyword: hash of the normalized text (exact rule). */
  public static final String EXACT = "exact";
  /** Analyzed (whitespace over the core words), BM25-scored: optional candidate retrieval. */
  public static final String WORDS = "words";
  /** Keywords: hashes of the 8- and 13-word shingles of the core words (n-gram rules). */
  public static final String NGRAM8 = "ng8";
  public static final String NGRAM13 = "ng13";
  /** Doc values: how many distinct 8-word shingles the item has (the 8-gram share's denominator). */
  public static final String NGRAM8_COUNT = "ng8n";
  /** Keyword: hash of the template form (template rule). */
  public static final String TEMPLATE = "template";
  /** Stored: the template form as text, for reports. */
  public static final String TEMPLATE_TEXT = "template_text";
  /** Keywords: the 32 LSH band keys of the MinHash signature (MinHash candidates). */
  public static final String LSH = "lsh";
  /** Doc values: the 128-slot MinHash signature (MinHash rule). */
  public static final String MINHASH = "minhash";
  /** Doc values: the exact values, joined (bank rule: same task needs the same values). */
  public static final String VALUES = "values";
  /** Doc values, sparse: the set's own template ({@code intent_template}). */
  public static final String DECLARED = "declared";
  /** KNN vector (HNSW, cosine): the MiniLM sentence embedding (semantic tier, first stage). */
  public static final String VECTOR = "vector";
  /** Doc values: the bge-small embedding of the core words, 384 floats (semantic tier, rescoring). */
  public static final String RESCORING_VECTOR = "rescoring_vector";
}
