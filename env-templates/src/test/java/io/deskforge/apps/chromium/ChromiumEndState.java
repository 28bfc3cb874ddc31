package io.deskforge.apps.chromium;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chromium driven as {@link ChromiumGui} does, modelled on the profile files its getters read:
 * the page the browser starts on and every address typed into the bar (a click on it or ctrl+l
 * outside the folder chooser gives it the keys) and opened (Return) are visits in History; the star
 * opens the bookmark bubble with the page's title as the name, its name field takes typed text
 * after ctrl+a, its folder list picks the Bookmarks bar, Done adds the bookmark to Bookmarks; on
 * chrome://settings/appearance the Home switch toggles the button, the custom radio turns off the
 * New Tab home page, and the address field takes typed text after ctrl+a. On
 * chrome://settings/security Enhanced protection turns Safe Browsing's enhanced mode on and the
 * secure-connections switch toggles HTTPS-First; on chrome://settings/cookies the Do Not Track
 * switch opens its dialog, whose Confirm turns it on; the Add of a site list (the cookie list
 * there, the block or allow list of chrome://settings/content/KIND) opens a dialog whose field
 * takes the typed site and whose Return records the exception (setting 2 block, 1 allow); on
 * chrome://settings/downloads Change opens the folder chooser, ctrl+l its location field, Open sets
 * the download folder, and the ask switch toggles asking. Preferences keeps what setup wrote and
 * gains the keys changed. The files are written as the browser leaves them, with only the keys the
 * getters read.
 */
public final class ChromiumEndState implements EndStateModel {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>");

  /** Where the keys go: the page, the address bar, the bubble's name field, the home page address field. */
  private enum Focus { PAGE, ADDRESS_BAR, BUBBLE_NAME, HOME_ADDRESS, ADD_SITE, CHOOSER }

  /** What the browser holds while the trajectory runs. */
  private static final class Browser {
    final List<String> visits = new ArrayList<>();
    final Map<String, List<String[]>> bookmarks = new LinkedHashMap<>(Map.of("bookmark_bar", new ArrayList<>(), "other", new ArrayList<>()));
    String page;
    boolean showHome;
    boolean newTabHome = true;
    String homepage;
    boolean settingsTouched;
    Focus focus = Focus.PAGE;
    String typed = "";
    String[] bubble; // name, folder key; null when closed
    ObjectNode prefs; // Preferences as setup left it, then as the settings pages change it
    boolean dntDialog;
    String[] addSite; // exception kind, setting; null when no Add dialog is open
    boolean chooser;

    boolean inSettings(String sub) {
      return ("chrome://settings/" + sub).equals(page);
    }

    /** The permission whose chrome://settings/content/ page is shown, if any. */
    SitePermission.Permission permission() {
      return SitePermission.RULES.stream().map(SitePermission.Rule::permission).distinct()
          .filter(p -> inSettings(p.page())).findFirst().orElse(null);
    }

    ObjectNode pref(String... path) {
      ObjectNode n = prefs;
      for (String k : path) n = n.has(k) && n.get(k).isObject() ? (ObjectNode) n.get(k) : n.putObject(k);
      return n;
    }

    boolean inAppearance() {
      return "chrome://settings/appearance".equals(page);
    }
  }

  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    final Browser b = new Browser();
    b.prefs = existingPreferences(home);
    b.page = EndStateModel.openedFile(task).replaceFirst("^file://", "");
    b.visits.add(b.page);
    for (Action a : trajectory.actions()) {
      switch (a) {
        case Action.Click c when on(c.x(), c.y(), AddressBar.X, AddressBar.Y) -> {
          b.focus = Focus.ADDRESS_BAR;
          b.typed = "";
        }
        case Action.Click c when on(c.x(), c.y(), ChromiumGui.STAR_X, ChromiumGui.STAR_Y) -> b.bubble = new String[] {title(home, b.page), "other"};
        case Action.Click c when b.bubble != null && on(c.x(), c.y(), ChromiumGui.BUBBLE_NAME_X, ChromiumGui.BUBBLE_NAME_Y) -> {
          b.focus = Focus.BUBBLE_NAME;
          b.typed = b.bubble[0];
        }
        case Action.Click c when b.bubble != null && on(c.x(), c.y(), ChromiumGui.BUBBLE_FOLDER_X, ChromiumGui.BUBBLE_FOLDER_Y) -> { }
        case Action.Click c when b.bubble != null && on(c.x(), c.y(), ChromiumGui.BUBBLE_FOLDER_BAR_X, ChromiumGui.BUBBLE_FOLDER_BAR_Y) ->
            b.bubble[1] = "bookmark_bar";
        case Action.Click c when b.bubble != null && on(c.x(), c.y(), ChromiumGui.BUBBLE_DONE_X, ChromiumGui.BUBBLE_DONE_Y) -> {
          b.bookmarks.get(b.bubble[1]).add(new String[] {b.bubble[0], "file://" + b.page});
          b.bubble = null;
          b.focus = Focus.PAGE;
        }
        case Action.Click c when b.inAppearance() && on(c.x(), c.y(), ChromiumGui.HOME_SWITCH_X, ChromiumGui.HOME_SWITCH_Y) -> {
          b.showHome = !b.showHome;
          b.settingsTouched = true;
        }
        case Action.Click c when b.inAppearance() && b.showHome && on(c.x(), c.y(), ChromiumGui.HOME_CUSTOM_RADIO_X, ChromiumGui.HOME_CUSTOM_RADIO_Y) ->
            b.newTabHome = false;
        case Action.Click c when b.inAppearance() && !b.newTabHome && on(c.x(), c.y(), ChromiumGui.HOME_ADDRESS_X, ChromiumGui.HOME_ADDRESS_Y) -> {
          b.focus = Focus.HOME_ADDRESS;
          b.typed = b.homepage == null ? "" : b.homepage;
        }
        case Action.Click c when b.inSettings("security") && on(c.x(), c.y(), ChromiumGui.ENHANCED_PROTECTION_X, ChromiumGui.ENHANCED_PROTECTION_Y) -> {
          b.pref("safebrowsing").put("enabled", true).put("enhanced", true);
          b.settingsTouched = true;
        }
        case Action.Click c when b.inSettings("security") && on(c.x(), c.y(), ChromiumGui.SECURE_CONNECTIONS_X, ChromiumGui.SECURE_CONNECTIONS_Y) -> {
          b.prefs.put("https_first_balanced_mode_enabled", !b.prefs.path("https_first_balanced_mode_enabled").asBoolean(false));
          b.settingsTouched = true;
        }
        case Action.Click c when b.inSettings("cookies") && b.addSite == null && on(c.x(), c.y(), ChromiumGui.DNT_SWITCH_X, ChromiumGui.DNT_SWITCH_Y) ->
            b.dntDialog = true;
        case Action.Click c when b.dntDialog && on(c.x(), c.y(), ChromiumGui.DNT_CONFIRM_X, ChromiumGui.DNT_CONFIRM_Y) -> {
          b.prefs.put("enable_do_not_track", true);
          b.settingsTouched = true;
          b.dntDialog = false;
        }
        case Action.Click c when b.dntDialog && on(c.x(), c.y(), ChromiumGui.DNT_CANCEL_X, ChromiumGui.DNT_CANCEL_Y) -> b.dntDialog = false;
        case Action.Click c when b.inSettings("cookies") && on(c.x(), c.y(), DoNotTrack.COOKIES_ADD_X, DoNotTrack.COOKIES_ADD_Y) ->
            b.addSite = new String[] {"cookies", "1"};
        case Action.Click c when b.permission() != null && c.x() == SitePermission.ADD_X
            && (c.y() == b.permission().blockAddY() || c.y() == b.permission().allowAddY()) ->
            b.addSite = new String[] {b.permission().kind(), c.y() == b.permission().blockAddY() ? "2" : "1"};
        case Action.Click c when b.addSite != null && on(c.x(), c.y(), ChromiumGui.ADD_SITE_FIELD_X, ChromiumGui.ADD_SITE_FIELD_Y) -> {
          b.focus = Focus.ADD_SITE;
          b.typed = "";
        }
        case Action.Click c when b.addSite != null && on(c.x(), c.y(), ChromiumGui.ADD_SITE_CANCEL_X, ChromiumGui.ADD_SITE_CANCEL_Y) -> {
          b.addSite = null;
          b.focus = Focus.PAGE;
        }
        case Action.ClickUntilWindow c when b.inSettings("downloads") && !b.chooser
            && on(c.x(), c.y(), ChromiumGui.DOWNLOAD_CHANGE_X, ChromiumGui.DOWNLOAD_CHANGE_Y) -> b.chooser = true;
        case Action.Key k when k.keys().equals("ctrl+l") && b.chooser -> {
          b.focus = Focus.CHOOSER;
          b.typed = "";
        }
        case Action.Key k when k.keys().equals("ctrl+l") -> {
          b.focus = Focus.ADDRESS_BAR;
          b.typed = "";
        }
        case Action.Click c when b.chooser && on(c.x(), c.y(), ChromiumGui.CHOOSER_OPEN_X, ChromiumGui.CHOOSER_OPEN_Y) -> {
          String folder = b.typed.replaceFirst("(.)/+$", "$1");
          b.pref("download").put("default_directory", folder);
          b.pref("savefile").put("default_directory", folder);
          b.settingsTouched = true;
          b.chooser = false;
          b.focus = Focus.PAGE;
        }
        case Action.Click c when b.chooser && on(c.x(), c.y(), ChromiumGui.CHOOSER_CANCEL_X, ChromiumGui.CHOOSER_CANCEL_Y) -> {
          b.chooser = false;
          b.focus = Focus.PAGE;
        }
        case Action.Click c when b.inSettings("downloads") && !b.chooser && on(c.x(), c.y(), ChromiumGui.DOWNLOAD_ASK_X, ChromiumGui.DOWNLOAD_ASK_Y) -> {
          b.pref("download").put("prompt_for_download", !b.prefs.path("download").path("prompt_for_download").asBoolean(false));
          b.settingsTouched = true;
        }
        case Action.Key k when k.keys().equals("Return") && b.focus == Focus.ADD_SITE -> {
          // Chromium keys a cookie exception by the embedding site (*,site), any other by the site (site,*)
          String pattern = b.addSite[0].equals("cookies") ? "*," + b.typed : b.typed + ",*";
          b.pref("profile", "content_settings", "exceptions", b.addSite[0]).putObject(pattern)
              .put("last_modified", "13300000000000000").put("setting", Integer.parseInt(b.addSite[1]));
          b.settingsTouched = true;
          b.addSite = null;
          b.focus = Focus.PAGE;
        }
        case Action.Key k when k.keys().equals("ctrl+a") && b.focus != Focus.PAGE -> b.typed = "";
        case Action.Type t when b.focus != Focus.PAGE -> {
          b.typed += t.text();
          if (b.focus == Focus.BUBBLE_NAME) b.bubble[0] = b.typed;
        }
        case Action.Key k when k.keys().equals("Return") && b.focus == Focus.ADDRESS_BAR -> {
          b.page = b.typed.startsWith("file://") ? b.typed.substring("file://".length()) : b.typed;
          if (b.typed.startsWith("file://")) b.visits.add(b.page);
          b.focus = Focus.PAGE;
        }
        case Action.Key k when k.keys().equals("Tab") && b.focus == Focus.HOME_ADDRESS -> {
          b.homepage = b.typed;
          b.focus = Focus.PAGE;
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
    writeHistory(home, b.visits);
    if (b.bookmarks.values().stream().anyMatch(l -> !l.isEmpty())) writeBookmarks(home, b.bookmarks);
    if (b.settingsTouched) writePreferences(home, b.prefs, b.showHome, b.newTabHome, b.homepage);
    home.chown();
  }

  /** The title of a page file as the bubble proposes it. */
  private static String title(ScratchHome home, String path) {
    Matcher m = TITLE.matcher(new String(home.readFile(path), StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : path;
  }

  private static void writeHistory(ScratchHome home, List<String> visits) {
    Path db = home.host(Chromium.HISTORY);
    try {
      Files.createDirectories(db.getParent());
      Files.deleteIfExists(db);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT, url LONGVARCHAR, title LONGVARCHAR,"
            + " visit_count INTEGER DEFAULT 0 NOT NULL, typed_count INTEGER DEFAULT 0 NOT NULL, last_visit_time INTEGER NOT NULL, hidden INTEGER DEFAULT 0 NOT NULL)");
        Map<String, Integer> counts = new LinkedHashMap<>();
        visits.forEach(v -> counts.merge("file://" + v, 1, Integer::sum));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO urls(url, title, visit_count, last_visit_time) VALUES (?, ?, ?, 13300000000000000)")) {
          for (Map.Entry<String, Integer> e : counts.entrySet()) {
            p.setString(1, e.getKey());
            p.setString(2, title(home, e.getKey().substring("file://".length())));
            p.setInt(3, e.getValue());
            p.executeUpdate();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeBookmarks(ScratchHome home, Map<String, List<String[]>> folders) {
    ObjectNode roots = JSON.objectNode();
    int id = 4;
    for (Map.Entry<String, List<String[]>> f : folders.entrySet()) {
      ArrayNode children = roots.putObject(f.getKey()).put("type", "folder").putArray("children");
      for (String[] b : f.getValue()) children.addObject().put("id", Integer.toString(id++)).put("name", b[0]).put("type", "url").put("url", b[1]);
    }
    ObjectNode doc = JSON.objectNode();
    doc.set("roots", roots);
    doc.put("version", 1);
    write(home, Chromium.BOOKMARKS, doc.toPrettyString());
  }

  /** Preferences as setup wrote it (a seeded profile), or an empty object for a fresh one. */
  private static ObjectNode existingPreferences(ScratchHome home) {
    Path p = home.host(Chromium.PREFERENCES);
    if (!Files.isRegularFile(p)) return JSON.objectNode();
    try {
      return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writePreferences(ScratchHome home, ObjectNode doc, boolean showHome, boolean newTabHome, String homepage) {
    (doc.get("browser") instanceof ObjectNode o ? o : doc.putObject("browser")).put("show_home_button", showHome);
    doc.put("homepage_is_newtabpage", newTabHome);
    if (homepage != null) doc.put("homepage", homepage);
    write(home, Chromium.PREFERENCES, doc.toString());
  }

  private static void write(ScratchHome home, String path, String text) {
    try {
      Files.createDirectories(home.host(path).getParent());
      Files.writeString(home.host(path), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a click at ({@code cx}, {@code cy}) is on the control at ({@code x}, {@code y}). */
  private static boolean on(int cx, int cy, int x, int y) {
    return cx == x && cy == y;
  }
}
