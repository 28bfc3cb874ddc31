package io.deskforge.apps.tiddlywiki;

import io.deskforge.apps.osworld.AddressBarModel;
import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TiddlyWiki in Chromium driven as {@link TiddlyGui} does, modelled on the .tid files its checkers
 * read. The story starts with the launched tiddler; an address typed into the bar and opened with
 * Return puts its tiddler on top. The edit button opens a draft of the top tiddler with the keys in
 * its title (all of it selected), Alt+N a draft of "New Tiddler"; Tab goes from the title to the
 * tag box, where typed text and Return add a tag; a click in the text box puts the keys there
 * (where in the text is not modelled: the next key must be Ctrl+End or Ctrl+A, or the text empty);
 * typed text replaces a selection or goes in at the caret. Ctrl+Enter saves the draft under its
 * title (a changed title deletes the old tiddler's file); a draft never saved is kept in its own
 * file ({@link TiddlyWiki#draftPath}), as the server keeps it. The delete button asks, Return
 * deletes the tiddler, Escape closes the question and a second Escape the unchanged editor; the
 * close button takes the top tiddler out of the story, changing no file.
 */
public final class TiddlyWikiEndState implements EndStateModel {
  private static final String NEW = "New Tiddler";

  /** What the browser shows while the trajectory runs. */
  private static final class Browser {
    final List<String> story = new ArrayList<>();
    Draft draft;
    boolean confirming;
  }

  /** The editor: the tiddler it edits (null for a new one), its fields, where the keys are. */
  private static final class Draft {
    String of;
    Map<String, String> fields;
    String title;
    List<String> tags;
    StringBuilder text;
    String focus = "title";
    boolean all = true;      // the focused box's whole content is selected
    int caret = -1;          // in the text; -1 until known
    String tagTyped = "";
  }

  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    Browser b = new Browser();
    b.story.add(task.setup().stream().filter(s -> s instanceof SetupStep.Launch l && l.app().equals(TiddlyWiki.NAME))
        .map(s -> ((SetupStep.Launch) s).args().getFirst()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(task.id() + ": its setup launches no tiddler")));
    AddressBarModel bar = new AddressBarModel();
    for (Action a : trajectory.actions()) {
      if (bar.takes(a)) {
        String address = bar.opened();
        if (address != null) {
          String title = java.net.URLDecoder.decode(address.substring(address.indexOf('#') + 1), StandardCharsets.UTF_8);
          b.story.remove(title);
          b.story.addFirst(title);
        }
        continue;
      }
      Draft d = b.draft;
      switch (a) {
        case Action.Click c when d == null && c.x() == TiddlyGui.EDIT_X && c.y() == TiddlyGui.TOOLBAR_Y -> {
          String top = b.story.getFirst();
          Tiddler t = Tiddler.parse(read(home, TiddlyWiki.tiddlerPath(top)), top);
          b.draft = draft(top, t.fields(), t.tags(), t.text());
        }
        case Action.Click c when d == null && c.x() == TiddlyGui.CLOSE_X && c.y() == TiddlyGui.TOOLBAR_Y -> b.story.removeFirst();
        case Action.Key k when d == null && k.keys().equals("alt+n") -> {
          b.draft = draft(null, Map.of(), List.of(), "");
          b.draft.title = NEW;
        }
        case Action.Click c when d != null && !b.confirming && c.x() == TiddlyGui.EDITOR_X && c.y() == TiddlyGui.TEXT_Y -> {
          d.focus = "text";
          d.all = false;
          d.caret = d.text.isEmpty() ? 0 : -1;
        }
        case Action.Click c when d != null && !b.confirming && c.x() == TiddlyGui.DELETE_X && c.y() == TiddlyGui.TOOLBAR_Y -> b.confirming = true;
        case Action.Key k when b.confirming && k.keys().equals("Return") -> {
          b.confirming = false;
          if (d.of != null) {
            delete(home, TiddlyWiki.tiddlerPath(d.of));
            b.story.remove(d.of);
          }
          delete(home, TiddlyWiki.draftPath(d.of == null ? NEW : d.of));
          b.draft = null;
        }
        case Action.Key k when b.confirming && k.keys().equals("Escape") -> b.confirming = false;
        case Action.Key k when d != null && k.keys().equals("Escape") -> {
          if (!unchanged(home, d)) throw EndStateModel.unmodelled(task, trajectory, a + " on a changed draft (TiddlyWiki asks first)");
          b.draft = null;
        }
        case Action.Key k when d != null && d.focus.equals("title") && k.keys().equals("Tab") -> {
          d.focus = "tag";
          d.tagTyped = "";
        }
        case Action.Key k when d != null && d.focus.equals("tag") && k.keys().equals("Return") -> {
          if (!d.tagTyped.isBlank() && !d.tags.contains(d.tagTyped.strip())) d.tags.add(d.tagTyped.strip());
          d.tagTyped = "";
        }
        case Action.Type t when d != null && d.focus.equals("tag") -> d.tagTyped += t.text();
        case Action.Key k when d != null && !d.focus.equals("tag") && k.keys().equals("ctrl+a") -> d.all = true;
        case Action.Key k when d != null && d.focus.equals("text") && k.keys().equals("ctrl+End") -> {
          d.all = false;
          d.caret = d.text.length();
        }
        case Action.Type t when d != null && d.focus.equals("title") -> d.title = d.all ? t.text() : d.title + t.text();
        case Action.Type t when d != null && d.focus.equals("text") -> {
          if (d.all) {
            d.text.setLength(0);
            d.caret = 0;
            d.all = false;
          }
          if (d.caret < 0) throw EndStateModel.unmodelled(task, trajectory, a + " at a caret placed by a click in the text");
          d.text.insert(d.caret, t.text());
          d.caret += t.text().length();
          d.all = false;
        }
        case Action.Key k when d != null && k.keys().equals("ctrl+Return") -> {
          save(home, d);
          b.story.remove(d.title);
          if (d.of != null) b.story.remove(d.of);
          b.story.addFirst(d.title);
          b.draft = null;
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
      if (d != null && d.focus.equals("title") && a instanceof Action.Type) d.all = false;
    }
    if (b.draft != null) keepDraft(home, b.draft);
    home.chown();
  }

  private static Draft draft(String of, Map<String, String> fields, List<String> tags, String text) {
    Draft d = new Draft();
    d.of = of;
    d.fields = new LinkedHashMap<>(fields);
    d.title = of;
    d.tags = new ArrayList<>(tags);
    d.text = new StringBuilder(text);
    return d;
  }

  private static Tiddler tiddler(Draft d, String title) {
    Map<String, String> f = new LinkedHashMap<>(d.fields);
    f.putIfAbsent("created", "20261205000000000");
    f.put("modified", "20261205000000000");
    f.putIfAbsent("type", "text/vnd.tiddlywiki");
    f.put("title", title);
    if (d.tags.isEmpty()) f.remove("tags");
    else f.put("tags", Tiddler.stringify(d.tags));
    return new Tiddler(f, d.text.toString());
  }

  private static boolean unchanged(ScratchHome home, Draft d) {
    if (d.of == null) return false;
    Tiddler t = Tiddler.parse(read(home, TiddlyWiki.tiddlerPath(d.of)), d.of);
    return d.title.equals(d.of) && d.tags.equals(t.tags()) && d.text.toString().equals(t.text());
  }

  /** Ctrl+Enter: the tiddler under its title; the old one's file and the draft's gone when the title changed. */
  private static void save(ScratchHome home, Draft d) {
    write(home, TiddlyWiki.tiddlerPath(d.title), tiddler(d, d.title).tid());
    if (d.of != null && !d.of.equals(d.title)) delete(home, TiddlyWiki.tiddlerPath(d.of));
    delete(home, TiddlyWiki.draftPath(d.of == null ? NEW : d.of));
  }

  /** A draft left open: the server keeps it as its own tiddler, the original untouched. */
  private static void keepDraft(ScratchHome home, Draft d) {
    String of = d.of == null ? NEW : d.of;
    Tiddler t = tiddler(d, "Draft of '" + of + "'").with("draft.of", of).with("draft.title", d.title);
    write(home, TiddlyWiki.draftPath(of), t.tid());
  }

  private static byte[] read(ScratchHome home, String path) {
    try {
      return Files.readAllBytes(home.host(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(ScratchHome home, String path, String text) {
    try {
      Path p = home.host(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(ScratchHome home, String path) {
    try {
      Files.deleteIfExists(home.host(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
