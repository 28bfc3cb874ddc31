package io.deskforge.apps.office;

import io.deskforge.apps.template.HostTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * no recent documents, recovery data or lock file), packed and cached by {@link HostTemplates} as a
 * gzipped tar with fixed times, owners and order, so that every desktop gets the same bytes
 * whatever its clock. It is cached under
 * {@code ~/.cache/deskforge/libreoffice-profiles/} (or {@code $XDG_CACHE_HOME}) by a key made of the
 * installed LibreOffice (its {@code versionrc} and the size and time of its main library) and the
 * app's xcu: an upgrade or a changed xcu makes a new key, and an archive whose recorded SHA-256 does
 * not match its bytes is rebuilt, never trusted. A host without LibreOffice (or where the build
 * fails, said once on stderr) has no template; the launch then writes the xcu alone, as before.
 */
public final class ProfileTemplate {
  private ProfileTemplate() {}

  /** Bumped when the way templates are made changes, so old cache entries are not used. */
  static final String FORMAT = "2";

  /** Where LibreOffice is installed on Debian. */
  static final Path INSTALLATION = Path.of("/usr/lib/libreoffice/program");

  private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * The template for this xcu as base64 of a gzipped tar of the profile's {@code user} folder,
   * built and cached on first use; empty when the host has no LibreOffice to build it with.
   */
  public static Optional<String> archiveBase64(String xcu) {
    try {
      Optional<String> key = key(INSTALLATION, xcu);
      if (key.isEmpty()) return Optional.empty();
      try {
        return Optional.of(HostTemplates.base64(cacheRoot(), key.get(), builder(INSTALLATION, xcu)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot build the LibreOffice profile template under " + cacheRoot() + ": " + e.getMessage(), e);
      }
    } catch (UncheckedIOException e) {
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
    try {
      return Optional.of(HostTemplates.archive(root, key.get(), builder(installation, xcu)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the LibreOffice profile template under " + root + ": " + e.getMessage(), e);
    }
  }

  private static HostTemplates.Builder builder(Path installation, String xcu) {
    return (user, scratch) -> build(installation, xcu, user, scratch);
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
      return Optional.of(HostTemplates.key(List.of("deskforge-libreoffice-profile " + FORMAT, Files.readString(versionrc),
          HostTemplates.stamp(installation.resolve("libmergedlo.so")), xcu)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read LibreOffice's version in " + installation + ": " + e.getMessage(), e);
    }
  }

  /**
   * The profile's {@code user} folder as a first start leaves it, built in a throw-away profile and
   * home and moved into {@code user}. A step that overruns is stopped with every process under it
   * and its pipe ({@link OfficeStop}): soffice makes its pipe in /tmp whatever {@code TMPDIR} says.
   */
  private static void build(Path installation, String xcu, Path user, Path scratch) throws IOException {
    Path profile = Files.createDirectories(scratch.resolve("profile/user"));
    Files.writeString(profile.resolve("registrymodifications.xcu"), xcu);
    HostTemplates.run(List.of(installation.resolve("soffice").toString(), "-env:UserInstallation=" + profile.getParent().toUri(),
        "--headless", "--terminate_after_init", "--norestore", "--nologo", "--nolockcheck"), scratch,
        "soffice --headless --terminate_after_init", Duration.ofSeconds(120), OfficeStop::stop);
    for (String must : List.of("registrymodifications.xcu", "extensions/buildid")) {
      if (!Files.isRegularFile(profile.resolve(must))) {
        throw new IOException("soffice --terminate_after_init left no " + must + " in " + profile);
      }
    }
    String leftover = leftovers(profile);
    if (!leftover.isEmpty()) throw new IOException("the fresh profile in " + profile + " carries " + leftover);
    try (Stream<Path> children = Files.list(profile)) {
      for (Path child : children.toList()) Files.move(child, user.resolve(child.getFileName().toString()));
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

  /** Where templates are kept: {@code $XDG_CACHE_HOME/deskforge/libreoffice-profiles}, or under ~/.cache. */
  static Path cacheRoot() {
    return HostTemplates.cacheRoot("libreoffice-profiles");
  }
}
