package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desktop outlives the thread that started it: a server starts desktops from pooled worker
 * threads, which the pool retires when idle. (Bubblewrap's die-with-parent is tied to the parent
 * thread; a desktop started from such a thread used to die with it.)
 */
class SpawningThreadTest {
  @TempDir static Path work;

  @Test
  void aDesktopStartedFromAThreadThatEndsKeepsRunning() throws Exception {
    try (DesktopProvider sandbox = DesktopProviders.create("sandbox")) {
      ExecutorService worker = Executors.newSingleThreadExecutor();
      Desktop d = worker.submit(() -> {
        Desktop started = sandbox.create(Desktops.mousepad(work));
        started.start();
        started.launch(Desktops.mousepadLaunch("/home/user/notes.txt"));
        return started;
      }).get(60, TimeUnit.SECONDS);
      try (d) {
        worker.shutdown();
        assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1500);
        d.ensureAlive();
        assertThat(d.apps()).allMatch(RunningApp::alive);
        assertThat(d.screenshot().width()).isPositive();
      }
    }
  }
}
