package io.deskforge.apps.tiddlywiki;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.chromium.Chromium;
import io.deskforge.apps.chromium.LoopbackServer;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TiddlyWiki 5, the npm package run on Node.js, served inside each desktop and used through
 * Chromium. The wiki is a folder in the desktop user's home ({@link #DIR}): its tiddlers are
 * {@code .tid} files under {@link #TIDDLERS}, which setup writes and the server saves back (its
 * filesystem adaptor writes a tiddler's file before it answers the browser's save), and which the
 * checkers read from outside the desktop ({@link TidFormat}). The server listens on the desktop's
 * own loopback ({@link #PORT}; each desktop has a network namespace of its own, with only
 * loopback), with no login.
 *
 * <p>The wiki's own plugin (a folder under {@code DIR/plugins}, which TiddlyWiki loads as its
 * extension point) keeps the window title saying what a person sees on the page: the tiddler at
 * the top of the story, whether a tiddler is being edited and which field has the keys, whether
 * the browser has changes the server has not saved yet, and whether a confirmation is open:
 * "Team Lunch (editing text, unsaved) - TiddlyWiki". Reference solutions wait on it, each step for
 * a title that differs from the one before it.
 */
public final class TiddlyWiki implements AppTemplate {
  public static final String NAME = "tiddlywiki";
  /** The wiki folder: tiddlywiki.info, tiddlers/ and the title plugin. */
  public static final String DIR = "/home/user/wiki";
  public static final String TIDDLERS = DIR + "/tiddlers";
  /** The port on the desktop's loopback. */
  public static final int PORT = 8080;
  /**
   * The npm package and its version, installed on the host (and in the Docker image) by deskforge
   * doctor --install: the newest release that starts on Debian 12's own Node.js 18, the one a fresh
   * host and the Docker image have (5.4.0 and later refuse to start below Node.js 20).
   */
  public static final String NPM_PACKAGE = "tiddlywiki@5.3.8";

  /** The file a tiddler of this title is kept in (titles of letters, digits and spaces only, as the families draw them). */
  public static String tiddlerPath(String title) {
    if (!title.matches("[A-Za-z0-9][A-Za-z0-9 ]*")) throw new IllegalArgumentException("a seeded tiddler title is letters, digits and spaces: " + title);
    return TIDDLERS + "/" + title + ".tid";
  }

  /** The file TiddlyWiki keeps the unsaved draft of a tiddler in. */
  public static String draftPath(String title) {
    return TIDDLERS + "/Draft of '" + title + "'.tid";
  }

