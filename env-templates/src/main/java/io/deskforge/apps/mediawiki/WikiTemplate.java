package io.deskforge.apps.mediawiki;

import io.deskforge.apps.template.HostTemplates;
import io.deskforge.apps.template.PhpCodeCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An installed wiki made once on the host and unpacked into each desktop's {@link MediaWiki#ROOT}:
 * the SQLite databases {@code install.php} makes, its LocalSettings.php with
 * {@link MediaWiki#LOCAL_PHP} appended, the English localisation cache a fresh wiki builds on
 * its first page, and the object cache its first page and that page's styles and scripts fill
 * ({@link #warm}). Measured here, the install took 0.5 CPU-s and the first page's cache 0.7 CPU-s in
 * every desktop, four desktops an audit; the object cache saved another 0.3-0.9 CPU-s of a cold
 * start to the main page in Chromium (4.4-5.1 against 4.1 CPU-s, {@code bench desktops --app
 * mediawiki}, slower machine of December 6). The pages a task starts with are still imported in
 * the desktop, from its own seed.
 *
 * <p>Built in a throw-away folder and moved to {@link MediaWiki#ROOT}'s paths in LocalSettings.php
 * (the databases and the caches hold no path of their own); cached by {@link HostTemplates} under a
 * key of the installed MediaWiki (the size and time of its {@code Defines.php}, which names its
 * version) and the settings. Each desktop's launcher draws a new {@code $wgSecretKey}, so desktops
 * share no secret. The archive, a third of a megabyte, reaches the launcher as base64 in a few
 * environment variables ({@link #CHUNK} characters each: Linux takes at most 128 KiB in one), which
 * the launcher unsets before it starts anything. A host without MediaWiki's code or PHP, or where
 * the build fails (said once on stderr), has no template: the launcher installs as before.
 */
final class WikiTemplate {
  private WikiTemplate() {}

  /** Bumped when the way templates are made changes, so old cache entries are not used. */
  static final String FORMAT = "2";
  static final Path CODE = Path.of("/usr/share/mediawiki");

  /** MediaWiki's code is on this host (Debian's mediawiki package): the template and the compiled cache are made from it. */
  static boolean codeOnHost() {
    return Files.isRegularFile(CODE.resolve("maintenance/install.php"));
  }
  /** The environment variables the archive is cut into, MW_TEMPLATE_1 and on; the launcher reads this many at most. */
  static final int CHUNKS = 6;
  static final int CHUNK = 120_000;

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /** MW_TEMPLATE_1.. holding the template's base64; empty when there is no template. */
  static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    try {
      if (!codeOnHost()) return env;
      String b64 = HostTemplates.base64(HostTemplates.cacheRoot("mediawiki-templates"), key(), WikiTemplate::build);
      List<String> chunks = new ArrayList<>();
      for (int i = 0; i < b64.length(); i += CHUNK) chunks.add(b64.substring(i, Math.min(b64.length(), i + CHUNK)));
      if (chunks.size() > CHUNKS) throw new IOException("the template is " + b64.length() + " characters of base64, more than " + CHUNKS + " variables hold");
      for (int i = 0; i < chunks.size(); i++) env.put("MW_TEMPLATE_" + (i + 1), chunks.get(i));
    } catch (IOException | UncheckedIOException e) {
      if (WARNED.compareAndSet(false, true)) {
        System.err.println("deskforge: no MediaWiki template (" + e.getMessage() + "); each desktop installs its wiki");
      }
      env.clear();
    }
    return env;
  }

  static String key() throws IOException {
    return HostTemplates.key(List.of("deskforge-mediawiki-template " + FORMAT, HostTemplates.stamp(CODE.resolve("includes/Defines.php")),
        MediaWiki.ROOT, MediaWiki.TITLE, Integer.toString(MediaWiki.PORT), MediaWiki.LOCAL_PHP));
  }

  /**
   * install.php into {@code wiki}, the settings appended, the localisation cache built by
   * MediaWiki's own maintenance script, then the folder's paths in LocalSettings.php made
   * {@link MediaWiki#ROOT}'s.
   */
  static void build(Path wiki, Path scratch) throws IOException {
    Files.createDirectories(wiki.resolve("data"));
    Files.createDirectories(wiki.resolve("cache"));
    Duration limit = Duration.ofSeconds(120);
    HostTemplates.run(List.of("php", CODE.resolve("maintenance/install.php").toString(), "--dbtype=sqlite",
        "--dbpath=" + wiki.resolve("data"), "--dbname=wiki", "--confpath=" + wiki, "--server=http://127.0.0.1:" + MediaWiki.PORT,
        "--scriptpath=", "--lang=en", "--skins=Vector", "--pass=" + password(), MediaWiki.TITLE, "Admin"), scratch, "MediaWiki's install.php", limit, p -> {});
    Path settings = wiki.resolve("LocalSettings.php");
    Files.writeString(settings, Files.readString(settings) + MediaWiki.LOCAL_PHP.formatted(wiki));
    HostTemplates.run(List.of("php", CODE.resolve("maintenance/rebuildLocalisationCache.php").toString(), "--conf", settings.toString(),
        "--lang=en", "--force"), scratch, "MediaWiki's rebuildLocalisationCache.php", limit, p -> {});
    if (!Files.isRegularFile(wiki.resolve("cache/en.l10n.php"))) throw new IOException("rebuildLocalisationCache.php left no cache/en.l10n.php");
    warm(wiki, scratch, List.of(), List.of());
    Files.writeString(settings, Files.readString(settings).replace(wiki.toString(), MediaWiki.ROOT));
  }

  /**
   * The pages whose code the compiled cache holds besides the main page's: what the tasks' setup
   * and solutions open (the editor, the move and delete forms, the login form, a page's history).
   * Asked for without an account, so some answer with a refusal; the code that refuses is most of
   * what the form would have run.
   */
  static final List<String> TASK_PAGES = List.of("/index.php?title=Main_Page&action=edit", "/index.php?title=Special:MovePage/Main_Page",
      "/index.php?title=Main_Page&action=delete", "/index.php?title=Special:UserLogin", "/index.php?title=Main_Page&action=history",
      "/index.php?title=Special:RecentChanges", "/index.php?title=No_such_page");

  /**
   * The key of MediaWiki's compiled code in the host cache {@link MediaWiki#CODE_CACHE}, made from
   * the wiki template ({@link #warmCode}) at the first launch; empty on a host without MediaWiki or
   * PHP, or where it could not be made (the desktops then compile it, as before). What it saves is
   * measured in {@link MediaWiki#LAUNCHER}'s comment.
   */
  static java.util.Optional<String> codeCacheKey() {
    return codeCacheKey(HostTemplates.sharedCacheRoot(MediaWiki.CODE_CACHE));
  }

  /** {@link #codeCacheKey} with the compiled code under {@code root}. */
  static java.util.Optional<String> codeCacheKey(Path root) {
    if (!codeOnHost()) return java.util.Optional.empty();
    try {
      return PhpCodeCache.key(root, MediaWiki.CODE_CACHE, CODE, List.of(FORMAT, HostTemplates.stamp(CODE.resolve("includes/Defines.php"))),
          WikiTemplate::warmCode);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * The wiki template unpacked in {@code scratch}, a page imported with the maintenance script the
   * launcher runs, then the main page, its modules and {@link #TASK_PAGES} served: all with
   * {@code phpOptions}, which write what PHP compiles to the cache.
   */
  static void warmCode(List<String> phpOptions, Path scratch) throws IOException {
    Path archive = HostTemplates.archive(HostTemplates.cacheRoot("mediawiki-templates"), key(), WikiTemplate::build);
    Path wiki = Files.createDirectories(scratch.resolve("wiki"));
    HostTemplates.run(List.of("tar", "-xzf", archive.toString(), "-C", wiki.toString()), scratch, "unpacking the wiki template",
        Duration.ofSeconds(60), p -> {});
    Path settings = wiki.resolve("LocalSettings.php");
    Files.writeString(settings, Files.readString(settings).replace(MediaWiki.ROOT, wiki.toString()));
    Path seed = Files.createDirectories(scratch.resolve("seed")).resolve("Warm_up.txt");
    Files.writeString(seed, "A page the warm-up imports.\n");
    List<String> cmd = new ArrayList<>(List.of("php"));
    cmd.addAll(phpOptions);
    cmd.addAll(List.of(CODE.resolve("maintenance/importTextFiles.php").toString(), "--conf", settings.toString(), seed.toString()));
    HostTemplates.run(cmd, scratch, "MediaWiki's importTextFiles.php", Duration.ofSeconds(120), p -> {});
    warm(wiki, scratch, phpOptions, TASK_PAGES);
  }

  /** The modules every page of the wiki loads besides its own: what the startup module asks for first. */
  static final List<String> BASE_MODULES = List.of("jquery", "mediawiki.base", "site", "site.styles", "user", "user.options",
      "mediawiki.page.ready", "skins.vector.legacy.js", "mediawiki.action.edit", "mediawiki.action.edit.styles");

  /**
   * The main page served once by PHP's server, with its style, startup and module requests, so that
   * the template's object cache ({@code data/wikicache.sqlite}, empty after the install) holds what
   * a wiki's first pages build: its messages, the compiled and minified ResourceLoader modules. In a
   * desktop those requests came with Chromium's first page, on the two cores Chromium was starting on.
   */
  static void warm(Path wiki, Path scratch, List<String> phpOptions, List<String> morePages) throws IOException {
    Path prepend = scratch.resolve("prepend.php");
    Files.writeString(prepend, "<?php\ndefine(\"MW_CONFIG_FILE\", \"" + wiki.resolve("LocalSettings.php") + "\");\n");
    Path siteJs = wiki.resolve("site.js");
    Files.writeString(siteJs, MediaWiki.SITE_JS);
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = scratch.resolve("warm-server.log");
    List<String> cmd = new ArrayList<>(List.of("php"));
    cmd.addAll(phpOptions);
    cmd.addAll(List.of("-d", "auto_prepend_file=" + prepend, "-d", "display_errors=0",
        "-d", "session.save_path=" + Files.createDirectories(scratch.resolve("sessions")), "-S", "127.0.0.1:" + port, "-t", CODE.toString()));
    Process server = HostTemplates.start(cmd, scratch, log);
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      String base = "http://127.0.0.1:" + port;
      long deadline = System.currentTimeMillis() + 30_000;
      while (true) {
        try {
          get(http, base + MediaWiki.SERVED);
          break;
        } catch (IOException e) {
          if (!server.isAlive() || System.currentTimeMillis() > deadline) {
            throw new IOException("the warm-up server did not answer: " + Files.readString(log).strip(), e);
          }
          Thread.sleep(50);
        }
      }
      String html = get(http, base + "/index.php?title=Main_Page");
      List<String> urls = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(/load\\.php\\?[^\"]+)\"").matcher(html);
      while (m.find()) urls.add(base + m.group(1).replace("&amp;", "&"));
      for (String module : BASE_MODULES) urls.add(base + "/load.php?lang=en&modules=" + module + "&skin=vector");
      for (String url : urls) get(http, url);
      for (String page : morePages) visit(http, base + page);
      // MediaWiki may write caches after it has sent an answer: let the server go quiet, then stop it
      quiet(server, Duration.ofSeconds(20));
      server.destroy();
      server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the warm-up was interrupted", e);
    } finally {
      HostTemplates.kill(server);
      Files.deleteIfExists(siteJs);
    }
  }

  /** Waits until the server and its workers used no CPU for 300 ms, or {@code limit} passed. */
  private static void quiet(Process server, Duration limit) throws InterruptedException {
    long deadline = System.currentTimeMillis() + limit.toMillis();
    long last = -1;
    while (System.currentTimeMillis() < deadline) {
      long cpu = java.util.stream.Stream.concat(java.util.stream.Stream.of(server.toHandle()), server.descendants())
          .mapToLong(h -> io.deskforge.desktop.ProcessStats.cpuNanos(h.pid())).sum();
      if (cpu == last) return;
      last = cpu;
      Thread.sleep(300);
    }
  }

  /** Asks for a page whatever it answers but a server error: one asked for without an account may be refused. */
  private static void visit(java.net.http.HttpClient http, String url) throws IOException, InterruptedException {
    var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() >= 500) throw new IOException("the warm-up's " + url + " answered " + response.statusCode());
  }

  private static String get(java.net.http.HttpClient http, String url) throws IOException, InterruptedException {
    var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IOException("the warm-up's " + url + " answered " + response.statusCode());
    return response.body();
  }

  /** The administrator's password: random, kept by nobody (no task logs in as the administrator). */
  private static String password() {
    byte[] b = new byte[18];
    new java.security.SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }
}
