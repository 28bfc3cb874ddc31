package io.deskforge.desktop.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Debian package lists and what dpkg says is installed. */
public final class Packages {
  private Packages() {}

  /** The packages every desktop needs (vm-images' base.packages). */
  public static List<String> base() {
    try (InputStream in = Packages.class.getResourceAsStream("/io/deskforge/desktop/image/base.packages")) {
      if (in == null) throw new IllegalStateException("base.packages is missing from the vm-images jar");
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One package a line; '#' starts a comment. */
  public static List<String> parse(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String p = line.replaceAll("#.*", "").strip();
      if (!p.isEmpty()) out.add(p);
    }
    return out;
  }

  /** The packages among {@code names} that dpkg does not report as installed. */
  public static List<String> missing(Collection<String> names) {
    if (names.isEmpty()) return List.of();
    Set<String> wanted = new LinkedHashSet<>(names);
    List<String> cmd = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\\n"));
    cmd.addAll(wanted);
    Set<String> installed = new HashSet<>();
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      for (String line : out.split("\n")) {
        String[] parts = line.strip().split(" ");
        if (parts.length == 2 && parts[1].equals("installed")) installed.add(parts[0].replaceAll(":.*", ""));
      }
    } catch (IOException e) {
      // no dpkg: nothing can be shown installed; the doctor says how to install
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // a cancelled run's dpkg-query may end early: that says nothing about what is installed
    if (Thread.currentThread().isInterrupted()) {
      throw new io.deskforge.desktop.DesktopException("interrupted while asking dpkg which packages are installed");
    }
    return wanted.stream().filter(n -> !installed.contains(n)).toList();
  }
}
