package io.deskforge.audit.replay;

import io.deskforge.desktop.Desktop;
import io.deskforge.task.spec.TaskSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits for the state a checker reads to be final after a trajectory: the replay audit uses it
 * before each check, and the gym before each reward, so an agent is scored as the audit scored
 * the reference solution.
 */
public final class FinalState {
  /**
   * After a trajectory: long enough for a save or a shell command to finish. On a loaded host an
   * app may still be working through queued keys seconds after the last was sent (Calc moving the
   * cursor over a hundred cells, then saving); a read before its save sees the old file.
   */
  static final Duration SETTLE_QUIET = Duration.ofMillis(150);
  static final Duration SETTLE_MAX = Duration.ofSeconds(15);
  /** How long an app's commit command may run (Chromium waits up to 20 s for the browser to quit). */
  static final Duration COMMIT_MAX = Duration.ofSeconds(30);
  /** How long the checked files must stay unchanged. */
  private static final Duration STABLE = Duration.ofMillis(200);

  private FinalState() {}

  /**
   * Waits until the desktop is quiet and the files the checker reads stop changing, for at most
   * about ten seconds. A window title may say "saved" before the editor's write reaches the disk
   * (GIO writes a .goutputstream-* file and renames it), so quiet processes alone are not proof.
   */
  public static void await(Desktop d, TaskSpec task) {
    // a page getter reads no file: the solution's last wait (on the page's title) is its settling
    List<String> paths = task.checker().paths();
    // the files' stability counts from before the quiet: unchanged across it, they were stable all along
    Map<String, PathState> before = capture(d, paths);
    long since = System.nanoTime();
    d.settle(SETTLE_QUIET, SETTLE_MAX);
    Map<String, PathState> after = capture(d, paths);
    awaitStable(d, paths, after, after.equals(before) ? since : System.nanoTime());
  }

  private static void awaitStable(Desktop d, List<String> paths) {
    awaitStable(d, paths, capture(d, paths), System.nanoTime());
  }

  /** Until the files, which read {@code last}, have stayed the same for {@link #STABLE} since {@code stableSince}. */
  private static void awaitStable(Desktop d, List<String> paths, Map<String, PathState> last, long stableSince) {
    long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
    while (System.nanoTime() < deadline) {
      if (System.nanoTime() - stableSince >= STABLE.toNanos() && !writing(d, paths)) return;
      sleep(50);
      Map<String, PathState> now = capture(d, paths);
      if (!now.equals(last)) {
        last = now;
        stableSince = System.nanoTime();
      }
    }
  }

  /**
   * After {@link #await}, at the very end of a trajectory or an episode: each app of the task
   * writes what it still holds in memory into the files the checker reads ({@link
   * io.deskforge.apps.AppTemplate#commitCommand}; Chromium quits to write its profile), then those
   * files are awaited until they stop changing. Apps the catalog does not know are left alone, and
   * so is every app of a task that checks a live page. When no app had anything to write, the
   * files are as {@link #await} left them, stable, and are not awaited again. Take the screenshot,
   * the window list and anything else of the live desktop before this.
   */
  public static void commit(Desktop d, TaskSpec task, io.deskforge.apps.AppCatalog catalog) {
    List<String> paths = task.checker().paths();
    // a check of the live page needs the browser as the agent left it
    if (paths.isEmpty() || CheckerMutation.readsPage(task)) return;
    boolean wrote = false;
    for (String app : task.desktopApps()) {
      List<String> command = catalog.commitCommand(app, paths);
      if (command.isEmpty()) continue;
      d.quitting(app);
      d.privileged().execAsUser(command, COMMIT_MAX);
      wrote = true;
    }
    if (wrote) awaitStable(d, paths);
  }

  private static Map<String, PathState> capture(Desktop d, List<String> paths) {
    Map<String, PathState> out = new LinkedHashMap<>();
    for (String p : paths) out.put(p, PathState.capture(d, p));
    return out;
  }

  /** A GIO save in flight leaves a .goutputstream-* file next to its target. */
  private static boolean writing(Desktop d, List<String> paths) {
    for (String p : paths) {
      String dir = p.substring(0, Math.max(1, p.lastIndexOf('/')));
      if (d.privileged().list(dir).stream().anyMatch(n -> n.startsWith(".goutputstream-"))) return true;
    }
    return false;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
