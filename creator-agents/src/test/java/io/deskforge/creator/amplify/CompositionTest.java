package io.deskforge.creator.amplify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionTest {
  static final List<DataFamily> SHIPPED = FamilyFiles.shipped();

  static DataFamily family(String id) {
    return SHIPPED.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  static Composition.Composed composed(String a, String b) {
    Composition.Result r = Composition.compose(family(a), family(b));
    assertThat(r).as(r.toString()).isInstanceOf(Composition.Composed.class);
    return (Composition.Composed) r;
  }

  @Test
  void aTaskOfTheComposedFamilyDoesBothPartsInOneDesktop() {
    Composition.Composed c = composed("xterm.write-file.data", "xterm.make-directory.data");
    assertThat(c.family().id()).isEqualTo("xterm.write-file.data.then.make-directory");
    TaskSpec first = family("xterm.write-file.data").sample(7), second = family("xterm.make-directory.data").sample(7);
    TaskSpec t = c.family().sample(7);

    assertThat(t.checker()).isInstanceOf(Checker.AllOf.class);
    assertThat(((Checker.AllOf) t.checker()).of()).hasSize(2);
    assertThat(t.setup().stream().filter(s -> s instanceof SetupStep.Launch)).hasSize(1);
    assertThat(t.setup()).hasSize(first.setup().size() + second.setup().size() - 1);
    // the first part's actions, then the second's: as many as both references
    List<Action> solution = t.solution().actions();
    assertThat(solution).hasSize(first.solution().actions().size() + second.solution().actions().size());
    // both parts' values are in the instruction, and the params name both sides
    assertThat(t.instruction()).contains(t.params().get("a_line")).contains(t.params().get("b_name"));
    List<String> negatives = t.negatives().stream().map(n -> n.name()).toList();
    assertThat(negatives).contains("only-first", "only-second", "first-wrong-text", "second-wrong-name");
  }

  @Test
  void slotsFactsAndDrawConstraintsAreRenamedPerSide() {
    JsonNode renamed = Composition.rename(family("mousepad.append-line.data").file(), "b_");
    assertThat(renamed.get("parameters").get(0).get("name").asText()).isEqualTo("b_stem");
    assertThat(renamed.get("parameters").get(1).get("text").asText()).isEqualTo("/home/user/{b_stem}.txt");
    JsonNode derived = renamed.get("facts").get(2);
    assertThat(derived.get("name").asText()).isEqualTo("b_expected");
    assertThat(derived.get("grounding").get("from").toString()).isEqualTo("[\"b_original\",\"b_line\"]");
    assertThat(renamed.get("params").has("b_file")).isTrue();
    JsonNode wrong = Composition.rename(family("xterm.make-directory.data").file(), "a_").get("parameters").get(2);
    assertThat(wrong.get("distinct_from").toString()).isEqualTo("[\"a_noun\"]");
  }

  @Test
  void familiesThatLaunchTheAppOnTwoFilesOrAreForTwoAppsAreRefusedWithTheReason() {
    Composition.Result files = Composition.compose(family("mousepad.append-line.data"), family("mousepad.type-text.data"));
    assertThat(files).isInstanceOf(Composition.Refused.class);
    assertThat(((Composition.Refused) files).reason()).contains("launch the app differently").contains("{a_path}");
    Composition.Result apps = Composition.compose(family("mousepad.append-line.data"), family("xterm.write-file.data"));
    assertThat(((Composition.Refused) apps).reason()).contains("two apps");
    Composition.Result self = Composition.compose(family("xterm.write-file.data"), family("xterm.write-file.data"));
    assertThat(self).isInstanceOf(Composition.Refused.class);
  }

  @Test
  void everyComposedXtermPairDrawsDistinctTasksThatPassTheStaticAudit() {
    List<Composition.Result> pairs = Composition.pairs(SHIPPED, "xterm");
    long xterm = SHIPPED.stream().filter(f -> f.app().equals("xterm")).count();
    assertThat(pairs).hasSize((int) (xterm * (xterm - 1)));
    StaticAuditor statics = new StaticAuditor(AppCatalog.load().withFamilies(SHIPPED));
    List<String> problems = new ArrayList<>();
    int composed = 0;
    for (Composition.Result r : pairs) {
      if (!(r instanceof Composition.Composed c)) continue;
      composed++;
      Set<String> ids = new HashSet<>();
      for (long seed = 1; seed <= 10; seed++) {
        TaskSpec t = c.family().sample(seed);
        ids.add(t.id());
        List<String> reasons = statics.audit(t);
        if (!reasons.isEmpty()) problems.add(c.family().id() + " seed " + seed + ": " + reasons);
      }
      assertThat(ids).as(c.family().id()).hasSize(10);
    }
    assertThat(composed).as("xterm's families all launch a bare terminal, so every pair composes").isEqualTo(pairs.size());
    assertThat(problems).isEmpty();
  }

  @Test
  void aComposedTaskIsProvedByReplayAndItsOnePartNegativesFail(@TempDir Path work) throws Exception {
    Composition.Composed c = composed("xterm.write-file.data", "xterm.make-directory.data");
    AppCatalog catalog = AppCatalog.load().withFamilies(List.of(c.family()));
    try (DesktopProvider provider = DesktopProviders.create("sandbox")) {
      ReplayAuditor replay = new ReplayAuditor(provider, catalog, b -> b.workRoot(work));
      TaskSpec t = c.family().sample(3);
      ReplayAuditor.Outcome o = replay.replay(t, EvidenceSink.none());
      assertThat(o.proved()).as(t.instruction() + ": " + o.reasons()).isTrue();
      // each part alone was replayed in its own fresh desktop and left the composed checker failing
      List<String> passedNegatives = o.stages().stream().filter(s -> s.name().startsWith("replay.negative:") && s.passed())
          .map(s -> s.name()).toList();
      assertThat(passedNegatives).contains("replay.negative:only-first", "replay.negative:only-second");
    }
  }
}
