package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Grounding;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * A fact is visible in a file only as a whole value of what the agent finds there after setup: a
 * whole cell, a whole line or word, in the last version of the file, where the agent may look.
 */
class TypedGroundingTest {
  static final StaticAuditor STATICS = new StaticAuditor(BrokenFamilies.CATALOG);

  static Fact inFile(TaskSpec t) {
    return t.privileged().facts().stream().filter(f -> f.grounding() instanceof Grounding.InFile).findFirst().orElseThrow();
  }

  static String path(Fact f) {
    return ((Grounding.InFile) f.grounding()).path();
  }

  @Test
  void aNumberIsNotVisibleInASheetBecauseALongerNumberContainsIt() {
    TaskSpec t = BrokenFamilies.CATALOG.family("gnumeric.sum-column").sample(41);
    Fact cell = t.privileged().facts().stream()
        .filter(f -> f.grounding() instanceof Grounding.InFile && f.value().length() >= 3).findFirst().orElseThrow();
    String part = cell.value().substring(0, cell.value().length() - 1);
    TaskSpec broken = BrokenFamilies.withFact(t, Fact.inFile("part", part, path(cell)));
    assertThat(STATICS.audit(broken)).anyMatch(r -> r.startsWith("grounding: fact 'part' claims to be in " + path(cell))
        && r.contains("no cell that setup writes there holds \"" + part + "\""));
  }

  @Test
  void partOfAWordInATextFileIsNotVisible() {
    TaskSpec t = BrokenFamilies.CATALOG.family("xterm.rename-file").sample(42);
    Fact content = inFile(t);
    String part = content.value().strip().substring(0, 3);
    TaskSpec broken = BrokenFamilies.withFact(t, Fact.inFile("part", part, path(content)));
    assertThat(STATICS.audit(broken)).anyMatch(r -> r.startsWith("grounding: fact 'part'") && r.contains("(only as part of something longer)"));
  }

  @Test
  void aValueInAFileThatALaterStepOverwritesIsNotVisible() {
    TaskSpec t = BrokenFamilies.CATALOG.family("xterm.rename-file").sample(43);
    Fact content = inFile(t);
    TaskSpec broken = BrokenFamilies.withLastSetupStep(t, new SetupStep.WriteFile(path(content), "something else\n"));
    assertThat(STATICS.audit(broken)).anyMatch(r -> r.startsWith("grounding: fact '" + content.name() + "' claims to be in " + path(content)));
  }

  @Test
  void aValueOnlyInThePrivilegedFolderIsNotVisible() {
    TaskSpec t = BrokenFamilies.CATALOG.family("xterm.rename-file").sample(44);
    String hidden = "/var/lib/deskforge/privileged/answer.txt";
    TaskSpec broken = BrokenFamilies.withFact(BrokenFamilies.withLastSetupStep(t, new SetupStep.WriteFile(hidden, "42\n")),
        Fact.inFile("answer", "42", hidden));
    assertThat(STATICS.audit(broken)).anyMatch(r -> r.startsWith("locations: fact 'answer' is grounded in " + hidden));
  }

  @Test
  void theSoundTasksStillPass() {
    for (String f : new String[] {"gnumeric.sum-column", "xterm.rename-file", "xterm.count-lines", "mousepad.delete-line"}) {
      assertThat(STATICS.audit(BrokenFamilies.CATALOG.family(f).sample(45))).as(f).isEmpty();
    }
  }
}
