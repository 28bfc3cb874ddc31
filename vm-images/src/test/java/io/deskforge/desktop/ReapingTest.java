package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.desktop.docker.DockerEngine;
import io.deskforge.desktop.docker.DockerProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What a desktop leaves when its JVM is killed, or when it fails to start: the next run reaps the
 * former (processes, folder, tmpfs, cgroups, container), and the latter leaves nothing at all.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReapingTest {
  @TempDir Path work;
  static final List<String> PROVIDERS = Desktops.PROVIDERS;

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aDesktopWhoseJvmWasKilledIsReapedByTheNextRun(String providerName) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StartAndHold.class.getName(), providerName, work.toString())
        .redirectErrorStream(true).start();
    String ready = null;
    StringBuilder log = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      for (String line; (line = r.readLine()) != null; ) {
        log.append(line).append('\n');
        if (line.startsWith("READY ")) {
          ready = line;
          break;
        }
      }
      assertThat(ready).as("the child started its desktop; it said: " + log).isNotNull();
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    String[] parts = ready.split(" ");
    String id = parts[1];
    List<Long> pids = Arrays.stream(parts[2].split(",")).map(Long::parseLong).toList();
    Path folder = work.resolve(id);
    assertThat(folder).as("left behind by the kill").exists();
    if (providerName.equals("docker")) assertThat(containersOf(id)).as("container left by the kill").isNotEmpty();

    try (DesktopProvider provider = DesktopProviders.create(providerName);
        Desktop next = provider.create(Desktops.mousepad(work))) {
      assertThat(next.id()).isNotEqualTo(id);
    }
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (pids.stream().anyMatch(ProcessStats::isRunning) && System.nanoTime() < deadline) Thread.sleep(50);
    assertThat(pids.stream().filter(ProcessStats::isRunning).toList()).as("processes of the killed run's desktop").isEmpty();
    assertThat(folder).as("its folder").doesNotExist();
    assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).as("its tmpfs").doesNotContain(folder.toString());
    for (String controller : List.of("memory", "pids", "cpu", "cpuacct")) {
      Path groups = Path.of("/sys/fs/cgroup", controller, "deskforge");
      if (!Files.isDirectory(groups)) continue;
      try (var list = Files.list(groups)) {
        assertThat(list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id + "."))).as("its cgroups").isEmpty();
      }
    }
    if (providerName.equals("docker")) assertThat(containersOf(id)).as("its container").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aDesktopThatFailsToStartLeavesNothing(String providerName) throws Exception {
    DesktopConfig config = DesktopConfig.builder().image("mousepad", List.of("mousepad")).workRoot(work)
        .startTimeout(Duration.ofMillis(1)).build();
    String id;
    try (DesktopProvider provider = DesktopProviders.create(providerName); Desktop d = provider.create(config)) {
      id = d.id();
      assertThatThrownBy(d::start).isInstanceOf(DesktopException.class).hasMessageContaining(id);
      // what the failed start made is gone before close
      assertThat(work.resolve(id)).doesNotExist();
      assertThat(d.processes()).as("processes of the failed desktop").allMatch(p -> !p.isAlive());
    }
    assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(work.resolve(id).toString());
    for (String controller : List.of("memory", "pids", "cpu", "cpuacct")) {
      Path groups = Path.of("/sys/fs/cgroup", controller, "deskforge");
      if (!Files.isDirectory(groups)) continue;
      try (var list = Files.list(groups)) {
        assertThat(list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id + "."))).as("its cgroups").isEmpty();
      }
    }
    try (var list = Files.list(work)) {
      assertThat(list.toList()).as("anything left in the work folder").isEmpty();
    }
    if (providerName.equals("docker")) assertThat(containersOf(id)).isEmpty();
  }

  /**
   * A run killed after it made a desktop's folder but before the folder's tmpfs was mounted leaves
   * the bare folder. It holds its owner's pid from the start, so the next run reaps it rather than
   * taking it for a folder another run is making right now.
   */
  @org.junit.jupiter.api.Test
  void aFolderWhoseRunWasKilledBeforeItsTmpfsIsReaped() throws Exception {
    HostFolders folders = new HostFolders(work.resolve("sandbox-0000dead"), DesktopUser.current(), DesktopLimits.fromEnvironment());
    folders.create();
    try {
      if (folders.diskCapped()) {
        // what the kill left: the folder without its tmpfs
        assertThat(new ProcessBuilder("umount", "--lazy", folders.root().toString()).start().waitFor()).isZero();
      }
      assertThat(Files.readString(folders.root().resolve(".owner")).strip())
          .as("the owner written on the bare folder, beneath the tmpfs").isEqualTo(Long.toString(ProcessHandle.current().pid()));
    } finally {
      folders.delete();
    }
    // the same folder as a killed run leaves it: bare, its owner gone
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path bare = Files.createDirectory(work.resolve("sandbox-0000beef"));
    Files.writeString(bare.resolve(".owner"), gone.pid() + "\n");
    Path making = Files.createDirectory(work.resolve("sandbox-0000cafe")); // no owner yet: being made by someone
    HostFolders.reapStale(work);
    assertThat(bare).as("the killed run's bare folder").doesNotExist();
    assertThat(making).as("a folder being made, no owner yet").exists();
  }

  /**
   * A run killed after it made a desktop's folder and its owner file but before the pid was in it
   * (seen once in CI) leaves the folder with an empty owner file: taken for one being made, it
   * stayed for good. Once older than a minute it goes; a fresh one, and an old one holding anything
   * else, stay.
   */
  @org.junit.jupiter.api.Test
  void aFolderLeftWithoutItsOwnersPidGoesAfterAMinute() throws Exception {
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - HostFolders.UNOWNED_GRACE.toMillis() - 5_000);
    Path emptyOwner = Files.createDirectory(work.resolve("sandbox-0000a001"));
    Files.createFile(emptyOwner.resolve(".owner"));
    Path noOwner = Files.createDirectory(work.resolve("sandbox-0000a002"));
    Path fresh = Files.createDirectory(work.resolve("sandbox-0000a003"));
    Files.createFile(fresh.resolve(".owner"));
    Path notOurs = Files.createDirectory(work.resolve("results"));
    Files.writeString(notOurs.resolve("notes.txt"), "kept");
    for (Path p : List.of(emptyOwner, noOwner, notOurs)) Files.setLastModifiedTime(p, old);

    HostFolders.reapStale(work);

    assertThat(emptyOwner).as("an old folder with an empty owner file").doesNotExist();
    assertThat(noOwner).as("an old empty folder").doesNotExist();
    assertThat(fresh).as("a folder being made right now").exists();
    assertThat(notOurs.resolve("notes.txt")).as("an old folder holding something else").exists();
  }

  private static List<?> containersOf(String id) {
    try (var docker = DockerEngine.connect()) {
      return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(DockerProvider.LABEL_DESKTOP, id)).exec();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
