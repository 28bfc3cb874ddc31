package io.deskforge.desktop;

/** Fixed paths inside every desktop, whatever the provider, so tasks and getters are portable. */
public final class DesktopPaths {
  private DesktopPaths() {}

  /** The desktop user's home. */
  public static final String HOME = "/home/user";
  /** Readable by root only; setup may keep things there that the agent must not see. */
  public static final String PRIVILEGED = "/var/lib/deskforge/privileged";
  /** Where a desktop shows the host's caches, read-only, one folder each (see {@code DesktopConfig#hostCaches}). */
  public static final String HOST_CACHES = "/var/cache/deskforge";
  /** Control files of the desktop's init: logs, the session bus address, exit records. */
  public static final String RUN = "/run/deskforge";
  /** Where the X server puts its socket. */
  public static final String X11 = "/tmp/.X11-unix";
  public static final String DISPLAY = ":0";
  public static final String USER = "user";
}
