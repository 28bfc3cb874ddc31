package io.deskforge.apps.osworld;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.json.TaskJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback stand-in for OSWorld's VM server ({@code vm_standin.py}, Debian's python3), run in
 * the scratch home as the VM's user. Its log says what OSWorld's code asked of it.
 */
final class VmStandIn implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;
  private int logLinesSeen;

  /** {@code kit} holds vm_standin.py and gets its log; the VM's user must be able to write there. */
  VmStandIn(ScratchHome home, Path kit) {
    try {
      this.log = kit.resolve("standin.log");
      Files.writeString(log, "");
      if (ScratchHome.isRoot()) Files.setAttribute(log, "unix:uid", ScratchHome.UID);
      this.process = new ProcessBuilder(home.inHome(kit, List.of(Python.DEBIAN, ScratchHome.KIT + "/vm_standin.py", ScratchHome.KIT + "/standin.log")))
          .redirectError(ProcessBuilder.Redirect.appendTo(log.resolveSibling("standin.stderr").toFile()))
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null) {
        throw new IllegalStateException("the VM stand-in did not start: " + Files.readString(log.resolveSibling("standin.stderr")));
      }
      this.port = Integer.parseInt(first.strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the VM stand-in", e);
    }
  }

  int port() {
    return port;
  }

  /** The requests logged since the last call. */
  List<JsonNode> newRequests() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<JsonNode> out = new ArrayList<>();
      for (String line : lines.subList(logLinesSeen, lines.size())) out.add(TaskJson.mapper().readTree(line));
      logLinesSeen = lines.size();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closing its standard input ends the stand-in; its processes are ended too, should one hang. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
