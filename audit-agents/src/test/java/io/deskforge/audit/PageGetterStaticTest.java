package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.TaskSpec;
import org.junit.jupiter.api.Test;

/** A checker may read the browser's page only in a task whose apps run a browser, and what it expects is grounded like any value. */
class PageGetterStaticTest {
  static final StaticAuditor STATICS = new StaticAuditor(BrokenFamilies.CATALOG);

  @Test
  void aPageCheckOfATaskWithoutABrowserIsRefused() {
    TaskSpec t = BrokenFamilies.CATALOG.family("mousepad.replace-word").sample(41);
    TaskSpec page = BrokenFamilies.withChecker(t, Checker.check(new Getter.PageUrl(null), new Metric.Contains("notes", false)));
    assertThat(STATICS.audit(page)).anyMatch(r -> r.startsWith("locations: checker leaf 0 reads the browser's page, but none of the task's apps")
        && r.endsWith("is a browser that offers its DevTools Protocol"));
  }

  @Test
  void aFindPageTaskPassesAndItsExpectedPageMustBeGrounded() {
    TaskSpec t = BrokenFamilies.CATALOG.family("dokuwiki.find-page").sample(42);
    assertThat(STATICS.audit(t)).isEmpty();
    TaskSpec unlisted = BrokenFamilies.withChecker(t, Checker.all(
        Checker.check(new Getter.PageUrl("id"), new Metric.EqualsText("nowhere_listed", true, false)),
        t.checker().leaves().get(1)));
    assertThat(STATICS.audit(unlisted)).anyMatch(r -> r.startsWith("grounding: the checker expects \"nowhere_listed\" (the browser's page)"));
  }
}
