package io.deskforge.contamination.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.contamination.ContaminationFilter;
import io.deskforge.contamination.RealIndex;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.evalset.EvalItem;
import io.deskforge.contamination.evalset.SharedEvalSets;
import io.deskforge.contamination.index.ProgressListener;
import io.deskforge.contamination.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The labelled set and what the filter scores on it: the accuracy goals, asserted. */
class LabelledSetTest {

  @Test
  void theDefaultThresholdsGiveTheAccuracyTheReadmeReports() throws Exception {
    List<LabelledExample> examples = LabelledSet.build(RealIndex.items(), SharedEvalSets.webarena(RealIndex.evalsets()), 7);
    try (ContaminationFilter f = ContaminationFilter.open(RealIndex.dir(), Thresholds.defaults())) {
      BenchmarkReport.Accuracy a = ContaminationBenchmark.accuracy(f, examples, ProgressListener.NONE);
      var dev = a.paraphrases().get("dev");
      var heldout = a.paraphrases().get("heldout");
      var fresh = a.paraphrases().get("heldout2");

      // the recall goal over every near-duplicate holds; light edits and re-instantiations are most of them
      assertThat(a.recall()).as(a.toString()).isGreaterThanOrEqualTo(0.95);
      assertThat(a.byKind().get("light_edit").shareFlagged()).isGreaterThanOrEqualTo(0.99);
      assertThat(a.byKind().get("reinstantiated").byRule()).containsKey("template");
      // the rows the thresholds were chosen on: 87 of 102 paraphrases, 1 of 247 distinct tasks
      assertThat(dev.caught()).as(dev.toString()).isBetween(86, 88);
      assertThat(dev.flagged()).as(dev.toString()).isLessThanOrEqualTo(1);
      assertThat(dev.flagged() + heldout.flagged()).as("at most 1% of the 308 distinct rows they were chosen on")
          .isLessThanOrEqualTo(3);
      // measured once on rows written afterwards: 42 of 85 paraphrases, 2 of 84 distinct tasks.
      // The goal (0.95 / 1%) is missed there, and the false positive goal over all rows
      // with them (5 of 392); these bounds hold the figures the README reports, not the goal
      assertThat(fresh.paraphrases()).isEqualTo(85);
      assertThat(fresh.distinct()).isEqualTo(84);
      assertThat(fresh.caught()).as(fresh.toString()).isBetween(40, 44);
      assertThat(fresh.flagged()).as(fresh.toString()).isLessThanOrEqualTo(3);
      assertThat(a.byKind().get("paraphrase_heldout2").byRule()).containsOnlyKeys("semantic");
    }
  }

  @Test
  void theSetHoldsEveryKindAndNoExactCopies() {
    List<EvalItem> items = RealIndex.items();
    List<LabelledExample> examples = LabelledSet.build(items, SharedEvalSets.webarena(RealIndex.evalsets()), 7);
    Set<List<String>> real = new HashSet<>();
    for (EvalItem i : items) real.add(Normalizer.words(i.text()));

    assertThat(examples).extracting(LabelledExample::kind).contains("light_edit", "reorder", "reinstantiated", "paraphrase", "distinct",
        "paraphrase_heldout2", "distinct_heldout2");
    assertThat(examples.stream().filter(e -> e.kind().equals("reinstantiated")).count()).isGreaterThan(150);
    assertThat(examples.stream().filter(e -> !e.duplicate()).count()).isGreaterThanOrEqualTo(200);
    for (LabelledExample e : examples)
      if (!e.kind().equals("light_edit")) assertThat(real).as(e.text()).doesNotContain(Normalizer.words(e.text()));
  }

  @Test
  void syntheticItemsAreDeterministicAndShapedLikeTheRealOnes() {
    SyntheticItems gen = new SyntheticItems(RealIndex.items());
    List<EvalItem> a = gen.generate(500, 3), b = gen.generate(500, 3);

    assertThat(a).isEqualTo(b);
    assertThat(a).allSatisfy(i -> assertThat(Normalizer.words(i.text()).size()).isBetween(1, 60));
    assertThat(a.stream().map(EvalItem::text).distinct().count()).isGreaterThan(490);
  }
}
