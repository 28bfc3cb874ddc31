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
    StaticAuditor statics = new StaticAuditor(catalog);
    List<String> failures = new ArrayList<>();
    for (TaskFamily f : catalog.families(catalog.names())) {
      for (long seed = 5000; seed < 5100; seed++) {
        TaskSpec t = f.sample(seed);
        List<String> reasons = statics.audit(t);
        if (!reasons.isEmpty()) failures.add(f.id() + " seed " + seed + " (" + t.instruction() + "): " + reasons);
      }
    }
    assertThat(failures).isEmpty();
  }
}
