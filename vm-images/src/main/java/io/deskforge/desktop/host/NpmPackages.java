package io.deskforge.desktop.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm packages installed globally under a prefix (/usr/local by default: npm's own default for a
 * global install, inside the /usr a sandbox desktop sees read-only), and the command installing
 * them. A package counts as installed only at the exact version asked for, read from its
 * package.json, so a host with another version is told to install the one deskforge's tasks
 * were proved on.
 */
public final class NpmPackages {
  private NpmPackages() {}

  /** Where global packages go. */
  public static final Path PREFIX = Path.of("/usr/local");

  /** The packages among {@code specs} ({@code name@version}) not installed at that version under {@link #PREFIX}. */
  public static List<String> missing(Collection<String> specs) {
    return missing(specs, PREFIX);
  }

  /** The packages among {@code specs} not installed at that version under {@code prefix}. */
  public static List<String> missing(Collection<String> specs, Path prefix) {
    List<String> out = new ArrayList<>();
    for (String spec : specs) {
      String installed = installedVersion(prefix, name(spec));
      if (!version(spec).equals(installed)) out.add(spec);
    }
    return out;
  }

  /** The version installed under the prefix, or null when none is (or its package.json says none). */
  static String installedVersion(Path prefix, String name) {
    Path json = prefix.resolve("lib/node_modules").resolve(name).resolve("package.json");
    try {
      Matcher m = VERSION.matcher(Files.readString(json));
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

  /** {@code tiddlywiki} of {@code tiddlywiki@5.4.1}; a scope kept ({@code @scope/name}). */
  static String name(String spec) {
    return spec.substring(0, spec.lastIndexOf('@'));
  }

  static String version(String spec) {
    return spec.substring(spec.lastIndexOf('@') + 1);
  }

  /** The command installing these packages globally under {@link #PREFIX}, as root. */
  public static String installCommand(Collection<String> specs) {
    return String.join(" ", installArgs(specs));
  }

  /** The same command, as arguments. */
  public static List<String> installArgs(Collection<String> specs) {
    List<String> cmd = new ArrayList<>(List.of("npm", "install", "--global", "--prefix", PREFIX.toString(), "--no-audit", "--no-fund"));
    cmd.addAll(specs);
    return cmd;
  }
}
