package io.deskforge.apps.mediawiki;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.chromium.Chromium;
import io.deskforge.apps.chromium.LoopbackServer;
import io.deskforge.apps.template.PhpCodeCache;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MediaWiki, Debian's package (1.39), served inside each desktop and used through Chromium. At
 * launch a per-desktop wiki is installed in {@link #ROOT} on SQLite ({@code install.php}, about two
 * seconds: faster than shipping a database, and always matching the installed code), the pages
 * setup wrote to {@link #SEED} are imported ({@code importTextFiles.php}), PHP's built-in server
 * serves MediaWiki's code from /usr/share/mediawiki on the desktop's own loopback ({@link #PORT};
 * each desktop has a network namespace of its own, with only loopback), and Chromium opens the page
 * asked for. No login: anonymous visitors may edit, move and delete pages, as in a small team wiki.
 *
 * <p>How one read-only MediaWiki serves a per-desktop wiki: MediaWiki reads its settings from
 * {@code MW_CONFIG_FILE} when that is defined, so an {@code auto_prepend_file} defines it as
 * {@link #ROOT}/LocalSettings.php, the one install.php wrote, with {@link #LOCAL_PHP} appended.
 * Debian links extensions, skins' config and images from /var/lib/mediawiki, a system folder the
 * sandbox shows read-only.
 *
 * <p>Tasks are checked in the wiki's own database ({@link #DB}): the text of a page's latest
 * revision, which MediaWiki commits before it answers the save, and the page table. An agent in the
 * desktop has only the browser.
 */
public final class MediaWiki implements AppTemplate {
  public static final String NAME = "mediawiki";
  /** The per-desktop wiki: LocalSettings.php, data/ (the SQLite databases), seed/, cache/. */
  public static final String ROOT = "/home/user/.mediawiki";
  /** The wiki's database: pages, revisions, their texts. */
  public static final String DB = ROOT + "/data/wiki.sqlite";
  /** Where setup writes the pages the wiki starts with, one {@code <title>.txt} each. */
  public static final String SEED = ROOT + "/seed";
  /** The port on the desktop's loopback. */
  public static final int PORT = 8080;
  /** The host cache of MediaWiki's compiled PHP ({@link WikiTemplate#codeCacheKey}). */
  static final String CODE_CACHE = "mediawiki-php";
  /** The wiki's name, in every window title: "Team lunch - Team Wiki - Chromium". */
  public static final String TITLE = "Team Wiki";

  /** The file setup writes a page to, imported at launch. */
  public static String seedPath(String title) {
    return SEED + "/" + title + ".txt";
  }

  /** The address of a page, or of an action on it ({@code edit}, {@code delete}), or null for none. */
  public static String url(String title, String action) {
    // titles here are letters, digits and spaces (and "Special:MovePage/..."): nothing to escape
    String t = title.replace(' ', '_');
    return "http://127.0.0.1:" + PORT + "/index.php?title=" + t + (action == null ? "" : "&action=" + action);
  }

  /**
   * Appended to the LocalSettings.php install.php writes: anonymous editing, moving and deleting
   * by members (any account), without rate limits (a desktop has one user), no mail, no job runs inside page requests (what
   * the tasks check is written by the request that saves), the localisation cache as PHP files in
   * the wiki's cache folder (quicker to build than SQLite rows), no "leave this page?" prompt over
   * an editor left with changes, and the wiki's own script ({@link #SITE_JS}) on every page.
   */
  static final String LOCAL_PHP = """

      # deskforge: one desktop's wiki, used without an account in Chromium
      $wgGroupPermissions['*']['createaccount'] = false;
      $wgGroupPermissions['user']['move'] = true;
      $wgGroupPermissions['user']['delete'] = true;
      $wgRateLimits = [];
      $wgEnableEmail = false;
      $wgUseImageMagick = false;
      $wgJobRunRate = 0;
      $wgCacheDirectory = '%1$s/cache';
      $wgLocalisationCacheConf['store'] = 'array';
      $wgDefaultUserOptions['useeditwarning'] = 0;
      $wgHooks['BeforePageDisplay'][] = static function ( $out ) {
      	$out->addInlineScript( file_get_contents( '%1$s/site.js' ) );
      };
      """;

  /**
   * The wiki's own script, run once the page's modules have loaded (mw.loader.using comes with
   * mediawiki.base, after the startup module runs what RLQ holds): a form a task uses gets the
   * keyboard focus and the window title says the page is ready for keys. The editor: focused, the
   * cursor at the start, "Editing X - Team Wiki (editing)", or "(changes shown)" above a diff. The
   * move form: its new title field focused, "(ready)". The delete form: its reason field focused,
   * "(ready)". The title a page comes with is set before any script runs, and keys sent before the
   * modules ran went nowhere on a loaded host.
   */
  static final String SITE_JS = """
      (window.RLQ = window.RLQ || []).push([['mediawiki.base'], function () {
        mw.loader.using(window.RLPAGEMODULES || []).always(function () {
          var box = document.getElementById('wpTextbox1');
          // the move form's id names the title widget's wrapper; the field is the input named so
          var move = document.querySelector('input[name="wpNewTitleMain"]');
          var reason = document.getElementById('wpReason');
          var mark = '';
          if (box && !box.readOnly) {
            box.focus();
            box.setSelectionRange(0, 0);
            box.scrollTop = 0;
            mark = document.querySelector('#wikiDiff table.diff') ? ' (changes shown)' : ' (editing)';
          } else if (move) {
            move.focus();
            mark = ' (ready)';
          } else if (reason && document.body.classList.contains('action-delete')) {
            reason.focus();
            mark = ' (ready)';
          }
          if (mark) document.title = document.title + mark;
        });
      }]);
      """;

  /**
   * The launcher, as the desktop user: the wiki, when its database is not there yet, unpacked from
   * the host's template ({@link WikiTemplate}) with a secret key of its own, or else installed (an
   * administrator account with a random password nobody keeps) and the settings appended; the seeded
   * pages imported (a page that exists is skipped), the server in the background, Chromium once the
   * port accepts. A wiki installed here (no template) builds its caches with a request for the main
   * page while Chromium starts; the template's wiki has them (see {@link WikiTemplate}), and that
   * request only rendered a page Chromium asked for again, on the same two cores. The server keeps
   * the PHP it has compiled (OPcache, which PHP's command line leaves off; a MediaWiki request loads
   * hundreds of files), each file checked for changes on every request: one audit of each MediaWiki
   * and DokuWiki family took 193-199 CPU-s of this 2-core host with it in MediaWiki's server alone,
   * against 214-215 without (two runs each). The import and the server load MediaWiki's code compiled
   * on the host ({@link PhpCodeCache}, the key in MW_CODE_CACHE) rather than compiling it again: the
   * server's first page took 0.15-0.17 s instead of 0.42-0.45 s in a desktop, and a cold start to
   * the main page 0.3-0.5 s and about 0.5 CPU-s less (three interleaved pairs of {@code bench
   * desktops --app mediawiki --runs 5}: 1.71-1.77 s against 2.04-2.21 s on a slower hour).
   */
  static final String LAUNCHER = """
      set -e
      W="$1"; PORT="$2"; shift 2
      MW=/usr/share/mediawiki
      WARM=
      mkdir -p "$W/data" "$W/seed" "$W/cache" "$W/sessions"
      if [ -s "$W/data/wiki.sqlite" ]; then
        :
      elif [ -n "${MW_TEMPLATE_1:-}" ]; then
        printf '%s%s%s%s%s%s' "$MW_TEMPLATE_1" "${MW_TEMPLATE_2:-}" "${MW_TEMPLATE_3:-}" "${MW_TEMPLATE_4:-}" "${MW_TEMPLATE_5:-}" "${MW_TEMPLATE_6:-}" | base64 -d | tar -xzmf - -C "$W" \\
          || { echo "mediawiki: the wiki template did not unpack"; exit 1; }
        K=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \\n')
        sed -i 's/^\\$wgSecretKey = .*/$wgSecretKey = "'"$K"'";/' "$W/LocalSettings.php"
      else
        rm -f "$W/LocalSettings.php"
        php "$MW/maintenance/install.php" --dbtype=sqlite --dbpath="$W/data" --dbname=wiki --confpath="$W" \\
          --server="http://127.0.0.1:$PORT" --scriptpath="" --lang=en --skins=Vector \\
          --pass="$(head -c 24 /dev/urandom | base64)" "$WIKI_TITLE" Admin >"$W/install.log" 2>&1 \\
          || { echo "mediawiki: install.php failed"; cat "$W/install.log"; exit 1; }
        printf '%s' "$LOCAL_PHP" >> "$W/LocalSettings.php"
        WARM=1
      fi
      unset MW_TEMPLATE_1 MW_TEMPLATE_2 MW_TEMPLATE_3 MW_TEMPLATE_4 MW_TEMPLATE_5 MW_TEMPLATE_6
      printf '%s' "$SITE_JS" > "$W/site.js"
      printf '<?php\\ndefine("MW_CONFIG_FILE", "%s/LocalSettings.php");\\n' "$W" > "$W/prepend.php"
      """ + PhpCodeCache.launcherSetup(CODE_CACHE, "MW_CODE_CACHE") + """
      if ls "$W"/seed/*.txt >/dev/null 2>&1; then
        php $PHP_CODE_CACHE "$MW/maintenance/importTextFiles.php" --conf "$W/LocalSettings.php" "$W"/seed/*.txt >"$W/import.log" 2>&1 \\
          || { echo "mediawiki: importTextFiles.php failed"; cat "$W/import.log"; exit 1; }
      fi
      PHP_CLI_SERVER_WORKERS=3 php $PHP_CODE_CACHE -d auto_prepend_file="$W/prepend.php" -d display_errors=0 \\
        -d session.save_path="$W/sessions" -d opcache.enable_cli=1 -d opcache.revalidate_freq=0 \\
        -S "127.0.0.1:$PORT" -t "$MW" >"$W/server.log" 2>&1 &
      """ + LoopbackServer.awaitPort("mediawiki", "$W/server.log", 30) + """
      # a wiki installed here has no caches: the main page builds them while Chromium starts
      [ -z "$WARM" ] || bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf "GET /index.php?title=Main_Page HTTP/1.0\\r\\nHost: 127.0.0.1:%s\\r\\n\\r\\n" "$0" >&3 && cat <&3 >/dev/null' \\
        "$PORT" 2>/dev/null &
      exec "$@"
      """;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "wiki (MediaWiki, served in the desktop, used in Chromium): pages read from the wiki's SQLite database";
  }

  @Override
  public List<String> packages() {
    return List.of("mediawiki", "php-sqlite3", "php-cli", "chromium");
  }

  @Override
  public List<String> systemFolders() {
    return List.of("/var/lib/mediawiki");
  }

  /** MediaWiki's code compiled once on the host, which the launcher's php commands load ({@link PhpCodeCache}). */
  @Override
  public Map<String, java.nio.file.Path> hostCaches() {
    return WikiTemplate.codeOnHost() ? PhpCodeCache.hostCache(CODE_CACHE) : Map.of();
  }

  /** One argument: the title of the page Chromium opens (the main page when none). */
  @Override
  public AppLaunch launch(List<String> args) {
    return launch(args, true);
  }

  /** Without the wiki template built from this host's MediaWiki: the launcher installs the wiki. */
  @Override
  public AppLaunch portableLaunch(List<String> args) {
    return launch(args, false);
  }

  private AppLaunch launch(List<String> args, boolean template) {
    String page = page(args);
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", LAUNCHER, "mediawiki", ROOT, Integer.toString(PORT)));
    List<String> chromium = new ArrayList<>(new Chromium().launch(List.of(url(page, null))).command());
    // the browser window is the wiki's window: its X class names the app, as a web app's window does
    chromium.add(1, "--class=MediaWiki");
    cmd.addAll(chromium);
    // the main page's window title is the wiki's name alone
    String ready = args.isEmpty() ? "^" + java.util.regex.Pattern.quote(TITLE) + " - Chromium$" : MwGui.showTitle(page);
    Map<String, String> env = new java.util.HashMap<>(Map.of("LOCAL_PHP", LOCAL_PHP.formatted(ROOT), "SITE_JS", SITE_JS, "WIKI_TITLE", TITLE));
    if (template) env.putAll(WikiTemplate.environment());
    WikiTemplate.codeCacheKey().ifPresent(key -> env.put("MW_CODE_CACHE", key));
    return new AppLaunch(NAME, cmd, Map.copyOf(env),
        Ready.allOf(Ready.httpOk(PORT, SERVED), Ready.windowReady(ready)), Duration.ofSeconds(60));
  }

  /**
   * What readiness asks the server for: a file of MediaWiki's it serves as it is. The window's
   * title, which comes with the page, says the wiki renders; a page asked for here as well was
   * rendered once more for every readiness request given up on a loaded host, ahead of Chromium's.
   */
  static final String SERVED = "/resources/assets/poweredby_mediawiki_88x31.png";

  /** The page a launch with these arguments opens. */
  static String page(List<String> args) {
    return args.isEmpty() ? "Main Page" : args.get(0);
  }

  /**
   * The Chromium the wiki is used in, with its DevTools port: setup's page steps log the member in
   * through it ({@link Accounts}), and the gym offers agents its CDP and WebDriver.
   */
  @Override
  public java.util.Optional<io.deskforge.apps.BrowserDebugging> browser() {
    return new Chromium().browser();
  }

  /** The wiki's pages are its WebArena site: its tasks export as WebArena configs ({@link MediaWikiWebArena}). */
  @Override
  public java.util.Optional<io.deskforge.task.export.WebArenaSite> webArena() {
    return java.util.Optional.of(new MediaWikiWebArena());
  }

  @Override
  public List<String> getters() {
    return List.of("sqlite_query");
  }

  @Override
  public List<String> stateFolders() {
    return List.of(ROOT + "/", Chromium.USER_DATA + "/");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new CreatePage(), new AppendLine(), new ReplaceWord(), new MovePage(), new DeletePage());
  }

  @Override
  public List<String> commodities() {
    return List.of("Web page creation and editing software");
  }
}
