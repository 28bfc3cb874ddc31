package io.deskforge.factory;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.CandidateCheck;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.creator.TemplateCreator;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import java.nio.file.Path;
import java.util.List;

/** Wires the embedded pipeline: template creator, static audit, candidate checks, replay, bank. */
public final class Factory {
  private Factory() {}

  public static Generator generator(TaskBank bank, AppCatalog catalog, List<String> apps, DesktopProvider provider,
      List<CandidateCheck> checks) {
    return new Generator(bank, new TemplateCreator(catalog, apps), auditor(bank, catalog, provider, checks),
        Generator.stagingFolder(bank.file()));
  }

  /** The full audit (static, checks, replay) with evidence staged next to this bank. */
  public static TaskAuditor auditor(TaskBank bank, AppCatalog catalog, DesktopProvider provider, List<CandidateCheck> checks) {
    Path staging = Generator.stagingFolder(bank.file());
    return new TaskAuditor(new StaticAuditor(catalog), checks, new ReplayAuditor(provider, catalog, b -> b), staging);
  }

  /** The default number of workers: one per core, since each audit keeps a desktop busy. */
  public static int defaultWorkers() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
