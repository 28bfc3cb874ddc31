package io.deskforge.desktop;

/**
 * A desktop reached one of its resource limits (processes, memory, disk, a time limit on a call
 * into it). The message names the desktop and the limit. What ran inside caused it, not the host:
 * the host and other desktops go on, and an audit counts it against the task being replayed.
 */
public class DesktopLimitException extends DesktopException {
  public DesktopLimitException(String message) {
    super(message);
  }

  public DesktopLimitException(String message, Throwable cause) {
    super(message, cause);
  }
}
