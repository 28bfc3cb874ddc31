package io.deskforge.creator.diversity;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gate on hand-made families of one app, with the real MiniLM model. */
class DiversityGateTest {
  static InstructionEmbeddings embeddings;
  static DiversityGate gate;

  static final String[] WORDS = {"apple", "lamp", "harbor", "violin", "pepper", "saddle", "comet", "willow"};
  static final String[] FILES = {"notes.txt", "todo.txt", "letter.txt", "draft.md", "list.txt", "memo.txt", "plan.txt", "log.txt"};

  @BeforeAll
  static void model() {
    embeddings = InstructionEmbeddings.miniLm();
    gate = DiversityGate.nearestNeighbour(embeddings, DiversityGate.DEFAULT_COSINE);
  }

  static final Checker REPLACE_CHECK = Checker.all(
      Checker.check(new Getter.FileText("/home/user/x"), new Metric.EqualsText("y", true, false)),
      Checker.check(new Getter.FileText("/home/user/x"), new Metric.NotContains("z", false)));

  static final Checker COUNT_CHECK = Checker.check(new Getter.FileText("/home/user/x"), new Metric.NumberWithin(3, 0));

  /** A family of 8 draws: phrasing i % phrasings, values from the word lists, the given checker and actions. */
  static FamilyProfile family(String id, List<String> phrasings, Checker checker, Action... actions) {
    return family(id, 0, phrasings, checker, actions);
  }

  /** As above, with draw i taking the values of draw i + shift (another family's values when shift is not 0). */
  static FamilyProfile family(String id, int shift, List<String> phrasings, Checker checker, Action... actions) {
    List<TaskSpec> tasks = new ArrayList<>();
    for (int d = 0; d < 8; d++) {
      int i = (d + shift) % 8;
      Map<String, String> params = Map.of("old", WORDS[i], "new", WORDS[(i + 3 + shift) % 8], "file", FILES[(i + shift) % 8],
          "out", "answer-" + WORDS[(i + 5) % 8] + ".txt");
      String text = phrasings.get(i % phrasings.size());
      for (var p : params.entrySet()) text = text.replace("{" + p.getKey() + "}", p.getValue());
      tasks.add(new TaskSpec(null, id, "mousepad", null, text, d, params, null, null, checker,
          new Trajectory("solution", "", List.of(actions)), null, null, null, null));
    }
    return FamilyProfile.ofTasks(id, "mousepad", "test", tasks, 8);
  }

  static FamilyProfile replaceWord() {
    return family("mousepad.replace-word", List.of(
        "In ~/{file}, replace every occurrence of the word '{old}' with '{new}', then save the file.",
        "Every '{old}' in ~/{file} should read '{new}' instead. Make the change and save the document."),
        REPLACE_CHECK, new Action.Key("ctrl+h"), new Action.Type("x"), new Action.Key("ctrl+s"));
  }

  static FamilyProfile countLines() {
    return family("mousepad.count-lines", List.of(
        "Count how many lines ~/{file} has and write just that number into ~/{out}.",
        "How many lines does ~/{file} contain? Save the answer, a bare number, as ~/{out}."),
        COUNT_CHECK, new Action.Type("wc -l"));
  }

  @Test
  void aParaphrasedFamilyWithTheSameCheckerShapeIsTooCloseAndNamesItsNeighbour() {
    FamilyProfile paraphrase = family("mousepad.swap-word", List.of(
        "Open ~/{file} and change each occurrence of the word '{old}' into '{new}'; save the file when done.",
        "Wherever ~/{file} says '{old}', it should say '{new}'. Edit it accordingly and save the document."),
        REPLACE_CHECK, new Action.Key("ctrl+h"), new Action.Type("x"), new Action.Key("ctrl+s"));

    DiversityGate.Decision d = gate.judge(paraphrase, List.of(countLines(), replaceWord()));

    assertThat(d.tooClose()).as(d.reason()).isTrue();
    assertThat(d.neighbour()).isEqualTo("mousepad.replace-word");
    assertThat(d.sameShape()).isTrue();
    assertThat(d.cosine()).isGreaterThanOrEqualTo(DiversityGate.DEFAULT_COSINE);
    assertThat(d.reason()).contains("too close to mousepad.replace-word", "all(check(file_text,equals),check(file_text,not_contains))");
  }

