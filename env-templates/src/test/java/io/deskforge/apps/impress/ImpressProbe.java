package io.deskforge.apps.impress;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.SavedState;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manual probe, outside the default test run (run it by name: -Dtest=ImpressProbe -Dprobe=/tmp/probe/steps.json): it runs batches of actions on Impress and saves screenshots beside it. */
class ImpressProbe {
  @TempDir Path work;

  @Test
  void probe() throws Exception {
    String steps = System.getProperty("probe");
    Assumptions.assumeTrue(steps != null);
    Path dir = Path.of(steps).getParent();
    AppCatalog catalog = AppCatalog.load();
    String file = "/home/user/deck.pptx";
    JsonNode root = TaskJson.mapper().readTree(Files.readString(Path.of(steps)));
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(catalog.desktopFor(List.of(Impress.NAME)).workRoot(work).build())) {
      d.start();
      new PptxFormat().write(d, file, root.get("deck"));
      long t0 = System.nanoTime();
      d.launch(catalog.get(Impress.NAME).launch(List.of(file)));
      System.out.println("PROBE ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms; windows " + d.windows());
      int i = 0;
      for (JsonNode batch : root.get("batches")) {
        List<Action> actions = TaskJson.readActions(batch.toString());
        try {
          d.act(actions);
        } catch (RuntimeException e) {
          System.out.println("PROBE batch " + i + " failed: " + e);
        }
        d.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
        Files.write(dir.resolve("shot-" + i + ".png"), d.screenshot().png());
        System.out.println("PROBE after batch " + i + ": windows " + d.windows());
        i++;
      }
      if (root.has("tree")) {
        d.accessibilityTree(400).flatten().limit(400).forEach(n -> System.out.println("A11Y " + n.role() + " '" + n.name() + "' " ));
      }
      if (d.privileged().exists(file)) Files.write(dir.resolve("saved.pptx"), d.privileged().readFile(file));
      System.out.println("PROBE fingerprint:\n" + new PptxFormat().fingerprint(SavedState.of(d), file));
    }
  }
}
