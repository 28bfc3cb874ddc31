package io.deskforge.audit.candidate;

import io.deskforge.audit.CandidateCheck;
import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationFilter;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.evalset.SharedEvalSets;
import io.deskforge.contamination.index.IndexBuilder;
import io.deskforge.contamination.index.IndexManifest;
import io.deskforge.contamination.index.ProgressListener;
import io.deskforge.task.spec.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Rejects a candidate whose instruction duplicates a task of a public evaluation set. */
public final class ContaminationCheck implements CandidateCheck {
  private final ContaminationFilter filter;

  private ContaminationCheck(ContaminationFilter filter) {
    this.filter = filter;
  }

  /**
   * Opens the index at {@code dir}; when there is none, or one this build cannot read (an older
   * codec, analysis or embedding model), first builds one there from the public
   * evaluation sets deskforge ships (OSWorld and WebArena), saying so through {@code progress}.
   */
  public static ContaminationCheck openOrBuild(Path dir, ProgressListener progress) {
    try {
      if (!Files.exists(dir) || stale(dir, progress)) {
        Path evalsets = SharedEvalSets.find();
        if (evalsets == null) {
          throw new IllegalStateException("no contamination index at " + dir + " and no evalsets folder to build one from;"
              + " build it with: deskforge contamination index --evalset NAME=PATH ... --index " + dir);
        }
        Files.createDirectories(dir.getParent());
        new IndexBuilder(true, Runtime.getRuntime().availableProcessors(), progress)
            .importAndBuild(Map.of("osworld", SharedEvalSets.osworld(evalsets), "webarena", SharedEvalSets.webarena(evalsets)), dir);
      }
      return new ContaminationCheck(ContaminationFilter.open(dir, Thresholds.defaults()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the contamination index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code dir} holds an index that this build cannot read (another Lucene codec, analysis
   * or embedding model): such a cached index is rebuilt rather than failing every run.
   */
  private static boolean stale(Path dir, ProgressListener progress) throws IOException {
    if (!Files.isRegularFile(dir.resolve(IndexManifest.FILE))) return false; // not ours: open says what is wrong
    try {
      IndexManifest.read(dir);
      return false;
    } catch (IndexManifest.NoIndexException e) {
      progress.progress("rebuilding the contamination index (" + e.getMessage().replaceFirst("; rebuild it with: .*", "") + ")", 0, 1);
      return true;
    }
  }

  /** Where the index of the shipped evaluation sets is kept between runs. */
  public static Path defaultIndex() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
    return base.resolve("deskforge").resolve("contamination-evalsets");
  }

  @Override
  public String stage() {
    return "contamination";
  }

  @Override
  public Optional<String> reject(TaskSpec task) {
    ContaminationVerdict v = filter.check(new Candidate(task.id(), task.instruction(), task.app()));
    if (!v.contaminated()) return Optional.empty();
    return Optional.of(String.format(Locale.ROOT, "duplicates %s task %s by rule %s (score %.3f): \"%s\"",
        v.matchSet(), v.matchId(), v.rule(), v.score(), v.matchText()));
  }

  @Override
  public void close() {
    filter.close();
  }
}
