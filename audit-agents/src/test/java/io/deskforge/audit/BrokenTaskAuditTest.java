package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;

import io.deskforge.task.spec.TaskSpec;

import org.junit.jupiter.api.Test;

/** Broken tasks are rejected, each for its own defect, and the reason says so. */
class BrokenTaskAuditTest extends SandboxReplay {
  static final StaticAuditor STATICS = new StaticAuditor(BrokenFamilies.CATALOG);

  static ReplayAuditor.Outcome replay(TaskSpec t) {
    assertThat(STATICS.audit(t)).as("static audit of a task broken only at replay").isEmpty();
    return replay.replay(t, new EvidenceSink(work.resolve("evidence"), t.id()));
  }

  @Test
  void theUnbrokenBaseVerifies() {
    TaskSpec t = BrokenFamilies.base(11);
    ReplayAuditor.Outcome o = replay(t);
    assertThat(o.reasons()).isEmpty();
    assertThat(o.proved()).isTrue();
    // the checker was challenged: the line changed, and the file never written, both failed it
    assertThat(o.stages()).filteredOn(s -> s.name().startsWith("replay.mutation")).extracting(s -> s.name())
        .containsExactly("replay.mutation:value-changed:line", "replay.mutation:not-saved");
    assertThat(o.stages()).filteredOn(s -> s.name().startsWith("replay.mutation")).allMatch(s -> s.passed());
  }

  @Test
  void aCheckerTooWeakToNoticeAChangedValueIsRejected() {
    TaskSpec t = BrokenFamilies.checkerThatOnlyAsksTheFileToExist(19);
    ReplayAuditor.Outcome o = replay(t);
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).contains("the checker accepts the solved state with value-changed:line in "
        + BrokenFamilies.file(t) + " (too weak)");
    assertThat(o.stages()).anySatisfy(s -> {
      assertThat(s.name()).isEqualTo("replay.mutation:not-saved");
      assertThat(s.passed()).isTrue();
    });
  }

  @Test
  void aCheckerAlreadyTrueAtTheStartIsRejected() {
    ReplayAuditor.Outcome o = replay(BrokenFamilies.checkerTrueAtStart(12));
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).singleElement().asString().contains("already passes on the initial state");
  }

  @Test
  void aSolutionThatDoesNotSolveIsRejected() {
    ReplayAuditor.Outcome o = replay(BrokenFamilies.solutionThatDoesNotSolve(13));
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).singleElement().asString().contains("reference solution does not make the checker pass");
  }

  @Test
  void aNegativeThatPassesIsRejected() {
    ReplayAuditor.Outcome o = replay(BrokenFamilies.negativeThatPasses(14));
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).singleElement().asString().contains("negative 'also-right'").contains("passes the checker");
  }

  /** Both the solution's first actions alone and those followed by a wait of their own. */
  @Test
  void aNegativeMadeOfTheSolutionsFirstActionsIsCheckedOnTheSolutionsWayAndRejectedWhenItPasses() {
    TaskSpec t = BrokenFamilies.prefixNegativeThatPasses(20);
    ReplayAuditor.Outcome o = replay(t);
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).hasSize(2);
    assertThat(o.reasons().get(0)).contains("negative 'done-already'").contains("passes the checker");
    assertThat(o.reasons().get(1)).contains("negative 'done-then-waits'").contains("passes the checker");
    assertThat(o.stages()).filteredOn(s -> s.name().equals("replay.negative:done-already")).singleElement()
        .satisfies(s -> assertThat(s.detail()).contains("checked in its desktop").doesNotContain("wait"));
    assertThat(o.stages()).filteredOn(s -> s.name().equals("replay.negative:done-then-waits")).singleElement()
        .satisfies(s -> assertThat(s.detail()).contains("then its own 1 wait, checked in its desktop"));
  }

  /** The editor's "not-saved" is checked where the solution reaches it; "prepended" keeps a fresh desktop. */
  @Test
  void anEditorsNotSavedNegativeFailsInTheSolutionsDesktopAndTheTaskVerifies() {
    TaskSpec t = BrokenFamilies.CATALOG.family("mousepad.append-line").sample(21);
    ReplayAuditor.Outcome o = replay.replay(t, new EvidenceSink(work.resolve("evidence"), t.id()));
    assertThat(o.reasons()).isEmpty();
    assertThat(o.proved()).isTrue();
    assertThat(o.stages()).filteredOn(s -> s.name().equals("replay.negative:not-saved")).singleElement()
        .satisfies(s -> assertThat(s.passed()).isTrue())
        .satisfies(s -> assertThat(s.detail()).contains("checked in its desktop"));
    assertThat(o.stages()).filteredOn(s -> s.name().equals("replay.negative:prepended")).singleElement()
        .satisfies(s -> assertThat(s.passed()).isTrue())
        .satisfies(s -> assertThat(s.detail()).doesNotContain("checked in its desktop"));
    assertThat(o.stages()).anySatisfy(s -> {
      assertThat(s.name()).isEqualTo("replay.determinism");
      assertThat(s.passed()).isTrue();
    });
  }

  @Test
  void aNondeterministicSetupIsRejected() {
    TaskSpec t = BrokenFamilies.nondeterministicSetup(15);
    // a free-form command is refused statically unless a built-in family drew it; the replay must catch it anyway
    assertThat(STATICS.audit(t)).singleElement().asString().contains("free-form command");
    ReplayAuditor.Outcome o = replay.replay(t, new EvidenceSink(work.resolve("evidence"), t.id()));
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).singleElement().asString().contains("not deterministic").contains("~/started-at.txt");
  }

  @Test
  void anExpectedValueGroundedNowhereIsRejectedStatically() {
    assertThat(STATICS.audit(BrokenFamilies.expectedValueGroundedNowhere(16)))
        .anySatisfy(r -> assertThat(r).startsWith("grounding:").contains("A line nobody was told about.").contains("no privileged fact grounds"));
  }

  @Test
  void aPrivilegedFactLeakedIntoTheInstructionIsRejectedStatically() {
    assertThat(STATICS.audit(BrokenFamilies.privilegedFactInTheInstruction(17)))
        .singleElement().asString().startsWith("leakage:").contains("'count'");
  }

  @Test
  void aDerivedFactThatDoesNotRecomputeIsRejectedStatically() {
    assertThat(STATICS.audit(BrokenFamilies.derivedFactThatDoesNotRecompute(18)))
        .singleElement().asString().startsWith("grounding: fact 'count'").contains("count_lines");
  }
}
