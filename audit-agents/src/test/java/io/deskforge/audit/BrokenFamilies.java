package io.deskforge.audit;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.Privileged;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * Tasks broken on purpose, each from a real family's task with one defect, so that the auditors
 * are shown to catch the defect and name it.
 */
final class BrokenFamilies {
  private BrokenFamilies() {}

  static final AppCatalog CATALOG = AppCatalog.load();

  /** A real, correct task to break: xterm is the fastest app to audit. */
  static TaskSpec base(long seed) {
    return CATALOG.family("xterm.write-file").sample(seed);
  }

  static String file(TaskSpec t) {
    return "/home/user/" + t.params().get("file");
  }

  /** The setup already writes what the checker wants. */
  static TaskSpec checkerTrueAtStart(long seed) {
    TaskSpec t = base(seed);
    List<SetupStep> setup = new ArrayList<>(t.setup());
    setup.add(0, new SetupStep.WriteFile(file(t), t.params().get("line") + "\n"));
    return with(t, t.instruction(), t.privileged(), setup, t.checker(), t.solution(), t.negatives());
  }

  /** The reference solution writes the file somewhere else. */
  static TaskSpec solutionThatDoesNotSolve(long seed) {
    TaskSpec t = base(seed);
    Trajectory wrong = new Trajectory("reference", "writes to the wrong folder",
        List.of(Action.type("mkdir -p ~/elsewhere && echo '" + t.params().get("line") + "' > ~/elsewhere/" + t.params().get("file") + "\n")));
    return with(t, t.instruction(), t.privileged(), t.setup(), t.checker(), wrong, t.negatives());
  }

  /** A "negative" that is in truth a correct solution. */
  static TaskSpec negativeThatPasses(long seed) {
    TaskSpec t = base(seed);
    List<Trajectory> negatives = new ArrayList<>(t.negatives());
    negatives.add(new Trajectory("also-right", "does exactly what the reference does, but is listed as wrong", t.solution().actions()));
    return with(t, t.instruction(), t.privileged(), t.setup(), t.checker(), t.solution(), negatives);
  }

  /**
   * A "negative" made of the reference solution's first actions that already solves the task (the
   * solution only waits after it): the solution's own replay checks it on its way.
   */
  static TaskSpec prefixNegativeThatPasses(long seed) {
    TaskSpec t = base(seed);
    List<Action> longer = new ArrayList<>(t.solution().actions());
    longer.add(Action.waitMs(200));
    Trajectory solution = new Trajectory(t.solution().name(), t.solution().description(), longer);
    List<Trajectory> negatives = new ArrayList<>(t.negatives());
    negatives.add(new Trajectory("done-already", "the solution's first actions, which are all it needs", t.solution().actions()));
    List<Action> thenWaits = new ArrayList<>(t.solution().actions());
    thenWaits.add(Action.waitMs(300));
    negatives.add(new Trajectory("done-then-waits", "the solution's first actions and a wait of its own", thenWaits));
    return with(t, t.instruction(), t.privileged(), t.setup(), t.checker(), solution, negatives);
  }

  /** Setup writes the time into a file: two fresh desktops start from different states. */
  static TaskSpec nondeterministicSetup(long seed) {
    TaskSpec t = base(seed);
    List<SetupStep> setup = new ArrayList<>(t.setup());
    setup.add(0, new SetupStep.Run(List.of("sh", "-c", "date +%s%N > /home/user/started-at.txt"), false));
    return with(t, t.instruction(), t.privileged(), setup, t.checker(), t.solution(), t.negatives());
  }

  /** Any task with one more privileged fact. */
  static TaskSpec withFact(TaskSpec t, Fact fact) {
    List<Fact> facts = new ArrayList<>(t.privileged().facts());
    facts.add(fact);
    return with(t, t.instruction(), new Privileged(facts), t.setup(), t.checker(), t.solution(), t.negatives());
  }

  /** Any task with one more setup step at the end. */
  static TaskSpec withLastSetupStep(TaskSpec t, SetupStep step) {
    List<SetupStep> setup = new ArrayList<>(t.setup());
    setup.add(step);
    return with(t, t.instruction(), t.privileged(), setup, t.checker(), t.solution(), t.negatives());
  }

