package io.deskforge.apps.osworld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.task.json.TaskJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OSWorld's own code ({@code osworld_driver.py} importing it unedited, on Debian's python3): one
 * {@code DesktopEnv} pointed at the stand-in, reset and evaluated on request.
 */
final class OsworldDriver implements AutoCloseable {
  private final Process process;
  private final PrintWriter in;
  private final BufferedReader out;
  private final Path stderr;
  private final Path cache;
  final JsonNode started;

  OsworldDriver(Path osworldCode, Path kit, VmStandIn vm, ScratchHome home) {
    try {
      this.stderr = Files.createTempFile("osworld-driver-", ".log");
      this.cache = Files.createTempDirectory("osworld-cache-");
      ProcessBuilder pb = new ProcessBuilder(List.of(Python.DEBIAN, kit.resolve("osworld_driver.py").toString(),
          osworldCode.toString(), Integer.toString(vm.port()), home.root().toString(), cache.toString()))
          .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
      pb.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // OSWorld's folder may be read-only
      pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
      this.process = pb.start();
      this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null) throw new IllegalStateException("OSWorld's code did not load:\n" + tail());
      this.started = TaskJson.mapper().readTree(first);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start OSWorld's code", e);
    }
  }

  /** OSWorld's DesktopEnv.reset(task_config) on the example file: null when it passed, else its traceback. */
  String reset(Path example) {
    ObjectNode request = TaskJson.mapper().createObjectNode().put("op", "reset").put("task", example.toString());
    JsonNode answer = ask(request);
    return answer.path("ok").asBoolean() ? null : answer.path("error").asText();
  }

  /** OSWorld's DesktopEnv.evaluate() after the last reset. */
  double evaluate() {
    JsonNode answer = ask(TaskJson.mapper().createObjectNode().put("op", "evaluate"));
    if (!answer.path("ok").asBoolean()) throw new IllegalStateException("OSWorld's evaluate() raised:\n" + answer.path("error").asText());
    return answer.path("score").asDouble();
  }

  private JsonNode ask(ObjectNode request) {
    try {
      in.println(TaskJson.write(request));
      String line = out.readLine();
      if (line == null) throw new IllegalStateException("OSWorld's driver died:\n" + tail());
      return TaskJson.mapper().readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The end of what OSWorld's code printed, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      Files.deleteIfExists(stderr);
      ScratchHome.delete(cache);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
