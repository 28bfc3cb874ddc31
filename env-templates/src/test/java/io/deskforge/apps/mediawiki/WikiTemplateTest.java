package io.deskforge.apps.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deskforge.apps.template.HostTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * MediaWiki's compiled code: what the main page, the tasks' forms and the launcher's import run,
   * under PHP's build id and MediaWiki's own path, and nothing of the warm-up's wiki (its settings
   * name a scratch folder).
   */
  @Test
  void theCompiledCodeHoldsWhatTheWikisPagesAndImportRunAndNothingElse() throws Exception {
    assumeTrue(Files.isRegularFile(WikiTemplate.CODE.resolve("maintenance/install.php")), "MediaWiki is not installed on this host");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/php")), "PHP is not installed on this host");
    Path root = tmp.resolve("compiled");
    String key = WikiTemplate.codeCacheKey(root).orElseThrow();
    Path folder = root.resolve(key);
    List<Path> ids;
    try (var list = Files.list(folder)) {
      ids = list.toList();
    }
    assertThat(ids).as("one PHP build").hasSize(1);
    try (var top = Files.list(ids.get(0))) {
      assertThat(top.map(p -> p.getFileName().toString())).as("only MediaWiki's path").containsExactly("usr");
    }
    Path code = ids.get(0).resolve("usr/share/mediawiki");
    for (String f : List.of("index.php.bin", "load.php.bin", "includes/EditPage.php.bin", "includes/actions/DeleteAction.php.bin",
        "maintenance/importTextFiles.php.bin")) {
      assertThat(code.resolve(f)).as(f).isRegularFile();
    }
    try (var all = Files.walk(folder)) {
      assertThat(all.filter(Files::isRegularFile).count()).as("compiled files").isGreaterThan(500);
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
