package io.deskforge.task.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the public evaluation sets (OSWorld, WebArena) are: DESKFORGE_EVALSETS if set, else the
 * repository's vendored {@code evalsets/} or a {@code shared/evalsets/} found walking up from the
 * working directory.
 */
public final class PublicEvalSets {
  private PublicEvalSets() {}

  /** The folder holding {@code osworld/} and {@code webarena/}; the error lists where it looked. */
  public static Path folder() {
    List<Path> tried = candidates();
    return tried.stream().filter(p -> Files.isRegularFile(p.resolve("osworld/test_all.json"))).findFirst()
        .orElseThrow(() -> new IllegalStateException("the public evaluation sets are not at hand; looked in " + tried
            + ". Set DESKFORGE_EVALSETS to the folder holding osworld/ and webarena/"));
  }

  private static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String env = System.getenv("DESKFORGE_EVALSETS");
    if (env != null && !env.isBlank()) out.add(Path.of(env));
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      out.add(p.resolve("evalsets"));
      out.add(p.resolve("shared/evalsets"));
    }
    return out;
  }

  public static Path osworld() {
    return folder().resolve("osworld");
  }

  public static Path webarena() {
    return folder().resolve("webarena");
  }

  /**
   * OSWorld's own code (desktop_env.py, controllers/, evaluators/; Apache-2.0, not vendored): the
   * reference for what an exported task must name to run. DESKFORGE_OSWORLD_CODE if set, else a
   * {@code shared/osworld-code/} found walking up from the working directory.
   */
  public static Path osworldCode() {
    List<Path> tried = new ArrayList<>();
    String env = System.getenv("DESKFORGE_OSWORLD_CODE");
    if (env != null && !env.isBlank()) tried.add(Path.of(env));
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) tried.add(p.resolve("shared/osworld-code"));
    return tried.stream().filter(p -> Files.isRegularFile(p.resolve("controllers/setup.py"))).findFirst()
        .orElseThrow(() -> new IllegalStateException("OSWorld's code is not at hand; looked in " + tried
            + ". Set DESKFORGE_OSWORLD_CODE to the folder holding desktop_env.py, controllers/ and evaluators/"));
  }

  /**
   * WebArena's own evaluator code ({@code evaluation_harness/}; Apache-2.0, not vendored), which
   * scores a WebArena export in its compatibility test. DESKFORGE_WEBARENA_CODE if set, else a
   * {@code shared/webarena-code/} found walking up from the working directory.
   */
  public static Path webarenaCode() {
    List<Path> tried = new ArrayList<>();
    String env = System.getenv("DESKFORGE_WEBARENA_CODE");
    if (env != null && !env.isBlank()) tried.add(Path.of(env));
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) tried.add(p.resolve("shared/webarena-code"));
    return tried.stream().filter(p -> Files.isRegularFile(p.resolve("evaluation_harness/evaluators.py"))).findFirst()
        .orElseThrow(() -> new IllegalStateException("WebArena's code is not at hand; looked in " + tried
            + ". Set DESKFORGE_WEBARENA_CODE to the folder holding evaluation_harness/"));
  }
}
