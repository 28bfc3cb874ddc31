package io.deskforge.apps.xterm;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.List;

/** xterm running bash in the home folder. Tasks are done by typing shell commands. */
public final class Xterm implements AppTemplate {
  public static final String NAME = "xterm";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "terminal (xterm with bash): work with files by typing shell commands";
  }

  @Override
  public List<String> packages() {
    return List.of("xterm");
  }

  /**
   * Extra arguments go to xterm itself. The Xft font avoids needing X core fonts; -ut skips the
   * utmp helper, which cannot gain its group in a sandbox; waitforwm off stops Xt from waiting 5 s
   * for a reply openbox never sends when it maximizes the window.
   */
  @Override
  public AppLaunch launch(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("xterm", "-fa", "DejaVu Sans Mono", "-fs", "11", "-ut",
        "-xrm", "*waitforwm: false"));
    cmd.addAll(args);
    return AppLaunch.of(NAME, cmd, Ready.windowReady("(?i)xterm"));
  }

  @Override
  public List<String> getters() {
    return List.of("file_text", "file_exists", "dir_listing");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new MakeDirectory(), new RenameFile(), new WriteFile(), new CountLines());
  }

  /** Typing one command line and Return, as a person at the prompt. */
  static List<Action> command(String line) {
    return List.of(Action.type(line + "\n"));
  }

  /** O*NET files command shells (Bash, UNIX Shell, KornShell, shell script) under the first and terminal emulators under the second. */
  @Override
  public List<String> commodities() {
    return List.of("Operating system software", "Network connectivity terminal emulation software");
  }
}
