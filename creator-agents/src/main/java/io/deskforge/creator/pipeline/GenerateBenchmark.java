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

  static final String PREFIX = "deskforge-bench-generate-";
  /** The scratch folder's file naming the process that made it. */
  static final String OWNER = ".owner";

  /**
   * Removes the scratch folders (under {@code tmp}) of benchmark runs that were killed before they
   * could: a folder whose owner process is gone, or, made before owners were written, one without
   * an owner older than a minute (a run starting now writes its owner at once). Problems go to
   * stderr; they never stop a run.
   */
  static int reapStale(Path tmp) {
    int reaped = 0;
    try (java.util.stream.Stream<Path> all = Files.list(tmp)) {
      for (Path dir : all.filter(d -> d.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        try {
          if (!stale(dir)) continue;
          HostFolders.deleteTree(dir);
          reaped++;
        } catch (IOException | RuntimeException e) {
          System.err.println("deskforge: cannot remove the stale benchmark folder " + dir + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      System.err.println("deskforge: cannot look for stale benchmark folders in " + tmp + ": " + e.getMessage());
    }
    return reaped;
  }

  private static boolean stale(Path dir) throws IOException {
    Path owner = dir.resolve(OWNER);
    if (!Files.exists(owner)) {
      return Files.getLastModifiedTime(dir).toInstant().isBefore(java.time.Instant.now().minusSeconds(60));
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(owner).strip());
    } catch (NumberFormatException e) {
      return true;
    }
    return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
  }

  /** What one run measured. */
  public record Result(
      String provider, List<String> apps, int count, int workers, int verified, int rejected, int error,
      double wallS, double verifiedPerHour, Percentiles auditMs) {}

  public static Result run(AppCatalog catalog, DesktopProvider provider, List<String> apps, int count, int workers,
      long seed, List<CandidateCheck> checks, Consumer<Generator.Progress> progress) throws IOException {
    reapStale(Path.of(System.getProperty("java.io.tmpdir")));
    Path dir = Files.createTempDirectory(PREFIX);
    Files.writeString(dir.resolve(OWNER), ProcessHandle.current().pid() + "\n");
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