  /** The page showing a tiddler at the top of the story. */
  public static String url(String title) {
    return "http://127.0.0.1:" + PORT + "/#" + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The window title in the state given (regex parts): the top tiddler, then "viewing, saved" and the like. */
  public static String title(String top, String state) {
    return "^" + Pattern.quote(top) + " \\(" + state + "\\) - TiddlyWiki - Chromium$";
  }

  static final String INFO = """
      {
        "description": "deskforge's team wiki",
        "plugins": ["tiddlywiki/tiddlyweb", "tiddlywiki/filesystem"],
        "themes": ["tiddlywiki/vanilla", "tiddlywiki/snowwhite"]
      }
      """;

  static final String PLUGIN_INFO = """
      {
        "title": "$:/plugins/deskforge/title",
        "description": "Keeps the window title saying what the page shows",
        "plugin-type": "plugin",
        "version": "1.0.0"
      }
      """;

  /**
   * The title keeper, polled every 150 ms rather than driven by the wiki's change events, because
   * the field with the keys and the syncer's state change without any. window.confirm is wrapped
   * so that the title says a confirmation is open before the page blocks in it (TiddlyWiki asks
   * before deleting a tiddler).
   */
  static final String TITLE_JS = """
      /*\\
      title: $:/plugins/deskforge/title/title.js
      type: application/javascript
      module-type: startup
      \\*/
      (function () {
      "use strict";
      exports.name = "deskforge-title";
      exports.platforms = ["browser"];
      exports.after = ["render"];
      exports.synchronous = true;
      var confirming = false;
      function focusName() {
        var el = document.activeElement;
        if (!el || el === document.body) return "page";
        var c = typeof el.className === "string" ? el.className : "";
        if (/tc-edit-texteditor-body/.test(c)) return "text";
        if (/tc-titlebar/.test(c)) return "title";
        if (el.closest && el.closest(".tc-edit-add-tag")) return "tag";
        return "page";
      }
      function title() {
        var story = $tw.wiki.getTiddlerList("$:/StoryList");
        var top = story.length ? story[0] : "(empty story)";
        var drafts = $tw.wiki.filterTiddlers("[is[draft]]").length;
        var mode = confirming ? "confirm open" : drafts ? "editing " + focusName() : "viewing";
        var sync = $tw.syncer && $tw.syncer.isDirty() ? "unsaved" : "saved";
        return top + " (" + mode + ", " + sync + ") - TiddlyWiki";
      }
      exports.startup = function () {
        var confirm = window.confirm;
        window.confirm = function (message) {
          confirming = true;
          document.title = title();
          try { return confirm.call(window, message); } finally { confirming = false; }
        };
        setInterval(function () { var t = title(); if (document.title !== t) document.title = t; }, 150);
      };
      })();
      """;

  /**
   * The launcher, as the desktop user: the wiki folder (idempotent; setup may have written
   * tiddlers already), the title plugin, the server in the background (its log beside the wiki,
   * out of the tiddlers' folder), Chromium once the port accepts.
   */
  static final String LAUNCHER = """
      set -e
      W="$1"; PORT="$2"; shift 2
      P="$W/plugins/deskforge-title"
      mkdir -p "$W/tiddlers" "$P"
      [ -f "$W/tiddlywiki.info" ] || printf '%s' "$TW_INFO" > "$W/tiddlywiki.info"
      printf '%s' "$TW_PLUGIN_INFO" > "$P/plugin.info"
      printf '%s' "$TW_TITLE_JS" > "$P/title.js"
      tiddlywiki "$W" --listen host=127.0.0.1 port="$PORT" >"$W/../.tiddlywiki-server.log" 2>&1 &
      """ + LoopbackServer.awaitPort("tiddlywiki", "$W/../.tiddlywiki-server.log", 60) + """
      exec "$@"
      """;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "wiki (TiddlyWiki 5 on Node.js, served in the desktop, used in Chromium): tiddlers read from the wiki folder's .tid files";
  }

  @Override
  public List<String> packages() {
    return List.of("nodejs", "chromium");
  }

  @Override
  public List<String> npmPackages() {
    return List.of(NPM_PACKAGE);
  }

  /** One argument: the title of the tiddler Chromium shows (the wiki's default story when none). */
  @Override
  public AppLaunch launch(List<String> args) {
    String address = address(args);
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", LAUNCHER, "tiddlywiki", DIR, Integer.toString(PORT)));
    List<String> chromium = new ArrayList<>(new Chromium().launch(List.of(address)).command());
    // the browser window is the wiki's window: its X class names the app, as a web app's window does
    chromium.add(1, "--class=TiddlyWiki");
    cmd.addAll(chromium);
    String window = args.isEmpty() ? "\\(viewing, saved\\) - TiddlyWiki - Chromium$" : title(args.get(0), "viewing, saved");
    return new AppLaunch(NAME, cmd,
        Map.of("TW_INFO", INFO, "TW_PLUGIN_INFO", PLUGIN_INFO, "TW_TITLE_JS", TITLE_JS),
        Ready.allOf(Ready.httpOk(PORT, "/status"), Ready.windowReady(window)), Duration.ofSeconds(60));
  }

  /** The page a launch with these arguments opens. */
  static String address(List<String> args) {
    return args.isEmpty() ? "http://127.0.0.1:" + PORT + "/" : url(args.get(0));
  }

  /** The wiki's server is its WebArena site: its tasks export as WebArena configs ({@link TiddlyWikiWebArena}). */
  @Override
  public java.util.Optional<io.deskforge.task.export.WebArenaSite> webArena() {
    return java.util.Optional.of(new TiddlyWikiWebArena());
  }

  @Override
  public List<String> getters() {
    return List.of("document_query", "file_exists");
  }

  @Override
  public List<String> stateFolders() {
    // the tiddlers' files are the wiki's own store: an instruction names a tiddler, not its file
    return List.of(DIR + "/", Chromium.USER_DATA + "/");
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new TidFormat());
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new CreateTiddler(), new AppendLine(), new AddTag(), new RenameTiddler(), new DeleteTiddler());
  }

  @Override
  public List<String> commodities() {
    return List.of("Web page creation and editing software");
  }
}
