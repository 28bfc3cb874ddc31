package io.deskforge.gym.env;

import io.deskforge.desktop.DesktopConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the gym serves envs.
 *
 * @param maxEnvs envs alive at once; one more is refused (HTTP 429)
 * @param warm desktops per app started ahead and handed out on create (0: none)
 * @param idleTimeout an env with no request for this long is closed
 * @param episodeTimeout an episode running this long ends as {@code timeout}
 * @param settleQuiet after a step's actions, how long the desktop must be idle before the observation
 * @param settleMax the longest a step waits for that
 * @param workRoot where desktops keep their host-side folders
 */
public record GymConfig(
    int maxEnvs, int warm, Duration idleTimeout, Duration episodeTimeout, Duration settleQuiet, Duration settleMax,
    Path workRoot) {

  public GymConfig {
    if (maxEnvs < 1) throw new IllegalArgumentException("--max-envs must be at least 1, got " + maxEnvs);
    if (warm < 0) throw new IllegalArgumentException("--warm must be 0 or more, got " + warm);
  }

  public static GymConfig defaults() {
    return new GymConfig(16, 0, Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofMillis(25),
        Duration.ofSeconds(1), DesktopConfig.defaultWorkRoot());
  }

  public GymConfig withMaxEnvs(int n) {
    return new GymConfig(n, warm, idleTimeout, episodeTimeout, settleQuiet, settleMax, workRoot);
  }

  public GymConfig withWarm(int n) {
    return new GymConfig(maxEnvs, n, idleTimeout, episodeTimeout, settleQuiet, settleMax, workRoot);
  }

  public GymConfig withIdleTimeout(Duration d) {
    return new GymConfig(maxEnvs, warm, d, episodeTimeout, settleQuiet, settleMax, workRoot);
  }

  public GymConfig withEpisodeTimeout(Duration d) {
    return new GymConfig(maxEnvs, warm, idleTimeout, d, settleQuiet, settleMax, workRoot);
  }

  public GymConfig withWorkRoot(Path root) {
    return new GymConfig(maxEnvs, warm, idleTimeout, episodeTimeout, settleQuiet, settleMax, root);
  }
}
