package io.deskforge.task.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The evidence folder next to a bank file ({@code <bank>.evidence/}). Files come in before the row
 * that names them, in the same write transaction, each copied to a temporary name, forced to disk
 * and renamed, so a kill leaves a complete file or none, and never a row naming a file that is not
 * there; the files of a row a kill stopped are left unrecorded until a sweep removes them.
 */
final class EvidenceStore {
  private final Path root;

  EvidenceStore(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** The file a stored relative path names. */
  Path resolve(String relative) {
    return root.resolve(relative).normalize();
  }

  /** A file's path relative to the folder, as the bank stores it. */
  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** The task a stored path belongs to: its first segment ({@code <task-id>/<audit-digest>/<name>}). */
  static String taskIdOf(String relative) {
    int slash = relative.indexOf('/');
    return slash < 0 ? null : relative.substring(0, slash);
  }

  /**
   * Every file in the folder, by relative path, with its size. The folder's top-level entries
   * whose names start with '.' are not the bank's (a task id never starts with one): a generate
   * run stages its audits' evidence in {@code .staging} there and clears it itself. A folder
   * that does not exist holds no files.
   */
  Map<String, Long> files() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return out;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return notTheBanks(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (!notTheBanks(file)) out.put(relative(root, file), attrs.size());
        return FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  private boolean notTheBanks(Path p) {
    return root.equals(p.getParent()) && p.getFileName().toString().startsWith(".");
  }

  /**
   * Deletes the given files (relative paths) and then every folder of the bank's that is left
   * empty; returns the files deleted.
   */
  List<String> delete(Collection<String> relativePaths) throws IOException {
    List<String> deleted = new ArrayList<>();
    for (String p : relativePaths) {
      Path file = resolve(p);
      if (file.startsWith(root) && !file.equals(root) && Files.deleteIfExists(file)) deleted.add(p);
    }
    if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return notTheBanks(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          if (e != null) throw e;
          if (!dir.equals(root)) {
            try (var entries = Files.list(dir)) {
              if (entries.findAny().isEmpty()) Files.delete(dir);
            }
          }
          return FileVisitResult.CONTINUE;
        }
      });
    }
    return deleted;
  }

  /**
   * Brings an audit's evidence into the folder and returns the paths to record, relative to the
   * folder. An absolute path is a file the auditor wrote anywhere: it is copied to
   * {@code <task-id>/<audit-digest>/<name>}, so audits of one task never overwrite each other. A
   * relative path must already be in the folder (a task read back from a bank).
   */
  List<String> adopt(String taskId, String auditDigest, List<String> evidence) {
    List<String> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<Path> written = new HashSet<>();
    for (String entry : evidence) {
      Path given = Path.of(entry);
      if (given.isAbsolute()) {
        if (!Files.isRegularFile(given)) {
          throw new IllegalArgumentException("evidence file " + given + " of task " + taskId
              + " does not exist; write the evidence before recording the task");
        }
        String name = given.getFileName().toString();
        for (int i = 2; !names.add(name); i++) name = i + "-" + given.getFileName();
        String relative = taskId + "/" + auditDigest + "/" + name;
        copyDurably(given, resolve(relative));
        written.add(resolve(relative).getParent());
        out.add(relative);
      } else {
        Path file = resolve(entry);
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          throw new IllegalArgumentException("evidence path '" + entry + "' of task " + taskId
              + " is not a file under " + root + "; give an absolute path to have it copied in");
        }
        out.add(relative(root, file));
      }
    }
    written.forEach(EvidenceStore::forceDirectory); // once per folder: makes the renames durable
    return out;
  }

  private static void copyDurably(Path source, Path target) {
    try {
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
      try {
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy evidence " + source + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Makes the rename durable; not every platform can open a directory, and then the rename is as durable as it gets. */
  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // best effort: Linux supports it, others may not
    }
  }
}
