package io.deskforge.contamination.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationFilter;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.index.IndexBuilder;
import io.deskforge.contamination.index.ProgressListener;
import io.deskforge.contamination.text.TextAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each lexical rule on a small index of hand-written items, with the score it must give: which
 * rule fires first, at what threshold, and what the opposite-action gate vetoes. Lexical only (no
 * embeddings), so it builds in a second.
 */
class LexicalRulesTest {
  static final String SALES = "Open the quarterly sales report and sort the rows by revenue from the highest to the lowest value";
  static final String TITLE = "Change the title of the presentation to 'Annual Review' and save it as a new file";
  static final String MUTE = "Mute the speakers and set the screen brightness to half of its current level";
  static final String DARK = "Enable the dark mode in the settings of the browser so that pages are easier to read at night";
  static final String RENAME = "Rename the folder called drafts to archive in the documents";
  static final String DIM = "Mute the speakers and dim the screen";

  @TempDir static Path dir;

  @BeforeAll
  static void index() throws Exception {
    Path set = dir.resolve("set.jsonl");
    StringBuilder sb = new StringBuilder();
    Map<String, String> items = Map.of("sales", SALES, "title", TITLE, "mute", MUTE, "dark", DARK, "rename", RENAME, "dim", DIM);
    items.forEach((id, text) -> sb.append("{\"id\":\"").append(id).append("\",\"text\":\"").append(text).append("\"}\n"));
    Files.writeString(set, sb.toString());
    new IndexBuilder(false, 1, ProgressListener.NONE).importAndBuild(Map.of("hand", set), dir.resolve("index"));
  }

