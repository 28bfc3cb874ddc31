package io.deskforge.creator.llm;

import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.AccessibilityNode;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The initial view of an app in a fresh desktop of the provider: the app launched with no
 * arguments, the screen let settle, a screenshot and the accessibility tree taken, the desktop
 * closed. Once per app, kept for the run. A desktop that fails gives no view and a warning, not
 * a failed run: the view helps the model, the audit does not need it.
 */
public final class DesktopInitialView implements InitialView {
  /** The most nodes of the tree shown; a model needs the widgets, not every filler. */
  static final int MAX_NODES = 200;
  /** States nearly every node has, left out of the rendering. */
  private static final Set<String> COMMON_STATES = Set.of("enabled", "sensitive", "showing", "visible");

  private final DesktopProvider provider;
  private final AppCatalog catalog;
  private final UnaryOperator<DesktopConfig.Builder> configure;
  private final ConcurrentHashMap<String, Optional<View>> seen = new ConcurrentHashMap<>();

  public DesktopInitialView(DesktopProvider provider, AppCatalog catalog, Path workRoot) {
    this.provider = provider;
    this.catalog = catalog;
    this.configure = b -> workRoot == null ? b : b.workRoot(workRoot);
  }

  @Override
  public Optional<View> of(String app) {
    return seen.computeIfAbsent(app, this::look);
  }

  /**
   * The tree as indented lines, one node a line: role, "name", bounds {@code [x,y wxh]}, text and
   * the states that tell something (focused, checked, ...), far shorter than its JSON.
   */
  static String render(AccessibilityNode root) {
    StringBuilder b = new StringBuilder();
    render(root, 0, b);
    return b.toString();
  }

  private static void render(AccessibilityNode n, int depth, StringBuilder b) {
    b.append("  ".repeat(depth)).append(n.role() == null ? "?" : n.role());
    if (n.name() != null && !n.name().isBlank()) b.append(" \"").append(n.name()).append('"');
    b.append(" [").append(n.x()).append(',').append(n.y()).append(' ').append(n.width()).append('x').append(n.height()).append(']');
    if (n.text() != null && !n.text().isBlank()) b.append(" text=\"").append(n.text().replace("\n", "\\n")).append('"');
    List<String> states = n.states().stream().filter(st -> !COMMON_STATES.contains(st)).toList();
    if (!states.isEmpty()) b.append(' ').append(states);
    b.append('\n');
    for (AccessibilityNode c : n.children()) render(c, depth + 1, b);
  }

  private Optional<View> look(String app) {
    DesktopConfig config = configure.apply(catalog.desktopFor(List.of(app)).accessibility(true)).build();
    try (Desktop d = provider.create(config)) {
      d.start();
      d.launch(catalog.get(app).launch(List.of()));
      d.settle(Duration.ofMillis(500), Duration.ofSeconds(10));
      byte[] png = d.screenshot().png();
      AccessibilityNode tree = d.accessibilityTree(MAX_NODES);
      return Optional.of(new View(png, tree == null ? "" : render(tree)));
    } catch (RuntimeException e) {
      System.err.println("deskforge: no initial view of " + app + " for the prompt: " + e.getMessage());
      return Optional.empty();
    }
  }
}
