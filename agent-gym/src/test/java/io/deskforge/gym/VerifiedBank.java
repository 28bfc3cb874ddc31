package io.deskforge.gym;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A bank filled the way generate fills it: each task audited for real (static and replay), recorded with its verdict. */
public final class VerifiedBank {
  public static final AppCatalog CATALOG = AppCatalog.load();

  private VerifiedBank() {}

  /**
   * Audits the first seed from {@code seed} on of each family that verifies, and records it;
   * returns the verified tasks. {@code desktops} is the desktops' work root.
   */
  public static List<TaskSpec> fill(TaskBank bank, DesktopProvider provider, Path desktops, List<String> families, long seed) {
    TaskAuditor auditor = new TaskAuditor(new StaticAuditor(CATALOG), List.of(),
        new ReplayAuditor(provider, CATALOG, b -> b.workRoot(desktops)), bank.file().resolveSibling("staging"));
    List<TaskSpec> out = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (String family : families) {
      for (long s = seed; s < seed + 3; s++) {
        TaskSpec task = CATALOG.family(family).sample(s);
        AuditReport report = auditor.audit(task);
        bank.record(task.withAudit(report));
        if (report.verdict() == Verdict.VERIFIED) {
          out.add(bank.get(task.id()).orElseThrow());
          break;
        }
        why.add(family + " seed " + s + ": " + report.verdict() + " " + report.reasons());
      }
    }
    if (out.size() != families.size()) throw new IllegalStateException("not every family gave a verified task: " + why);
    return out;
  }
}
