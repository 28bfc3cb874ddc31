package io.deskforge.audit.candidate;

import io.deskforge.audit.CandidateCheck;
import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationFilter;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import io.deskforge.contamination.evalset.SharedEvalSets;
import io.deskforge.contamination.index.IndexBuilder;
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
   * Opens the index at {@code dir}; when there is none, first builds one there from the public
   * evaluation sets deskforge ships (OSWorld and WebArena), saying so through {@code progress}.
   */
  public static ContaminationCheck openOrBuild(Path dir, ProgressListener progress) {
    try {
      if (!Files.exists(dir)) {
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
