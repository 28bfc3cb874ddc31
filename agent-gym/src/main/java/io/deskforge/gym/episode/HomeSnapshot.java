package io.deskforge.gym.episode;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.desktop.UnreadableFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What is in a desktop's home at one moment: each path with a digest of its content (a folder,
 * a link or a special file by its kind), read from outside through the privileged side, which
 * never follows a link. Caches ({@code ~/.cache}) are left out; at most {@link #MAX_ENTRIES}
 * entries, so a home an agent filled with files cannot stall the audit.
 */
public record HomeSnapshot(Map<String, String> entries, boolean truncated) {
  static final int MAX_ENTRIES = 5_000;
  private static final long MAX_HASHED = 8L << 20;

  public static HomeSnapshot take(Desktop d) {
    Map<String, String> out = new TreeMap<>();
    boolean truncated = walk(d, DesktopPaths.HOME, out);
    return new HomeSnapshot(out, truncated);
  }

  private static boolean walk(Desktop d, String dir, Map<String, String> out) {
    for (String name : d.privileged().list(dir)) {
      if (out.size() >= MAX_ENTRIES) return true;
      String path = dir + "/" + name;
      if (path.equals(DesktopPaths.HOME + "/.cache")) continue;
      if (d.privileged().isDirectory(path)) {
        out.put(path, "dir");
        if (walk(d, path, out)) return true;
      } else {
        out.put(path, digest(d, path));
      }
    }
    return false;
  }

  private static String digest(Desktop d, String path) {
    try {
      byte[] content = d.privileged().readFile(path);
      if (content.length > MAX_HASHED) return "size:" + content.length;
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (UnreadableFileException e) {
      return "special"; // a link, FIFO or device: its kind is what is compared
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The paths created, deleted and modified from this snapshot to a later one. */
  public Delta to(HomeSnapshot later) {
    List<String> created = new ArrayList<>(), deleted = new ArrayList<>(), modified = new ArrayList<>();
    TreeSet<String> all = new TreeSet<>(entries.keySet());
    all.addAll(later.entries.keySet());
    for (String p : all) {
      String a = entries.get(p), b = later.entries.get(p);
      if (a == null) created.add(p);
      else if (b == null) deleted.add(p);
      else if (!a.equals(b)) modified.add(p);
    }
    return new Delta(created, deleted, modified);
  }

  /** Changes between two snapshots, each list sorted. */
  public record Delta(List<String> created, List<String> deleted, List<String> modified) {
    public List<String> all() {
      List<String> out = new ArrayList<>(created);
      out.addAll(deleted);
      out.addAll(modified);
      return out;
    }
  }
}
