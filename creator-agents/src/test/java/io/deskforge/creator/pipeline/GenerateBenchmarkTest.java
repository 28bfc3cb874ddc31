package io.deskforge.creator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed `bench generate` leaves its scratch folder; the next run removes it, and no other. */
class GenerateBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void theScratchFoldersOfDeadRunsGoAndTheLiveOnesStay() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path dead = folder("dead", gone.pid() + "\n");
    Path live = folder("live", ProcessHandle.current().pid() + "\n");
    Path oldWithoutOwner = folder("old", null);
    Files.setLastModifiedTime(oldWithoutOwner, FileTime.from(Instant.now().minusSeconds(3600)));
    Path newWithoutOwner = folder("starting", null);
    Path other = Files.createDirectories(tmp.resolve("someone-elses-folder"));

    assertThat(GenerateBenchmark.reapStale(tmp)).isEqualTo(2);
    assertThat(dead).doesNotExist();
    assertThat(oldWithoutOwner).doesNotExist();
    assertThat(live).exists();
    assertThat(newWithoutOwner).as("a run that has not written its owner yet").exists();
    assertThat(other).exists();
  }

  private Path folder(String name, String owner) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(GenerateBenchmark.PREFIX + name));
    Files.writeString(d.resolve("bench.sqlite"), "x");
    if (owner != null) Files.writeString(d.resolve(GenerateBenchmark.OWNER), owner);
    return d;
  }
}
