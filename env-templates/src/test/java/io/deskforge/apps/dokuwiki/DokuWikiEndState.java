package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.osworld.AddressBarModel;
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

/**
 * DokuWiki in Chromium driven as {@link WikiGui} does, modelled on the page files its checkers
 * read: an address typed into the bar and opened with Return shows a page, or with {@code
 * do=edit} its editor holding the page's text (empty for a new page), the cursor at the start;
 * Ctrl+Home and Ctrl+End move it, Ctrl+A selects all, Delete removes the selection, typed text goes
 * in at the cursor; Alt+Shift+S saves (a page saved empty is deleted, as the wiki deletes it, and
 * the text is saved without trailing white space or a final newline); the Preview button saves
 * nothing.
 */
public final class DokuWikiEndState implements EndStateModel {
  /** The browser's state while the trajectory runs. */
  private static final class Browser {
    String page;        // the page whose editor is open
    StringBuilder text; // the editor's text
    int cursor;
    boolean all;        // Ctrl+A has selected the whole text
  }

  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    final Browser b = new Browser();
    AddressBarModel bar = new AddressBarModel();
    for (Action a : trajectory.actions()) {
      if (bar.takes(a)) {
        String address = bar.opened();
        if (address == null) continue;
        String id = address.replaceFirst("^.*[?&]id=([^&]*).*$", "$1");
        if (address.contains("do=edit")) {
          b.page = id;
          b.text = new StringBuilder(read(home, DokuWiki.pagePath(id)));
          b.cursor = 0;
          b.all = false;
        } else {
          b.page = null;
          b.text = null;
        }
        continue;
      }
      switch (a) {
        case Action.Click c when c.x() == WikiGui.PREVIEW_X && c.y() == WikiGui.PREVIEW_Y && b.page != null -> b.all = false;
        case Action.Key k when b.page != null && k.keys().equals("ctrl+Home") -> {
          b.cursor = 0;
          b.all = false;
        }
        case Action.Key k when b.page != null && k.keys().equals("ctrl+End") -> {
          b.cursor = b.text.length();
          b.all = false;
        }
        case Action.Key k when b.page != null && k.keys().equals("ctrl+a") -> b.all = true;
        case Action.Key k when b.page != null && k.keys().equals("Delete") -> {
          if (b.all) {
            b.text.setLength(0);
            b.cursor = 0;
            b.all = false;
          } else if (b.cursor < b.text.length()) {
            b.text.deleteCharAt(b.cursor);
          }
        }
        case Action.Type t when b.page != null -> {
          if (b.all) {
            b.text.setLength(0);
            b.cursor = 0;
            b.all = false;
          }
          b.text.insert(b.cursor, t.text());
          b.cursor += t.text().length();
        }
        case Action.Key k when b.page != null && k.keys().equals("alt+shift+s") -> {
          save(home, DokuWiki.pagePath(b.page), b.text.toString());
          b.page = null;
          b.text = null;
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
    home.chown();
  }

  private static String read(ScratchHome home, String path) {
    try {
      Path p = home.host(path);
      return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void save(ScratchHome home, String path, String text) {
    try {
      Path p = home.host(path);
      String kept = text.stripTrailing();
      if (kept.isBlank()) {
        Files.deleteIfExists(p);
        return;
      }
      Files.createDirectories(p.getParent());
      Files.writeString(p, kept, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
