package io.deskforge.task.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names OSWorld's own code runs, read from its source: config step types (SetupController's
 * {@code _<type>_setup} methods), getter types ({@code get_<type>} in the getters package) and
 * metric functions (what the metrics package exports). A task naming anything else fails in
 * {@code DesktopEnv.reset()}.
 */
record OsworldNames(Set<String> setupTypes, Set<String> getterTypes, Set<String> metrics) {

  static OsworldNames read(Path code) {
    String setup = text(code.resolve("controllers/setup.py"));
    String getters = text(code.resolve("evaluators/getters/__init__.py"));
    String metrics = text(code.resolve("evaluators/metrics/__init__.py"));
    Set<String> setupTypes = all(Pattern.compile("def _(\\w+)_setup\\("), setup);
    Set<String> getterTypes = all(Pattern.compile("\\bget_(\\w+)\\b"), getters);
    Set<String> metricNames = new TreeSet<>();
    Matcher block = Pattern.compile("from \\.\\w+ import \\(([^)]*)\\)|from \\.\\w+ import ([\\w ,]+)\\n").matcher(metrics);
    while (block.find()) {
      String names = block.group(1) != null ? block.group(1) : block.group(2);
      for (String n : names.split("[,\\s]+")) if (!n.isBlank()) metricNames.add(n.strip());
    }
    metricNames.addAll(all(Pattern.compile("(?m)^def (\\w+)\\("), metrics));
    return new OsworldNames(setupTypes, getterTypes, metricNames);
  }

  private static Set<String> all(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OSWorld's " + file, e);
    }
  }
}
