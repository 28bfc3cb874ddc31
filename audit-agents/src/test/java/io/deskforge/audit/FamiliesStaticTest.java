package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in family's draws pass the whole static audit (100 seeds each), so its rules refuse only broken tasks. */
class FamiliesStaticTest {
  @Test
  void aHundredDrawsOfEveryFamilyPassTheStaticAudit() {
    AppCatalog catalog = AppCatalog.load();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    // a family a worker (documents are built and read for grounding: the office families take
    // 50-100 ms a draw), each with its own auditor
    catalog.families(catalog.names()).parallelStream().forEach((TaskFamily f) -> {
      StaticAuditor statics = new StaticAuditor(catalog);
      long t0 = System.nanoTime();
      for (long seed = 5000; seed < 5100; seed++) {
        TaskSpec t = f.sample(seed);
        List<String> reasons = statics.audit(t);
        if (!reasons.isEmpty()) failures.add(f.id() + " seed " + seed + " (" + t.instruction() + "): " + reasons);
      }
      System.out.printf("static %s: 100 draws in %d ms%n", f.id(), (System.nanoTime() - t0) / 1_000_000);
    });
    assertThat(failures).isEmpty();
  }
}
