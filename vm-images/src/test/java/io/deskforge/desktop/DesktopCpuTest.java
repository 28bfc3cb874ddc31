package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.desktop.ready.Ready;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox desktop's CPU time comes from its cgroup (as root, as CI runs): one read that counts
 * processes that already ended, which a walk over the live processes' threads cannot see.
 * {@link Desktop#settle} polls it every 10 ms; the walk it replaced read a file per thread of every
 * process (a few hundred in a Chromium desktop) and scanned the host's process table each time.
 */
class DesktopCpuTest {
  @TempDir static Path work;

  @Test
  void theCpuOfAProcessThatEndedStillCounts() {
    try (DesktopProvider sandbox = DesktopProviders.create("sandbox"); Desktop d = sandbox.create(Desktops.mousepad(work))) {
      d.start();
      assertThat(d.limitMechanism()).as("this test runs as root on a host with cgroups").startsWith("cgroup");
      long before = d.cpuNanos();
      // a child counts to 400,000 (about 0.35 CPU-s here) and ends; its parent then only sleeps
      d.launch(AppLaunch.of("burn", List.of("sh", "-c",
          "sh -c 'i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done'; touch /home/user/burnt; exec sleep 60"),
          Ready.fileExists("/home/user/burnt")));
      long after = d.cpuNanos();
      long live = d.processes().stream().mapToLong(p -> ProcessStats.cpuNanos(p.pid())).sum();
      assertThat(after - before).as("CPU the desktop used while the child counted").isGreaterThan(200_000_000L);
      assertThat(after).as("the desktop's figure against its live threads' sum").isGreaterThan(live + 200_000_000L);
    }
  }
}