  @Test
  void aFamilyWithAnotherCheckerShapeAndOtherInstructionsIsKept() {
    DiversityGate.Decision d = gate.judge(countLines(), List.of(replaceWord()));

    assertThat(d.tooClose()).as(d.reason()).isFalse();
    assertThat(d.neighbour()).isEqualTo("mousepad.replace-word");
    assertThat(d.sameShape()).isFalse();
    assertThat(d.cosine()).isLessThan(DiversityGate.DEFAULT_COSINE);
    assertThat(d.reason()).contains("nearest family mousepad.replace-word", "kept");
  }

  @Test
  void closeWordingWithAnotherCheckerShapeIsKept() {
    // the same request, but checked as a count: not the same task, however it reads
    FamilyProfile sameWordsOtherCheck = family("mousepad.replace-word-count", List.of(
        "In ~/{file}, replace every occurrence of the word '{old}' with '{new}', then save the file.",
        "Every '{old}' in ~/{file} should read '{new}' instead. Make the change and save the document."),
        COUNT_CHECK, new Action.Key("ctrl+h"));

    DiversityGate.Decision d = gate.judge(sameWordsOtherCheck, List.of(replaceWord(), countLines()));

    assertThat(d.cosine()).isGreaterThanOrEqualTo(0.99);
    assertThat(d.sameShape()).isFalse();
    assertThat(d.tooClose()).as(d.reason()).isFalse();
    assertThat(d.reason()).contains("reads like mousepad.replace-word", "kept");
  }

  @Test
  void aFamilyIsNotItsOwnNeighbourNorOneOfAnotherApp() {
    FamilyProfile otherApp = new FamilyProfile("xterm.replace-word", "xterm", "test", 1,
        replaceWord().instructions(), replaceWord().templates(), replaceWord().checkerShapes(), replaceWord().actionKinds());
    DiversityGate.Decision d = gate.judge(replaceWord(), List.of(replaceWord(), otherApp));
    assertThat(d.tooClose()).isFalse();
    assertThat(d.neighbour()).isNull();
    assertThat(d.reason()).contains("no other family");
  }

  @Test
  void valuesAreMaskedInTheTemplates() {
    FamilyProfile f = replaceWord();
    assertThat(f.templates().get(0)).isEqualTo("In ~/it, replace every occurrence of the word 'it' with 'it', then save the file.");
    assertThat(f.instructions().get(0)).contains("notes.txt", "apple", "violin");
    assertThat(f.actionKinds()).containsExactlyInAnyOrder("key", "type");
    assertThat(f.checkerShapes()).containsExactly("all(check(file_text,equals),check(file_text,not_contains))");
  }

  static FamilyProfile swapWord(int shift) {
    return family("mousepad.swap-word", shift, List.of(
        "Open ~/{file} and change each occurrence of the word '{old}' into '{new}'; save the file when done.",
        "Wherever ~/{file} says '{old}', it should say '{new}'. Edit it accordingly and save the document."),
        REPLACE_CHECK, new Action.Key("ctrl+h"));
  }

  @Test
  void theBankRulesRefuseAVariantThatRewordsAnotherFamilysDraws() {
    DiversityGate rules = DiversityGate.bankRules(io.deskforge.contamination.Thresholds.defaults());

    DiversityGate.Decision d = rules.judge(swapWord(0), List.of(countLines(), replaceWord()));

    assertThat(d.tooClose()).as(d.reason()).isTrue();
    assertThat(d.neighbour()).isEqualTo("mousepad.replace-word");
    assertThat(d.reason()).contains("draws the same task as mousepad.replace-word", "bank rule");
  }

  @Test
  void theBankRulesKeepAFamilyThatSharesAWordingButNotItsValues() {
    DiversityGate rules = DiversityGate.bankRules(io.deskforge.contamination.Thresholds.defaults());
    FamilyProfile sameWordsOtherValues = family("mousepad.replace-word-2", 4, List.of(
        "In ~/{file}, replace every occurrence of the word '{old}' with '{new}', then save the file.",
        "Every '{old}' in ~/{file} should read '{new}' instead. Make the change and save the document."),
        REPLACE_CHECK, new Action.Key("ctrl+h"));

    DiversityGate.Decision byRules = rules.judge(sameWordsOtherValues, List.of(replaceWord(), countLines()));
    assertThat(byRules.tooClose()).as(byRules.reason()).isFalse();

    // the same family is a rewording of nothing new: the nearest-neighbour rule, and so the defaults, refuse it
    DiversityGate.Decision byDefaults = DiversityGate.anyOf(gate, rules).judge(sameWordsOtherValues, List.of(replaceWord(), countLines()));
    assertThat(byDefaults.tooClose()).isTrue();
    assertThat(byDefaults.neighbour()).isEqualTo("mousepad.replace-word");
    assertThat(byDefaults.reason()).contains("instruction cosine");
  }
}
