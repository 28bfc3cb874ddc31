package io.deskforge.desktop.sandbox;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.HostFolders;
import io.deskforge.desktop.host.Packages;
import io.deskforge.desktop.host.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desktops on this host in bubblewrap sandboxes: new user, pid, network (loopback only), IPC and
 * UTS namespaces; the host's /usr read-only; a private home; the X server inside. The embedded
 * default: no daemon, and a desktop starts in a few hundred milliseconds.
 */
public final class SandboxProvider implements DesktopProvider {
  public static final String NAME = "sandbox";
  private static final java.util.Set<java.nio.file.Path> REAPED = ConcurrentHashMap.newKeySet();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Desktop create(DesktopConfig config) {
    if (REAPED.add(config.workRoot())) HostFolders.reapStale(config.workRoot());
    return new SandboxDesktop(config);
  }

  @Override
  public List<Requirement> requirements(DesktopConfig config) {
    List<Requirement> out = new ArrayList<>();
    out.add(new Requirement.DebianPackage("bubblewrap", "the sandbox"));
    out.add(new Requirement.DebianPackage("util-linux", "nsenter and setpriv, to run commands inside"));
    out.add(new Requirement.UserNamespaces());
    for (String p : Packages.base()) out.add(new Requirement.DebianPackage(p, "every desktop"));
    for (String p : config.packages()) out.add(new Requirement.DebianPackage(p, "image " + config.imageName()));
    for (String n : config.npmPackages()) out.add(new Requirement.NpmPackage(n, "image " + config.imageName()));
    return out;
  }
}
