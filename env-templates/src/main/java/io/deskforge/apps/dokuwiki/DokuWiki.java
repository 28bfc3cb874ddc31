package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.chromium.Chromium;
import io.deskforge.apps.chromium.LoopbackServer;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DokuWiki, Debian's package, served inside each desktop and used through Chromium. At launch a
 * per-desktop wiki is made in {@link #ROOT} (its configuration and its data: pages, meta, attic),
 * PHP's built-in server serves DokuWiki's code from /usr/share/dokuwiki on the desktop's own
 * loopback ({@link #PORT}; each desktop has a network namespace of its own, with only loopback),
 * and Chromium opens the page asked for. No login: access control is off.
 *
 * <p>How one read-only DokuWiki serves a per-desktop wiki: Debian's preload.php defines
 * DOKU_CONF only when it is not defined yet, so an {@code auto_prepend_file} defines it first,
 * pointing at {@link #ROOT}/conf, whose local.php sets {@code savedir} to {@link #ROOT}/data.
 * Debian keeps the templates and plugins in /var/lib/dokuwiki (a system folder the sandbox shows
 * read-only). PHP's sessions, which DokuWiki's page locks are tied to, are kept in the wiki's
 * data too: Debian's PHP keeps them in /var/lib/php/sessions, which a desktop does not have, and
 * without a session every second visit of the editor finds the page "locked by another user".
 *
 * <p>Tasks are checked in DokuWiki's own page files ({@link #pagePath}), which the wiki writes
 * before it answers the save; an agent in the desktop has only the browser.
 */
public final class DokuWiki implements AppTemplate {
  public static final String NAME = "dokuwiki";
  /** The per-desktop wiki: conf/, data/ and the PHP prepend file. */
  public static final String ROOT = "/home/user/.dokuwiki";
  public static final String PAGES = ROOT + "/data/pages";
  /** The port on the desktop's loopback. */
  public static final int PORT = 8080;
  /** The wiki's title, shown in every window title: "start [Team Wiki] - Chromium". */
  public static final String TITLE = "Team Wiki";

  /** The file DokuWiki keeps a page's text in: {@code data/pages/<id>.txt}, namespaces as folders. */
  public static String pagePath(String id) {
    return PAGES + "/" + id.replace(':', '/') + ".txt";
  }

  /** The address of a page, or of an action on it ({@code do=edit}). */
  public static String url(String id) {
    return "http://127.0.0.1:" + PORT + "/doku.php?id=" + id;
  }

  static final String LOCAL_PHP = """
      <?php
      $conf['savedir'] = '%1$s/data';
      $conf['title'] = '%2$s';
      $conf['lang'] = 'en';
      $conf['useacl'] = 0;
      $conf['userewrite'] = 0;
      $conf['useheading'] = 0;
      $conf['dnslookups'] = 0;
      $conf['updatecheck'] = 0;
      $conf['usedraft'] = 1;
      $conf['breadcrumbs'] = 0;
      """;

  /**
   * The wiki's own script (DokuWiki's conf/userscript.js, run after its editor's script): once the
   * editor is set up (focused, the cursor placed), the window title says so, "✎ page [Team Wiki]
   * (editing)". The title the page comes with is set before any script runs, and keys typed before
   * the editor's script ran were lost or had the cursor moved under them on a loaded host.
   */
  static final String USERSCRIPT_JS = """
      jQuery(function () {
        var editor = document.getElementById('wiki__text');
        if (editor && !editor.readOnly) document.title = document.title + ' (editing)';
      });
      """;

  /**
   * The launcher, as the desktop user: the wiki's folders and configuration (idempotent; setup may
   * have written pages already), the server in the background, Chromium once the port accepts.
   * While Chromium starts (a second or so), the wiki builds what its first page needs: its caches,
   * its stylesheet (compiled from LESS, the slowest request of a fresh wiki) and its scripts, each
   * cached under the Host header Chromium sends. The server keeps the PHP it has compiled (OPcache,
   * which PHP's command line leaves off), each file checked for changes on every request: ten
   * DokuWiki audits took about 11 CPU-s less of this 2-core host (189 and 210 against 200 and 221).
   */
  static final String LAUNCHER = """
      set -e
      W="$1"; PORT="$2"; shift 2
      mkdir -p "$W/conf"
      cd "$W/data" 2>/dev/null || { mkdir -p "$W/data"; cd "$W/data"; }
      mkdir -p pages meta attic media media_attic media_meta cache index locks tmp log sessions
      printf '%s' "$LOCAL_PHP" > "$W/conf/local.php"
      printf '%s' "$USERSCRIPT_JS" > "$W/conf/userscript.js"
      printf '<?php\\nif (!defined("DOKU_CONF")) define("DOKU_CONF", "%s/conf/");\\n' "$W" > "$W/prepend.php"
      PHP_CLI_SERVER_WORKERS=3 php -d auto_prepend_file="$W/prepend.php" -d display_errors=0 \\
        -d session.save_path="$W/data/sessions" -d opcache.enable_cli=1 -d opcache.revalidate_freq=0 \\
        -S "127.0.0.1:$PORT" -t /usr/share/dokuwiki >"$W/server.log" 2>&1 &
      """ + LoopbackServer.awaitPort("dokuwiki", "$W/server.log", 30) + """
      for u in /doku.php "/lib/exe/css.php?t=dokuwiki" "/lib/exe/js.php?t=dokuwiki"; do
        bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf "GET %s HTTP/1.0\\r\\nHost: 127.0.0.1:%s\\r\\n\\r\\n" "$1" "$0" >&3 && cat <&3 >/dev/null' \\
          "$PORT" "$u" 2>/dev/null &
      done
      exec "$@"
      """;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "wiki (DokuWiki, served in the desktop, used in Chromium): pages read from the wiki's own page files";
  }

  @Override
  public List<String> packages() {
    return List.of("dokuwiki", "php-cli", "chromium");
  }

  @Override
  public List<String> systemFolders() {
    return List.of("/var/lib/dokuwiki");
  }

  /** One argument: the id of the page Chromium opens (the start page when none). */
  @Override
  public AppLaunch launch(List<String> args) {
    String page = args.isEmpty() ? "start" : args.get(0);
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", LAUNCHER, "dokuwiki", ROOT, Integer.toString(PORT)));
    List<String> chromium = new ArrayList<>(new Chromium().launch(List.of(url(page))).command());
    // the browser window is the wiki's window: its X class names the app, as a web app's window does
    chromium.add(1, "--class=DokuWiki");
    cmd.addAll(chromium);
    return new AppLaunch(NAME, cmd, Map.of("LOCAL_PHP", LOCAL_PHP.formatted(ROOT, TITLE), "USERSCRIPT_JS", USERSCRIPT_JS),
        Ready.allOf(Ready.httpOk(PORT, "/doku.php"), Ready.windowReady(WikiGui.showTitle(page))), Duration.ofSeconds(40));
  }

  @Override
  public List<String> getters() {
    return List.of("file_text", "file_exists", "page_url", "page_text");
  }

  /**
   * The Chromium the wiki is used in, with its DevTools port: page getters read the page it shows
   * (which page is open: no file holds that), and the gym offers agents its CDP and WebDriver.
   */
  @Override
  public java.util.Optional<io.deskforge.apps.BrowserDebugging> browser() {
    return new Chromium().browser();
  }

  @Override
  public List<String> stateFolders() {
    return List.of(ROOT + "/", Chromium.USER_DATA + "/");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new CreatePage(), new AppendLine(), new ReplaceWord(), new DeletePage(), new MovePage(), new FindPage());
  }

  /** The wiki's pages are its WebArena site: its tasks export as WebArena configs ({@link DokuWikiWebArena}). */
  @Override
  public java.util.Optional<io.deskforge.task.export.WebArenaSite> webArena() {
    return java.util.Optional.of(new DokuWikiWebArena());
  }

  @Override
  public List<String> commodities() {
    return List.of("Web page creation and editing software");
  }
}
