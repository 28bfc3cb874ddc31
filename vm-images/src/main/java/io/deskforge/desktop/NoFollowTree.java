package io.deskforge.desktop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Host-side access to a folder the desktop user can write, that never follows a link: each path
 * component is opened relative to the directory already open before it ({@code openat} with
 * {@code O_NOFOLLOW}, through the JDK's {@link SecureDirectoryStream}), so a link planted or
 * swapped in at any moment cannot lead the host anywhere else. Files are checked for type (a
 * regular file) and size before they are read, and the read itself is bounded in time, so a FIFO
 * or a huge sparse file swapped in fails with a named reason instead of blocking or exhausting
 * memory. New files and folders are made under a private name and renamed into place
 * ({@code renameat}), which never follows a link either.
 *
 * <p>Paths are relative to the tree's base and given as their names, already split.
 */
final class NoFollowTree {
  /** What a name in the tree is, without following it. */
  enum Kind { ABSENT, FILE, DIRECTORY, LINK, OTHER }

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "deskforge-nofollow-read");
    t.setDaemon(true);
    return t;
  });

  private final Path base;
  private final Path scratch;
  private final long maxReadBytes;
  private final Duration readTimeout;

  /**
   * @param base the tree's root, a folder deskforge made (not a link)
   * @param scratch a folder only the host can reach, on the same file system, where new folders
   *     are made before they are renamed into the tree
   */
  NoFollowTree(Path base, Path scratch, long maxReadBytes, Duration readTimeout) {
    this.base = base;
    this.scratch = scratch;
    this.maxReadBytes = maxReadBytes;
    this.readTimeout = readTimeout;
  }

  /** Thrown when a path leads through a link, names the wrong kind of file, or is too large. */
  static final class RefusedException extends UnreadableFileException {
    RefusedException(String message) {
      super(message);
    }
  }

  // ------------------------------------------------------------------ reading

  Kind kind(List<String> names) {
    if (names.isEmpty()) return Kind.DIRECTORY;
    try (SecureDirectoryStream<Path> dir = openParent(names, false)) {
      if (dir == null) return Kind.ABSENT;
      return kindOf(dir, last(names));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The file's bytes; refused unless it is a regular file within the read limit. */
  byte[] read(List<String> names, String shown) {
    try (SecureDirectoryStream<Path> dir = openParent(names, true)) {
      Path name = Path.of(last(names));
      checkReadable(attributes(dir, name), shown);
      return bounded(() -> readAtMost(dir, name, shown), shown, () -> unblock(dir, name));
    } catch (IOException e) {
      throw asUnchecked(e, shown);
    }
  }

  /** Throws, naming the reason, unless the path is a regular file within the read limit. */
  void checkReadable(List<String> names, String shown) {
    try (SecureDirectoryStream<Path> dir = openParent(names, true)) {
      checkReadable(attributes(dir, Path.of(last(names))), shown);
    } catch (IOException e) {
      throw asUnchecked(e, shown);
    }
  }

  private void checkReadable(PosixFileAttributes a, String shown) throws IOException {
    if (a == null) throw new NoSuchFileException(shown);
    if (a.isSymbolicLink()) throw new RefusedException(shown + " is a symbolic link; the host does not follow links in a desktop");
    if (a.isDirectory()) throw new RefusedException(shown + " is a folder, not a file");
    if (!a.isRegularFile()) throw new RefusedException(shown + " is not a regular file (a FIFO, socket or device); refusing to read it");
    if (a.size() > maxReadBytes) {
      throw new RefusedException(shown + " is " + a.size() + " bytes, over the " + maxReadBytes + "-byte read limit");
    }
  }

  /** The last {@code maxBytes} of a file, or null when it is absent or not a regular file. */
  String tail(List<String> names, int maxBytes) {
    try (SecureDirectoryStream<Path> dir = openParent(names, false)) {
      if (dir == null) return null;
      Path name = Path.of(last(names));
      PosixFileAttributes a = attributes(dir, name);
      if (a == null || !a.isRegularFile()) return null;
      byte[] bytes = bounded(() -> {
        try (SeekableByteChannel ch = dir.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW))) {
          long size = ch.size();
          ch.position(Math.max(0, size - maxBytes));
          ByteBuffer buf = ByteBuffer.allocate((int) Math.min(maxBytes, size));
          while (buf.hasRemaining() && ch.read(buf) > 0) { }
          return java.util.Arrays.copyOf(buf.array(), buf.position());
        }
      }, String.join("/", names), () -> unblock(dir, name));
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | UnreadableFileException e) {
      return null;
    }
  }

  /** Names in a folder, sorted; empty when it is absent or not a folder. */
  List<String> list(List<String> names) {
    try (SecureDirectoryStream<Path> dir = openDirectory(names)) {
      if (dir == null) return List.of();
      List<String> out = new ArrayList<>();
      for (Path p : dir) out.add(p.getFileName().toString());
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ writing

  /** Replaces the file with the content, making missing parent folders; a link there is replaced, never followed. */
  void write(List<String> names, byte[] content, Owner owner, String shown) {
    try (SecureDirectoryStream<Path> dir = makeParents(names, owner, shown)) {
      Path name = Path.of(last(names));
      Kind existing = kindOf(dir, name.toString());
      if (existing == Kind.DIRECTORY) throw new RefusedException(shown + " is a folder; cannot write a file there");
      Path tmp = Path.of("." + name + ".deskforge-" + HostFolders.randomSuffix());
      Set<OpenOption> create = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, NOFOLLOW);
      try (SeekableByteChannel ch = dir.newByteChannel(tmp, create, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-r--r--")))) {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) ch.write(b);
      }
      try {
        if (owner != null) owner.apply(dir.getFileAttributeView(tmp, PosixFileAttributeView.class, NOFOLLOW));
        dir.move(tmp, dir, name);
      } catch (IOException | RuntimeException e) {
        try {
          dir.deleteFile(tmp);
        } catch (IOException ignored) {
          // the desktop's folders go with it
        }
        throw e;
      }
    } catch (IOException e) {
      throw asUnchecked(e, shown);
    }
  }

  /** Makes the folder and its missing parents; an existing link on the way is refused. */
  void makeDirectories(List<String> names, Owner owner, String shown) {
    List<String> withChild = new ArrayList<>(names);
    withChild.add("x");
    try (SecureDirectoryStream<Path> dir = makeParents(withChild, owner, shown)) {
      // the folder itself is now open as the parent of "x"
    } catch (IOException e) {
      throw asUnchecked(e, shown);
    }
  }

  /** Deletes a file, a link (the link itself) or a whole folder, never following a link. */
  void delete(List<String> names, String shown) {
    if (names.isEmpty()) throw new IllegalArgumentException("refusing to delete the root of " + base);
    try (SecureDirectoryStream<Path> dir = openParent(names, false)) {
      if (dir == null) return;
      deleteEntry(dir, Path.of(last(names)));
    } catch (IOException e) {
      throw asUnchecked(e, shown);
    }
  }

  private static void deleteEntry(SecureDirectoryStream<Path> dir, Path name) throws IOException {
    PosixFileAttributes a = attributes(dir, name);
    if (a == null) return;
    if (a.isDirectory()) {
      try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name, NOFOLLOW)) {
        List<Path> children = new ArrayList<>();
        for (Path p : sub) children.add(p.getFileName());
        for (Path c : children) deleteEntry(sub, c);
      }
      dir.deleteDirectory(name);
    } else {
      dir.deleteFile(name);
    }
  }

  // ------------------------------------------------------------------ walking

  /** The open parent folder of the last name; null (or NoSuchFile when {@code strict}) when a parent is missing. */
  private SecureDirectoryStream<Path> openParent(List<String> names, boolean strict) throws IOException {
    if (names.isEmpty()) throw new IllegalArgumentException("no file named under " + base);
    SecureDirectoryStream<Path> dir = openBase();
    try {
      for (int i = 0; i < names.size() - 1; i++) {
        SecureDirectoryStream<Path> next = step(dir, names, i, strict);
        dir.close();
        dir = next;
        if (dir == null) return null;
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      if (dir != null) dir.close();
      throw e;
    }
  }

  private SecureDirectoryStream<Path> openDirectory(List<String> names) throws IOException {
    if (names.isEmpty()) return openBase();
    SecureDirectoryStream<Path> parent = openParent(names, false);
    if (parent == null) return null;
    try (parent) {
      if (kindOf(parent, last(names)) != Kind.DIRECTORY) return null;
      return parent.newDirectoryStream(Path.of(last(names)), NOFOLLOW);
    }
  }

  private SecureDirectoryStream<Path> step(SecureDirectoryStream<Path> dir, List<String> names, int i, boolean strict)
      throws IOException {
    String shown = String.join("/", names.subList(0, i + 1));
    switch (kindOf(dir, names.get(i))) {
      case ABSENT -> {
        if (strict) throw new NoSuchFileException(shown);
        return null;
      }
      case DIRECTORY -> {
        try {
          return dir.newDirectoryStream(Path.of(names.get(i)), NOFOLLOW);
        } catch (FileSystemException e) {
          throw new RefusedException("the folder " + shown + " changed into something else while it was opened; refusing to follow it");
        }
      }
      case LINK -> throw new RefusedException(shown + " is a symbolic link; the host does not follow links in a desktop");
      default -> throw new RefusedException(shown + " is not a folder");
    }
  }

  private SecureDirectoryStream<Path> makeParents(List<String> names, Owner owner, String shown) throws IOException {
    SecureDirectoryStream<Path> dir = openBase();
    try {
      for (int i = 0; i < names.size() - 1; i++) {
        if (kindOf(dir, names.get(i)) == Kind.ABSENT) makeDirectory(dir, names.get(i), owner);
        SecureDirectoryStream<Path> next = step(dir, names, i, true);
        dir.close();
        dir = next;
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Makes a folder in the host-only scratch folder, then renames it into the open parent. */
  private void makeDirectory(SecureDirectoryStream<Path> parent, String name, Owner owner) throws IOException {
    Files.createDirectories(scratch);
    Path tmp = Files.createDirectory(scratch.resolve("dir-" + HostFolders.randomSuffix()),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    try (SecureDirectoryStream<Path> s = openSecure(scratch)) {
      if (owner != null) owner.apply(s.getFileAttributeView(tmp.getFileName(), PosixFileAttributeView.class, NOFOLLOW));
      try {
        s.move(tmp.getFileName(), parent, Path.of(name));
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        // made meanwhile by the desktop: the walk checks what it is
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private SecureDirectoryStream<Path> openBase() throws IOException {
    if (Files.isSymbolicLink(base)) throw new RefusedException(base + " is a symbolic link");
    return openSecure(base);
  }

  private static SecureDirectoryStream<Path> openSecure(Path dir) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir);
    if (ds instanceof SecureDirectoryStream<Path> s) return s;
    ds.close();
    throw new IllegalStateException("this JDK or file system offers no SecureDirectoryStream for " + dir
        + "; deskforge needs openat-style access to read desktops safely");
  }

  private static Kind kindOf(SecureDirectoryStream<Path> dir, String name) throws IOException {
    PosixFileAttributes a = attributes(dir, Path.of(name));
    if (a == null) return Kind.ABSENT;
    if (a.isSymbolicLink()) return Kind.LINK;
    if (a.isDirectory()) return Kind.DIRECTORY;
    if (a.isRegularFile()) return Kind.FILE;
    return Kind.OTHER;
  }

  private static PosixFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
    try {
      return dir.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW).readAttributes();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private byte[] readAtMost(SecureDirectoryStream<Path> dir, Path name, String shown) throws IOException {
    try (SeekableByteChannel ch = dir.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW))) {
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Math.max(ch.size(), 4096), maxReadBytes + 1));
      while (true) {
        if (!buf.hasRemaining()) {
          if (buf.capacity() > maxReadBytes) {
            throw new RefusedException(shown + " grew over the " + maxReadBytes + "-byte read limit while it was read");
          }
          ByteBuffer bigger = ByteBuffer.allocate((int) Math.min((long) buf.capacity() * 2, maxReadBytes + 1));
          bigger.put(buf.flip());
          buf = bigger;
        }
        if (ch.read(buf) < 0) break;
      }
      return java.util.Arrays.copyOf(buf.array(), buf.position());
    }
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  /** Runs a read on a worker so that a file swapped for a FIFO after the type check cannot block the host. */
  private <T> T bounded(IoCall<T> call, String shown, Runnable unblock) throws IOException {
    Future<T> f = READERS.submit(call::call);
    try {
      return f.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      READERS.submit(unblock); // a reader blocked on a FIFO's open returns once a writer opens it
      throw new RefusedException("reading " + shown + " did not finish within " + readTimeout.toMillis()
          + " ms (a FIFO or a file held open by the desktop?)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new DesktopException("interrupted while reading " + shown, e);
    }
  }

  private static void unblock(SecureDirectoryStream<Path> dir, Path name) {
    try (SeekableByteChannel ch = dir.newByteChannel(name, Set.of(StandardOpenOption.WRITE, NOFOLLOW))) {
      // opening the write end releases the blocked reader
    } catch (IOException | RuntimeException ignored) {
      // the stream was closed or the file replaced: nothing left blocked on it
    }
  }

  private static RuntimeException asUnchecked(IOException e, String shown) {
    if (e instanceof NoSuchFileException) return new UnreadableFileException("no such file in the desktop: " + shown, e);
    if (e.getMessage() != null && e.getMessage().contains("No space left on device")) {
      return new DesktopLimitException(shown + ": the desktop's disk is full (its size cap was reached)", e);
    }
    return new UnreadableFileException(shown + ": " + e, e);
  }

  private static String last(List<String> names) {
    return names.get(names.size() - 1);
  }

  /** Who new files and folders belong to. */
  record Owner(UserPrincipal user, GroupPrincipal group) {
    static Owner of(Path anyPathOnTheFileSystem, int uid, int gid) {
      UserPrincipalLookupService lookup = anyPathOnTheFileSystem.getFileSystem().getUserPrincipalLookupService();
      try {
        return new Owner(lookup.lookupPrincipalByName(Integer.toString(uid)),
            lookup.lookupPrincipalByGroupName(Integer.toString(gid)));
      } catch (IOException e) {
        throw new IllegalStateException("cannot look up uid " + uid + " / gid " + gid + ": " + e.getMessage(), e);
      }
    }

    void apply(PosixFileAttributeView view) throws IOException {
      view.setOwner(user);
      view.setGroup(group);
    }
  }
}
