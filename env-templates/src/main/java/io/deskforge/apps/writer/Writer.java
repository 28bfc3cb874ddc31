package io.deskforge.apps.writer;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.desktop.ready.Ready;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LibreOffice Writer. Tasks edit a .docx document (written by {@link DocxFormat} from the seed)
 * and save it; the checker reads the saved file on the host with Apache POI.
 *
 * <p>The launch prepares the user profile first ({@code registrymodifications.xcu}, unless one is
 * there), as Calc's does: no tip of the day, no "what's new" or donation bar, no "keep current
 * format?" question on saving .docx, no recovery prompt, no lock files beside documents; and no
 * autocorrection or word completion, so that text typed is the text saved. It runs the X11 ("gen")
 * toolkit, which needs nothing of a desktop session.
 */
public final class Writer implements AppTemplate {
  public static final String NAME = "libreoffice-writer";
  static final String PROFILE = DesktopPaths.HOME + "/.config/libreoffice/4/user";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "word processor (LibreOffice Writer): paragraph styles, alignment, spacing, find and replace; saves .docx files";
  }

  @Override
  public List<String> packages() {
    return List.of("libreoffice-writer");
  }

  @Override
  public AppLaunch launch(List<String> args) {
    // with no file, Writer opens a new empty document (--nodefault would open no window at all)
    String script = "mkdir -p \"$1\" && { [ -e \"$1/registrymodifications.xcu\" ] || printf '%s' \"$2\" > \"$1/registrymodifications.xcu\"; }"
        + " && shift 2 && exec soffice --writer --norestore --nologo --nolockcheck" + (args.isEmpty() ? "" : " --nodefault") + " \"$@\"";
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh", PROFILE, profile()));
    cmd.addAll(args);
    // the document's window (its title names the file), focused, then the app quiet: loaded and drawn
    String window = " - LibreOffice Writer$";
    return new AppLaunch(NAME, cmd, Map.of("SAL_USE_VCLPLUGIN", "gen"), Ready.allOf(Ready.windowFocused(window), Ready.cpuIdle(Duration.ofMillis(400))), Duration.ofSeconds(40));
  }

  @Override
  public List<String> getters() {
    return List.of("document_query", "file_exists");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new HeadingStyles(), new AlignParagraphs(), new ReplaceWord(), new BoldPhrases(), new LineSpacing(), new PageSetup(),
        new InsertTable());
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new DocxFormat());
  }

  @Override
  public List<String> commodities() {
    return List.of("Word processing software");
  }

  static String profile() {
    try (InputStream in = Writer.class.getResourceAsStream("registrymodifications.xcu")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
