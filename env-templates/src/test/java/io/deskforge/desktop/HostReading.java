package io.deskforge.desktop;

import java.nio.file.Path;
import java.util.List;

/**
 * A desktop's host-side reading, exactly as {@link HostFolders} does it for the home (through
 * {@link NoFollowTree}: no link followed, type and size checked, reads bounded in time), over any
 * folder: for tests where a folder stands in for a home and deskforge's getters must read it as
 * they read a sandbox desktop's. (Test code in vm-images' package, since NoFollowTree is internal.)
 */
public final class HostReading {
  private final NoFollowTree tree;

  public HostReading(Path home, DesktopLimits limits) {
    this.tree = new NoFollowTree(home, home.resolveSibling(home.getFileName() + ".scratch"), limits.readBytes(), limits.callTimeout());
  }

  public boolean exists(List<String> names) {
    return tree.kind(names) != NoFollowTree.Kind.ABSENT;
  }

  public boolean isDirectory(List<String> names) {
    return tree.kind(names) == NoFollowTree.Kind.DIRECTORY;
  }

  public byte[] read(List<String> names, String shown) {
    return tree.read(names, shown);
  }

  public void requireReadableFile(List<String> names, String shown) {
    tree.checkReadable(names, shown);
  }

  public List<String> list(List<String> names) {
    return tree.list(names);
  }
}
