package io.deskforge.apps.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deskforge.apps.template.HostTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiki template built with the host's MediaWiki: what a desktop unpacks, and that it names no path of the host's. */
class WikiTemplateTest {
  @TempDir Path tmp;

  @Test
  void theTemplateHoldsAnInstalledWikiWithItsCacheAtTheDesktopsPaths() throws Exception {
    assumeTrue(Files.isRegularFile(WikiTemplate.CODE.resolve("maintenance/install.php")), "MediaWiki is not installed on this host");
    Path archive = HostTemplates.archive(tmp.resolve("cache"), WikiTemplate.key(), WikiTemplate::build);
    Path wiki = Files.createDirectories(tmp.resolve("wiki"));
    Process p = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", wiki.toString()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("the archive unpacks").isTrue();

    assertThat(Files.size(wiki.resolve("data/wiki.sqlite"))).as("the installed database").isGreaterThan(100_000);
    assertThat(Files.size(wiki.resolve("cache/en.l10n.php"))).as("the English localisation cache").isGreaterThan(100_000);
    assertThat(Files.size(wiki.resolve("data/wikicache.sqlite"))).as("the object cache the warm-up filled (empty after install.php)")
        .isGreaterThan(20_000);
    assertThat(wiki.resolve("site.js")).as("the warm-up's page script: the launcher writes its own").doesNotExist();
    String settings = Files.readString(wiki.resolve("LocalSettings.php"));
    assertThat(settings).contains("$wgSQLiteDataDir = \"" + MediaWiki.ROOT + "/data\";")
        .contains("$wgCacheDirectory = '" + MediaWiki.ROOT + "/cache';")
        .contains("$wgSitename = \"" + MediaWiki.TITLE + "\";")
        .doesNotContain(tmp.toString());
    assertThat(Files.readString(wiki.resolve("cache/en.l10n.php"))).doesNotContain(tmp.toString());
    try (var files = Files.list(archive.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).as("the cache holds the archive and its sum only")
          .containsExactlyInAnyOrder(archive.getFileName().toString(), archive.getFileName().toString().replace(".tar.gz", ".sha256"));
    }
  }

  /** The launcher takes the template in four variables at most, each under Linux's 128 KiB for one. */
  @Test
  void theTemplateFitsTheLaunchersVariables() {
    assumeTrue(Files.isRegularFile(WikiTemplate.CODE.resolve("maintenance/install.php")), "MediaWiki is not installed on this host");
    var env = WikiTemplate.environment();
    assertThat(env).containsKey("MW_TEMPLATE_1").hasSizeLessThanOrEqualTo(WikiTemplate.CHUNKS);
    env.values().forEach(v -> assertThat(v.length()).isLessThanOrEqualTo(WikiTemplate.CHUNK));
  }
}
