package io.deskforge.creator.llm;

import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.AccessibilityNode;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.json.TaskJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The initial view of an app in a fresh desktop of the provider: the app launched with no
 * arguments, the screen let settle, a screenshot and the accessibility tree taken, the desktop
 * closed. Once per app, kept for the run. A desktop that fails gives no view and a warning, not
 * a failed run: the view helps the model, the audit does not need it.
 */
public final class DesktopInitialView implements InitialView {
  private static final int MAX_NODES = 400;

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

  private Optional<View> look(String app) {
    DesktopConfig config = configure.apply(catalog.desktopFor(List.of(app)).accessibility(true)).build();
    try (Desktop d = provider.create(config)) {
      d.start();
      d.launch(catalog.get(app).launch(List.of()));
      d.settle(Duration.ofMillis(500), Duration.ofSeconds(10));
      byte[] png = d.screenshot().png();
      AccessibilityNode tree = d.accessibilityTree(MAX_NODES);
      return Optional.of(new View(png, tree == null ? "" : TaskJson.writePretty(tree)));
    } catch (RuntimeException e) {
      System.err.println("deskforge: no initial view of " + app + " for the prompt: " + e.getMessage());
      return Optional.empty();
    }
  }
}
