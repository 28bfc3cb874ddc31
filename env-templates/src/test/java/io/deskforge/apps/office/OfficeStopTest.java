package io.deskforge.apps.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's real LibreOffice, stopped while it runs (what a build or conversion that overruns its
 * time does): no process of it is left, and neither is its pipe in /tmp, which the office itself
 * removes only when it quits on its own.
 */
class OfficeStopTest {
  @TempDir Path dir;

  @Test
  void aStoppedOfficeLeavesNoProcessAndNoPipe() throws Exception {
    // a first start builds the profile and restarts the office, its pipe made twice: build it before
    Process init = office("--terminate_after_init").start();
    assertThat(init.waitFor(120, TimeUnit.SECONDS)).as("soffice --terminate_after_init finished").isTrue();
    Process p = office().start();
    List<ProcessHandle> processes = List.of();
    Path pipe = null;
    try {
      long deadline = System.currentTimeMillis() + 60_000;
      while (pipe == null && System.currentTimeMillis() < deadline) {
        assertThat(p.isAlive()).as("soffice exited before it made its pipe: " + Files.readString(dir.resolve("soffice.log"))).isTrue();
        processes = Stream.concat(p.descendants(), Stream.of(p.toHandle())).toList();
        pipe = OfficeStop.listeningSockets(processes).stream().filter(s -> s.getFileName().toString().startsWith("OSL_PIPE_")).findFirst().orElse(null);
        if (pipe == null) Thread.sleep(200);
      }
      assertThat(pipe).as("the office's pipe, within 60 s").isNotNull();
      assertThat(processes).as("the launcher and the office").hasSizeGreaterThanOrEqualTo(2);
      assertThat(Files.exists(pipe)).isTrue();

      OfficeStop.stop(p);

      assertThat(processes).as("processes of the stopped office").noneMatch(ProcessHandle::isAlive);
      assertThat(Files.exists(pipe)).as("the office's pipe " + pipe).isFalse();
    } finally {
      processes.forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      if (pipe != null) Files.deleteIfExists(pipe);
    }
  }

  private ProcessBuilder office(String... more) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
        "--norestore", "--nologo", "--nolockcheck"));
    cmd.addAll(List.of(more));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile());
    pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
    pb.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    return pb;
  }
}
