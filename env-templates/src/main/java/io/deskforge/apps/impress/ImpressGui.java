package io.deskforge.apps.impress;

import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LibreOffice Impress as a keyboard user drives it in the Normal view, the main view focused:
 * Home goes to the first slide and Page Down to the next (with no object selected); Tab selects
 * the slide's objects in order (the title first, then the body), F2 enters the selected object's
 * text, Ctrl+A selects all of it, Escape leaves the text and then the object; Ctrl+L, Ctrl+E and
 * Ctrl+R align the selected object's paragraphs; Ctrl+M inserts a new Title, Content slide after
 * the current one; Alt+Shift+Page Up / Page Down move the current slide up or down by one (Slide >
 * Move); the Slide menu (Alt+L) duplicates it; Ctrl+S saves in the file's own format (the profile
 * answers "keep format" for it).
 *
 * <p>The Slide menu is driven by its items' order (Down from the first item, Right into a
 * submenu), each menu waited for as a pop-up window ({@code wait_menu}): keys sent before a menu
 * is up reach the window below. Slide > Layout lists Blank Slide, Title Only, Title Slide, Title, Content, Centered
 * Text, then Title and 2 Content, Title, Content and 2 Content, ...; a layout keeps the text a slide
 * already holds (Title Only leaves the body, Title Slide makes it the subtitle). The Slide menu's
 * last item (Up from its first) opens the sidebar's Slide Transition deck, whose effects are icons
 * with no keyboard path from the slide (F6 cycles through the menu bar, toolbars and panes first):
 * a click on an effect gives it to the current slide, and Ctrl+F6 puts the focus back on the slide.
 * A new slide after one of a .pptx deck opened here gets an object frame for its
 * content, which takes no text, so a new slide is given the Title, Content layout first. The slide
 * pane is never used: clicks on its thumbnails depend on its scrolling.
 *
 * <p>A menu's command runs after the menu has closed, when Impress gets to it: the keys after it
 * wait for Impress to be idle ({@code wait_idle}), not only a fixed moment. On a loaded host the
 * moment was too short, and the next slide's keys overtook a layout (given to the wrong slide) or
 * a new slide's title went into the frame the layout was about to replace.
 */
final class ImpressGui {
  private ImpressGui() {}

  static String windowTitle(String path) {
    return "^" + Pattern.quote(path.substring(path.lastIndexOf('/') + 1)) + " - LibreOffice Impress$";
  }

  /** To slide n (from 1) in the main view, nothing selected. */
  static List<Action> goTo(int n) {
    List<Action> out = new ArrayList<>(List.of(Action.key("Escape"), Action.key("Home")));
    if (n > 1) out.add(Action.key(repeat("Page_Down", n - 1)));
    return out;
  }

  /** On the current slide, the title's text replaced by this one; the title object stays selected. */
  static List<Action> retitle(String title) {
    return List.of(Action.key("Tab"), Action.key("F2"), Action.key("ctrl+a"), Action.type(title), Action.key("Escape"));
  }

  /** On the current slide, the title's text with this appended (what forgetting Ctrl+A does). */
  static List<Action> appendToTitle(String text) {
    return List.of(Action.key("Tab"), Action.key("F2"), Action.key("End"), Action.type(text), Action.key("Escape"));
  }

  /** On the current slide, the title object selected and aligned: left, center or right. */
  static List<Action> alignTitle(String side) {
    String key = switch (side) {
      case "left" -> "ctrl+l";
      case "center" -> "ctrl+e";
      case "right" -> "ctrl+r";
      default -> throw new IllegalArgumentException(side);
    };
    return List.of(Action.key("Tab"), Action.key(key), Action.key("Escape"));
  }

