package io.deskforge.contamination.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What an index folder holds, written next to the Lucene files: which sets from where, how many
 * items, whether it has embeddings, and the analysis version, so that an index built by other
 * normalization code is refused rather than silently matching nothing.
 */
public record IndexManifest(
    @JsonProperty("format") int format,
    @JsonProperty("analysis") int analysis,
    @JsonProperty("embedding_model") String embeddingModel,
    @JsonProperty("rescoring_model") String rescoringModel,
    @JsonProperty("items") int items,
    @JsonProperty("sets") List<SetEntry> sets,
    @JsonProperty("build_seconds") double buildSeconds) {

  public static final String FILE = "deskforge-contamination.json";
  /** Bump when the Lucene codec changes (2: Lucene 10.6's Lucene104 codec; 1 was Lucene 10.1's Lucene101). */
  public static final int FORMAT = 2;
  /** Bump when {@code text} analysis changes what is indexed: old indexes must be rebuilt. */
  public static final int ANALYSIS = 3;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public record SetEntry(@JsonProperty("name") String name, @JsonProperty("source") String source,
      @JsonProperty("items") int items) {}

  public boolean hasVectors() {
    return embeddingModel != null;
  }

  public void write(Path dir) throws IOException {
    JSON.writeValue(dir.resolve(FILE).toFile(), this);
  }

  /** The manifest of {@code dir}, or an error that says how to make one. */
  public static IndexManifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file))
      throw new NoIndexException(dir, Files.isDirectory(dir)
          ? "no contamination index in " + dir + " (no " + FILE + "); build one with: deskforge contamination index --evalset NAME=PATH --index " + dir
          : "no contamination index at " + dir + " (no such folder); build one with: deskforge contamination index --evalset NAME=PATH --index " + dir);
    IndexManifest m = JSON.readValue(file.toFile(), IndexManifest.class);
    if (m.format() != FORMAT || m.analysis() != ANALYSIS)
      throw new NoIndexException(dir, "the contamination index in " + dir + " was built by another version (format "
          + m.format() + ", analysis " + m.analysis() + "; this build reads format " + FORMAT + ", analysis "
          + ANALYSIS + "); rebuild it with: deskforge contamination index");
    if (m.hasVectors() && (!m.embeddingModel().equals(Embedder.MODEL) || !Embedder.RESCORING_MODEL.equals(m.rescoringModel())))
      throw new NoIndexException(dir, "the contamination index in " + dir + " holds embeddings of " + m.embeddingModel()
          + (m.rescoringModel() == null ? " only" : " and " + m.rescoringModel()) + " but this build embeds with "
          + Embedder.MODEL + " and " + Embedder.RESCORING_MODEL + "; rebuild it with: deskforge contamination index");
    return m;
  }

  /** There is no usable index where one was expected. */
  public static final class NoIndexException extends IOException {
    private final Path dir;

    public NoIndexException(Path dir, String message) {
      super(message);
      this.dir = dir;
    }

    public Path dir() {
      return dir;
    }
  }
}
