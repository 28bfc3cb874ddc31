package io.deskforge.contamination.index;

import io.deskforge.contamination.evalset.EvalItem;
import io.deskforge.contamination.text.MinHash;
import io.deskforge.contamination.text.TextAnalysis;
import java.nio.ByteBuffer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** The Lucene document of one item, and the terms the detector looks items up by. */
public final class ItemDocument {
  private ItemDocument() {}

  /**
   * The analyzer of the index: the words field is already folded by {@link TextAnalysis}, so
   * splitting on spaces keeps the index's terms exactly the detector's words.
   */
  public static Analyzer analyzer() {
    return new WhitespaceAnalyzer();
  }

  /** The document of {@code item}; {@code vector} may be null for an index without embeddings. */
  public static Document of(EvalItem item, TextAnalysis a, float[] vector) {
    return of(item, a, vector, null);
  }

  /**
   * @param vector the MiniLM embedding (HNSW), or null
   * @param rescoringVector the bge-small embedding of the core words (doc values), or null
   */
  public static Document of(EvalItem item, TextAnalysis a, float[] vector, float[] rescoringVector) {
    Document d = new Document();
    d.add(new StoredField(Fields.ID, item.id()));
    d.add(new StoredField(Fields.SET, item.set()));
    if (item.app() != null) d.add(new StringField(Fields.APP, item.app(), Field.Store.YES));
    d.add(new StoredField(Fields.TEXT, item.text()));
    d.add(new StringField(Fields.KEY, key(item.set(), item.id()), Field.Store.NO));
    d.add(new StringField(Fields.EXACT, hashTerm(exactHash(a)), Field.Store.NO));
    d.add(new TextField(Fields.WORDS, String.join(" ", a.core()), Field.Store.NO));
    for (long h : a.ngrams8()) d.add(new StringField(Fields.NGRAM8, hashTerm(h), Field.Store.NO));
    for (long h : a.ngrams13()) d.add(new StringField(Fields.NGRAM13, hashTerm(h), Field.Store.NO));
    d.add(new StringField(Fields.TEMPLATE, hashTerm(templateHash(a)), Field.Store.NO));
    d.add(new StoredField(Fields.TEMPLATE_TEXT, a.template().key()));
    d.add(new BinaryDocValuesField(Fields.MINHASH, signatureBytes(a.minhash())));
    for (long band : MinHash.bands(a.minhash())) d.add(new StringField(Fields.LSH, hashTerm(band), Field.Store.NO));
    d.add(new BinaryDocValuesField(Fields.VALUES, new BytesRef(a.valuesKey())));
    d.add(new NumericDocValuesField(Fields.NGRAM8_COUNT, a.ngrams8().length));
    if (item.declaredTemplate() != null)
      d.add(new BinaryDocValuesField(Fields.DECLARED, new BytesRef(item.declaredTemplate())));
    if (vector != null) d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.COSINE));
    if (rescoringVector != null) d.add(new BinaryDocValuesField(Fields.RESCORING_VECTOR, vectorBytes(rescoringVector)));
    return d;
  }

  public static String key(String set, String id) {
    return set + '\u001f' + id;
  }

  public static long exactHash(TextAnalysis a) {
    return io.deskforge.contamination.text.Hashes.hash(a.normalized());
  }

  public static long templateHash(TextAnalysis a) {
    return io.deskforge.contamination.text.Hashes.hash(a.template().key());
  }

  /** A 64-bit hash as an 8-byte term: shorter than the words it stands for, same lookups. */
  public static BytesRef hashTerm(long h) {
    byte[] b = new byte[8];
    ByteBuffer.wrap(b).putLong(h);
    return new BytesRef(b);
  }

  public static Term term(String field, long h) {
    return new Term(field, hashTerm(h));
  }

  public static BytesRef signatureBytes(int[] sig) {
    ByteBuffer b = ByteBuffer.allocate(sig.length * 4);
    b.asIntBuffer().put(sig);
    return new BytesRef(b.array());
  }

  public static BytesRef vectorBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4);
    b.asFloatBuffer().put(v);
    return new BytesRef(b.array());
  }

  public static float[] vector(BytesRef bytes) {
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asFloatBuffer().get(v);
    return v;
  }

  public static int[] signature(BytesRef bytes) {
    int[] sig = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asIntBuffer().get(sig);
    return sig;
  }
}
