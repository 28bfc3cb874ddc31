package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Getter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scratch: drives Writer and saves screenshots to /tmp/wr. */
class WriterProbeTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  @Test
  void probe() throws Exception {
    String file = "/home/user/notes.docx";
    String content = """
        {"paragraphs": [{"text": "Harbor notes", "style": "Heading 1"}, "Ada kept a lantern in the quiet river house.",
        "The small lantern was found by Bo.", "Cy moved the red stone near the lantern.", "Dee kept a map in the old barn.", "Ed found the key."]}""";
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(CATALOG.desktopFor(List.of(Writer.NAME)).workRoot(work).build())) {
      d.start();
      CATALOG.formats().claimingOrThrow(file).write(d, file, new ObjectMapper().readTree(content));
      long t0 = System.nanoTime();
      d.launch(CATALOG.get(Writer.NAME).launch(List.of(file)));
      System.out.println("PROBE launch ms " + (System.nanoTime() - t0) / 1_000_000 + " windows " + d.windows());
      shot(d, "0-open");
      String steps = System.getProperty("probe.steps", "all");
      List<List<Action>> groups = new ArrayList<>();
      groups.add(WriterGui.selectParagraphs(5, 6));
      groups.add(List.of(Action.key("alt+o"), Action.waitMs(400), Action.key("a"), Action.key("Return"), Action.waitForWindow(WriterGui.PARAGRAPH), Action.waitMs(500)));
      groups.add(List.of(Action.key(WriterGui.repeat("Tab", WriterGui.LINE_SPACING_TABS))));
      groups.add(List.of(Action.key("Home"), Action.key("Down Down Down")));
      groups.add(List.of(Action.key("Return"), Action.waitMs(300)));
      groups.add(WriterGui.save(file));
      int i = 1;
      for (List<Action> g : groups) {
        try {
          d.act(g);
        } catch (RuntimeException e) {
          System.out.println("PROBE step " + i + " failed: " + e);
        }
        d.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
        shot(d, i + "-step");
        System.out.println("PROBE after " + i + " windows " + d.windows());
        i++;
      }
      GetterReader reader = new GetterReader(CATALOG.formats());
      for (String q : List.of("paragraphs", "paragraph 1 style", "paragraph 2 alignment", "paragraph 3 style", "find \"quiet river\" bold",
          "paragraph 4 line_spacing", "paragraph 5 line_spacing", "paragraph 6 line_spacing")) {
        System.out.println("PROBE " + q + " -> " + reader.read(d, new Getter.DocumentQuery(file, q)));
      }
      System.out.println("PROBE home " + d.privileged().list("/home/user"));
    }
  }

  static void shot(Desktop d, String name) throws Exception {
    Files.createDirectories(Path.of("/tmp/wr"));
    Files.write(Path.of("/tmp/wr/" + name + ".png"), d.screenshot().png());
  }

  @SafeVarargs
  static List<Action> concat(List<Action>... parts) {
    List<Action> out = new ArrayList<>();
    for (List<Action> p : parts) out.addAll(p);
    return out;
  }
}
