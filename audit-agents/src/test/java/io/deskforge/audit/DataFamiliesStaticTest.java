package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Grounding;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped data family, 20 seeds, against the Java family it ports: tasks of the same shape
 * (setup step kinds, checker structure with getter and metric kinds, fact groundings, action kinds
 * of the solution and of each negative), 20 distinct ids, and every task passes the static audit
 * of a catalog that holds the data families.
 */
class DataFamiliesStaticTest {
  static final int SEEDS = 20;

  @TestFactory
  List<DynamicTest> eachDataFamilyDrawsTasksShapedLikeItsJavaOriginalThatPassTheStaticAudit() {
    List<DataFamily> data = FamilyFiles.shipped();
    AppCatalog catalog = AppCatalog.load().withFamilies(data);
    StaticAuditor statics = new StaticAuditor(catalog);
    assertThat(data).hasSizeGreaterThanOrEqualTo(6);
    return data.stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      TaskFamily original = catalog.family(f.id().replaceFirst("\\.data$", ""));
      Set<String> ids = new HashSet<>();
      List<String> failures = new ArrayList<>();
      for (long seed = 0; seed < SEEDS; seed++) {
        TaskSpec t = f.sample(seed);
        TaskSpec j = original.sample(seed);
        ids.add(t.id());
        assertThat(shape(t)).as("shape of seed %d of %s (%s) against %s", seed, f.id(), t.instruction(), original.id())
            .isEqualTo(shape(j));
        assertThat(t.params().keySet()).as("params").isEqualTo(j.params().keySet());
        assertThat(t.difficulty().level()).isEqualTo(j.difficulty().level());
        List<String> reasons = statics.audit(t);
        if (!reasons.isEmpty()) failures.add("seed " + seed + " (" + t.instruction() + "): " + reasons);
      }
      assertThat(ids).as("distinct tasks").hasSize(SEEDS);
      assertThat(failures).as("static audit of " + f.id()).isEmpty();
    })).toList();
  }

  /** What a task is made of, without its drawn values. */
  static List<Object> shape(TaskSpec t) {
    return List.of(
        t.app(),
        t.setup().stream().map(DataFamiliesStaticTest::kind).toList(),
        checker(t.checker()),
        t.privileged().facts().stream().map(f -> f.name() + ":" + grounding(f.grounding())).collect(Collectors.toSet()),
        kinds(t.solution()),
        t.negatives().size(),
        t.negatives().stream().map(n -> n.name() + ":" + kinds(n)).toList());
  }

  private static String kind(SetupStep s) {
    return s.getClass().getSimpleName() + (s instanceof SetupStep.Launch l ? "(" + l.app() + ")" : "");
  }

  private static String checker(Checker c) {
    return switch (c) {
      case Checker.Check leaf -> leaf.getter().getClass().getSimpleName() + "/" + leaf.metric().getClass().getSimpleName();
      case Checker.AllOf all -> "all" + all.of().stream().map(DataFamiliesStaticTest::checker).toList();
      case Checker.AnyOf any -> "any" + any.of().stream().map(DataFamiliesStaticTest::checker).toList();
    };
  }

  private static String grounding(Grounding g) {
    return g instanceof Grounding.Derived d ? "derived " + d.op().json() + d.from() : g.getClass().getSimpleName();
  }

  private static List<String> kinds(Trajectory t) {
    return t.actions().stream().map(Action::name).toList();
  }
}
