package io.deskforge.apps.office;

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
 * How the LibreOffice apps (Calc, Writer, Impress: one package each) start: the user profile
 * prepared first from the app's own {@code registrymodifications.xcu} (unless one is there; it
 * turns off the first-run, tip-of-the-day, recovery and format prompts the app would show, and the
 * font box's previews, which LibreOffice otherwise renders in idle time for seconds after start and
 * which kept a Calc cold start waiting 2-4.5 s for its quiet), as the
 * {@link ProfileTemplate} built once from that xcu where the host has LibreOffice, then
 * {@code soffice} with the app's options and files, on the X11 ("gen") toolkit, which needs
 * nothing of a desktop session. Ready when the document's window is focused and the app has gone
 * quiet for 200 ms: loaded and drawn. (400 ms of quiet came ~1.3 s later on a Calc cold start and
 * bought nothing: the replay of every Calc, Writer and Impress family passes with 200 ms.)
 */
public final class LibreOffice {
  private LibreOffice() {}

  /**
   * The fonts the three apps' documents are written in and read back by (Liberation Serif, Sans and
   * Mono, LibreOffice's defaults): only recommended by Debian's LibreOffice, so a host that installs
   * without recommends lacked them, and Writer then saved its default text in DejaVu Serif instead.
   */
  public static final String FONTS = "fonts-liberation2";

  /** The user profile all three share, as LibreOffice 7 places it. */
  public static final String PROFILE = DesktopPaths.HOME + "/.config/libreoffice/4/user";

  /**
   * Makes the profile unless one is there: unpacks the template ($3, base64 of a gzipped tar; files
   * dated now, not 1970) or, without one, writes the xcu ($2) alone; then starts soffice.
   */
  private static final String SCRIPT = "mkdir -p \"$1\" && { [ -e \"$1/registrymodifications.xcu\" ] || if [ -n \"$3\" ];"
      + " then printf '%s' \"$3\" | base64 -d | tar -xzmf - -C \"$1\"; else printf '%s' \"$2\" > \"$1/registrymodifications.xcu\"; fi; }"
      + " && shift 3 && exec soffice \"$@\"";

  /**
   * The launch of {@code soffice} with these options ({@code --calc --norestore ...}) and files,
   * the profile written from {@code profileXcu} first, ready when a window whose title matches
   * {@code window} is focused and the app is quiet. With {@code template}, the profile comes from
   * the template built from this host's LibreOffice when there is one; without, from the xcu
   * itself, as on another machine (an exported task in OSWorld's VM, with its own LibreOffice).
   */
  public static AppLaunch launch(String app, List<String> options, List<String> files, String window, String profileXcu,
      boolean template) {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", SCRIPT, "sh", PROFILE, profileXcu,
        template ? ProfileTemplate.archiveBase64(profileXcu).orElse("") : ""));
    cmd.addAll(options);
    cmd.addAll(files);
    return new AppLaunch(app, cmd, Map.of("SAL_USE_VCLPLUGIN", "gen"),
        Ready.allOf(Ready.windowFocused(window), Ready.cpuIdle(Duration.ofMillis(200))), Duration.ofSeconds(40));
  }

  /** An app's profile settings, from the resource beside its class. */
  public static String profile(Class<?> app) {
    try (InputStream in = app.getResourceAsStream("registrymodifications.xcu")) {
      if (in == null) throw new IllegalStateException(app.getName() + " has no registrymodifications.xcu beside it");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
