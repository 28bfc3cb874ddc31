package io.deskforge.creator.pipeline;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.bench.Percentiles;
import io.deskforge.audit.CandidateCheck;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.HostFolders;
import io.deskforge.task.bank.TaskBank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures generation: a real `generate` into a scratch bank (deleted afterwards), timed from the
 * first candidate to the last record. Verified tasks per hour count only verified ones.
 */
public final class GenerateBenchmark {
  private GenerateBenchmark() {}

  /** What one run measured. */
  public record Result(
      String provider, List<String> apps, int count, int workers, int verified, int rejected, int error,
      double wallS, double verifiedPerHour, Percentiles auditMs) {}

  public static Result run(AppCatalog catalog, DesktopProvider provider, List<String> apps, int count, int workers,
      long seed, List<CandidateCheck> checks, Consumer<Generator.Progress> progress) throws IOException {
    Path dir = Files.createTempDirectory("deskforge-bench-generate-");
    try (TaskBank bank = TaskBank.open(dir.resolve("bench.sqlite"))) {
      Generator generator = Factory.generator(bank, catalog, apps, provider, checks);
      Generator.Summary s = generator.run(new Generator.Settings(apps, count, 3 * count, workers, seed), progress);
      Generator.Progress p = s.progress();
      double wall = p.elapsed().toMillis() / 1000.0;
      return new Result(provider.name(), apps, count, workers, p.verifiedThisRun(), p.rejected(), p.error(),
          Math.round(wall * 10) / 10.0, Math.round(p.verifiedThisRun() / wall * 3600),
          Percentiles.of(s.auditMillis().stream().map(Long::doubleValue).toList()));
    } finally {
      HostFolders.deleteTree(dir);
    }
  }
}
