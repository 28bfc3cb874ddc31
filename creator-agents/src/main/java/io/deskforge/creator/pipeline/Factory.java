package io.deskforge.creator.pipeline;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.CandidateCheck;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.creator.Creator;
import io.deskforge.creator.TemplateCreator;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import java.nio.file.Path;
import java.util.List;

/** Wires the embedded pipeline: a creator, static audit, candidate checks, replay, bank. */
public final class Factory {
  private Factory() {}

  /** The template creator over the chosen apps' families, whichever the catalog holds (Java or data). */
  public static Generator generator(TaskBank bank, AppCatalog catalog, List<String> apps, DesktopProvider provider,
      List<CandidateCheck> checks) {
    return generator(new TemplateCreator(catalog, apps), bank, catalog, provider, checks);
  }

  public static Generator generator(Creator creator, TaskBank bank, AppCatalog catalog, DesktopProvider provider,
      List<CandidateCheck> checks) {
    return new Generator(creator, pipeline(bank, catalog, provider, checks));
  }

  /** The full audit (static, checks, replay) and recording into this bank, evidence staged per process beside it. */
  public static Pipeline pipeline(TaskBank bank, AppCatalog catalog, DesktopProvider provider, List<CandidateCheck> checks) {
    Path staging = Pipeline.stagingFolder(bank.file());
    TaskAuditor auditor = new TaskAuditor(new StaticAuditor(catalog), checks, new ReplayAuditor(provider, catalog, b -> b), staging);
    return new Pipeline(bank, auditor, staging);
  }

  /** The default number of workers: one per core, since each audit keeps a desktop busy. */
  public static int defaultWorkers() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
