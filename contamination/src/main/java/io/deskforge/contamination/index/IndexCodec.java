package io.deskforge.contamination.index;

import java.util.Set;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilterFactory;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.bloom.FuzzySet;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104PostingsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The default codec, with Bloom-filtered postings on the hash-keyed fields. Nearly every lookup
 * there is of a term the index does not hold (a candidate's 8-grams are mostly new), and a miss in
 * the terms dictionary still decodes a block; the Bloom filter answers most misses from memory.
 * Readers need nothing special: the per-field format is recorded in the index and found by name.
 */
public final class IndexCodec {
  private static final Set<String> BLOOM_FIELDS = Set.of(Fields.EXACT, Fields.TEMPLATE, Fields.NGRAM8, Fields.NGRAM13, Fields.LSH, Fields.KEY);

  private IndexCodec() {}

  /**
   * Lucene's default filter is sized for one term a document and is dropped as saturated for
   * these fields, which hold up to a hundred; this one is sized for that many at a 1% false
   * positive rate (about 1 MB per 10,000 items and field).
   */
  private static final BloomFilterFactory SIZED = new BloomFilterFactory() {
    @Override
    public FuzzySet getSetForField(SegmentWriteState state, FieldInfo info) {
      long expected = (long) state.segmentInfo.maxDoc() * TERMS_PER_DOC;
      return FuzzySet.createOptimalSet((int) Math.min(Integer.MAX_VALUE / 16, Math.max(1024, expected)), 0.01f);
    }

    @Override
    public boolean isSaturated(FuzzySet set, FieldInfo info) {
      return set.getSaturation() > 0.9f;
    }
  };

  /** Upper bound of terms per item in a Bloom-filtered field (the 32 LSH bands, the n-grams of ~100 words). */
  private static final int TERMS_PER_DOC = 100;

  public static Codec codec() {
    PostingsFormat bloom = new BloomFilteringPostingsFormat(new Lucene104PostingsFormat(), SIZED);
    return new Lucene104Codec() {
      @Override
      public PostingsFormat getPostingsFormatForField(String field) {
        return BLOOM_FIELDS.contains(field) ? bloom : super.getPostingsFormatForField(field);
      }
    };
  }
}
