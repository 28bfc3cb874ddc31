package io.deskforge.audit.replay;

import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.document.DocumentFormats;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state a task starts from, as far as a person or the checker could tell: every file of the
 * home (not the apps' own dot-folders of settings and caches) by content hash (a document file
 * that a format claims by the hash of its {@link DocumentFormat#fingerprint}), and what each
 * checker getter reads. Two fresh desktops set up from the same task must give equal ones.
 */
record InitialState(Map<String, String> files, Map<String, Reading> readings) {

  static InitialState take(Desktop d, Checker checker, GetterReader reader, DocumentFormats formats) {
    Map<String, String> files = new TreeMap<>();
    walk(d, formats, DesktopPaths.HOME, "", files);
    Map<String, Reading> readings = new LinkedHashMap<>();
    for (Checker.Check leaf : checker.leaves()) {
      Getter g = leaf.getter();
      readings.computeIfAbsent(g.toString(), k -> reader.read(d, g));
    }
    return new InitialState(files, readings);
  }

  private static void walk(Desktop d, DocumentFormats formats, String base, String rel, Map<String, String> out) {
    var p = d.privileged();
    String dir = rel.isEmpty() ? base : base + "/" + rel;
    for (String name : p.list(dir)) {
      if (name.startsWith(".")) continue;
      String child = rel.isEmpty() ? name : rel + "/" + name;
      if (p.isDirectory(base + "/" + child)) {
        out.put(child + "/", "dir");
        walk(d, formats, base, child, out);
      } else if (formats.claiming(child).isPresent()) {
        // a document file carries its writer's time stamps: compare what it holds
        String seen = formats.claiming(child).get().fingerprint(SavedState.of(d), base + "/" + child);
        out.put(child, "cells:" + sha256(seen.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      } else {
        out.put(child, sha256(p.readFile(base + "/" + child)));
      }
    }
  }

  /** What differs from another state, for a rejection reason. */
  List<String> differences(InitialState other) {
    List<String> out = new java.util.ArrayList<>();
    java.util.Set<String> paths = new java.util.TreeSet<>(files.keySet());
    paths.addAll(other.files.keySet());
    for (String p : paths) {
      if (!java.util.Objects.equals(files.get(p), other.files.get(p))) out.add("~/" + p);
    }
    for (String g : readings.keySet()) {
      if (!java.util.Objects.equals(readings.get(g), other.readings.get(g))) out.add(g);
    }
    return out;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
