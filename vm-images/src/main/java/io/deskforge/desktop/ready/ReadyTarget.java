package io.deskforge.desktop.ready;

import io.deskforge.desktop.WindowInfo;
import java.util.List;

/** What a readiness strategy may look at: a narrow view of a desktop and the app being launched. */
public interface ReadyTarget {
  /** Names the desktop and the app, for error messages. */
  String describe();

  List<WindowInfo> windows();

  /** Asks the window manager to focus a window (a new window is not always given the focus). */
  void activate(WindowInfo window);

  /** False once the app's process has exited. */
  boolean appAlive();

  /** How the app ended, when it has. */
  String appExit();

  /** CPU time the app's processes have used so far, in nanoseconds. */
  long appCpuNanos();

  boolean fileExists(String desktopPath);

  /**
   * Runs a short command inside the desktop as the desktop user (in its network namespace, so a
   * server on the desktop's loopback is reachable) and says whether it exited 0.
   */
  default boolean commandSucceeds(java.util.List<String> command, java.time.Duration timeout) {
    throw new UnsupportedOperationException(describe() + ": cannot run commands inside for readiness");
  }
}
