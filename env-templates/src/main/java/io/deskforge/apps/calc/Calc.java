package io.deskforge.apps.calc;

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
 * LibreOffice Calc. Tasks edit an .xlsx workbook (written by {@link XlsxFormat} from the seed) and
 * save it; the checker reads the saved file on the host with Apache POI.
 *
 * <p>The launch prepares the user profile first ({@code registrymodifications.xcu}, unless one is
 * there): no tip of the day, no "what's new" or donation bar, no "keep current format?" question
 * on saving .xlsx, no recovery prompt, no lock files beside documents, no autocompletion of typed
 * text from the column (a typed value is exactly what was typed), formulas recalculated on load.
 * It runs the X11 ("gen") toolkit, which needs nothing of a desktop session.
 */
public final class Calc implements AppTemplate {
  public static final String NAME = "libreoffice-calc";
  static final String PROFILE = DesktopPaths.HOME + "/.config/libreoffice/4/user";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "spreadsheet (LibreOffice Calc): formulas over columns, sorting, sheets; saves .xlsx files";
  }

  @Override
  public List<String> packages() {
    return List.of("libreoffice-calc");
  }

  @Override
  public AppLaunch launch(List<String> args) {
    // with no file, Calc opens a new empty sheet (--nodefault would open no window at all)
    String script = "mkdir -p \"$1\" && { [ -e \"$1/registrymodifications.xcu\" ] || printf '%s' \"$2\" > \"$1/registrymodifications.xcu\"; }"
        + " && shift 2 && exec soffice --calc --norestore --nologo --nolockcheck" + (args.isEmpty() ? "" : " --nodefault") + " \"$@\"";
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh", PROFILE, profile()));
    cmd.addAll(args);
    // the document's window (its title names the file), focused, then the app quiet: loaded and drawn
    String window = " - LibreOffice Calc$";
    return new AppLaunch(NAME, cmd, Map.of("SAL_USE_VCLPLUGIN", "gen"), Ready.allOf(Ready.windowFocused(window), Ready.cpuIdle(Duration.ofMillis(400))), Duration.ofSeconds(40));
  }

  @Override
  public List<String> getters() {
    return List.of("spreadsheet_cell", "spreadsheet_range", "file_exists");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new LineTotal(), new SortRows(), new RegionTotals(), new NumberFormats());
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new XlsxFormat());
  }

  @Override
  public List<String> commodities() {
    return List.of("Spreadsheet software");
  }

  static String profile() {
    try (InputStream in = Calc.class.getResourceAsStream("registrymodifications.xcu")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
