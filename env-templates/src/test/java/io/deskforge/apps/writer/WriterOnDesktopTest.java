package io.deskforge.apps.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.desktop.WindowInfo;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Getter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice Writer in a sandbox desktop: the prepared profile shows no dialog (none either when
 * .docx is saved), and what the keyboard does through {@link WriterGui} (a heading by Ctrl+2,
 * centering by Ctrl+E, Replace All, a phrase found and bolded, double spacing by Format >
 * Paragraph on two paragraphs) is what the document queries read from the saved file.
 */
class WriterOnDesktopTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  @Test
  void keyboardEditsSavedAsDocxAreReadBackAndNoDialogEverShows() throws Exception {
    String file = "/home/user/notes.docx";
    String content = """
        {"paragraphs": [{"text": "Harbor notes", "style": "Heading 1"}, "Ada kept a lantern in the quiet river house.",
        "The small lantern was found by Bo.", "Cy moved the red stone near the lantern.", "Dee kept a map in the old barn.", "Ed found the key."]}""";
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(CATALOG.desktopFor(List.of(Writer.NAME)).workRoot(work).build())) {
      d.start();
      CATALOG.formats().claimingOrThrow(file).write(d, file, new ObjectMapper().readTree(content));
      d.launch(CATALOG.get(Writer.NAME).launch(List.of(file)));
      assertThat(d.windows()).extracting(WindowInfo::title).containsExactly("notes.docx - LibreOffice Writer");
      List<Action> actions = new ArrayList<>();
      actions.addAll(WriterGui.goToParagraph(3));
      actions.add(WriterGui.heading(2));
      actions.addAll(WriterGui.goToParagraph(2));
      actions.add(WriterGui.align("center"));
      actions.addAll(WriterGui.replaceAll("lantern", "lamp"));
      actions.addAll(WriterGui.select("quiet river"));
      actions.add(Action.key("ctrl+b"));
      actions.addAll(WriterGui.selectParagraphs(5, 6));
      actions.addAll(WriterGui.lineSpacing("2"));
      actions.addAll(WriterGui.save(file));
      d.act(actions);
      d.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
      assertThat(d.windows()).extracting(WindowInfo::title).as("no keep-format question, no other window").containsExactly("notes.docx - LibreOffice Writer");
      GetterReader reader = new GetterReader(CATALOG.formats());
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraphs")).items()).containsExactly("Harbor notes",
          "Ada kept a lamp in the quiet river house.", "The small lamp was found by Bo.", "Cy moved the red stone near the lamp.",
          "Dee kept a map in the old barn.", "Ed found the key.");
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 1 style")).text()).isEqualTo("Heading 1");
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 3 style")).text()).isEqualTo("Heading 2");
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 2 alignment")).text()).isEqualTo("center");
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 4 alignment")).text()).isEqualTo("left");
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "find \"quiet river\" bold")).flag()).isTrue();
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 2 bold")).flag()).isFalse();
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 4 line_spacing")).text()).isEqualTo("1");
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 5 line_spacing")).text()).isEqualTo("2");
      assertThat(reader.read(d, new Getter.DocumentQuery(file, "paragraph 6 line_spacing")).text()).isEqualTo("2");
      List<String> home = d.privileged().list("/home/user");
      assertThat(home).as("no lock file beside the document").noneMatch(n -> n.startsWith(".~lock"));
      assertThat(home.stream().filter(n -> !n.startsWith(".")).toList()).as("no backup or temporary file").containsExactly("notes.docx");
    }
  }
}
