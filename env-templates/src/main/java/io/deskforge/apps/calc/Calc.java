package io.deskforge.apps.calc;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.office.LibreOffice;
import io.deskforge.desktop.AppLaunch;
import java.util.ArrayList;
import java.util.List;

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
    return List.of("libreoffice-calc", LibreOffice.FONTS);
  }

  @Override
  public AppLaunch launch(List<String> args) {
    return launch(args, true);
  }

  /** The launch with or without this host's profile template. */
  private AppLaunch launch(List<String> args, boolean template) {
    // with no file, a new empty document (--nodefault would open no window at all)
    List<String> options = new ArrayList<>(List.of("--calc", "--norestore", "--nologo", "--nolockcheck"));
    if (!args.isEmpty()) options.add("--nodefault");
    return LibreOffice.launch(NAME, options, args, " - LibreOffice Calc$", LibreOffice.profile(Calc.class), template);
  }

  /** Without the profile template built from this host's LibreOffice. */
  @Override
  public AppLaunch portableLaunch(List<String> args) {
    return launch(args, false);
  }

  @Override
  public List<String> getters() {
    return List.of("spreadsheet_cell", "spreadsheet_range", "document_query", "file_exists");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new LineTotal(), new SortRows(), new RegionTotals(), new NumberFormats(), new FillDown(), new SummarySheet(),
        new DateFormats(), new FixEntries(), new InsertChart(), new ConditionalFormat());
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new XlsxFormat());
  }

  @Override
  public List<String> commodities() {
    return List.of("Spreadsheet software");
  }

}
