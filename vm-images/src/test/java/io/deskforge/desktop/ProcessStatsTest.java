package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CPU a desktop's processes used counts children that already ended: a launcher's helpers
 * come and go before anyone samples them, and `bench desktops` would miss their work.
 */
class ProcessStatsTest {

  @Test
  void cpuOfEndedChildrenCountsOnceTheyAreWaitedFor() throws Exception {
    // a child burns CPU for about half a second and ends; the shell waits for it, then idles
    Process p = new ProcessBuilder("sh", "-c",
        "timeout 0.5 sh -c 'while :; do :; done'; echo done; sleep 5").redirectErrorStream(true).start();
    try {
      assertThat(new String(p.getInputStream().readNBytes(5))).isEqualTo("done\n");
      long withReaped = ProcessStats.cpuNanosWithReaped(p.pid());
      long ownThreads = ProcessStats.cpuNanos(p.pid());
      assertThat(withReaped).as("the ended child's CPU, in the shell's cutime").isGreaterThan(200_000_000L);
      assertThat(ownThreads).as("the idle shell's own threads").isLessThan(100_000_000L);
    } finally {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aProcessThatIsGoneCountsZero() throws Exception {
    Process p = new ProcessBuilder("true").start();
    long pid = p.pid();
    p.waitFor(5, TimeUnit.SECONDS);
    assertThat(ProcessStats.cpuNanosWithReaped(pid)).isZero();
  }
}
