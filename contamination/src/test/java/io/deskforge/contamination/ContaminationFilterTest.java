package io.deskforge.contamination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.contamination.evalset.EvalItem;
import io.deskforge.contamination.evalset.SharedEvalSets;
import io.deskforge.contamination.detect.Detector;
import io.deskforge.contamination.detect.Policy;
import io.deskforge.contamination.detect.Signatures;
import io.deskforge.contamination.index.DeclaredTemplates;
import io.deskforge.contamination.index.Embedder;
import io.deskforge.contamination.index.IndexManifest;
import io.deskforge.contamination.text.Normalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter against an index of the real OSWorld and WebArena files. */
class ContaminationFilterTest {
  private static ContaminationFilter full;
  private static ContaminationFilter lexical;

  @BeforeAll
  static void open() throws Exception {
    full = ContaminationFilter.open(RealIndex.dir(), Thresholds.defaults());
    lexical = ContaminationFilter.open(RealIndex.dir(), Thresholds.defaults().withSemantic(false));
  }

  @AfterAll
  static void close() {
    full.close();
    lexical.close();
  }

  @Test
  void anExactCopyOfEveryOsworldAndWebarenaItemIsFlagged() {
    List<EvalItem> items = RealIndex.items();
    assertThat(items).hasSizeGreaterThan(1200);
    for (EvalItem item : items) {
      ContaminationVerdict v = lexical.check(new Candidate("copy", item.text(), item.app()));
      assertThat(v.contaminated()).as(item.id()).isTrue();
      assertThat(v.rule()).as(item.id()).isEqualTo("exact");
      // upstream repeats a few instructions under two ids: the match is the item or its twin
      assertThat(Normalizer.words(v.matchText())).as(item.id()).isEqualTo(Normalizer.words(item.text()));
    }
  }

  @Test
  void aWebarenaIntentReinstantiatedWithOtherValuesIsFlaggedByTheTemplateRule() throws Exception {
    JsonNode tasks = new ObjectMapper().readTree(SharedEvalSets.webarena(RealIndex.evalsets()).toFile());
    String template = null;
    Set<String> intents = new HashSet<>();
    for (JsonNode t : tasks) {
      intents.add(t.get("intent").asText());
      if (t.get("intent_template").asText().startsWith("Tell me the full address of all {{airport_type}}"))
        template = t.get("intent_template").asText();
    }
    assertThat(template).isNotNull();
    String reinstantiated = template.replace("{{airport_type}}", "public swimming pools")
        .replace("{{radius}}", "12 km").replace("{{start}}", "the Pittsburgh Zoo");
    assertThat(intents).doesNotContain(reinstantiated);

    ContaminationVerdict v = lexical.check(new Candidate("re", reinstantiated, "map"));

    assertThat(v.contaminated()).isTrue();
    assertThat(v.rule()).isEqualTo("template");
    assertThat(v.matchSet()).isEqualTo("webarena");
    assertThat(v.matchText()).startsWith("Tell me the full address of all");
  }

  @Test
  void distinctTasksSharingMostWordsAreNotFlagged() {
    // each shares most words with a real item (named beside it) but asks for something else
    List<String[]> pairs = List.of(
        new String[] {"Remove Tide PODS Spring Meadow Scent HE Turbo Laundry Detergent Pacs, 81 Count from my wish list",
            "Add Tide PODS Spring Meadow Scent HE Turbo Laundry Detergent Pacs, 81 Count to my wish list"},
        new String[] {"Close the issue reporting connection refused in ChatGPT as resolved.",
            "Open an issue to report the issue of connection refused in ChatGPT."},
        new String[] {"Show me the command to clone Super_Awesome_Robot with HTTPS and a personal access token.",
            "Show me the command to clone Super_Awesome_Robot with SSH."},
        new String[] {"Please help me count the places in this document that say \"text\".",
            "Please help me change all the places in this document that say \"text\" to \"test\"."});
    for (String[] p : pairs) {
      Set<String> mine = new HashSet<>(Normalizer.words(p[0]));
      List<String> theirs = Normalizer.words(p[1]);
      assertThat(theirs.stream().filter(mine::contains).count()).as("shares most words: " + p[0])
          .isGreaterThanOrEqualTo(theirs.size() / 2);
      assertThat(full.check(new Candidate("d", p[1], null)).contaminated()).as("the real item: " + p[1]).isTrue();

      ContaminationVerdict v = full.check(new Candidate("d", p[0], null));

      assertThat(v.contaminated()).as(p[0] + " -> " + v).isFalse();
      assertThat(v.rule()).isEqualTo("none");
    }
  }

