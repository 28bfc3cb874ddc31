package io.deskforge.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.desktop.AppLaunch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launch an export hands another machine (OSWorld's launch step: an argument list, nothing
 * else) starts the app as a desktop here does: its environment travels in the command, and
 * nothing built from this host's installation does.
 */
class PortableLaunchTest {
  static final AppCatalog CATALOG = AppCatalog.load();

  /** What every session has, which no launch needs to pass. */
  static final Set<String> SESSION = Set.of("HOME", "PATH", "DISPLAY", "USER", "TMPDIR", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR");
  static final Pattern USE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
  static final Pattern SET = Pattern.compile("(?m)(?:^|[\\s;])([A-Z][A-Z0-9_]*)=");
  static final Pattern OPTIONAL = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-");

  @Test
  void theExportedCommandCarriesTheLaunchsEnvironment() {
    for (String app : CATALOG.names()) {
      AppLaunch portable = CATALOG.get(app).portableLaunch(List.of());
      List<String> exported = CATALOG.launchCommand(app, List.of());
      if (portable.env().isEmpty()) {
        assertThat(exported).as(app).isEqualTo(portable.command());
        continue;
      }
      List<String> expected = new ArrayList<>(List.of("env"));
      new java.util.TreeMap<>(portable.env()).forEach((k, v) -> expected.add(k + "=" + v));
      expected.addAll(portable.command());
      assertThat(exported).as(app).isEqualTo(expected);
    }
  }

  /**
   * Every variable a launcher script reads, unless it sets it, the session has it, or the script
   * reads it with a default, is in the exported command: before, DokuWiki's, MediaWiki's, Jupyter's
   * and TiddlyWiki's launchers got none of theirs on OSWorld's VM (their settings, title scripts
   * and plugins written empty).
   */
  @Test
  void everyVariableALauncherReadsIsPassed() {
    int scripts = 0;
    for (String app : CATALOG.names()) {
      List<String> command = CATALOG.get(app).portableLaunch(List.of()).command();
      if (command.size() < 3 || !command.get(0).equals("sh") || !command.get(1).equals("-c")) continue;
      scripts++;
      String script = command.get(2);
      Set<String> needed = new TreeSet<>(names(USE, script));
      needed.removeAll(names(SET, script));
      needed.removeAll(names(OPTIONAL, script));
      needed.removeAll(SESSION);
      Set<String> passed = new TreeSet<>();
      for (String a : CATALOG.launchCommand(app, List.of())) {
        int eq = a.indexOf('=');
        if (eq > 0 && a.substring(0, eq).matches("[A-Z][A-Z0-9_]*")) passed.add(a.substring(0, eq));
      }
      assertThat(passed).as("%s's launcher reads %s", app, needed).containsAll(needed);
    }
    assertThat(scripts).as("apps started by a launcher script").isGreaterThanOrEqualTo(4);
  }

  /** A wiki or profile template is this host's build: a desktop here gets it, an export never. */
  @Test
  void noHostTemplateTravels() {
    for (String app : CATALOG.names()) {
      Map<String, String> env = CATALOG.get(app).portableLaunch(List.of()).env();
      assertThat(env.keySet()).as(app).noneMatch(k -> k.startsWith("MW_TEMPLATE_"));
    }
  }

  private static Set<String> names(Pattern p, String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(s);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
