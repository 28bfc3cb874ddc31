package io.deskforge.desktop.limits;

import io.deskforge.desktop.DesktopLimits;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One desktop's cgroups: a memory limit (its tmpfs pages included), a process and thread limit,
 * a CPU weight, and the count of CPU time its processes used. On a cgroup v2 host one group under
 * {@code /sys/fs/cgroup/deskforge/}; on a v1 host one group per controller under
 * {@code /sys/fs/cgroup/<controller>/deskforge/}.
 */
public final class Cgroups implements ResourceControl {
  static final Path ROOT = Path.of("/sys/fs/cgroup");
  private static final String PARENT = "deskforge";

  private final boolean v2;
  private final Path memory;
  private final Path pids;
  private final Path cpu; // null when the host has no cpu controller
  private final Path cpuacct; // where the CPU time is counted: the v2 group, a v1 cpuacct group, or null
  private final DesktopLimits limits;

  private Cgroups(boolean v2, Path memory, Path pids, Path cpu, Path cpuacct, DesktopLimits limits) {
    this.v2 = v2;
    this.memory = memory;
    this.pids = pids;
    this.cpu = cpu;
    this.cpuacct = cpuacct;
    this.limits = limits;
  }

  /**
   * Makes the desktop's groups, or empty when this host offers no usable cgroups. A group is named
   * {@code <desktop id>.<pid of this JVM>}, so that a later run can tell a killed run's groups.
   */
  static Optional<Cgroups> create(String desktopId, DesktopLimits limits) {
    String id = desktopId + "." + ProcessHandle.current().pid();
    try {
      if (ResourceControl.cgroupV2()) return createV2(id, limits);
      return createV1(id, limits);
    } catch (IOException e) {
      System.err.println("deskforge: cgroups unusable here (" + e.getMessage() + "); desktop limits fall back to rlimits");
      return Optional.empty();
    }
  }

  private static Optional<Cgroups> createV2(String id, DesktopLimits limits) throws IOException {
    String controllers = Files.readString(ROOT.resolve("cgroup.controllers"));
    if (!controllers.contains("memory") || !controllers.contains("pids")) return Optional.empty();
    Path parent = ROOT.resolve(PARENT);
    Files.createDirectories(parent);
    String wanted = controllers.contains("cpu") ? "+memory +pids +cpu" : "+memory +pids";
    String enabled = Files.readString(ROOT.resolve("cgroup.subtree_control"));
    if (!enabled.contains("memory") || !enabled.contains("pids")) Files.writeString(ROOT.resolve("cgroup.subtree_control"), wanted);
    Files.writeString(parent.resolve("cgroup.subtree_control"), wanted);
    Path g = Files.createDirectories(parent.resolve(id));
    Files.writeString(g.resolve("memory.max"), Long.toString(limits.memoryBytes()));
    if (Files.exists(g.resolve("memory.swap.max"))) Files.writeString(g.resolve("memory.swap.max"), "0");
    Files.writeString(g.resolve("pids.max"), Integer.toString(limits.processes()));
    boolean cpu = Files.exists(g.resolve("cpu.weight"));
    if (cpu) Files.writeString(g.resolve("cpu.weight"), Integer.toString(limits.cpuWeight()));
    // cpu.stat's usage_usec is kept in every v2 group, with or without the cpu controller
    return Optional.of(new Cgroups(true, g, g, cpu ? g : null, g, limits));
  }