  @Test
  void aParaphraseTheLexicalTierMissesIsFlaggedBySemanticTier() {
    String paraphrase = "Take a snapshot of the current scene of the video and save it on the Desktop as 'interstellar.png'.";

    assertThat(lexical.check(new Candidate("p", paraphrase, "vlc")).contaminated()).isFalse();
    ContaminationVerdict v = full.check(new Candidate("p", paraphrase, "vlc"));

    assertThat(v.contaminated()).as(v.toString()).isTrue();
    assertThat(v.rule()).as(v.toString()).isEqualTo("semantic");
    assertThat(v.matchId()).isEqualTo("vlc/fba2c100-79e8-42df-ae74-b592418d54f4");
    assertThat(v.score()).isGreaterThanOrEqualTo(Thresholds.defaults().semanticCosine());
  }

  @Test
  void aParaphraseMiniLmAloneMissesIsCaughtWhenBgeRescoresItsNeighbours() throws Exception {
    String paraphrase = "Open the window of the Vignette filter for me."; // of "Help me open up the Vignette filter window."
    try (FSDirectory dir = FSDirectory.open(RealIndex.dir()); DirectoryReader reader = DirectoryReader.open(dir)) {
      // the semantic tier as it was: MiniLM's cosine deciding alone, at its old threshold
      Detector miniLmOnly = new Detector(Thresholds.defaults().withSemanticCosine(0.90), Policy.EVAL_SETS, Embedder.shared(),
          null, Signatures.inMemory(reader));
      ContaminationVerdict before = miniLmOnly.check(new IndexSearcher(reader), new Candidate("p", paraphrase, "gimp"),
          DeclaredTemplates.read(reader), doc -> false);
      assertThat(before.contaminated()).as(before.toString()).isFalse();
      assertThat(before.score()).isBetween(Thresholds.defaults().semanticRetrievalCosine(), 0.90);
    }

    ContaminationVerdict v = full.check(new Candidate("p", paraphrase, "gimp"));

    assertThat(v.contaminated()).as(v.toString()).isTrue();
    assertThat(v.rule()).as(v.toString()).isEqualTo("semantic");
    assertThat(v.matchId()).isEqualTo("gimp/a746add2-cab0-4740-ac36-c3769d9bfb46");
    assertThat(v.score()).isGreaterThanOrEqualTo(Thresholds.defaults().semanticCosine());
  }

  @Test
  void aCandidateWithNoNeighbourAtTheRetrievalCosineIsCleanWithoutRescoring() throws Exception {
    String paraphrase = "Set the permissions of every regular file in the current directory tree to 644.";
    // the verdict in the message: a score says which stage missed (MiniLM's best cosine when no
    // neighbour reached the retrieval cosine, else bge-small's best)
    ContaminationVerdict atDefaults = full.check(new Candidate("p", paraphrase, "os"));
    assertThat(atDefaults.rule()).as(atDefaults.toString()).isEqualTo("semantic");

    try (ContaminationFilter noNeighbourCloseEnough = ContaminationFilter.open(RealIndex.dir(),
        Thresholds.defaults().withSemanticRetrievalCosine(0.99))) {
      ContaminationVerdict v = noNeighbourCloseEnough.check(new Candidate("p", paraphrase, "os"));

      assertThat(v.contaminated()).isFalse();
      assertThat(v.score()).as("the best MiniLM cosine, as no neighbour was rescored").isLessThan(0.99);
    }
  }

