package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Host caches: a folder the host made once, shown read-only in every desktop at
 * /var/cache/deskforge/name, on both providers; one missing is left out and the desktop starts.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostCacheTest {
  @TempDir static Path work;
  static Path open;
  static DesktopProvider sandbox;
  static DesktopProvider docker;
  static final List<String> PROVIDERS = Desktops.PROVIDERS;

  @BeforeAll
  static void providers() throws Exception {
    sandbox = DesktopProviders.create("sandbox");
    docker = DesktopProviders.create("docker");
    // beside the desktops' folders, open to others as a cache must be (JUnit's folders are 0700)
    open = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "deskforge-host-cache-test-");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterAll
  static void close() throws Exception {
    sandbox.close();
    docker.close();
    try (var all = Files.walk(open)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  static Path cache(String name, String content) throws Exception {
    Path folder = Files.createDirectory(open.resolve(name));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = Files.writeString(folder.resolve("compiled.bin"), content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return folder;
  }

  static ExecResult sh(Desktop d, String script) {
    return d.privileged().execAsUser(List.of("bash", "-c", script), Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aHostCacheIsShownReadOnlyAndAMissingOneIsLeftOut(String provider) throws Exception {
    Path shown = cache("shown-" + provider, "compiled on the host");
    Path missing = open.resolve("missing-" + provider);
    DesktopConfig config = DesktopConfig.builder().image("mousepad", List.of("mousepad")).workRoot(work)
        .hostCaches(Map.of("code", shown, "gone", missing)).build();
    try (Desktop d = (provider.equals("docker") ? docker : sandbox).create(config).start()) {
      ExecResult read = sh(d, "cat " + DesktopPaths.HOST_CACHES + "/code/compiled.bin");
      assertThat(read.stdoutText()).as(read.stderr()).isEqualTo("compiled on the host");
      for (String write : List.of("echo x > %s/code/compiled.bin", "touch %s/code/new.bin", "rm -f %s/code/compiled.bin", "mkdir %s/code/sub")) {
        ExecResult r = sh(d, write.formatted(DesktopPaths.HOST_CACHES));
        assertThat(r.exitCode()).as("%s: %s", write, r.stdoutText()).isNotZero();
      }
      ExecResult gone = sh(d, "test -e " + DesktopPaths.HOST_CACHES + "/gone");
      assertThat(gone.exitCode()).as("the missing cache is not there").isNotZero();
    }
    assertThat(Files.readString(shown.resolve("compiled.bin"))).isEqualTo("compiled on the host");
    try (var files = Files.list(shown)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("compiled.bin");
    }
    assertThat(missing).as("no provider made the missing folder on the host").doesNotExist();
  }

  /**
   * On a root host a sandbox's bubblewrap binds as the desktop's unprivileged user, who cannot look
   * up a folder under root's closed home: such a cache is left out and the desktop still starts.
   */
  @Test
  void aCacheTheDesktopsUserCannotReachIsLeftOutOfASandbox() throws Exception {
    assumeTrue(DesktopUser.current().hostIsRoot(), "only a root host runs desktops as another user");
    Path closed = Files.createDirectory(open.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    Path inside = Files.createDirectory(closed.resolve("cache"));
    Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rwxr-xr-x"));
    DesktopConfig config = DesktopConfig.builder().image("mousepad", List.of("mousepad")).workRoot(work)
        .hostCaches(Map.of("closed", inside)).build();
    try (Desktop d = sandbox.create(config).start()) {
      ExecResult r = sh(d, "test -e " + DesktopPaths.HOST_CACHES + "/closed");
      assertThat(r.exitCode()).as("the closed cache is not there").isNotZero();
    }
  }

  @Test
  void aHostCacheIsOneFolderUnderTheCachesByAPlainName() {
    Path ok = Path.of("/var/cache/deskforge/mediawiki-php");
    assertThat(DesktopConfig.builder().hostCaches(Map.of("mediawiki-php", ok)).build().hostCaches()).containsEntry("mediawiki-php", ok);
    for (String bad : List.of("", "../etc", "a/b", "A", "-x", "a b", ".")) {
      assertThatThrownBy(() -> DesktopConfig.builder().hostCaches(Map.of(bad, ok))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    for (Path bad : List.of(Path.of("relative/folder"), Path.of("/"), Path.of("/tmp"), Path.of("/var/cache/../../etc/x"))) {
      assertThatThrownBy(() -> DesktopConfig.builder().hostCaches(Map.of("x", bad))).as(bad.toString()).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
