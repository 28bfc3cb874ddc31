package io.deskforge.apps.check;

import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.UnreadableFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Saved state in host paths, desktop paths being the host's own, read without following links as a
 * desktop's privileged side reads: for tests of getters and formats without a desktop. Commands run
 * in {@code commandsIn} (enough for converters like cat); with null, no command runs.
 */
public record HostSavedState(Path commandsIn) implements SavedState {

  /** State read from host paths, where no command runs. */
  public static HostSavedState withoutCommands() {
    return new HostSavedState(null);
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(Path.of(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public byte[] readFile(String path) {
    requireReadableFile(path);
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void requireReadableFile(String path) {
    if (!Files.isRegularFile(Path.of(path), LinkOption.NOFOLLOW_LINKS)) throw new UnreadableFileException(path + " is not a regular file");
  }

  @Override
  public List<String> list(String path) {
    try (Stream<Path> s = Files.list(Path.of(path))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ExecResult execAsUser(List<String> command, Duration timeout) {
    if (commandsIn == null) return new ExecResult(1, new byte[0], "no commands run here");
    try {
      Process p = new ProcessBuilder(command).directory(commandsIn.toFile()).start();
      byte[] out = p.getInputStream().readAllBytes();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) throw new IllegalStateException("timed out: " + command);
      return new ExecResult(p.exitValue(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Duration callTimeout() {
    return Duration.ofSeconds(10);
  }
}
