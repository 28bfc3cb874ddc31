package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.desktop.docker.DockerEngine;
import io.deskforge.desktop.docker.DockerProvider;
import io.deskforge.task.action.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Desktops leave nothing behind, whether closed normally or by an exception. */
class CleanupTest {
  @TempDir Path work;

  static final List<String> PROVIDERS = Desktops.PROVIDERS;

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void tenDesktopsStartedAndClosedSomeByExceptionsLeaveNothing(String providerName) throws Exception {
    List<String> ids = new ArrayList<>();
    Set<Long> pids = new HashSet<>();
    List<Path> folders = new ArrayList<>();
    try (DesktopProvider provider = DesktopProviders.create(providerName)) {
      for (int i = 0; i < 10; i++) {
        boolean fail = i % 3 == 1;
        int n = i;
        Runnable use = () -> {
          try (Desktop d = provider.create(Desktops.mousepad(work))) {
            ids.add(d.id());
            folders.add(work.resolve(d.id()));
            d.start();
            if (n % 2 == 0) d.launch(Desktops.mousepadLaunch("/home/user/n.txt"));
            d.act(Action.type("abc"));
            d.processes().forEach(p -> pids.add(p.pid()));
            assertThat(d.processes()).isNotEmpty();
            assertThat(Files.isDirectory(work.resolve(d.id()))).isTrue();
            if (fail) throw new IllegalStateException("the caller failed while using " + d.id());
          }
        };
        if (fail) assertThatThrownBy(use::run).hasMessageContaining("the caller failed");
        else use.run();
      }
    }
    assertThat(ids).hasSize(10).doesNotHaveDuplicates();
    assertThat(pids).isNotEmpty();
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (pids.stream().anyMatch(ProcessStats::isRunning) && System.nanoTime() < deadline) Thread.sleep(50);
    assertThat(pids.stream().filter(ProcessStats::isRunning).toList()).as("processes still running").isEmpty();
    for (Path f : folders) assertThat(f).as("desktop folder").doesNotExist();
    try (var list = Files.list(work)) {
      assertThat(list.toList()).as("anything left in the work folder").isEmpty();
    }
    if (providerName.equals("docker")) {
      try (var docker = DockerEngine.connect()) {
        for (String id : ids) {
          assertThat(docker.listContainersCmd().withShowAll(true)
              .withLabelFilter(Map.of(DockerProvider.LABEL_DESKTOP, id)).exec()).as("containers of " + id).isEmpty();
        }
      }
    }
  }

  /**
   * A cancelled audit's desktop is closed by a thread whose interrupt is set (an executor's
   * shutdownNow): the close still unmounts and removes its folder. Before, umount gave up at once
   * ("interrupted") and the tmpfs stayed mounted until a later run reaped it.
   */
  @org.junit.jupiter.api.Test
  void aDesktopClosedByAnInterruptedThreadLeavesNoMountNorFolder() throws Exception {
    Path folder;
    try (DesktopProvider provider = DesktopProviders.create("sandbox")) {
      Desktop d = provider.create(Desktops.mousepad(work));
      folder = work.resolve(d.id());
      d.start();
      assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).as("the desktop's tmpfs").contains(folder.toString());
      Thread.currentThread().interrupt();
      try {
        d.close();
      } finally {
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
      }
    }
    assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).as("mounts after close").doesNotContain(folder.toString());
    assertThat(folder).as("desktop folder").doesNotExist();
  }
}
