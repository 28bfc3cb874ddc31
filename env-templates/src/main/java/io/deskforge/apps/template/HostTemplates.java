package io.deskforge.apps.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Files an app's launch unpacks into each desktop's empty home, made once on the host and cached:
 * what the app would otherwise build at every start (a LibreOffice profile after its first start,
 * an installed MediaWiki with its localisation cache). A template is a gzipped tar with fixed
 * times, owners and order, kept under {@code ~/.cache/deskforge/<kind>/} (or
 * {@code $XDG_CACHE_HOME}) by a key its app makes from the installed software and its own settings,
 * with its SHA-256 beside it: an archive whose bytes do not hash to it is rebuilt, never trusted.
 */
public final class HostTemplates {
  private HostTemplates() {}

  private static final Object BUILDING = new Object();

  /** Fills {@code folder} (empty) with what the template holds; {@code scratch} is a throw-away folder for a home and temp files. */
  @FunctionalInterface
  public interface Builder {
    void build(Path folder, Path scratch) throws IOException;
  }

  /** The archive for {@code key} under {@code root}, built with {@code builder} when missing or corrupt. */
  public static Path archive(Path root, String key, Builder builder) throws IOException {
    Path archive = root.resolve(key + ".tar.gz");
    Path sum = root.resolve(key + ".sha256");
    synchronized (BUILDING) {
      if (intact(archive, sum)) return archive;
      Files.createDirectories(root);
      Path work = Files.createTempDirectory(root, "build-");
      try {
        Path folder = Files.createDirectories(work.resolve("template"));
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        builder.build(folder, scratch);
        Path packed = work.resolve("template.tar.gz");
        run(List.of("sh", "-c", "tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C \"$1\" -cf - . | gzip -9n > \"$2\"",
            "sh", folder.toString(), packed.toString()), scratch, "tar of the template", Duration.ofSeconds(60), p -> {});
        Path sumTmp = work.resolve("sum");
        Files.writeString(sumTmp, sha256(Files.readAllBytes(packed)) + "\n");
        Files.move(packed, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(sumTmp, sum, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return archive;
      } finally {
        deleteTree(work);
      }
    }
  }

  /** Archives already read in this process, as base64, by their path. */
  private static final java.util.Map<Path, String> ENCODED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@link #archive}'s bytes as base64, as a launch passes them into a desktop. Read, checked and
   * encoded once a process: every desktop of a run launches with the same template, and this runs
   * in each launch.
   */
  public static String base64(Path root, String key, Builder builder) throws IOException {
    Path archive = root.resolve(key + ".tar.gz");
    String encoded = ENCODED.get(archive);
    if (encoded != null) return encoded;
    encoded = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(archive(root, key, builder)));
    ENCODED.put(archive, encoded);
    return encoded;
  }

  /** The archive is there and its bytes hash to the SHA-256 recorded beside it. */
  public static boolean intact(Path archive, Path sum) {
    try {
      if (!Files.isRegularFile(archive) || !Files.isRegularFile(sum)) return false;
      return Files.readString(sum).trim().equals(sha256(Files.readAllBytes(archive)));
    } catch (IOException e) {
      return false;
    }
  }

  /** Where templates of this kind are kept: {@code $XDG_CACHE_HOME/deskforge/<kind>}, or under ~/.cache. */
  public static Path cacheRoot(String kind) {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
    return base.resolve("deskforge").resolve(kind);
  }

  /**
   * Where caches that desktops show ({@code DesktopConfig.hostCaches}) are kept: {@link #cacheRoot}
   * for a user, whose desktops run as that user; {@code /var/cache/deskforge/<kind>} for root, whose
   * home is closed to the unprivileged user its desktops run as.
   */
  public static Path sharedCacheRoot(String kind) {
    return io.deskforge.desktop.DesktopUser.current().hostIsRoot() ? Path.of("/var/cache/deskforge", kind) : cacheRoot(kind);
  }

  /** A key made of these parts, in order: hex SHA-256 of them, each ended by a newline. */
  public static String key(List<String> parts) {
    MessageDigest d = digest();
    for (String part : parts) d.update((part + "\n").getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d.digest());
  }

  /** "size mtime" of an installed file, which a package upgrade changes; "missing" when there is none. */
  public static String stamp(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return "missing";
    return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
  }

  /**
   * Runs a build step with {@code scratch} as its home and a {@code TMPDIR} in it, and no display.
   * A step that overruns {@code timeout} is stopped by {@code stop} (then killed with everything under
   * it); one that fails names itself and its output.
   */
  public static void run(List<String> cmd, Path scratch, String what, Duration timeout, Consumer<Process> stop) throws IOException {
    Path log = scratch.resolve("out.log");
    Process p = start(cmd, scratch, log);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        end(p, stop);
        throw new IOException(what + " did not finish in " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      end(p, stop);
      Thread.currentThread().interrupt();
      throw new IOException(what + " was interrupted", e);
    }
    if (p.exitValue() != 0) throw new IOException(what + " exited with " + p.exitValue() + ": " + Files.readString(log).strip());
  }

  /**
   * Starts a build step as {@link #run} does (home and {@code TMPDIR} in {@code scratch}, no
   * display, its output in {@code log}) without waiting for it: a server a build asks things of.
   * End it with {@link #kill}.
   */
  public static Process start(List<String> cmd, Path scratch, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("HOME", scratch.toString());
    pb.environment().put("TMPDIR", Files.createDirectories(scratch.resolve("tmp")).toString());
    pb.environment().remove("DISPLAY");
    return pb.start();
  }

  /** Kills a build step and everything it started. */
  public static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static void end(Process p, Consumer<Process> stop) {
    stop.accept(p);
    kill(p);
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
