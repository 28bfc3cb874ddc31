package io.deskforge.creator.llm;

import java.util.Optional;

/**
 * What an app looks like right after it starts, shown to the model beside the app's card: a
 * screenshot and the accessibility tree. Pluggable, so that a creator runs without a desktop
 * ({@link #NONE}) and with one ({@link DesktopInitialView}).
 */
public interface InitialView {

  /** A screenshot (PNG, may be null) and an accessibility tree as text (may be empty). */
  record View(byte[] png, String accessibilityTree) {}

  /** The view of {@code app} in a fresh desktop, or empty when none can be had. */
  Optional<View> of(String app);

  /** No desktop: the prompt goes without a view. */
  InitialView NONE = app -> Optional.empty();
}
