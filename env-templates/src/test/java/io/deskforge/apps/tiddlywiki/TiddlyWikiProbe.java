package io.deskforge.apps.tiddlywiki;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
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

/**
 * A manual probe, outside the default test run (run it by name: -Dtest=TiddlyWikiProbe
 * -Dprobe=/tmp/probe/steps.json): it seeds two tiddlers, runs batches of actions on the wiki and
 * saves a screenshot and the tiddlers' folder listing after each batch beside the steps file.
 */
class TiddlyWikiProbe {
  @TempDir Path work;

  @Test
  void probe() throws Exception {
    String steps = System.getProperty("probe");
    Assumptions.assumeTrue(steps != null);
    Path dir = Path.of(steps).getParent();
    AppCatalog catalog = AppCatalog.load();
    JsonNode root = TaskJson.mapper().readTree(Files.readString(Path.of(steps)));
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(catalog.desktopFor(List.of(TiddlyWiki.NAME)).workRoot(work).build())) {
      d.start();
      d.privileged().writeText(TiddlyWiki.tiddlerPath("Team Lunch"), Tiddler.of("Team Lunch", List.of("Food", "Team Days"), "Lunch is at noon.\nBring a plate.").tid());
      d.privileged().writeText(TiddlyWiki.tiddlerPath("Book Club"), Tiddler.of("Book Club", List.of(), "We read on Fridays.").tid());
      long t0 = System.nanoTime();
      d.launch(catalog.get(TiddlyWiki.NAME).launch(List.of("Team Lunch")));
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
        System.out.println("PROBE after batch " + i + ": windows " + d.windows().stream().map(w -> w.title()).toList()
            + " tiddlers " + d.privileged().list(TiddlyWiki.TIDDLERS));
        i++;
      }
      for (String f : d.privileged().list(TiddlyWiki.TIDDLERS)) {
        System.out.println("PROBE FILE " + f + ":\n" + new String(d.privileged().readFile(TiddlyWiki.TIDDLERS + "/" + f)));
      }
      System.out.println("PROBE server log:\n" + new String(d.privileged().readFile("/home/user/.tiddlywiki-server.log")));
    }
  }
}