  private static Optional<Cgroups> createV1(String id, DesktopLimits limits) throws IOException {
    Path memRoot = ROOT.resolve("memory");
    Path pidsRoot = ROOT.resolve("pids");
    if (!Files.exists(memRoot.resolve("cgroup.procs")) || !Files.exists(pidsRoot.resolve("cgroup.procs"))) return Optional.empty();
    Path mem = Files.createDirectories(memRoot.resolve(PARENT).resolve(id));
    Path pid = Files.createDirectories(pidsRoot.resolve(PARENT).resolve(id));
    Files.writeString(mem.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
    Files.writeString(pid.resolve("pids.max"), Integer.toString(limits.processes()));
    Path cpu = null;
    Path cpuRoot = ROOT.resolve("cpu");
    if (Files.exists(cpuRoot.resolve("cgroup.procs"))) {
      cpu = Files.createDirectories(cpuRoot.resolve(PARENT).resolve(id));
      // v1 shares: 1024 is the default share, as weight 100 is in v2
      Files.writeString(cpu.resolve("cpu.shares"), Long.toString(Math.max(2, limits.cpuWeight() * 1024L / 100)));
    }
    Path acct = null;
    Path acctRoot = ROOT.resolve("cpuacct");
    if (Files.exists(acctRoot.resolve("cgroup.procs"))) {
      acct = Files.createDirectories(acctRoot.resolve(PARENT).resolve(id));
      // most v1 hosts mount cpu and cpuacct together, /sys/fs/cgroup/cpu and cpuacct both linking to it
      if (cpu != null && acct.toRealPath().equals(cpu.toRealPath())) acct = cpu;
    }
    return Optional.of(new Cgroups(false, mem, pid, cpu, acct, limits));
  }

  @Override
  public List<String> prefix() {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c",
        "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"", "deskforge-limits"));
    for (Path g : groups()) cmd.add(g.resolve("cgroup.procs").toString());
    cmd.add("--");
    return cmd;
  }

  private List<Path> groups() {
    List<Path> out = new ArrayList<>(List.of(memory));
    if (!pids.equals(memory)) out.add(pids);
    if (cpu != null && !out.contains(cpu)) out.add(cpu);
    if (cpuacct != null && !out.contains(cpuacct)) out.add(cpuacct);
    return out;
  }

  /**
   * The group's CPU time, one file read however many processes and threads the desktop runs
   * (v2: {@code cpu.stat}'s usage_usec; v1: {@code cpuacct.usage}, in nanoseconds).
   */
  @Override
  public java.util.OptionalLong cpuNanos() {
    if (cpuacct == null) return java.util.OptionalLong.empty();
    try {
      if (!v2) return java.util.OptionalLong.of(Long.parseLong(Files.readString(cpuacct.resolve("cpuacct.usage")).strip()));
    } catch (IOException | NumberFormatException e) {
      return java.util.OptionalLong.empty(); // the group is being removed
    }
    java.util.OptionalLong usec = value(cpuacct.resolve("cpu.stat"), "usage_usec");
    return usec.isPresent() ? java.util.OptionalLong.of(usec.getAsLong() * 1000) : usec;
  }

  @Override
  public Optional<String> limitHit() {
    return describeHits(limits, counter(pids.resolve("pids.events"), "max"),
        counter(memory.resolve(v2 ? "memory.events" : "memory.oom_control"), "oom_kill"));
  }

  /** The limits reached, in words, from a group's refused forks and OOM kills; empty when none. */
  public static Optional<String> describeHits(DesktopLimits limits, long refusedForks, long oomKills) {
    List<String> hits = new ArrayList<>();
    if (refusedForks > 0) {
      hits.add("processes: the limit of " + limits.processes() + " processes and threads was reached (" + refusedForks + " forks refused)");
    }
    if (oomKills > 0) {
      hits.add("memory: the limit of " + (limits.memoryBytes() >> 20) + " MiB was reached (" + oomKills + " processes killed)");
    }
    return hits.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", hits));
  }

  /** The value of a "name value" line of a cgroup file; 0 when absent. */
  public static long counter(Path file, String name) {
    return value(file, name).orElse(0);
  }

  /** The value of a "name value" line of a cgroup file; empty when absent or unreadable (a group being removed). */
  static java.util.OptionalLong value(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] kv = line.strip().split("\\s+");
        if (kv.length == 2 && kv[0].equals(name)) return java.util.OptionalLong.of(Long.parseLong(kv[1]));
      }
    } catch (IOException | NumberFormatException e) {
      // nothing to report
    }
    return java.util.OptionalLong.empty();
  }

  @Override
  public String mechanism() {
    return v2 ? "cgroup v2" : "cgroup v1";
  }

  @Override
  public void close() {
    for (Path g : groups()) {
      killAll(g);
      remove(g);
    }
  }

  /**
   * Kills every process still in the group (one that escaped its parent's kill, an nsenter'd
   * child), again until none is left: a fork bomb refills the slots its killed processes free.
   */
  private static void killAll(Path g) {
    for (int round = 0; round < 200; round++) {
      boolean any = false;
      try {
        for (String pid : Files.readString(g.resolve("cgroup.procs")).split("\\s+")) {
          if (pid.isBlank()) continue;
          any = true;
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      } catch (IOException | NumberFormatException e) {
        return; // gone already
      }
      if (!any) return;
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Removes a group once its processes are gone (they were just killed: give them a moment). */
  private static boolean remove(Path g) {
    for (int i = 0; i < 50; i++) {
      try {
        Files.deleteIfExists(g);
        return true;
      } catch (IOException e) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    System.err.println("deskforge: could not remove cgroup " + g + " (processes still in it?)");
    return false;
  }

  /** Ends the processes of groups whose deskforge process is gone, and removes the groups. */
  static int reapStale() {
    int n = 0;
    List<Path> parents = ResourceControl.cgroupV2() ? List.of(ROOT.resolve(PARENT))
        : List.of(ROOT.resolve("memory").resolve(PARENT), ROOT.resolve("pids").resolve(PARENT), ROOT.resolve("cpu").resolve(PARENT),
            ROOT.resolve("cpuacct").resolve(PARENT));
    for (Path parent : parents) {
      if (!Files.isDirectory(parent)) continue;
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, Files::isDirectory)) {
        for (Path g : ds) {
          String name = g.getFileName().toString();
          long owner;
          try {
            owner = Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
          } catch (NumberFormatException e) {
            continue; // not a desktop's group
          }
          if (ProcessHandle.of(owner).isPresent()) continue;
          killAll(g); // a killed run's apps outlive it: end them with their desktop's group
          if (remove(g)) n++;
        }
      } catch (IOException e) {
        // not ours to list
      }
    }
    return n;
  }
}
