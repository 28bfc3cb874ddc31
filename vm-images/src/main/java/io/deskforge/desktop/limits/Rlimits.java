package io.deskforge.desktop.limits;

import io.deskforge.desktop.DesktopLimits;
import java.util.List;
import java.util.Optional;

/**
 * Per-process resource limits through util-linux's {@code prlimit}, for hosts where deskforge
 * cannot make cgroups (not root, or no memory and pids controllers). Coarser than cgroups: the
 * process limit counts every process of the desktop's uid, memory is bounded as address space per
 * process (four times the memory limit, since toolkits reserve far more than they touch), and the
 * disk cap becomes a cap on the size of any one file.
 */
final class Rlimits implements ResourceControl {
  private final DesktopLimits limits;

  Rlimits(DesktopLimits limits) {
    this.limits = limits;
  }

  @Override
  public List<String> prefix() {
    return List.of("prlimit", "--nproc=" + limits.processes(), "--as=" + limits.memoryBytes() * 4,
        "--fsize=" + limits.diskBytes(), "--");
  }

  @Override
  public Optional<String> limitHit() {
    return Optional.empty(); // rlimits keep no count of refusals
  }

  @Override
  public String mechanism() {
    return "rlimits";
  }

  @Override
  public void close() {}
}
