package io.deskforge.apps.gnumeric;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import java.util.ArrayList;
import java.util.List;

/** Gnumeric, the GNOME spreadsheet. Tasks edit cells of a .gnumeric file; getters read computed values with ssconvert ({@link SsconvertFormat}). */
public final class Gnumeric implements AppTemplate {
  public static final String NAME = "gnumeric";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "spreadsheet (Gnumeric): enter values and formulas, save .gnumeric/.xlsx/.ods files";
  }

  @Override
  public List<String> packages() {
    return List.of("gnumeric");
  }

  @Override
  public AppLaunch launch(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("gnumeric"));
    cmd.addAll(args);
    return AppLaunch.of(NAME, cmd, Ready.windowReady("(?i)gnumeric"));
  }

  @Override
  public List<String> getters() {
    return List.of("spreadsheet_cell", "spreadsheet_range", "file_exists");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new EnterValue(), new SumColumn(), new FixCell(), new ColumnMax());
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new SsconvertFormat());
  }

  /** O*NET files Microsoft Excel and generic spreadsheet programs under this commodity. */
  @Override
  public List<String> commodities() {
    return List.of("Spreadsheet software");
  }
}
