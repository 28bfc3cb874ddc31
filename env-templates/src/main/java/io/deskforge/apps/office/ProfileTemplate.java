package io.deskforge.apps.office;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A LibreOffice user profile made once and unpacked into every desktop's empty home before
 * {@code soffice} starts. A first start on a profile holding only {@code registrymodifications.xcu}
 * builds the rest of it (the configuration layers merged into the xcu, the Basic, gallery,
 * autotext and database folders, the extensions' build id), which cost 0.8-1.5 s of every cold
 * start; a profile that {@code soffice --headless --terminate_after_init} has already built starts
 * like a second start.
 *
 * <p>The template is built on the host from a throw-away folder (no document was ever opened in it:
 * no recent documents, recovery data or lock file), packed as a gzipped tar with fixed times,
 * owners and order, so that every desktop gets the same bytes whatever its clock. It is cached under
 * {@code ~/.cache/deskforge/libreoffice-profiles/} (or {@code $XDG_CACHE_HOME}) by a key made of the
 * installed LibreOffice (its {@code versionrc} and the size and time of its main library) and the
 * app's xcu: an upgrade or a changed xcu makes a new key, and an archive whose recorded SHA-256 does
 * not match its bytes is rebuilt, never trusted. A host without LibreOffice (or where the build
 * fails, said once on stderr) has no template; the launch then writes the xcu alone, as before.
 */
public final class ProfileTemplate {
  private ProfileTemplate() {}

  /** Bumped when the way templates are made changes, so old cache entries are not used. */
  static final String FORMAT = "1";

  /** Where LibreOffice is installed on Debian. */
  static final Path INSTALLATION = Path.of("/usr/lib/libreoffice/program");

  private static final Object BUILDING = new Object();
  private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * The template for this xcu as base64 of a gzipped tar of the profile's {@code user} folder,
   * built and cached on first use; empty when the host has no LibreOffice to build it with.
   */
  public static Optional<String> archiveBase64(String xcu) {
    try {
      Optional<Path> archive = archive(cacheRoot(), INSTALLATION, xcu);
      return archive.isEmpty() ? Optional.empty() : Optional.of(Base64.getEncoder().encodeToString(Files.readAllBytes(archive.get())));
    } catch (IOException | UncheckedIOException e) {
      if (WARNED.compareAndSet(false, true)) {
        System.err.println("deskforge: no LibreOffice profile template (" + e.getMessage() + "); LibreOffice builds its profile at each start");
      }
      return Optional.empty();
    }
  }

  /** The cached archive for this xcu under {@code root}, built when missing, stale or corrupt. */
  static Optional<Path> archive(Path root, Path installation, String xcu) {
    Optional<String> key = key(installation, xcu);
    if (key.isEmpty()) return Optional.empty();
    Path archive = root.resolve(key.get() + ".tar.gz");
    Path sum = root.resolve(key.get() + ".sha256");
    synchronized (BUILDING) {
      if (intact(archive, sum)) return Optional.of(archive);
      try {
        build(root, installation, xcu, archive, sum);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot build the LibreOffice profile template under " + root + ": " + e.getMessage(), e);
      }
      return Optional.of(archive);
    }
  }

  /**
   * The cache key: the installation's {@code versionrc}, the size and modification time of its main
   * library (a package upgrade changes them even when the build id stays), the xcu and
   * {@link #FORMAT}. Empty when LibreOffice is not installed there.
   */
  static Optional<String> key(Path installation, String xcu) {
    Path versionrc = installation.resolve("versionrc");
    Path soffice = installation.resolve("soffice");
    if (!Files.isRegularFile(versionrc) || !Files.isExecutable(soffice)) return Optional.empty();
    try {
      MessageDigest d = sha256();
      d.update(("deskforge-libreoffice-profile " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
      d.update(Files.readAllBytes(versionrc));
      Path lib = installation.resolve("libmergedlo.so");
      if (Files.exists(lib)) {
        d.update(("\n" + Files.size(lib) + " " + Files.getLastModifiedTime(lib).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      d.update(xcu.getBytes(StandardCharsets.UTF_8));
      return Optional.of(HexFormat.of().formatHex(d.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read LibreOffice's version in " + installation + ": " + e.getMessage(), e);
    }
  }

  /** The archive is there and its bytes hash to the SHA-256 recorded beside it. */
  static boolean intact(Path archive, Path sum) {
    try {
      if (!Files.isRegularFile(archive) || !Files.isRegularFile(sum)) return false;
      return Files.readString(sum).trim().equals(HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(archive))));
    } catch (IOException e) {
      return false;
    }
  }

  private static void build(Path root, Path installation, String xcu, Path archive, Path sum) throws IOException {
    Files.createDirectories(root);
    Path work = Files.createTempDirectory(root, "build-");
    try {
      Path user = Files.createDirectories(work.resolve("profile/user"));
      Files.writeString(user.resolve("registrymodifications.xcu"), xcu);
      Path home = Files.createDirectories(work.resolve("home"));
      run(List.of(installation.resolve("soffice").toString(), "-env:UserInstallation=" + work.resolve("profile").toUri(),
          "--headless", "--terminate_after_init", "--norestore", "--nologo", "--nolockcheck"), home, "soffice --headless --terminate_after_init");
      for (String must : List.of("registrymodifications.xcu", "extensions/buildid")) {
        if (!Files.isRegularFile(user.resolve(must))) {
          throw new IOException("soffice --terminate_after_init left no " + must + " in " + user);
        }
      }
      String leftover = leftovers(user);
      if (!leftover.isEmpty()) throw new IOException("the fresh profile in " + user + " carries " + leftover);
      Path packed = work.resolve("profile.tar.gz");
      run(List.of("sh", "-c", "tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C \"$1\" -cf - . | gzip -9n > \"$2\"",
          "sh", user.toString(), packed.toString()), home, "tar of the profile");
      byte[] bytes = Files.readAllBytes(packed);
      Path sumTmp = work.resolve("sum");
      Files.writeString(sumTmp, HexFormat.of().formatHex(sha256().digest(bytes)) + "\n");
      Files.move(packed, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(sumTmp, sum, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(work);
    }
  }

  /**
   * What a profile must never carry into a task, named; empty when there is none: a lock file,
   * backup or recovery data, or a list of recent documents.
   */
  static String leftovers(Path user) throws IOException {
    for (String f : List.of(".lock", "backup", "temp", "store")) {
      if (Files.exists(user.resolve(f))) return user.resolve(f).toString();
    }
    String xcu = Files.readString(user.resolve("registrymodifications.xcu"));
    for (String list : List.of("org.openoffice.Office.Histories", "RecentDocuments", "PickList")) {
      if (xcu.contains(list)) return "a recent-documents entry (" + list + ") in registrymodifications.xcu";
    }
    return "";
  }

  /**
   * Runs a build step with the throw-away home and a {@code TMPDIR} beside it, both deleted with
   * the build's folder: {@code soffice --terminate_after_init} leaves an empty {@code lu*.tmp}
   * folder in its temp folder, one in /tmp per build otherwise. A step that overruns is stopped
   * with every process under it and its pipe ({@link OfficeStop}).
   */
  private static void run(List<String> cmd, Path home, String what) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("TMPDIR", Files.createDirectories(home.resolveSibling("tmp")).toString());
    pb.environment().remove("DISPLAY");
    Process p = pb.start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        OfficeStop.stop(p);
        throw new IOException(what + " did not finish in 120 s");
      }
    } catch (InterruptedException e) {
      OfficeStop.stop(p);
      Thread.currentThread().interrupt();
      throw new IOException(what + " was interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(what + " exited with " + p.exitValue() + ": " + Files.readString(home.resolve("out.log")).strip());
    }
  }

  /** Where templates are kept: {@code $XDG_CACHE_HOME/deskforge/libreoffice-profiles}, or under ~/.cache. */
  static Path cacheRoot() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
    return base.resolve("deskforge").resolve("libreoffice-profiles");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
