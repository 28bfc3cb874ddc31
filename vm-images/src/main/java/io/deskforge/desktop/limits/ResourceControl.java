package io.deskforge.desktop.limits;

import io.deskforge.desktop.DesktopLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How one desktop's processes are held to its {@link DesktopLimits} on this host: every process
 * the host starts for the desktop runs behind {@link #prefix()}, which puts it under the limits
 * before the command proper starts, so nothing it forks escapes them.
 */
public interface ResourceControl extends AutoCloseable {

  /** A host command to put in front of a command run for the desktop (empty: none needed). */
  List<String> prefix();

  /** Which limit the desktop reached, if one was: "processes: the limit of 512 was reached ...". */
  Optional<String> limitHit();

  /** What enforces the limits, for messages and doctor: "cgroup v1", "rlimits". */
  String mechanism();

  /**
   * Nanoseconds of CPU that the desktop's processes used so far, ended ones included, when this
   * mechanism keeps that count (a cgroup does, in one file); empty when it does not, or the count
   * cannot be read.
   */
  default java.util.OptionalLong cpuNanos() {
    return java.util.OptionalLong.empty();
  }

  /** Removes what was made for the desktop (its cgroups); never throws. */
  @Override
  void close();

  /**
   * The strongest mechanism this host offers: cgroups (v2, else v1) when deskforge runs as root
   * and the memory and pids controllers are there; per-process rlimits otherwise.
   */
  static ResourceControl forDesktop(String desktopId, DesktopLimits limits, boolean hostIsRoot) {
    if (hostIsRoot) {
      Optional<Cgroups> cg = Cgroups.create(desktopId, limits);
      if (cg.isPresent()) return cg.get();
    }
    return new Rlimits(limits);
  }

  /** Ends the processes and removes the cgroups of desktops whose deskforge process was killed. */
  static int reapStale() {
    return Cgroups.reapStale();
  }

  static boolean cgroupV2() {
    return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
  }
}
