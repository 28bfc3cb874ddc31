package io.deskforge.apps.mousepad;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import java.util.ArrayList;
import java.util.List;

/** Mousepad, Xfce's text editor (GTK 3). Tasks edit a text file and save it. */
public final class Mousepad implements AppTemplate {
  public static final String NAME = "mousepad";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "text editor (Xfce Mousepad, GTK 3): edit and save plain text files";
  }

  @Override
  public List<String> packages() {
    return List.of("mousepad");
  }

  @Override
  public AppLaunch launch(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("mousepad"));
    cmd.addAll(args);
    return AppLaunch.of(NAME, cmd, Ready.windowReady("(?i)mousepad"));
  }

  @Override
  public List<String> getters() {
    return List.of("file_text", "file_exists");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new ReplaceWord(), new AppendLine(), new DeleteLine(), new TypeText());
  }

  /** O*NET lists no plain text editor under a commodity of its own; the one general text editor in its examples, Helios TextPad, is filed here. */
  @Override
  public List<String> commodities() {
    return List.of("Word processing software");
  }
}
