package io.deskforge.apps.template;

import io.deskforge.desktop.DesktopPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An app's PHP code compiled once on the host, so that a desktop's PHP server loads it instead of
 * compiling it again. PHP's command line leaves OPcache's memory to each server, which compiles
 * every file at its first request: a MediaWiki page loads about a thousand (0.3-0.4 s of the first
 * page here). OPcache's file cache keeps what it compiled as files, under a folder named after the
 * PHP build (its system id) and then the script's own path.
 *
 * <p>The cache is made by running the app's PHP on the host with the file cache on (a
 * {@link Warmer}); only the entries of the app's code folder are kept (not the warm-up's own
 * settings or pages), in {@code <kind>/<key>/} under {@link HostTemplates#sharedCacheRoot}, the key made of the PHP binary,
 * the code folder and the app's version. The folder {@code <kind>} is a host cache of the desktop
 * ({@code DesktopConfig.hostCaches}), read-only at {@link DesktopPaths#HOST_CACHES}/{@code <kind>}.
 *
 * <p>OPcache takes a file cache only in a folder it may write to. So a desktop's launcher
 * ({@link #launcherSetup}) makes a folder in the desktop's own /tmp holding one link per PHP build
 * into the read-only cache: PHP reads the compiled files through it and cannot change them (a file it
 * compiles anew is not written: the link leads to a read-only folder). A PHP build other than the
 * host's (a Docker image's) finds no folder of its own there and writes its own in that /tmp. OPcache
 * checks each entry against its script's modification time and its own checksum, so a changed or
 * damaged file is compiled again, never run from the cache.
 */
public final class PhpCodeCache {
  private PhpCodeCache() {}

  /** Bumped when the way caches are made changes, so old folders are not used. */
  static final String FORMAT = "1";

  /** Runs the app's PHP on the host, with these options on each php command line, the way its desktops run it. */
  @FunctionalInterface
  public interface Warmer {
    void warm(List<String> phpOptions, Path scratch) throws IOException;
  }

  private static final Object BUILDING = new Object();
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  /**
   * The host cache {@code kind}, made if missing so a desktop can show it from the start (its
   * compiled code is added by {@link #key}, at the app's first launch); empty when it cannot be made.
   */
  public static Map<String, Path> hostCache(String kind) {
    Path root = HostTemplates.sharedCacheRoot(kind);
    try {
      makeOpen(root);
      return Map.of(kind, root);
    } catch (IOException | UncheckedIOException e) {
      warn(kind, "cannot make " + root + ": " + e.getMessage());
      return Map.of();
    }
  }

  /**
   * The key of {@code code}'s compiled cache of {@code kind}, built with {@code warmer} when it is
   * not there yet; empty when this host has no PHP or the build failed (said once on stderr: the
   * app's desktops then compile as before).
   */
  public static Optional<String> key(String kind, Path code, List<String> version, Warmer warmer) {
    return key(HostTemplates.sharedCacheRoot(kind), kind, code, version, warmer);
  }

  /** {@link #key} with its folders under {@code root} rather than the shared cache root. */
  public static Optional<String> key(Path root, String kind, Path code, List<String> version, Warmer warmer) {
    try {
      Path php = Path.of("/usr/bin/php");
      if (!Files.isExecutable(php) || !Files.isDirectory(code)) return Optional.empty();
      Path binary = php.toRealPath();
      String key = HostTemplates.key(List.of("deskforge-php-code-cache " + FORMAT, kind, code.toString(), binary.toString(),
          HostTemplates.stamp(binary), String.join("\n", version)));
      Path folder = root.resolve(key);
      if (!Files.isDirectory(folder)) build(folder, code, warmer);
      return Optional.of(key);
    } catch (IOException | UncheckedIOException e) {
      warn(kind, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Shell lines for a launcher, as the desktop user: sets {@code PHP_CODE_CACHE} to the php options
   * that load the compiled code of {@code kind} under the key in the variable {@code keyVariable},
   * or to nothing when the desktop shows no such cache. The options turn OPcache on for the
   * command line too, so that a maintenance script run before the server uses the cache as well.
   */
  public static String launcherSetup(String kind, String keyVariable) {
    if (!kind.matches("[a-z0-9][a-z0-9-]*") || !keyVariable.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("kind '" + kind + "' or variable '" + keyVariable + "' is not a plain name");
    }
    String shown = DesktopPaths.HOST_CACHES + "/" + kind;
    return """
        PHP_CODE_CACHE=
        if [ -n "${%2$s:-}" ] && ls -d "%1$s/$%2$s"/*/ >/dev/null 2>&1 \
            && C=$(mktemp -d /tmp/php-code-cache.XXXXXX) && ln -s "%1$s/$%2$s"/* "$C/"; then
          PHP_CODE_CACHE="-d opcache.enable_cli=1 -d opcache.file_cache=$C -d opcache.log_verbosity_level=1"
        fi
        """.formatted(shown, keyVariable);
  }

  /** Runs the warm-up into a folder beside {@code folder}, keeps {@code code}'s entries, then moves it in place. */
  private static void build(Path folder, Path code, Warmer warmer) throws IOException {
    synchronized (BUILDING) {
      if (Files.isDirectory(folder)) return;
      Path root = makeOpen(folder.getParent());
      Path work = Files.createTempDirectory(root, "build-");
      try {
        Path compiled = Files.createDirectories(work.resolve("compiled"));
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        warmer.warm(List.of("-d", "opcache.enable_cli=1", "-d", "opcache.file_cache=" + compiled), scratch);
        int kept = keepOnly(compiled, code);
        if (kept == 0) throw new IOException("the warm-up compiled nothing of " + code);
        readable(compiled);
        try {
          Files.move(compiled, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
          // another process made it meanwhile: its folder is as good
        }
        dropOthers(root, folder);
      } finally {
        HostTemplates.deleteTree(work);
      }
    }
  }

  /**
   * Deletes the caches of other keys beside {@code folder}: made for a PHP or an app since upgraded,
   * they would never be read again. A desktop still reading one compiles what it then misses.
   */
  private static void dropOthers(Path root, Path folder) throws IOException {
    try (Stream<Path> all = Files.list(root)) {
      for (Path p : all.toList()) {
        if (!p.equals(folder) && p.getFileName().toString().matches("[0-9a-f]{64}")) HostTemplates.deleteTree(p);
      }
    }
  }

  /**
   * Deletes every entry of {@code compiled} outside {@code <system id>/<code>}: what the warm-up
   * compiled of its own (settings, a prepended file) named its scratch folder. Returns the compiled
   * files kept.
   */
  static int keepOnly(Path compiled, Path code) throws IOException {
    Path relative = Path.of("/").relativize(code);
    int kept = 0;
    try (Stream<Path> ids = Files.list(compiled)) {
      for (Path id : ids.toList()) {
        Path keep = id.resolve(relative);
        List<Path> drop = new ArrayList<>();
        try (Stream<Path> all = Files.walk(id)) {
          for (Path p : all.toList()) {
            if (p.startsWith(keep)) {
              if (Files.isRegularFile(p)) kept++;
            } else if (!keep.startsWith(p)) {
              drop.add(p);
            }
          }
        }
        for (Path p : drop) HostTemplates.deleteTree(p);
      }
    }
    return kept;
  }

  /** Makes {@code root} and the folders above it that are missing, each 0755 whatever the umask: desktops look names up in them. */
  private static Path makeOpen(Path root) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = root.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) missing.add(p);
    Files.createDirectories(root);
    for (Path p : missing) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return root;
  }

  /** Folders 0755 and files 0644 whatever the umask: the desktop user reads them. */
  private static void readable(Path compiled) throws IOException {
    try (Stream<Path> all = Files.walk(compiled)) {
      for (Path p : all.toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  private static void warn(String kind, String why) {
    if (WARNED.add(kind)) System.err.println("deskforge: no compiled PHP for " + kind + " (" + why + "); its desktops compile it");
  }
}
