package io.deskforge.apps.mediawiki;

import io.deskforge.apps.osworld.AddressBarModel;
import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MediaWiki in Chromium driven as {@link MwGui} does, modelled on the database tables its checkers
 * read: the wiki starts with the pages setup seeded; an address typed into the bar and opened with
 * Return shows a page, or with {@code action=edit} its editor holding the page's text and a newline
 * (nothing for a new page), the cursor at the start; Ctrl+End moves it to the end, Ctrl+A selects all, Delete
 * removes the selection, typed text goes in at the cursor; Alt+Shift+S saves (the text without
 * trailing white space), Alt+Shift+V saves nothing. {@code Special:MovePage/X} has its new-title
 * field focused and Return moves the page, leaving a redirect; {@code action=delete} has its reason
 * field focused and Return deletes the page. The database is written with only the columns the
 * checkers read.
 */
public final class MediaWikiEndState implements EndStateModel {
  private enum Form { NONE, EDITOR, MOVE, DELETE }

  /** What the browser holds while the trajectory runs. */
  private static final class Browser {
    Form form = Form.NONE;
    String page;        // the page of the open form
    StringBuilder text; // the editor's text, or the move form's new title
    int cursor;
    boolean all;        // Ctrl+A has selected the whole field
  }

  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    Map<String, String> pages = new LinkedHashMap<>();      // title -> text
    Map<String, String> redirects = new LinkedHashMap<>();  // title -> target
    for (SetupStep s : task.setup()) {
      if (s instanceof SetupStep.WriteFile w && w.path().startsWith(MediaWiki.SEED + "/") && w.path().endsWith(".txt")) {
        pages.put(w.path().substring(MediaWiki.SEED.length() + 1, w.path().length() - 4), w.text().stripTrailing());
      }
    }
    final Browser b = new Browser();
    AddressBarModel bar = new AddressBarModel();
    for (Action a : trajectory.actions()) {
      if (bar.takes(a)) {
        String address = bar.opened();
        if (address == null) continue;
        String title = address.replaceFirst("^.*[?&]title=([^&]*).*$", "$1").replace('_', ' ');
        b.form = Form.NONE;
        b.all = false;
        b.cursor = 0;
        if (address.contains("action=edit")) {
          b.form = Form.EDITOR;
          b.page = title;
          // the editor holds a page's text with a newline after it, and a new page's empty
          String text = pages.getOrDefault(title, "");
          b.text = new StringBuilder(text.isEmpty() ? "" : text + "\n");
        } else if (address.contains("action=delete") && pages.containsKey(title)) {
          b.form = Form.DELETE;
          b.page = title;
          b.text = new StringBuilder();
        } else if (title.startsWith("Special:MovePage/") && pages.containsKey(title.substring("Special:MovePage/".length()))) {
          b.form = Form.MOVE;
          b.page = title.substring("Special:MovePage/".length());
          b.text = new StringBuilder(b.page);
        }
        continue;
      }
      switch (a) {
        case Action.Key k when b.form != Form.NONE && k.keys().equals("ctrl+a") -> b.all = true;
        case Action.Key k when b.form == Form.EDITOR && k.keys().equals("ctrl+End") -> {
          b.cursor = b.text.length();
          b.all = false;
        }
        case Action.Key k when b.form != Form.NONE && k.keys().equals("Delete") -> {
          if (b.all) {
            b.text.setLength(0);
            b.cursor = 0;
            b.all = false;
          } else if (b.cursor < b.text.length()) {
            b.text.deleteCharAt(b.cursor);
          }
        }
        case Action.Type t when b.form != Form.NONE -> {
          if (b.all) {
            b.text.setLength(0);
            b.cursor = 0;
            b.all = false;
          }
          b.text.insert(b.cursor, t.text());
          b.cursor += t.text().length();
        }
        case Action.Key k when b.form == Form.EDITOR && k.keys().equals("alt+shift+s") -> {
          pages.put(b.page, b.text.toString().stripTrailing());
          redirects.remove(b.page);
          b.form = Form.NONE;
        }
        case Action.Key k when b.form == Form.EDITOR && k.keys().equals("alt+shift+v") -> { }
        case Action.Key k when b.form == Form.MOVE && k.keys().equals("Return") -> {
          String to = b.text.toString();
          pages.put(to, pages.remove(b.page));
          redirects.remove(to);
          pages.put(b.page, "#REDIRECT [[" + to + "]]");
          redirects.put(b.page, to);
          b.form = Form.NONE;
        }
        case Action.Key k when b.form == Form.DELETE && k.keys().equals("Return") -> {
          pages.remove(b.page);
          redirects.remove(b.page);
          b.form = Form.NONE;
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
    write(home, pages, redirects);
    home.chown();
  }

  /** The wiki's database with the tables and columns the checkers read, as MediaWiki lays them out. */
  private static void write(ScratchHome home, Map<String, String> pages, Map<String, String> redirects) {
    Path db = home.host(MediaWiki.DB);
    try {
      Files.createDirectories(db.getParent());
      Files.deleteIfExists(db);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE page(page_id INTEGER PRIMARY KEY, page_namespace INTEGER NOT NULL, page_title BLOB NOT NULL,"
            + " page_is_redirect INTEGER NOT NULL DEFAULT 0, page_latest INTEGER NOT NULL)");
        s.execute("CREATE TABLE slots(slot_revision_id INTEGER NOT NULL, slot_role_id INTEGER NOT NULL, slot_content_id INTEGER NOT NULL)");
        s.execute("CREATE TABLE content(content_id INTEGER PRIMARY KEY, content_address BLOB NOT NULL)");
        s.execute("CREATE TABLE text(old_id INTEGER PRIMARY KEY, old_text BLOB NOT NULL, old_flags BLOB NOT NULL)");
        int id = 1;
        for (Map.Entry<String, String> p : pages.entrySet()) {
          exec(c, "INSERT INTO text(old_id, old_text, old_flags) VALUES (?, ?, 'utf-8')", id, p.getValue());
          exec(c, "INSERT INTO content(content_id, content_address) VALUES (?, ?)", id, "tt:" + id);
          exec(c, "INSERT INTO slots(slot_revision_id, slot_role_id, slot_content_id) VALUES (?, 1, ?)", id, id);
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO page(page_id, page_namespace, page_title, page_is_redirect, page_latest) VALUES (?, 0, ?, ?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, p.getKey().replace(' ', '_'));
            ps.setInt(3, redirects.containsKey(p.getKey()) ? 1 : 0);
            ps.setInt(4, id);
            ps.executeUpdate();
          }
          id++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void exec(Connection c, String sql, int id, Object value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, id);
      ps.setObject(2, value);
      ps.executeUpdate();
    }
  }
}