  /** Any task with another reference solution. */
  static TaskSpec withSolution(TaskSpec t, Trajectory solution) {
    return with(t, t.instruction(), t.privileged(), t.setup(), t.checker(), solution, t.negatives());
  }

  /** Any task with another checker. */
  static TaskSpec withChecker(TaskSpec t, Checker checker) {
    return with(t, t.instruction(), t.privileged(), t.setup(), checker, t.solution(), t.negatives());
  }

  /** Setup runs a shell command first that writes something into the home. */
  static TaskSpec setupRunningFirst(long seed, String shellCommand) {
    TaskSpec t = base(seed);
    List<SetupStep> setup = new ArrayList<>(t.setup());
    setup.add(0, new SetupStep.Run(List.of("sh", "-c", shellCommand), false));
    return with(t, t.instruction(), t.privileged(), setup, t.checker(), t.solution(), t.negatives());
  }

  /** The checker expects a line that neither the instruction nor any fact mentions. */
  static TaskSpec expectedValueGroundedNowhere(long seed) {
    TaskSpec t = base(seed);
    Checker checker = Checker.check(new Getter.FileText(file(t)), new Metric.EqualsText("A line nobody was told about.", true, false));
    return with(t, t.instruction(), t.privileged(), t.setup(), checker, t.solution(), t.negatives());
  }

  /** count-lines with the answer (a derived, privileged fact) stated in the instruction. */
  static TaskSpec privilegedFactInTheInstruction(long seed) {
    TaskSpec t = CATALOG.family("xterm.count-lines").sample(seed);
    String count = t.privileged().fact("count").orElseThrow().value();
    return with(t, t.instruction() + " (It has " + count + " lines.)", t.privileged(), t.setup(), t.checker(), t.solution(), t.negatives());
  }

  /** The checker reads a host file instead of the task's own. */
  static TaskSpec getterOutsideTheHome(long seed, String path) {
    TaskSpec t = base(seed);
    Checker checker = new Checker.Check(new Getter.FileText(path), new Metric.Contains(t.params().get("line"), false));
    return with(t, t.instruction(), t.privileged(), t.setup(), checker, t.solution(), t.negatives());
  }

  /** Setup writes a file outside the home, through a path that climbs out of it. */
  static TaskSpec setupWritingOutside(long seed, String path) {
    TaskSpec t = base(seed);
    List<SetupStep> setup = new ArrayList<>(t.setup());
    setup.add(new SetupStep.WriteFile(path, "x\n"));
    return with(t, t.instruction(), t.privileged(), setup, t.checker(), t.solution(), t.negatives());
  }

  private static TaskSpec with(TaskSpec t, String instruction, Privileged privileged, List<SetupStep> setup, Checker checker,
      Trajectory solution, List<Trajectory> negatives) {
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), instruction, t.seed(), t.params(), privileged, setup,
        checker, solution, negatives, t.difficulty(), t.provenance(), null).withContentId();
  }

  /** A checker that only asks for the file to exist: any text in it passes. */
  static TaskSpec checkerThatOnlyAsksTheFileToExist(long seed) {
    TaskSpec t = base(seed);
    Checker checker = Checker.check(new Getter.FileExists(file(t), "file"), new Metric.IsTrue());
    return with(t, t.instruction(), t.privileged(), t.setup(), checker, t.solution(), t.negatives());
  }

  /** A derived fact whose value is not what its derivation gives. */
  static TaskSpec derivedFactThatDoesNotRecompute(long seed) {
    TaskSpec t = CATALOG.family("xterm.count-lines").sample(seed);
    List<Fact> facts = new ArrayList<>();
    for (Fact f : t.privileged().facts()) {
      facts.add(f.name().equals("count") ? Fact.derived("count", Integer.toString(Integer.parseInt(f.value()) + 1),
          Derivation.COUNT_LINES, "text") : f);
    }
    Checker checker = Checker.check(t.checker().leaves().get(0).getter(),
        new Metric.NumberWithin(Integer.parseInt(t.privileged().fact("count").orElseThrow().value()) + 1, 0));
    return with(t, t.instruction(), new Privileged(facts), t.setup(), checker, t.solution(), t.negatives());
  }
}
