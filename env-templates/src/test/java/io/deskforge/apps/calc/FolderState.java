package io.deskforge.apps.calc;

import io.deskforge.apps.check.SavedState;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.UnreadableFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** A saved state over a host folder standing in for /home/user, for getter and mutation tests without a desktop; it runs no commands. */
record FolderState(Path home) implements SavedState {
  private Path at(String path) {
    return home.resolve(path.replaceFirst("^/home/user/?", ""));
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(at(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(at(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public byte[] readFile(String path) {
    requireReadableFile(path);
    try {
      return Files.readAllBytes(at(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void requireReadableFile(String path) {
    if (!Files.isRegularFile(at(path), LinkOption.NOFOLLOW_LINKS)) throw new UnreadableFileException(path + " is not a regular file");
  }

  @Override
  public List<String> list(String path) {
    try (Stream<Path> s = Files.list(at(path))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ExecResult execAsUser(List<String> command, Duration timeout) {
    throw new UnsupportedOperationException("a folder state runs no commands");
  }

  @Override
  public void writeFile(String path, byte[] content) {
    try {
      Files.write(at(path), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Duration callTimeout() {
    return Duration.ofSeconds(20);
  }
}