  @Test
  void heldOutParaphrasesOfRealTasksAreCaughtAndHeldOutDistinctTasksForTheSameAppsAreNot() {
    // rows of heldout2-*.jsonl, written after the thresholds were chosen: a paraphrase and the real
    // task it rewords; a distinct task and the real task it borrows its words from
    String[][] paraphrases = {
        {"Turn /home/user/logo.png into an SVG file.", "gimp/62f7fd55-0687-4a43-b6e1-3eda16fc6252"},
        {"Make the slide's background purple and put \"APP\" in its notes.", "libreoffice_impress/841b50aa-df53-47bd-a73a-22d3a9f73160"},
        {"Subscribe to the pittsburgh forum after opening one of its trending threads.", "598"},
        {"Which national park is nearest to Boston, and what's the driving distance to it?", "265"}};
    for (String[] p : paraphrases) {
      ContaminationVerdict v = full.check(new Candidate("p", p[0], null));
      assertThat(v.contaminated()).as(p[0] + " -> " + v).isTrue();
      assertThat(v.rule()).isEqualTo("semantic");
      assertThat(v.matchId()).isEqualTo(p[1]);
    }
    for (String distinct : List.of(
        "Rename 'todo.txt' on the Desktop to 'done.txt'.", // the real task moves it into 'done/'
        "Create a new user 'Charles' with the password 'Ex@mpleP@55w0rd!'.", // the real task switches to that user
        "Remove the user yjlou from my time tracking tool.", // the real task adds yjlou as a guest
        "Close the merge request from dialog-component into bump-doctocat without merging it.")) {
      ContaminationVerdict v = full.check(new Candidate("d", distinct, null));
      assertThat(v.contaminated()).as(distinct + " -> " + v).isFalse();
    }
  }

  @Test
  void theDefaultThresholdsAreTheOnesTheReadmeDocuments() {
    Thresholds t = Thresholds.defaults();

    assertThat(t.semanticCosine()).isEqualTo(0.915);
    assertThat(t.semanticRetrievalCosine()).isEqualTo(0.70);
    assertThat(t.bankSemanticCosine()).isEqualTo(0.80);
    assertThat(t.semanticCandidates()).isEqualTo(5);
    assertThat(full.semantic()).isTrue();
    assertThat(full.manifest().embeddingModel()).isEqualTo("all-minilm-l6-v2-q");
    assertThat(full.manifest().rescoringModel()).isEqualTo("bge-small-en-v1.5-q");
  }

  @Test
  void concurrentChecksGiveTheVerdictsOfSequentialOnes() throws Exception {
    List<String> texts = new ArrayList<>();
    for (EvalItem item : RealIndex.items().subList(0, 300)) {
      texts.add(item.text().toUpperCase());
      texts.add("Please " + item.text() + " Then close every window.");
      texts.add(new StringBuilder(item.text()).reverse().toString());
    }
    List<ContaminationVerdict> sequential = new ArrayList<>();
    for (String t : texts) sequential.add(lexical.check(new Candidate("s", t, null)));

    List<Future<ContaminationVerdict>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (String t : texts) futures.add(pool.submit(() -> lexical.check(new Candidate("c", t, null))));
    }
    for (int i = 0; i < texts.size(); i++) assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
    for (int i = 0; i < texts.size(); i += 3) {
      assertThat(sequential.get(i).rule()).isEqualTo("exact"); // upper case
      assertThat(sequential.get(i + 2).contaminated()).isFalse(); // reversed letters: no words in common
    }
  }

  @Test
  void openingAFolderWithoutAnIndexSaysHowToBuildOne(@TempDir Path empty) {
    assertThatThrownBy(() -> ContaminationFilter.open(empty, Thresholds.defaults()))
        .isInstanceOf(IndexManifest.NoIndexException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("deskforge contamination index");
  }
}
