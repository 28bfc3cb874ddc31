package io.deskforge.apps.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.desktop.DesktopUser;
import io.deskforge.desktop.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PHP code compiled on the host and run from that cache in a desktop. The proof that a desktop's
 * PHP loads the host's compiled file rather than compiling its own: the source is changed after the
 * cache was made, keeping its modification time (all OPcache compares), so the cached function
 * answers differently from the source's.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PhpCodeCacheTest {
  @TempDir Path tmp;

  static final FileTime LONG_AGO = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));

  /** The launcher's lines and a php command, as the desktop user: what a function of {@code lib.php} answers. */
  static String run(Desktop d, Path code, String key) {
    String script = (key == null ? "" : "K=" + key + "\n") + PhpCodeCache.launcherSetup("php-test", "K")
        + "php $PHP_CODE_CACHE -r 'require \"" + code.resolve("lib.php") + "\"; echo f();'\n";
    ExecResult r = d.privileged().execAsUser(List.of("sh", "-c", script), Duration.ofSeconds(30));
    assertThat(r.ok()).as(r.stderr()).isTrue();
    return r.stdoutText();
  }

  @Test
  void aDesktopRunsTheHostsCompiledCodeFromTheReadOnlyCache() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/php")), "PHP is not installed on this host");
    assumeTrue(DesktopUser.current().hostIsRoot(), "the code must be where desktops see it (/opt), which root may write");
    // the code where a desktop sees it at the same path: a system folder under /opt
    Path code = Files.createTempDirectory(Path.of("/opt"), "deskforge-php-code-test-");
    try {
      Files.setPosixFilePermissions(code, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path lib = Files.writeString(code.resolve("lib.php"), "<?php function f() { return 'compiled on the host'; }\n");
      Files.setLastModifiedTime(lib, LONG_AGO);
      Path root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "deskforge-php-cache-test-");
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
      try {
        AtomicInteger warmed = new AtomicInteger();
        PhpCodeCache.Warmer warmer = (php, scratch) -> {
          warmed.incrementAndGet();
          // a file of the warm-up's own, which the cache must not keep
          Path own = Files.writeString(scratch.resolve("own.php"), "<?php require '" + lib + "'; echo f();\n");
          Files.setLastModifiedTime(own, LONG_AGO);
          List<String> cmd = new ArrayList<>(List.of("php"));
          cmd.addAll(php);
          cmd.add(own.toString());
          HostTemplates.run(cmd, scratch, "the warm-up", Duration.ofSeconds(30), p -> {});
        };
        Optional<String> key = PhpCodeCache.key(root, "php-test", code, List.of("1"), warmer);
        assertThat(key).isPresent();
        assertThat(PhpCodeCache.key(root, "php-test", code, List.of("1"), warmer)).as("made once").isEqualTo(key);
        assertThat(warmed).hasValue(1);
        Path first = root.resolve(key.get());
        try (Stream<Path> files = Files.walk(first)) {
          List<String> compiled = files.filter(Files::isRegularFile).map(f -> first.relativize(f).toString()).toList();
          assertThat(compiled).as("only the code's own compiled file, under PHP's build id").hasSize(1)
              .allMatch(f -> f.endsWith(Path.of("/").relativize(lib) + ".bin"));
        }
        try (Stream<Path> left = Files.list(root)) {
          assertThat(left.map(p -> p.getFileName().toString())).as("no build folder left").containsExactly(key.get());
        }
        // the app's next version gets its own folder, and the old one goes
        Optional<String> next = PhpCodeCache.key(root, "php-test", code, List.of("2"), warmer);
        assertThat(next).isPresent().isNotEqualTo(key);
        try (Stream<Path> left = Files.list(root)) {
          assertThat(left.map(p -> p.getFileName().toString())).containsExactly(next.get());
        }
        Path folder = root.resolve(next.get());

        // the source changes, its time kept: PHP compiling it now would answer otherwise
        Files.writeString(lib, "<?php function f() { return 'compiled in the desktop'; }\n");
        Files.setLastModifiedTime(lib, LONG_AGO);
        DesktopConfig config = DesktopConfig.builder().image("php-test", List.of("php-cli")).workRoot(tmp)
            .systemFolders(List.of(code.toString())).hostCaches(Map.of("php-test", root)).build();
        try (DesktopProvider p = DesktopProviders.create("sandbox"); Desktop d = p.create(config).start()) {
          assertThat(run(d, code, next.get())).as("with the cache's key").isEqualTo("compiled on the host");
          assertThat(run(d, code, null)).as("without a key").isEqualTo("compiled in the desktop");
          assertThat(run(d, code, "0".repeat(64))).as("with a key the cache does not hold").isEqualTo("compiled in the desktop");
        }
        try (Stream<Path> files = Files.walk(folder)) {
          assertThat(files.filter(Files::isRegularFile).count()).as("the desktop wrote nothing to the cache").isEqualTo(1);
        }
      } finally {
        HostTemplates.deleteTree(root);
      }
    } finally {
      HostTemplates.deleteTree(code);
    }
  }

  @Test
  void aFailedWarmUpGivesNoCacheAndLeavesNothing() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/php")), "PHP is not installed on this host");
    Path code = Files.createDirectories(tmp.resolve("code"));
    Path root = tmp.resolve("caches");
    Optional<String> key = PhpCodeCache.key(root, "php-broken", code, List.of("1"), (php, scratch) -> {
      throw new java.io.IOException("the app's server did not start");
    });
    assertThat(key).isEmpty();
    try (Stream<Path> left = Files.list(root)) {
      assertThat(left).isEmpty();
    }
    // a warm-up that compiles none of the code is no cache either
    assertThat(PhpCodeCache.key(root, "php-idle", code, List.of("1"), (php, scratch) -> {})).isEmpty();
  }

  @Test
  void onlyTheCodesEntriesAreKept() throws Exception {
    Path compiled = tmp.resolve("compiled");
    for (String f : List.of("id1/usr/share/app/index.php.bin", "id1/usr/share/app/includes/a.php.bin", "id1/usr/share/other/x.php.bin",
        "id1/tmp/scratch/LocalSettings.php.bin", "id1/usr/share/app-old/y.php.bin", "id2/usr/share/app/index.php.bin", "id2/home/s.php.bin")) {
      Files.createDirectories(compiled.resolve(f).getParent());
      Files.writeString(compiled.resolve(f), "x");
    }
    assertThat(PhpCodeCache.keepOnly(compiled, Path.of("/usr/share/app"))).isEqualTo(3);
    try (Stream<Path> files = Files.walk(compiled)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> compiled.relativize(f).toString()))
          .containsExactlyInAnyOrder("id1/usr/share/app/index.php.bin", "id1/usr/share/app/includes/a.php.bin", "id2/usr/share/app/index.php.bin");
    }
    assertThat(compiled.resolve("id1/tmp")).doesNotExist();
  }
}
