package io.deskforge.audit.statics;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Grounding;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.Privileged;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The static audit, rule by rule, on a real family's task changed in one place: each test names
 * the rule it breaks and the reason the auditor must give. No desktop: nothing here runs a task.
 */
class StaticAuditorTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final StaticAuditor AUDITOR = new StaticAuditor(CATALOG);
  /** Where an xterm task's setup may write. */
  static final String WRITABLE = "[/home/user/, /var/lib/deskforge/privileged/]";

  /** A correct xterm task: write one given line into ~/FILE. */
  static TaskSpec base() {
    return CATALOG.family("xterm.write-file").sample(21);
  }

  static String file(TaskSpec t) {
    return "/home/user/" + t.params().get("file");
  }

  /** The task rebuilt after {@code edit}, with its content id recomputed. */
  static TaskSpec edited(TaskSpec t, UnaryOperator<Parts> edit) {
    Parts p = edit.apply(new Parts(t));
    return new TaskSpec(null, p.family, p.app, p.relatedApps, p.instruction, t.seed(), t.params(), new Privileged(p.facts),
        p.setup, p.checker, p.solution, p.negatives, t.difficulty(), t.provenance(), null).withContentId();
  }

  /** The editable parts of a task. */
  static final class Parts {
    String family;
    String app;
    List<String> relatedApps;
    String instruction;
    List<Fact> facts;
    List<SetupStep> setup;
    Checker checker;
    Trajectory solution;
    List<Trajectory> negatives;

    Parts(TaskSpec t) {
      family = t.family();
      app = t.app();
      relatedApps = new ArrayList<>(t.relatedApps());
      instruction = t.instruction();
      facts = new ArrayList<>(t.privileged().facts());
      setup = new ArrayList<>(t.setup());
      checker = t.checker();
      solution = t.solution();
      negatives = new ArrayList<>(t.negatives());
    }

    Parts step(SetupStep s) {
      setup.add(s);
      return this;
    }
  }

  /**
   * The audit's reasons for the rules this class tests. Tasks here are changed in one place
   * without renaming things in their instruction, so the consistency and replayability rules and
   * the free-form command rule, which have tests of their own (ConsistencyTest, ImportTest,
   * HostileAgentTest), are left out.
   */
  static List<String> audit(TaskSpec t) {
    return AUDITOR.audit(t).stream()
        .filter(r -> !r.startsWith("consistency:") && !r.startsWith("replayability:") && !r.contains("runs a free-form command"))
        .toList();
  }

  @Test
  void aCorrectFamilyTaskHasNoReason() {
    assertThat(audit(base())).isEmpty();
  }

  /** Setup may write only in the desktop user's home or the privileged folder. */
  @Nested
  class WritesOnlyInTheHome {
    @Test
    void writingAFileOutsideTheHomeIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.WriteFile("/etc/cron.d/job", "* * * * * root sh\n")));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] writes /etc/cron.d/job, outside the task's locations " + WRITABLE);
    }

    @Test
    void writingIntoAnotherUsersHomeThatSharesThePrefixIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.WriteFile("/home/username/notes.txt", "x")));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] writes /home/username/notes.txt, outside the task's locations " + WRITABLE);
    }

    @Test
    void climbingOutOfTheHomeWithDotDotIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.WriteFile("/home/user/../../etc/passwd", "x")));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] writes /home/user/../../etc/passwd, outside the task's locations " + WRITABLE);
    }

    @Test
    void aDotDotThatStaysInTheHomeIsStillRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.WriteFile("/home/user/a/../b.txt", "x")));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] writes /home/user/a/../b.txt, outside the task's locations " + WRITABLE);
    }

    @Test
    void aRelativePathIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.WriteFile("home/user/notes.txt", "x")));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] writes home/user/notes.txt, outside the task's locations " + WRITABLE);
    }

    @Test
    void makingAFolderOutsideTheHomeIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.MakeDir("/opt/tools")));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] writes /opt/tools, outside the task's locations " + WRITABLE);
    }

    @Test
    void writingASpreadsheetOutsideTheHomeIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.WriteSpreadsheet("/tmp/sheet.csv", List.of(List.of("1")))));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] writes /tmp/sheet.csv, outside the task's locations " + WRITABLE);
    }

    @Test
    void writesInTheHomeItsFoldersAndThePrivilegedFolderAreAllowed() {
      TaskSpec t = edited(base(), p -> p
          .step(new SetupStep.MakeDir("/home/user/Documents/old"))
          .step(new SetupStep.WriteFile("/home/user/Documents/old/a.txt", "x"))
          .step(new SetupStep.WriteSpreadsheet("/home/user/Documents/s.csv", List.of(List.of("1"))))
          .step(new SetupStep.WriteFile("/var/lib/deskforge/privileged/answer.txt", "42")));
      assertThat(audit(t)).isEmpty();
    }
  }

  /** What the checker reads and where facts are seen must be in the task's locations too. */
  @Nested
  class ReadsOnlyTheTasksLocations {
    @Test
    void aCheckerReadingAHostFileIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileExists("/etc/shadow", "file"), new Metric.IsFalse()));
        return p;
      });
      assertThat(audit(t)).containsExactly("locations: checker leaf 1 reads /etc/shadow, outside the task's locations "
          + "[/home/user/]; a checker reads only what the task's apps keep in the home or their declared state folders");
    }

    @Test
    void aFactGroundedInThePrivilegedFolderIsOneTheAgentCannotSee() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inFile("secret", "42", "/var/lib/deskforge/privileged/answer.txt"));
        return p.step(new SetupStep.WriteFile("/var/lib/deskforge/privileged/answer.txt", "42"));
      });
      assertThat(audit(t)).containsExactly("locations: fact 'secret' is grounded in /var/lib/deskforge/privileged/answer.txt, "
          + "outside the task's locations [/home/user/], where the agent cannot see it");
    }

    @Test
    void aCheckerReadingTheWholeHomeIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileExists("/home/user/", null), new Metric.IsTrue()));
        p.instruction = p.instruction + " Keep your home.";
        return p;
      });
      assertThat(audit(t)).singleElement().asString().startsWith("locations: checker leaf 1 reads /home/user/, outside");
    }

    @Test
    void aRelatedAppOutsideTheCatalogIsNamed() {
      TaskSpec t = edited(base(), p -> {
        p.relatedApps.add("notepad");
        return p;
      });
      assertThat(audit(t)).containsExactly("locations: related app notepad is not in the catalog");
    }

    @Test
    void theHomeItselfIsNoPlaceToWriteButAFolderInItIs() {
      TaskSpec home = edited(base(), p -> p.step(new SetupStep.MakeDir("/home/user/")));
      assertThat(audit(home)).containsExactly("allowed steps: setup[1] writes /home/user/, outside the task's locations " + WRITABLE);
      assertThat(audit(edited(base(), p -> p.step(new SetupStep.MakeDir("/home/user/docs/"))))).isEmpty();
    }
  }

  /** A file an app keeps in its declared state folder is read for a setting the instruction names, not named itself. */
  @Nested
  class AppStateNeedNotBeNamed {
    static final String PREFERENCES = "/home/user/.config/chromium/Default/Preferences";

    static TaskSpec readingPreferences(boolean chromiumRelated) {
      return edited(base(), p -> {
        if (chromiumRelated) p.relatedApps.add("chromium");
        p.checker = Checker.all(p.checker, Checker.check(new Getter.JsonValue(PREFERENCES, "/enable_do_not_track"), new Metric.IsTrue()));
        return p;
      });
    }

    /** The consistency reasons alone (the helper above leaves them out). */
    static List<String> consistency(TaskSpec t) {
      return AUDITOR.audit(t).stream().filter(r -> r.startsWith("consistency:")).toList();
    }

    @Test
    void aChromiumTaskReadsItsProfileWithoutNamingTheFile() {
      assertThat(AUDITOR.audit(CATALOG.family("chromium.home-page").sample(3))).isEmpty();
      assertThat(consistency(readingPreferences(true))).isEmpty();
    }

    @Test
    void theSameFileReadForAnAppThatDoesNotDeclareItMustBeNamed() {
      assertThat(consistency(readingPreferences(false))).containsExactly(
          "consistency: checker leaf 1 reads " + PREFERENCES + ", but the instruction never names 'Preferences'");
    }
  }

  /** Setup commands run only as the desktop user, and must say what they run. */
  @Nested
  class CommandsOnlyAsTheDesktopUser {
    @Test
    void aCommandAsRootIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.Run(List.of("chmod", "a+r", "/home/user/x"), true)));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] runs a command as root; template tasks may only run commands as the desktop user");
    }

    @Test
    void anEmptyCommandIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.Run(List.of(), false)));
      assertThat(audit(t)).containsExactly("allowed steps: setup[1] has an empty command");
    }

    @Test
    void aCommandAsTheDesktopUserIsAllowed() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.Run(List.of("touch", "/home/user/.ready"), false)));
      assertThat(audit(t)).isEmpty();
    }
  }

  /** Setup launches only the task's app and its related apps. */
  @Nested
  class LaunchesOnlyTheTasksApps {
    @Test
    void launchingAnAppTheTaskDoesNotNameIsRefused() {
      TaskSpec t = edited(base(), p -> p.step(new SetupStep.Launch("mousepad", List.of())));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] launches mousepad, which is neither the task's app nor a related app");
    }

    @Test
    void launchingARelatedAppIsAllowed() {
      TaskSpec t = edited(base(), p -> {
        p.relatedApps.add("mousepad");
        return p.step(new SetupStep.Launch("mousepad", List.of()));
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void everyBadStepIsNamedByItsIndex() {
      TaskSpec t = edited(base(), p -> p
          .step(new SetupStep.Launch("gnumeric", List.of()))
          .step(new SetupStep.WriteFile("/root/x", "x"))
          .step(new SetupStep.Run(List.of("true"), true)));
      assertThat(audit(t)).containsExactly(
          "allowed steps: setup[1] launches gnumeric, which is neither the task's app nor a related app",
          "allowed steps: setup[2] writes /root/x, outside the task's locations " + WRITABLE,
          "allowed steps: setup[3] runs a command as root; template tasks may only run commands as the desktop user");
    }
  }

  @Nested
  class Shape {
    @Test
    void aTaskWithoutFamilyAppOrInstructionIsRefusedBeforeAnyOtherRule() {
      TaskSpec t = edited(base(), p -> {
        p.family = " ";
        p.app = null;
        p.instruction = "";
        return p.step(new SetupStep.WriteFile("/etc/x", "x")); // not reported: shape comes first
      });
      assertThat(audit(t)).containsExactly("schema: family is missing", "schema: app is missing", "schema: instruction is missing");
    }

    @Test
    void anAppNotInTheCatalogIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.app = "notepad";
        return p;
      });
      assertThat(audit(t)).singleElement().asString().startsWith("schema: ").contains("notepad");
    }

    @Test
    void aTaskWithoutCheckerIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.checker = null;
        return p;
      });
      assertThat(audit(t)).contains("schema: checker is missing");
    }

    @Test
    void aCheckerWithNoCheckIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all();
        return p;
      });
      assertThat(audit(t)).containsExactly("schema: the checker has no check");
    }

    @Test
    void aSolutionWithoutActionsIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.solution = new Trajectory("reference", "does nothing", List.of());
        return p;
      });
      assertThat(audit(t)).containsExactly("schema: the reference solution has no actions");
    }

    @Test
    void aTaskWithoutSolutionIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.solution = null;
        return p;
      });
      assertThat(audit(t)).containsExactly("schema: the reference solution has no actions");
    }

    @Test
    void aTaskWithoutTheNoOpNegativeIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.negatives.removeIf(n -> n.name().equals("no-op"));
        return p;
      });
      assertThat(audit(t)).containsExactly("schema: the no-op negative is missing");
    }

    @Test
    void aNoOpNegativeThatActsIsNotTheNoOp() {
      TaskSpec t = edited(base(), p -> {
        p.negatives.replaceAll(n -> n.name().equals("no-op") ? Trajectory.of("no-op", "types", Action.type("x")) : n);
        return p;
      });
      assertThat(audit(t)).containsExactly("schema: the no-op negative is missing");
    }

    @Test
    void theNoOpAloneIsNotEnoughNegatives() {
      TaskSpec t = edited(base(), p -> {
        p.negatives = new ArrayList<>(List.of(Trajectory.noOp()));
        return p;
      });
      assertThat(audit(t)).containsExactly(
          "schema: at least two negatives are needed (the no-op and a plausible wrong attempt)");
    }

    @Test
    void twoNegativesAreEnough() {
      TaskSpec t = edited(base(), p -> {
        p.negatives = new ArrayList<>(List.of(Trajectory.noOp(), p.negatives.get(1)));
        return p;
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void aFactDefinedTwiceIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(p.facts.get(0));
        return p;
      });
      assertThat(audit(t)).containsExactly("schema: fact 'line' is defined twice");
    }

    @Test
    void anIdThatIsNotTheContentHashIsRefused() {
      TaskSpec t = base();
      TaskSpec renamed = t.withId("xterm.write-file-0000000000000000");
      assertThat(audit(renamed)).containsExactly(
          "schema: id xterm.write-file-0000000000000000 is not the content hash " + t.id());
    }

    @Test
    void aTaskWithoutIdIsJudgedOnItsContent() {
      assertThat(audit(base().withId(null))).isEmpty();
    }

    @Test
    void anEmptyNegativeOtherThanTheNoOpIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.negatives.add(new Trajectory("idle", "waits", List.of()));
        return p;
      });
      assertThat(audit(t)).containsExactly("schema: negative 'idle' has no actions");
    }
  }

  @Nested
  class Grounding_ {
    @Test
    void aFactClaimedToBeInTheInstructionMustBeThere() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inInstruction("colour", "vermilion"));
        return p;
      });
      assertThat(audit(t)).containsExactly(
          "grounding: fact 'colour' claims to be in the instruction, but \"vermilion\" is not there");
    }

    @Test
    void aFactClaimedToBeInAFileMustBeWrittenThereBySetup() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inFile("old", "first draft", "/home/user/draft.txt"));
        return p.step(new SetupStep.WriteFile("/home/user/draft.txt", "second draft\n"));
      });
      assertThat(audit(t)).containsExactly(
          "grounding: fact 'old' claims to be in /home/user/draft.txt, but setup writes no line or word \"first draft\" there");
    }

    @Test
    void aFactInAFileThatSetupWritesIsGrounded() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inFile("old", "first draft", "/home/user/draft.txt"));
        return p.step(new SetupStep.WriteFile("/home/user/draft.txt", "the first draft\n"));
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void aFactInAFileThatSetupNeverWritesIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inFile("old", "first draft", "/home/user/draft.txt"));
        return p.step(new SetupStep.WriteFile("/home/user/other.txt", "first draft\n"));
      });
      assertThat(audit(t)).containsExactly(
          "grounding: fact 'old' claims to be in /home/user/draft.txt, which setup never writes");
    }

    @Test
    void aFactInASpreadsheetIsFoundAmongItsCells() {
      String sheet = "/home/user/sales.csv";
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inFile("a", "12", sheet));
        p.facts.add(Fact.inFile("b", "30", sheet));
        p.facts.add(Fact.derived("total", "42", Derivation.SUM, "a", "b"));
        p.checker = Checker.all(p.checker, Checker.check(new Getter.SpreadsheetCell(sheet, null, "A3"), new Metric.NumberWithin(42, 0)));
        return p.step(new SetupStep.WriteSpreadsheet(sheet, List.of(List.of("x", "12"), List.of("y", "30"))));
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void aFactMissingFromASpreadsheetIsRefused() {
      String sheet = "/home/user/sales.csv";
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inFile("a", "13", sheet));
        return p.step(new SetupStep.WriteSpreadsheet(sheet, List.of(List.of("x", "12"), List.of("y", "30"))));
      });
      assertThat(audit(t)).containsExactly(
          "grounding: fact 'a' claims to be in /home/user/sales.csv, but no cell that setup writes there holds \"13\"");
    }

    @Test
    void aFactDerivedFromAnUnknownFactIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.derived("count", "1", Derivation.COUNT_LINES, "text"));
        return p;
      });
      assertThat(audit(t)).containsExactly("grounding: fact 'count' is derived from 'text', which is not a fact");
    }

    @Test
    void aFactDerivedFromAnUngroundedFactIsRefusedForBoth() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inInstruction("word", "zebra"));
        p.facts.add(Fact.derived("shout", "ZEBRA", Derivation.UPPER_CASE, "word"));
        return p;
      });
      assertThat(audit(t)).containsExactly(
          "grounding: fact 'word' claims to be in the instruction, but \"zebra\" is not there",
          "grounding: fact 'shout' is derived from 'word', which claims to be in the instruction, but \"zebra\" is not there");
    }

    @Test
    void aFactDerivedFromItselfIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(new Fact("loop", "1", new Grounding.Derived(Derivation.COUNT_LINES, List.of("loop"))));
        return p;
      });
      assertThat(audit(t)).containsExactly("grounding: fact 'loop' is derived from 'loop', which is derived from itself");
    }

    @Test
    void aFactTwoDerivationsShareIsNoCycle() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.derived("count", "1", Derivation.COUNT_LINES, "line"));
        p.facts.add(Fact.derived("both", "2", Derivation.SUM, "count", "count"));
        return p;
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void aLongerCycleIsNamedFromEachOfItsFacts() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(new Fact("a", "1", new Grounding.Derived(Derivation.COUNT_LINES, List.of("b"))));
        p.facts.add(new Fact("b", "1", new Grounding.Derived(Derivation.COUNT_LINES, List.of("a"))));
        return p;
      });
      assertThat(audit(t)).containsExactly(
          "grounding: fact 'a' is derived from 'b', which is derived from 'a', which is derived from itself",
          "grounding: fact 'b' is derived from 'a', which is derived from 'b', which is derived from itself");
    }

    @Test
    void aDerivationThatRecomputesToTheValueIsGrounded() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.derived("count", "1", Derivation.COUNT_LINES, "line"));
        return p;
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void aDerivationThatRecomputesToAnotherValueIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.derived("count", "2", Derivation.COUNT_LINES, "line"));
        return p;
      });
      assertThat(audit(t)).containsExactly("grounding: fact 'count' is count_lines of [line] = \"1\", not \"2\"");
    }

    @Test
    void aDerivationThatCannotBeComputedIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.derived("total", "3", Derivation.SUM, "line"));
        return p;
      });
      assertThat(audit(t)).singleElement().asString()
          .startsWith("grounding: fact 'total' cannot be recomputed: sum: not a number among");
    }

    @Test
    void numbersAreTheSameValueWhateverTheirNotation() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inInstruction("n", "7"));
        p.facts.add(Fact.derived("twice", "14.0", Derivation.SUM, "n", "n"));
        p.instruction = p.instruction + " Then note the number 7.";
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileText("/home/user/n.txt"), new Metric.EqualsText("14", true, false)));
        return p;
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void anExpectedValueNoFactGroundsIsRefused() {
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileText("/home/user/b.txt"), new Metric.Contains("secret sauce", false)));
        return p;
      });
      assertThat(audit(t)).containsExactly("grounding: the checker expects \"secret sauce\" (/home/user/b.txt), which no "
          + "privileged fact grounds; add a fact saying where it can be seen or how it is derived");
    }

    @Test
    void everyMetricsExpectedValuesMustBeGrounded() {
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all(p.checker,
            Checker.check(new Getter.FileText("/home/user/a"), new Metric.NotContains("nc", false)),
            Checker.check(new Getter.FileText("/home/user/a"), new Metric.Matches("m+")),
            Checker.check(new Getter.FileText("/home/user/a"), new Metric.NumberWithin(2.5, 0)),
            Checker.check(new Getter.DirListing("/home/user/docs"), new Metric.SetEquals(List.of("s1", "s2"))),
            Checker.check(new Getter.SpreadsheetRange("/home/user/s.csv", null, "A1:A1"), new Metric.RowsEqual(List.of(List.of("r1")))),
            Checker.check(new Getter.FileExists("/home/user/a", null), new Metric.IsFalse()));
        return p;
      });
      assertThat(audit(t)).extracting(r -> r.substring(0, r.indexOf(" (")))
          .containsExactly("grounding: the checker expects \"nc\"", "grounding: the checker expects \"m+\"",
              "grounding: the checker expects \"2.5\"", "grounding: the checker expects \"s1\"",
              "grounding: the checker expects \"s2\"", "grounding: the checker expects \"r1\"");
    }

    @Test
    void longExpectedValuesAreClippedOnOneLine() {
      String text = "line one of a long expected text\nline two of a long expected text\n";
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileText("/home/user/b.txt"), new Metric.EqualsText(text, false, false)));
        return p;
      });
      assertThat(audit(t)).singleElement().asString()
          .startsWith("grounding: the checker expects \"line one of a long expected text\\nline two of a long expe...\" (");
    }

    @Test
    void anExpectedValueOfSixtyCharactersIsShownWhole() {
      String sixty = "x".repeat(60);
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileText("/home/user/b.txt"), new Metric.Contains(sixty, false)));
        return p;
      });
      assertThat(audit(t)).singleElement().asString().startsWith("grounding: the checker expects \"" + sixty + "\" (");
    }

    @Test
    void aFileTheCheckerWantsToExistMustBeNamedSomewhere() {
      TaskSpec t = edited(base(), p -> {
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileExists("/home/user/hidden-name.txt", "file"), new Metric.IsTrue()));
        return p;
      });
      assertThat(audit(t)).containsExactly("grounding: the checker expects /home/user/hidden-name.txt to exist, but its "
          + "name 'hidden-name.txt' is in neither the instruction nor a fact");
    }

    @Test
    void aFileTheCheckerWantsToExistMayBeNamedByTheInstructionOrAFact() {
      TaskSpec byInstruction = edited(base(), p -> {
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileExists(file(base()), "file"), new Metric.IsTrue()));
        return p;
      });
      TaskSpec byFact = edited(base(), p -> {
        p.facts.add(Fact.inFile("name", "archive-7.txt", "/home/user/list.txt"));
        p.checker = Checker.all(p.checker, Checker.check(new Getter.FileExists("/home/user/archive-7.txt", "file"), new Metric.IsTrue()));
        return p.step(new SetupStep.WriteFile("/home/user/list.txt", "archive-7.txt\n"));
      });
      assertThat(audit(byInstruction)).isEmpty();
      assertThat(audit(byFact)).isEmpty();
    }
  }

  @Nested
  class Leakage {
    @Test
    void aShortDerivedFactStatedAsAWordLeaks() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.derived("count", "1", Derivation.COUNT_LINES, "line"));
        p.instruction = p.instruction + " (It will have 1 line.)";
        return p;
      });
      assertThat(audit(t)).containsExactly(
          "leakage: the instruction states the privileged fact 'count' (\"1\"), which the agent should work out");
    }

    @Test
    void aShortDerivedFactInsideAnotherWordDoesNotLeak() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.derived("count", "1", Derivation.COUNT_LINES, "line"));
        p.instruction = p.instruction + " Use room 101.";
        return p;
      });
      assertThat(audit(t)).isEmpty();
    }

    @Test
    void aShortDerivedFactLeaksWhateverItsCaseOrNotation() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inInstruction("n", "7"));
        p.facts.add(Fact.derived("twice", "14", Derivation.SUM, "n", "n"));
        p.instruction = p.instruction + " Note 7; the answer is 14.0.";
        return p;
      });
      assertThat(audit(t)).containsExactly(
          "leakage: the instruction states the privileged fact 'twice' (\"14\"), which the agent should work out");
    }

    @Test
    void aLongDerivedFactLeaksWhenItsTextIsInTheInstruction() {
      TaskSpec t = edited(base(), p -> {
        String line = p.facts.get(0).value();
        p.facts.add(Fact.derived("shout", line.toUpperCase(java.util.Locale.ROOT), Derivation.UPPER_CASE, "line"));
        p.instruction = p.instruction + " In capitals: " + line.toUpperCase(java.util.Locale.ROOT);
        return p;
      });
      assertThat(audit(t)).singleElement().asString().startsWith("leakage: the instruction states the privileged fact 'shout'");
    }

    @Test
    void aTwelveCharacterDerivedFactIsLookedForAsText() {
      // from 12 characters on a fact is found as text, not among the instruction's words
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inInstruction("name", "pear pie two"));
        p.facts.add(Fact.derived("shout", "PEAR PIE TWO", Derivation.UPPER_CASE, "name"));
        p.instruction = p.instruction + " Label it pear pie two, shown as PEAR PIE TWO.";
        return p;
      });
      assertThat(audit(t)).containsExactly(
          "leakage: the instruction states the privileged fact 'shout' (\"PEAR PIE TWO\"), which the agent should work out");
    }

    @Test
    void factsStatedInTheInstructionOnPurposeDoNotLeak() {
      assertThat(base().privileged().facts()).allMatch(f -> f.grounding() instanceof Grounding.InInstruction);
      assertThat(audit(base())).isEmpty();
    }

    @Test
    void anEmptyDerivedFactCannotLeak() {
      TaskSpec t = edited(base(), p -> {
        p.facts.add(Fact.inInstruction("empty", ""));
        p.facts.add(Fact.derived("nothing", "", Derivation.UPPER_CASE, "empty"));
        return p;
      });
      assertThat(audit(t)).isEmpty();
    }
  }

  @Test
  void sameValueComparesTextNumbersAndSurroundingSpace() {
    assertThat(StaticAuditor.sameValue("abc", "abc")).isTrue();
    assertThat(StaticAuditor.sameValue(" abc\n", "abc")).isTrue();
    assertThat(StaticAuditor.sameValue("12", "12.0")).isTrue();
    assertThat(StaticAuditor.sameValue("12", "12.5")).isFalse();
    assertThat(StaticAuditor.sameValue("abc", "abd")).isFalse();
    assertThat(StaticAuditor.sameValue("12", "twelve")).isFalse();
    assertThat(StaticAuditor.sameValue("x", "12")).isFalse();
  }

  /** A page step drives the browser of a web app served in the desktop; what it fills is privileged. */
  @Nested
  class PageSteps {
    /** A MediaWiki move task: its member logged in by a page step. */
    TaskSpec move() {
      return CATALOG.family("mediawiki.move-page").sample(1000);
    }

    SetupStep.Page login(TaskSpec t) {
      return t.setup().stream().filter(s -> s instanceof SetupStep.Page p && p.interacts()).map(s -> (SetupStep.Page) s).findFirst().orElseThrow();
    }

    @Test
    void aFamilysLoginIsAllowedAndItsValuesAreNotInTheInstruction() {
      TaskSpec t = move();
      assertThat(audit(t)).isEmpty();
      assertThat(new Replayability(CATALOG).problems(t)).isEmpty();
      for (String v : login(t).values()) assertThat(t.instruction()).doesNotContain(v);
    }

    @Test
    void anInstructionThatStatesAFilledValueLeaksIt() {
      TaskSpec t = move();
      String password = login(t).fill().get("#wpPassword1");
      TaskSpec told = edited(t, p -> {
        p.instruction = p.instruction + " Log in with the password " + password + " if asked.";
        return p;
      });
      assertThat(audit(told)).singleElement().asString()
          .startsWith("leakage: the instruction states a value setup[").contains("fills or sets in the browser").doesNotContain(password);
    }

    @Test
    void aPageOffTheDesktopsLoopbackIsRefused() {
      TaskSpec t = edited(move(), p -> p.step(SetupStep.Page.open("https://example.com/", null)));
      assertThat(audit(t)).singleElement().asString().contains("opens https://example.com/, which is not a page of the desktop's loopback");
    }

    @Test
    void aPageStepBeforeAnyBrowserIsLaunchedCannotBeReplayed() {
      TaskSpec t = edited(base(), p -> {
        p.setup.addFirst(SetupStep.Page.open("http://127.0.0.1:8080/", null));
        return p;
      });
      assertThat(new Replayability(CATALOG).problems(t)).singleElement().asString()
          .isEqualTo("replayability: setup[0] (page http://127.0.0.1:8080/) drives the browser, but no earlier step launches an app that is one");
    }
  }
}