  /**
   * A new slide after the current one (Ctrl+M), given the Title, Content layout (Slide > Layout, its
   * fourth item: a new slide after one of a .pptx deck gets an object frame that takes no text),
   * with this title and these bullets typed into its placeholders.
   */
  static List<Action> newSlide(String title, List<String> bullets) {
    List<Action> out = new ArrayList<>(List.of(Action.key("Escape"), Action.key("ctrl+m"),
        Action.key("alt+l"), Action.waitForMenu(1), Action.key("Down Down Down"), Action.key("Right"), Action.waitForMenu(2),
        Action.key("Down Down Down"), Action.key("Return"), Action.waitMs(300), Action.waitForIdle(),
        Action.key("Tab"), Action.key("F2"), Action.type(title), Action.key("Escape")));
    if (!bullets.isEmpty()) {
      out.addAll(List.of(Action.key("Tab"), Action.key("F2"), Action.type(String.join("\n", bullets)), Action.key("Escape")));
    }
    out.add(Action.key("Escape"));
    return out;
  }

  /** The current slide moved by this many places: down when positive, up when negative. */
  static List<Action> move(int by) {
    if (by == 0) return List.of();
    return List.of(Action.key(repeat(by > 0 ? "alt+shift+Next" : "alt+shift+Prior", Math.abs(by))));
  }

  /** The current slide duplicated through the Slide menu (its second item); the copy follows it and becomes current. */
  static List<Action> duplicate() {
    return List.of(Action.key("Escape"), Action.key("alt+l"), Action.waitForMenu(1), Action.key("Down"), Action.key("Return"), Action.waitMs(300),
        Action.waitForIdle());
  }

  /** Slide n deleted: gone to, then Slide > Delete Slide (the Slide menu's fifth item). */
  static List<Action> delete(int n) {
    List<Action> out = new ArrayList<>(goTo(n));
    out.addAll(List.of(Action.key("alt+l"), Action.waitForMenu(1), Action.key("Down Down Down Down"), Action.key("Return"), Action.waitMs(300),
        Action.waitForIdle()));
    return out;
  }

  /** View > Notes (the View menu's third item): each slide above its notes. */
  static List<Action> notesView() {
    return List.of(Action.key("Escape"), Action.key("alt+v"), Action.waitForMenu(1), Action.key("Down Down"), Action.key("Return"), Action.waitMs(500),
        Action.waitForIdle());
  }

  /** View > Normal (the View menu's first item). */
  static List<Action> normalView() {
    return List.of(Action.key("Escape"), Action.key("alt+v"), Action.waitForMenu(1), Action.key("Return"), Action.waitMs(500), Action.waitForIdle());
  }

  /** In the Notes view, on the current slide: Tab past the slide's picture to its notes, F2, the text, Escape. */
  static List<Action> typeNotes(String text) {
    return List.of(Action.key("Tab Tab"), Action.key("F2"), Action.type(text), Action.key("Escape"));
  }

  /**
   * Slide > Layout's item at this many Downs from its first (0 Blank Slide, 1 Title Only, 2 Title
   * Slide, 3 Title, Content, 4 Centered Text, 5 Title and 2 Content, 6 Title, Content and 2 Content)
   * given to the current slide.
   */
  static List<Action> layout(int downs) {
    List<Action> out = new ArrayList<>(List.of(Action.key("Escape"), Action.key("alt+l"), Action.waitForMenu(1), Action.key("Down Down Down"),
        Action.key("Right"), Action.waitForMenu(2)));
    if (downs > 0) out.add(Action.key(repeat("Down", downs)));
    out.addAll(List.of(Action.key("Return"), Action.waitMs(300), Action.waitForIdle()));
    return out;
  }

  /** Slide > Slide Transition (the Slide menu's last item): the sidebar shows the Slide Transition deck. */
  static List<Action> transitionDeck() {
    return List.of(Action.key("Escape"), Action.key("alt+l"), Action.waitForMenu(1), Action.key("Up"), Action.key("Return"), Action.waitMs(2000));
  }

  /** With the Slide Transition deck open: the effect's icon clicked (the current slide gets it), then the focus back on the slide. */
  static List<Action> giveTransition(TransitionKind kind) {
    return List.of(Action.click(kind.x(), kind.y()), Action.waitMs(800), Action.key("ctrl+F6"), Action.waitMs(300));
  }

  static List<Action> save(String path) {
    return List.of(Action.key("Escape"), Action.key("ctrl+s"), Action.waitForWindow(windowTitle(path)));
  }

  private static String repeat(String key, int n) {
    return String.join(" ", Collections.nCopies(n, key));
  }
}
