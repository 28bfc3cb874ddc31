package io.deskforge.apps.impress;

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
 * LibreOffice Impress. Tasks edit a .pptx deck (written by {@link PptxFormat} from the seed) and
 * save it; the checker reads the saved file on the host with Apache POI.
 *
 * <p>The launch prepares the user profile first ({@code registrymodifications.xcu}, unless one is
 * there), as Calc's does: no tip of the day, no "what's new" or donation bar, no "keep current
 * format?" question on saving .pptx, no recovery prompt, no lock files beside documents; and for
 * Impress, no template selection at start, no presenter console, no smart quotes (a typed title is
 * exactly what was typed). It runs the X11 ("gen") toolkit, which needs nothing of a desktop session.
 */
public final class Impress implements AppTemplate {
  public static final String NAME = "libreoffice-impress";
  static final String PROFILE = DesktopPaths.HOME + "/.config/libreoffice/4/user";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "presentations (LibreOffice Impress): slides added, duplicated, deleted, moved and retitled, speaker notes, title alignment; saves .pptx files";
  }

  @Override
  public List<String> packages() {
    return List.of("libreoffice-impress");
  }

  @Override
  public AppLaunch launch(List<String> args) {
    String script = "mkdir -p \"$1\" && { [ -e \"$1/registrymodifications.xcu\" ] || printf '%s' \"$2\" > \"$1/registrymodifications.xcu\"; }"
        + " && shift 2 && exec soffice --impress --norestore --nologo --nolockcheck \"$@\"";
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh", PROFILE, profile()));
    cmd.addAll(args);
    // the document's window (its title names the file), focused, then the app quiet: loaded and drawn;
    // with no file, a new presentation (no --nodefault: with it, --impress alone opens no window)
    String window = args.isEmpty() ? "LibreOffice" : " - LibreOffice Impress$";
    return new AppLaunch(NAME, cmd, Map.of("SAL_USE_VCLPLUGIN", "gen"), Ready.allOf(Ready.windowFocused(window), Ready.cpuIdle(Duration.ofMillis(400))), Duration.ofSeconds(40));
  }

  @Override
  public List<String> getters() {
    return List.of("document_query", "file_exists");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new MoveSlide(), new DeleteSlide(), new RenameTitles(), new AlignTitles(), new InsertSlide(), new DuplicateSlide(),
        new SpeakerNotes(), new Restructure());
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new PptxFormat());
  }

  @Override
  public List<String> commodities() {
    return List.of("Presentation software");
  }

  static String profile() {
    try (InputStream in = Impress.class.getResourceAsStream("registrymodifications.xcu")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
