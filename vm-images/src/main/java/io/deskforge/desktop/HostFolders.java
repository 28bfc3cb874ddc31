package io.deskforge.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A desktop's folders on the host, bind-mounted into it by every provider at the same places:
 * {@code home} at /home/user, {@code run} at /run/deskforge, {@code x11} at /tmp/.X11-unix and
 * {@code privileged} (root only) at /var/lib/deskforge/privileged; {@code host} is never mounted
 * (app logs, the host's scratch space). When deskforge runs as root, all of them live on one
 * tmpfs of the desktop's disk cap. Host-side access goes through {@link NoFollowTree}: it never
 * follows a link the desktop user planted, whenever it was planted.
 */
public final class HostFolders {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String OWNER_FILE = ".owner";
  /** The source name of a desktop's tmpfs in the mount table ({@code deskforge-desktop.<pid>}), by which stale ones are found. */
  static final String MOUNT_SOURCE = "deskforge-desktop";

  private final Path root;
  private final DesktopUser user;
  private final DesktopLimits limits;
  private final NoFollowTree homeTree;
  private final NoFollowTree runTree;
  private final NoFollowTree privilegedTree;
  private final NoFollowTree hostTree;
  private volatile NoFollowTree.Owner owner;
  private boolean mounted;

  HostFolders(Path root, DesktopUser user, DesktopLimits limits) {
    this.root = root;
    this.user = user;
    this.limits = limits;
    Path scratch = host().resolve("scratch");
    this.homeTree = new NoFollowTree(home(), scratch, limits.readBytes(), limits.callTimeout());
    this.runTree = new NoFollowTree(run(), scratch, limits.readBytes(), limits.callTimeout());
    this.privilegedTree = new NoFollowTree(privileged(), scratch, limits.readBytes(), limits.callTimeout());
    this.hostTree = new NoFollowTree(host(), scratch, limits.readBytes(), limits.callTimeout());
  }

  static String randomSuffix() {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  public Path root() { return root; }

  public Path home() { return root.resolve("home"); }

  public Path run() { return root.resolve("run"); }

  public Path x11() { return root.resolve("x11"); }

  public Path privileged() { return root.resolve("privileged"); }

  /** Host only, never mounted into the desktop: app logs and the host's scratch space. */
  public Path host() { return root.resolve("host"); }

  public DesktopUser user() { return user; }

  /** Whether the folders live on their own size-capped tmpfs. */
  public boolean diskCapped() { return mounted; }

  void create() {
    try {
      Files.createDirectories(root.getParent());
      setMode(root.getParent(), "rwxr-xr-x");
      Files.createDirectory(root);
      // The owner first on the bare folder, then again on its tmpfs: a creator killed before the
      // mount leaves a folder the next run's reaper still knows for its own (an empty one it would
      // take for another's, being created, and leave forever). The first copy lies hidden beneath
      // the tmpfs and goes with the folder once that is unmounted.
      Files.writeString(root.resolve(OWNER_FILE), ProcessHandle.current().pid() + "\n");
      if (user.hostIsRoot()) {
        // one tmpfs for all the desktop's folders: the disk cap, and no link can cross into the host's file systems
        ExecResult r = HostCommand.run(List.of("mount", "-t", "tmpfs", "-o",
            "size=" + limits.diskBytes() + ",mode=755,nosuid,nodev", MOUNT_SOURCE + "." + ProcessHandle.current().pid(), root.toString()), Duration.ofSeconds(10));
        if (!r.ok()) throw new IOException("cannot mount the desktop's tmpfs (disk cap) at " + root + ": " + r.stderr().strip());
        mounted = true;
      }
      setMode(root, "rwxr-xr-x");
      if (mounted) Files.writeString(root.resolve(OWNER_FILE), ProcessHandle.current().pid() + "\n");
      for (Path p : List.of(home(), run(), x11())) {
        Files.createDirectory(p);
        setMode(p, "rwx------");
        chownToUser(p);
      }
      for (Path p : List.of(privileged(), host())) {
        Files.createDirectory(p);
        setMode(p, "rwx------");
      }
    } catch (IOException e) {
      throw new DesktopException("cannot create desktop folders under " + root + ": " + e.getMessage(), e);
    }
  }

  /** The desktop's own /etc/passwd, /etc/group and /etc/hosts, bind-mounted over the image's. */
  public record EtcFiles(Path passwd, Path group, Path hosts) {}

  /** Writes the identity files: the desktop user and root, and the host name on loopback. */
  public EtcFiles writeEtcFiles() {
    try {
      Path passwd = root.resolve("passwd");
      Files.writeString(passwd, "root:x:0:0:root:/root:/bin/sh\n" + DesktopPaths.USER + ":x:" + user.uid() + ":" + user.gid()
          + ":desktop user:" + DesktopPaths.HOME + ":/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
      Path group = root.resolve("group");
      Files.writeString(group, "root:x:0:\n" + DesktopPaths.USER + ":x:" + user.gid() + ":\nnogroup:x:65534:\n");
      Path hosts = root.resolve("hosts");
      Files.writeString(hosts, "127.0.0.1 localhost deskforge\n::1 localhost ip6-localhost deskforge\n");
      return new EtcFiles(passwd, group, hosts);
    } catch (IOException e) {
      throw new DesktopException("cannot write identity files under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Removes the folders; problems are reported, not thrown: close must not fail. */
  void delete() {
    try {
      if (mounted) {
        if (isMountPoint(root)) unmount(root); // else unmounted already, by a reaper or by hand
        mounted = false;
      }
      deleteTree(root);
    } catch (IOException e) {
      System.err.println("deskforge: could not remove " + root + ": " + e.getMessage());
    }
  }

  private static void unmount(Path dir) throws IOException {
    ExecResult r = HostCommand.run(List.of("umount", "--lazy", dir.toString()), Duration.ofSeconds(10));
    if (!r.ok()) throw new IOException("cannot unmount " + dir + ": " + r.stderr().strip());
  }

  /** Desktop tmpfs mounts anywhere on the host whose owning process is gone (whatever their work root). */
  private static int reapStaleMounts() {
    int n = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        int dash = line.indexOf(" - ");
        if (dash < 0) continue;
        String[] after = line.substring(dash + 3).split(" ");
        if (after.length < 2 || !after[0].equals("tmpfs") || !after[1].startsWith(MOUNT_SOURCE + ".")) continue;
        Path dir = Path.of(line.split(" ")[4].replace("\\040", " "));
        long pid;
        try {
          pid = Long.parseLong(after[1].substring(MOUNT_SOURCE.length() + 1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).isPresent()) continue;
        try {
          unmount(dir);
          deleteTree(dir);
          n++;
        } catch (IOException e) {
          System.err.println("deskforge: could not remove stale desktop mount " + dir + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      // no mountinfo: nothing of ours mounted that we could see
    }
    return n;
  }

  private static boolean isMountPoint(Path dir) {
    try {
      String target = dir.toAbsolutePath().normalize().toString();
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4 && f[4].replace("\\040", " ").equals(target)) return true;
      }
    } catch (IOException e) {
      // no mountinfo: nothing mounted that we could see
    }
    return false;
  }

  /**
   * Removes folders (and their tmpfs and cgroups) left by processes that died without closing their
   * desktops (a killed JVM). Returns how many desktops were removed.
   */
  public static int reapStale(Path workRoot) {
    int reaped = 0;
    if (DesktopUser.current().hostIsRoot()) {
      io.deskforge.desktop.limits.ResourceControl.reapStale();
      reaped += reapStaleMounts();
    }
    if (!Files.isDirectory(workRoot)) return reaped;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workRoot)) {
      for (Path dir : dirs) {
        if (!ownerGone(dir)) continue;
        try {
          if (isMountPoint(dir)) unmount(dir);
          deleteTree(dir);
          reaped++;
        } catch (IOException e) {
          System.err.println("deskforge: could not remove stale " + dir + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      System.err.println("deskforge: could not list " + workRoot + ": " + e.getMessage());
    }
    return reaped;
  }

  /** Whether the process that made this desktop folder is gone: its pid names no process, or it never wrote one. */
  private static boolean ownerGone(Path dir) {
    long pid;
    try {
      pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).strip());
    } catch (IOException | NumberFormatException e) {
      // being created right now, or not ours; or left by a creator killed before its owner
      // file had its pid (seen once in CI: an empty .owner, for good), which goes after a while
      return abandonedUnowned(dir);
    }
    return ProcessHandle.of(pid).isEmpty();
  }

  /** How long a folder without an owner's pid may be taken for one being created right now. */
  static final Duration UNOWNED_GRACE = Duration.ofMinutes(1);

  /**
   * A folder as a creator killed between making it and writing its pid leaves it: no mount, nothing
   * in it but an owner file without a pid (or not even that), and untouched for {@link #UNOWNED_GRACE}.
   * A folder with anything else in it is left alone: it is not a desktop's.
   */
  static boolean abandonedUnowned(Path dir) {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || isMountPoint(dir)) return false;
      long age = System.currentTimeMillis() - Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toMillis();
      if (age < UNOWNED_GRACE.toMillis()) return false;
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path e : entries) {
          if (!e.getFileName().toString().equals(OWNER_FILE) || !Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) return false;
          if (!Files.readString(e).isBlank()) return false; // something not ours
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A desktop path inside one of the shared folders: the tree it is in and its names there. */
  record Located(NoFollowTree tree, List<String> names, boolean userOwned, String shown) {}

  /** Where a desktop path lives on the host, or null when it is in none of the shared folders. */
  Located locate(String desktopPath) {
    String p = normalize(desktopPath);
    if (under(p, DesktopPaths.HOME)) return new Located(homeTree, names(rest(p, DesktopPaths.HOME)), true, desktopPath);
    if (under(p, DesktopPaths.PRIVILEGED)) return new Located(privilegedTree, names(rest(p, DesktopPaths.PRIVILEGED)), false, desktopPath);
    if (under(p, DesktopPaths.RUN)) return new Located(runTree, names(rest(p, DesktopPaths.RUN)), true, desktopPath);
    return null;
  }

  /** Whether the host may write there: the home, the run folder (staged files) and the privileged folder. */
  boolean hostWritable(Located l) {
    return l.tree() == homeTree || l.tree() == privilegedTree || l.tree() == runTree;
  }

  byte[] read(Located l) {
    return l.tree().read(l.names(), l.shown());
  }

  boolean exists(Located l) {
    return l.tree().kind(l.names()) != NoFollowTree.Kind.ABSENT;
  }

  boolean isDirectory(Located l) {
    return l.tree().kind(l.names()) == NoFollowTree.Kind.DIRECTORY;
  }

  List<String> list(Located l) {
    return l.tree().list(l.names());
  }

  void write(Located l, byte[] content) {
    l.tree().write(l.names(), content, l.userOwned() ? owner() : null, l.shown());
  }

  void makeDirectories(Located l) {
    l.tree().makeDirectories(l.names(), l.userOwned() ? owner() : null, l.shown());
  }

  void delete(Located l) {
    if (l.names().isEmpty()) throw new IllegalArgumentException("refusing to delete the whole of " + l.shown());
    l.tree().delete(l.names(), l.shown());
  }

  /**
   * The end of a log or record the desktop (or the host, for app logs) writes, read without
   * following links and capped in size; null when it is absent or not a regular file.
   */
  String tail(Path file, int maxBytes) {
    for (NoFollowTree t : List.of(runTree, hostTree)) {
      Path base = t == runTree ? run() : host();
      if (file.startsWith(base) && !file.equals(base)) return t.tail(names(base.relativize(file).toString()), maxBytes);
    }
    if (file.getParent() != null && file.getParent().equals(root)) {
      return new NoFollowTree(root, host().resolve("scratch"), 0, limits.callTimeout()).tail(List.of(file.getFileName().toString()), maxBytes);
    }
    throw new IllegalArgumentException(file + " is not a record of this desktop");
  }

  /** Writes a file in the run folder owned by the desktop user (init script, configuration). */
  void writeOwned(Path target, byte[] content) throws IOException {
    if (!target.getParent().equals(run())) throw new IllegalArgumentException(target + " is not in " + run());
    runTree.write(List.of(target.getFileName().toString()), content, owner(), target.toString());
  }

  /** Whether the desktop's disk cap is all but used up. */
  boolean diskFull() {
    if (!mounted) return false;
    try {
      return Files.getFileStore(root).getUsableSpace() < Math.max(256 * 1024, limits.diskBytes() / 200);
    } catch (IOException e) {
      return false;
    }
  }

  private NoFollowTree.Owner owner() {
    if (!user.hostIsRoot()) return null;
    NoFollowTree.Owner o = owner;
    if (o == null) owner = o = NoFollowTree.Owner.of(root, user.uid(), user.gid());
    return o;
  }

  private static List<String> names(String rel) {
    if (rel.isEmpty()) return List.of();
    return List.of(rel.split("/"));
  }

  private void chownToUser(Path p) throws IOException {
    if (!user.hostIsRoot()) return;
    Files.setAttribute(p, "unix:uid", user.uid(), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "unix:gid", user.gid(), LinkOption.NOFOLLOW_LINKS);
  }

  private static void setMode(Path p, String mode) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  private static String normalize(String desktopPath) {
    if (desktopPath == null || !desktopPath.startsWith("/")) {
      throw new IllegalArgumentException("desktop paths are absolute, got '" + desktopPath + "'");
    }
    String n = Path.of(desktopPath).normalize().toString();
    if (n.contains("/../") || n.endsWith("/..")) throw new IllegalArgumentException("path escapes its root: " + desktopPath);
    return n;
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private static String rest(String path, String prefix) {
    return path.length() == prefix.length() ? "" : path.substring(prefix.length() + 1);
  }

  /** Deletes a folder and everything in it, never following symbolic links. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        Files.deleteIfExists(file); // a socket or a file removed meanwhile
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
