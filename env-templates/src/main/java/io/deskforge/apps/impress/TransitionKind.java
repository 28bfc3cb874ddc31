package io.deskforge.apps.impress;

import java.util.List;
import java.util.Optional;

/**
 * A slide transition as the Slide Transition deck of the sidebar offers it: its name there, the
 * element LibreOffice 7.4 writes for it in a .pptx ({@code p:transition}'s child, in the
 * presentationml namespace, the same in the alternate content's choice and fallback), and where its
 * icon sits on the 1280x800 screen when the deck is open in a fresh profile (three icons a row, not
 * scrolled). Only effects whose element is presentationml's own are here: "Cube" or "Tiles" are
 * written as PowerPoint 2010 ({@code p14}) effects with another fallback.
 */
record TransitionKind(String shown, String element, int x, int y) {
  static final List<TransitionKind> ALL = List.of(
      new TransitionKind("Wipe", "wipe", 1132, 141), new TransitionKind("Wheel", "wheel", 1198, 141),
      new TransitionKind("Uncover", "pull", 1066, 192), new TransitionKind("Checkers", "checker", 1198, 192),
      new TransitionKind("Wedge", "wedge", 1198, 243), new TransitionKind("Venetian", "blinds", 1066, 294),
      new TransitionKind("Fade", "fade", 1132, 294), new TransitionKind("Cover", "cover", 1066, 345),
      new TransitionKind("Dissolve", "dissolve", 1132, 345), new TransitionKind("Comb", "comb", 1066, 396),
      new TransitionKind("Push", "push", 1132, 396), new TransitionKind("Split", "split", 1198, 396));

  /**
   * The kinds whose element is the name shown in lower case (fade, push, ...): an instruction that
   * says "a fade transition" grounds what the checker expects. Uncover (pull), Checkers (checker)
   * and Venetian (blinds) are only near misses.
   */
  static final List<TransitionKind> NAMED = ALL.stream().filter(k -> k.element.equals(k.shown.toLowerCase(java.util.Locale.ROOT))).toList();

  /** The kind whose icon is at this point, if any (a click there picks it). */
  static Optional<TransitionKind> at(int x, int y) {
    return ALL.stream().filter(k -> Math.abs(k.x - x) <= 30 && Math.abs(k.y - y) <= 22).findFirst();
  }

  /** Whether this is an element name a transition here is read as. */
  static boolean isElement(String name) {
    return ALL.stream().anyMatch(k -> k.element.equals(name));
  }
}
