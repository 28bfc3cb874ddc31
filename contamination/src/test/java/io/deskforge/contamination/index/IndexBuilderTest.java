package io.deskforge.contamination.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationFilter;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.evalset.EvalSetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {
  private static final Thresholds LEXICAL = Thresholds.defaults().withSemantic(false);

  private static IndexBuilder builder() {
    return new IndexBuilder(false, 2, ProgressListener.NONE);
  }

  /** Every file of the folder with its size and last-modified time, to see that nothing changed. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList())
        m.put(dir.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
    }
    return m;
  }

  @Test
  void aCorruptEvaluationFileFailsNamingFileAndRecord_andLeavesTheExistingIndexUntouched(@TempDir Path tmp) throws Exception {
    Path good = tmp.resolve("good.jsonl");
    Files.writeString(good, "{\"id\":\"g1\",\"text\":\"Rename the layer 'Sky' to 'Clouds' in GIMP.\"}\n");
    Path corrupt = tmp.resolve("corrupt.jsonl");
    Files.writeString(corrupt, "{\"id\":\"c1\",\"text\":\"Sort column B.\"}\n{\"id\":\"c2\",\"text\":}\n");
    Path index = tmp.resolve("index");
    builder().importAndBuild(Map.of("good", good), index);
    Map<String, String> before = snapshot(index);

    assertThatThrownBy(() -> builder().importAndBuild(Map.of("good", good, "corrupt", corrupt), index))
        .isInstanceOf(EvalSetException.class)
        .hasMessageContaining(corrupt.toString())
        .hasMessageContaining("line 2");

    assertThat(snapshot(index)).isEqualTo(before);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("good.jsonl", "corrupt.jsonl", "index");
    }
    try (ContaminationFilter f = ContaminationFilter.open(index, LEXICAL)) {
      assertThat(f.check(new Candidate("x", "Rename the layer 'Sky' to 'Clouds' in GIMP.", null)).matchId()).isEqualTo("g1");
      assertThat(f.manifest().sets()).extracting(IndexManifest.SetEntry::name).containsExactly("good");
    }
  }

  @Test
  void anIndexWithMiniLmEmbeddingsOnly_orAnOlderCodec_isRefusedWithHowToRebuild(@TempDir Path tmp) throws Exception {
    Path set = tmp.resolve("set.jsonl");
    Files.writeString(set, "{\"id\":\"a\",\"text\":\"Mute the video that is playing in VLC right now.\"}\n");
    Path index = tmp.resolve("index");
    builder().importAndBuild(Map.of("v", set), index);
    Path manifest = index.resolve(IndexManifest.FILE);
    String lexicalOnly = Files.readString(manifest);

    // what the previous build wrote: MiniLM embeddings, no rescoring ones
    Files.writeString(manifest, lexicalOnly.replace("\"embedding_model\" : null", "\"embedding_model\" : \"all-minilm-l6-v2-q\""));
    assertThatThrownBy(() -> ContaminationFilter.open(index, Thresholds.defaults()))
        .isInstanceOf(IndexManifest.NoIndexException.class)
        .hasMessageContaining("all-minilm-l6-v2-q only")
        .hasMessageContaining("bge-small-en-v1.5-q")
        .hasMessageContaining("rebuild it with: deskforge contamination index");

    // an index written by Lucene 10.1 (format 1)
    Files.writeString(manifest, lexicalOnly.replace("\"format\" : " + IndexManifest.FORMAT, "\"format\" : 1"));
    assertThatThrownBy(() -> ContaminationFilter.open(index, LEXICAL))
        .isInstanceOf(IndexManifest.NoIndexException.class)
        .hasMessageContaining("format 1")
        .hasMessageContaining("rebuild it with");
  }

  @Test
  void aRebuildSwapsTheNewIndexIn_leavingNoTemporaryFolder(@TempDir Path tmp) throws Exception {
    Path v1 = tmp.resolve("v1.jsonl");
    Files.writeString(v1, "{\"id\":\"a\",\"text\":\"Mute the video that is playing in VLC right now.\"}\n");
    Path v2 = tmp.resolve("v2.jsonl");
    Files.writeString(v2, "{\"id\":\"b\",\"text\":\"Freeze the first row of the open spreadsheet please.\"}\n");
    Path index = tmp.resolve("index");
    builder().importAndBuild(Map.of("v", v1), index);

    builder().importAndBuild(Map.of("v", v2), index);

    try (ContaminationFilter f = ContaminationFilter.open(index, LEXICAL)) {
      assertThat(f.check(new Candidate("x", "Freeze the first row of the open spreadsheet please.", null)).matchId()).isEqualTo("b");
      assertThat(f.check(new Candidate("x", "Mute the video that is playing in VLC right now.", null)).contaminated()).isFalse();
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("v1.jsonl", "v2.jsonl", "index");
    }
  }

  @Test
  void aFolderThatIsNotAnIndexIsNotReplaced(@TempDir Path tmp) throws Exception {
    Path set = tmp.resolve("s.jsonl");
    Files.writeString(set, "{\"id\":\"a\",\"text\":\"Open the terminal.\"}\n");
    Path precious = tmp.resolve("precious");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("notes.txt"), "keep me");

    assertThatThrownBy(() -> builder().importAndBuild(Map.of("s", set), precious))
        .hasMessageContaining("not a contamination index");

    assertThat(Files.readString(precious.resolve("notes.txt"))).isEqualTo("keep me");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("s.jsonl", "precious");
    }
  }

  @Test
  void anIndexWrittenByTwoThreadsIsMergedIntoOneSegment(@TempDir Path tmp) throws Exception {
    // each indexing thread fills its own segment; a KNN query would then search one HNSW graph per segment
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 400; i++)
      lines.append(String.format(Locale.ROOT, "{\"id\":\"t%d\",\"text\":\"Rename the file report-%d.txt to summary-%d.txt on the desktop.\"}%n", i, i, i));
    Path set = tmp.resolve("many.jsonl");
    Files.writeString(set, lines);
    Path index = tmp.resolve("index");

    builder().importAndBuild(Map.of("many", set), index);

    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      assertThat(reader.leaves()).hasSize(1);
      assertThat(reader.numDocs()).isEqualTo(400);
    }
    try (ContaminationFilter f = ContaminationFilter.open(index, LEXICAL)) {
      assertThat(f.check(new Candidate("x", "Rename the file report-217.txt to summary-217.txt on the desktop.", null)).matchId())
          .isEqualTo("t217");
    }
  }
}
