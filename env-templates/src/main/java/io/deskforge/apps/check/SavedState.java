package io.deskforge.apps.check;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.ExecResult;
import java.time.Duration;
import java.util.List;

/**
 * The saved state a checker reads, by desktop path: what a desktop's privileged side offers the
 * getters, and no more. A desktop is one; anything else holding a home (a folder standing in for a
 * VM's home, in tests) can be another, and the getters then read it exactly as they read a desktop.
 * As there, a link is never followed, and what cannot be read safely throws
 * {@link io.deskforge.desktop.UnreadableFileException}.
 */
public interface SavedState {

  /** Whether the path names anything (a link counts as itself). */
  boolean exists(String path);

  /** Whether the path is a folder (a link to one is not). */
  boolean isDirectory(String path);

  /** The bytes of a regular file within the read limit. */
  byte[] readFile(String path);

  /** Throws unless the path is a regular file within the read limit (not a link, FIFO or folder). */
  void requireReadableFile(String path);

  /** Names in a folder, sorted. */
  List<String> list(String path);

  /** Runs a command as the desktop user, paths as the desktop sees them. */
  ExecResult execAsUser(List<String> command, Duration timeout);

  /** How long one call into the state may take. */
  Duration callTimeout();

  /**
   * Replaces a file with these bytes, owned by the desktop user (what a checker mutation does to a
   * solved document). By default through a command as the user, so any state that runs commands
   * can be written; up to 90 KiB that way, since the bytes travel as one argument.
   */
  default void writeFile(String path, byte[] content) {
    String b64 = java.util.Base64.getEncoder().encodeToString(content);
    if (b64.length() > 120_000) throw new IllegalStateException(path + " is too large to write through a command argument");
    ExecResult r = execAsUser(List.of("sh", "-c",
        "printf '%s' \"$1\" | base64 -d > \"$2.deskforge-tmp\" && mv \"$2.deskforge-tmp\" \"$2\"", "sh", b64, path), callTimeout());
    if (!r.ok()) throw new IllegalStateException("could not write " + path + ": " + r.stderr().strip());
  }

  /** A desktop's saved state, asked of its privileged side on each call. */
  static SavedState of(Desktop desktop) {
    return new SavedState() {
      @Override
      public boolean exists(String path) {
        return desktop.privileged().exists(path);
      }

      @Override
      public boolean isDirectory(String path) {
        return desktop.privileged().isDirectory(path);
      }

      @Override
      public byte[] readFile(String path) {
        return desktop.privileged().readFile(path);
      }

      @Override
      public void requireReadableFile(String path) {
        desktop.privileged().requireReadableFile(path);
      }

      @Override
      public List<String> list(String path) {
        return desktop.privileged().list(path);
      }

      @Override
      public Duration callTimeout() {
        return desktop.config().limits().callTimeout();
      }

      @Override
      public ExecResult execAsUser(List<String> command, Duration timeout) {
        return desktop.privileged().execAsUser(command, timeout);
      }

      @Override
      public void writeFile(String path, byte[] content) {
        desktop.privileged().writeFile(path, content);
      }
    };
  }
}
