package io.deskforge.audit.statics;

import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.x11.Keysyms;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What would make a replay throw instead of judging the task, found without a desktop: key names
 * the keyboard does not know, window titles that are not regular expressions, points off the
 * screen, apps the catalog lacks. Used by the static audit and by {@code deskforge validate}.
 */
public final class Replayability {
  private final AppCatalog catalog;
  private final int width;
  private final int height;

  public Replayability(AppCatalog catalog) {
    this.catalog = catalog;
    DesktopConfig screen = DesktopConfig.builder().build();
    this.width = screen.width();
    this.height = screen.height();
  }

  /** The problems, each naming where it is ("solution action 3: ..."); empty when there are none. */
  public List<String> problems(TaskSpec t) {
    List<String> out = new ArrayList<>();
    java.util.Set<String> apps = new java.util.LinkedHashSet<>();
    if (t.app() != null) apps.add(t.app());
    apps.addAll(t.relatedApps());
    for (int i = 0; i < t.setup().size(); i++) {
      if (t.setup().get(i) instanceof SetupStep.Launch l) apps.add(l.app());
    }
    for (String app : apps) {
      if (!catalog.names().contains(app)) out.add("replayability: app '" + app + "' is not in the catalog " + catalog.names());
    }
    // a page step drives a browser that an earlier step launched
    boolean browser = false;
    for (int i = 0; i < t.setup().size(); i++) {
      SetupStep s = t.setup().get(i);
      if (s instanceof SetupStep.Launch l && catalog.names().contains(l.app()) && catalog.get(l.app()).browser().isPresent()) browser = true;
      if (s instanceof SetupStep.Page p && !browser) {
        out.add("replayability: setup[" + i + "] (page " + p.url() + ") drives the browser, but no earlier step launches an app that is one");
      }
    }
    List<Trajectory> trajectories = new ArrayList<>();
    if (t.solution() != null) trajectories.add(t.solution());
    trajectories.addAll(t.negatives());
    for (Trajectory tr : trajectories) {
      String who = tr == t.solution() ? "solution" : "negative '" + tr.name() + "'";
      for (int i = 0; i < tr.actions().size(); i++) {
        String why = problem(tr.actions().get(i));
        if (why != null) out.add("replayability: " + who + " action " + i + " (" + tr.actions().get(i).name() + "): " + why);
      }
    }
    return out;
  }

  private String problem(Action a) {
    return switch (a) {
      case Action.Click c -> point(c.x(), c.y());
      case Action.DoubleClick c -> point(c.x(), c.y());
      case Action.RightClick c -> point(c.x(), c.y());
      case Action.Move c -> point(c.x(), c.y());
      case Action.MiddleClick c -> point(c.x(), c.y());
      case Action.TripleClick c -> point(c.x(), c.y());
      case Action.MouseDown c -> point(c.x(), c.y());
      case Action.MouseUp c -> point(c.x(), c.y());
      case Action.HoldKey k -> keys(k.keys());
      case Action.Scroll c -> point(c.x(), c.y());
      case Action.Drag c -> {
        String from = point(c.fromX(), c.fromY());
        yield from != null ? from : point(c.toX(), c.toY());
      }
      case Action.Key k -> keys(k.keys());
      case Action.WaitForWindow w -> title(w.title());
      case Action.ClickUntilWindow c -> {
        String at = point(c.x(), c.y());
        yield at != null ? at : title(c.title());
      }
      case Action.Type ty -> null;
      case Action.Wait w -> null;
      case Action.WaitForMenu w -> null;
      case Action.WaitForIdle w -> null;
    };
  }

  private static String title(String regex) {
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "the window title /" + regex + "/ is not a regular expression: " + e.getDescription();
    }
  }

  private String point(int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return "(" + x + ", " + y + ") is off the " + width + "x" + height + " screen";
    }
    return null;
  }

  private static String keys(String combos) {
    if (combos == null || combos.isBlank()) return "no key named";
    for (String combo : combos.trim().split("\\s+")) {
      for (String part : combo.split("\\+")) {
        if (part.isEmpty()) part = "+";
        if (Keysyms.byName(part) < 0) return "unknown key '" + part + "' in '" + combo + "'";
      }
    }
    return null;
  }
}
