package io.deskforge.apps.office;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Stops a LibreOffice started on the host and removes its pipe. {@code soffice} is a script whose
 * {@code oosplash} starts {@code soffice.bin}, so ending the process started leaves the office
 * running; and the office makes its single-instance pipe ({@code OSL_PIPE_<uid>_SingleOfficeIPC_*})
 * in /tmp whatever {@code TMPDIR} says, removing it only when it quits by itself: a SIGTERM or a
 * SIGKILL leaves the socket file behind. So the sockets the processes listen on are noted first
 * (their descriptors in {@code /proc/<pid>/fd}, their paths in {@code /proc/net/unix}), the
 * processes are ended, and the office's own pipes among them are deleted; nothing else in /tmp is
 * touched.
 */
public final class OfficeStop {
  private static final String PIPE_PREFIX = "OSL_PIPE_";
  private static final long GRACE_MILLIS = 5_000;

  private OfficeStop() {}

  /** Ends {@code p} and every process under it (SIGTERM, SIGKILL after 5 s), then deletes the office pipes they listened on. */
  public static void stop(Process p) {
    List<ProcessHandle> all = Stream.concat(p.descendants(), Stream.of(p.toHandle())).toList();
    List<Path> pipes = listeningSockets(all).stream().filter(s -> s.getFileName().toString().startsWith(PIPE_PREFIX)).toList();
    all.forEach(ProcessHandle::destroy);
    long deadline = System.currentTimeMillis() + GRACE_MILLIS;
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // killed below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        deadline = 0;
      }
      h.destroyForcibly();
    }
    for (ProcessHandle h : all) h.onExit().join();
    for (Path pipe : pipes) {
      try {
        Files.deleteIfExists(pipe);
      } catch (IOException e) {
        // another user's or already gone: nothing of ours to clean
      }
    }
  }

  /** The paths of the Unix sockets these processes hold open; empty where /proc cannot tell. */
  static List<Path> listeningSockets(List<ProcessHandle> processes) {
    Set<String> inodes = new HashSet<>();
    for (ProcessHandle h : processes) {
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(h.pid()), "fd"))) {
        for (Path fd : fds) {
          try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) inodes.add(target.substring(8, target.length() - 1));
          } catch (IOException e) {
            // closed as we read
          }
        }
      } catch (IOException e) {
        // the process has gone, or /proc is not there
      }
    }
    List<Path> out = new ArrayList<>();
    if (inodes.isEmpty()) return out;
    try {
      // Num RefCount Protocol Flags Type St Inode Path
      for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
        String[] f = line.strip().split("\\s+");
        if (f.length >= 8 && inodes.contains(f[6]) && f[7].startsWith("/")) out.add(Path.of(f[7]));
      }
    } catch (IOException e) {
      // no /proc/net/unix: nothing to clean
    }
    return out;
  }
}
