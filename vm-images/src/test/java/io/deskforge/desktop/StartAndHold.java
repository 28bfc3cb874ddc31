package io.deskforge.desktop;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link ReapingTest}: starts a desktop with mousepad, prints its id and
 * its host pids, then waits to be killed with SIGKILL (no close, no shutdown hook).
 */
public final class StartAndHold {
  public static void main(String[] args) throws Exception {
    DesktopProvider provider = DesktopProviders.create(args[0]);
    Desktop d = provider.create(Desktops.mousepad(Path.of(args[1])));
    d.start();
    d.privileged().writeText("/home/user/n.txt", "");
    d.launch(Desktops.mousepadLaunch("/home/user/n.txt"));
    String pids = d.processes().stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(","));
    System.out.println("READY " + d.id() + " " + pids);
    System.out.flush();
    Thread.sleep(600_000);
  }
}