  /** Opened by each check, so that what opening reads (the signatures) is part of every test. */
  static ContaminationVerdict check(String text, Thresholds thresholds) {
    try (ContaminationFilter filter = ContaminationFilter.open(dir.resolve("index"), thresholds)) {
      return filter.check(new Candidate("c", text, null));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ContaminationVerdict check(String text) {
    return check(text, Thresholds.defaults().withSemantic(false));
  }

  /** The share of the candidate's n-grams the item also has. */
  static double shared(long[] candidate, long[] item) {
    return Arrays.stream(candidate).filter(h -> Arrays.stream(item).anyMatch(x -> x == h)).count() / (double) candidate.length;
  }

  @Test
  void anExactCopyUpToCaseAndPunctuationIsExact() {
    ContaminationVerdict v = check("open the QUARTERLY sales report, and sort the rows by revenue from the highest to the lowest value!");
    assertThat(v.contaminated()).isTrue();
    assertThat(v.rule()).isEqualTo("exact");
    assertThat(v.matchId()).isEqualTo("sales");
    assertThat(v.matchSet()).isEqualTo("hand");
    assertThat(v.score()).isEqualTo(1.0);
    assertThat(v.matchText()).isEqualTo(SALES);
  }

  @Test
  void aLongerTextHoldingAThirteenWordRunIsFlaggedWithTheShareOfItsRuns() {
    String text = SALES + " and then send the sorted report to my manager by email";
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isEqualTo("ngram13");
    assertThat(v.matchId()).isEqualTo("sales");
    assertThat(v.score()).isEqualTo(shared(TextAnalysis.of(text).ngrams13(), TextAnalysis.of(SALES).ngrams13())).isLessThan(1);
  }

  @Test
  void aShorterTextMostOfWhoseEightWordRunsAreSharedIsFlaggedByNgram8() {
    // twelve words: no 13-word run; four of its five 8-word runs are the item's
    String text = "Open the quarterly sales report and sort the rows by revenue quickly";
    TextAnalysis a = TextAnalysis.of(text);
    assertThat(a.ngrams13()).isEmpty();
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isEqualTo("ngram8");
    assertThat(v.matchId()).isEqualTo("sales");
    assertThat(v.score()).isEqualTo(shared(a.ngrams8(), TextAnalysis.of(SALES).ngrams8())).isEqualTo(0.8);
  }

  @Test
  void fewerSharedEightWordRunsThanTheThresholdDoNotFlagByNgram8() {
    String text = "Open the quarterly sales report and sort the rows by name quickly please";
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isNotEqualTo("ngram8");
  }

  @Test
  void reorderedClausesAreFlaggedByTheExactJaccardOfTheirShingles() {
    String text = "Set the screen brightness to half of its current level and mute the speakers";
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isEqualTo("minhash");
    assertThat(v.matchId()).isEqualTo("mute");
    double exact = TextAnalysis.jaccard(TextAnalysis.of(text).shingles(), TextAnalysis.of(MUTE).shingles());
    assertThat(v.score()).isEqualTo(exact).isGreaterThanOrEqualTo(0.7).isLessThan(1);
  }

  @Test
  void theSameTemplateWithAnotherValueIsFlaggedByTheTemplateRule() {
    String text = "Change the title of the presentation to 'Our Plans For The Next Year In Every Region' and save it as a new file";
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isEqualTo("template");
    assertThat(v.matchId()).isEqualTo("title");
    var form = TextAnalysis.of(text).template();
    assertThat(v.score()).isEqualTo(form.literals() / (double) (form.literals() + form.placeholders()));
  }

  @Test
  void aTemplateNeedsAtLeastTheThresholdsLiteralWords() {
    String text = "Change the title of the presentation to 'Our Plans For The Next Year In Every Region' and save it as a new file";
    int literals = TextAnalysis.of(text).template().literals();
    assertThat(check(text, new Thresholds(0.7, 0.8, 1, literals, false, 0.9, 0.8, 0, 5)).rule()).isEqualTo("template");
    assertThat(check(text, new Thresholds(0.7, 0.8, 1, literals + 1, false, 0.9, 0.8, 0, 5)).contaminated()).isFalse();
  }

  @Test
  void aTextHoldingAShortItemWholeSharesAllOfTheItemsEightWordRuns() {
    // the share is of the shorter text's runs: here the item's three, not the candidate's seven
    String text = RENAME + " and then empty the trash";
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isEqualTo("ngram8");
    assertThat(v.matchId()).isEqualTo("rename");
    assertThat(v.score()).isEqualTo(1.0);
  }

  @Test
  void exactlyOneSharedThirteenWordRunIsFoundThoughItBringsOnlySixEightWordRuns() {
    // words 3-15 of the item between two new words: six shared 8-word runs, one 13-word run
    String text = "zebra quarterly sales report and sort the rows by revenue from the highest to zebra";
    TextAnalysis a = TextAnalysis.of(text);
    assertThat(shared(a.ngrams8(), TextAnalysis.of(SALES).ngrams8()) * a.ngrams8().length).isEqualTo(6);
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isEqualTo("ngram13");
    assertThat(v.matchId()).isEqualTo("sales");
  }

  @Test
  void aShortReorderedTextIsFoundThroughItsMinhashBandsAlone() {
    // seven words: no 8-word run to share, so only the LSH band keys bring the item up
    String text = "Dim the screen and mute the speakers";
    assertThat(TextAnalysis.of(text).ngrams8()).isEmpty();
    ContaminationVerdict v = check(text);
    assertThat(v.rule()).isEqualTo("minhash");
    assertThat(v.matchId()).isEqualTo("dim");
    assertThat(v.score()).isEqualTo(TextAnalysis.jaccard(TextAnalysis.of(text).shingles(), TextAnalysis.of(DIM).shingles()));
  }

  @Test
  void theOppositeActionIsNotTheSameTaskEvenWithEveryOtherWordShared() {
    ContaminationVerdict v = check(DARK.replace("Enable", "Disable"));
    assertThat(v.contaminated()).isFalse();
    assertThat(v.rule()).isEqualTo(ContaminationVerdict.NONE);
  }

  @Test
  void anUnrelatedTaskIsCleanAndReportsItsBestJaccard() {
    ContaminationVerdict v = check("Draw a red circle in the middle of a new canvas and export it as an image");
    assertThat(v.contaminated()).isFalse();
    assertThat(v.score()).isLessThan(0.7);
    assertThat(check("?!").contaminated()).isFalse();
    assertThat(check("?!").score()).isZero();
  }

  @Test
  void aNearMissUnderTheMinhashThresholdIsCleanWithItsJaccard() {
    String text = "Mute the speakers and set the keyboard backlight to half of its current level";
    ContaminationVerdict v = check(text);
    double exact = TextAnalysis.jaccard(TextAnalysis.of(text).shingles(), TextAnalysis.of(MUTE).shingles());
    assertThat(v.contaminated()).as("jaccard %s", exact).isEqualTo(exact >= 0.7);
  }

  @Test
  void thresholdsOutOfRangeAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Thresholds(0, 0.8, 1, 5, true, 0.9, 0.8, 0, 5))
        .hasMessageContaining("minhashJaccard");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Thresholds(0.7, 1.1, 1, 5, true, 0.9, 0.8, 0, 5))
        .hasMessageContaining("ngram8Share");
  }
}
