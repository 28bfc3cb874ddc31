package io.deskforge.apps.osworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a scratch home holds at one moment (folders, files with their bytes, links, permissions),
 * put back onto the home later changing only what differs, as the model that made it would have.
 * A task's solved state is made once by its {@link EndStateModel} (Writer's re-creates PDF and ODF
 * files with LibreOffice itself) and restored for each mutation and edge state made from it.
 */
record HomeImage(Map<String, Entry> entries) {

  /** One path of the home: a folder, a file or a link. */
  sealed interface Entry {
    record Folder(Set<PosixFilePermission> permissions) implements Entry {}

    record File(byte[] bytes, Set<PosixFilePermission> permissions) implements Entry {
      @Override
      public boolean equals(Object o) {
        return o instanceof File f && Arrays.equals(bytes, f.bytes) && permissions.equals(f.permissions);
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + permissions.hashCode();
      }
    }

    record Link(Path target) implements Entry {}
  }

  static HomeImage of(ScratchHome home) {
    Map<String, Entry> out = new TreeMap<>();
    Path root = home.root();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        if (p.equals(root)) continue;
        out.put(root.relativize(p).toString(), entry(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot image the scratch home " + root, e);
    }
    return new HomeImage(out);
  }

  /** Makes the home hold exactly this image: what is not in it goes, what differs is written again. */
  void restore(ScratchHome home) {
    Path root = home.root();
    try {
      List<Path> now;
      try (Stream<Path> walk = Files.walk(root)) {
        now = walk.filter(p -> !p.equals(root)).sorted(Comparator.reverseOrder()).toList();
      }
      for (Path p : now) {
        Entry want = entries.get(root.relativize(p).toString());
        if (want == null || !want.equals(entry(p))) ScratchHome.delete(p);
      }
      for (Map.Entry<String, Entry> e : entries.entrySet()) { // parents sort before their children
        Path p = root.resolve(e.getKey());
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) continue;
        switch (e.getValue()) {
          case Entry.Folder f -> Files.setPosixFilePermissions(Files.createDirectory(p), f.permissions());
          case Entry.File f -> Files.setPosixFilePermissions(Files.write(p, f.bytes()), f.permissions());
          case Entry.Link l -> Files.createSymbolicLink(p, l.target());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore the scratch home " + root, e);
    }
  }

  private static Entry entry(Path p) {
    try {
      if (Files.isSymbolicLink(p)) return new Entry.Link(Files.readSymbolicLink(p));
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return new Entry.Folder(perms);
      return new Entry.File(Files.readAllBytes(p), perms);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + " in the scratch home", e);
    }
  }
}
