package io.deskforge.desktop;

import java.time.Duration;
import java.util.Locale;

/**
 * What one desktop may use, so that a hostile or broken program inside ends its own desktop's
 * work and nothing else: processes and threads, memory, a CPU weight relative to other desktops,
 * the size of each in-memory file system, the disk use of its folders (home included), the largest
 * file the host reads from it, and the time any host call into it may take.
 *
 * <p>Enforced with cgroups (v2 or v1) and size-capped tmpfs mounts when deskforge runs as root,
 * with rlimits otherwise (coarser: per process, and the process limit counts all of the user's
 * processes); by the Docker engine for containers.
 */
public record DesktopLimits(
    int processes,
    long memoryBytes,
    int cpuWeight,
    long tmpfsBytes,
    long diskBytes,
    long readBytes,
    Duration callTimeout) {

  public static final DesktopLimits DEFAULT = new DesktopLimits(
      512, 1L << 30, 100, 128L << 20, 512L << 20, 64L << 20, Duration.ofSeconds(20));

  public DesktopLimits {
    if (processes < 32) throw new IllegalArgumentException("processes=" + processes + ": a desktop needs at least 32 (X server, window manager, bus, app threads)");
    if (memoryBytes < (128L << 20)) throw new IllegalArgumentException("memory=" + memoryBytes + ": a desktop needs at least 128m");
    if (cpuWeight < 1 || cpuWeight > 10_000) throw new IllegalArgumentException("cpu=" + cpuWeight + ": the CPU weight is 1 to 10000 (100 is a fair share)");
    if (tmpfsBytes < (1L << 20)) throw new IllegalArgumentException("tmpfs=" + tmpfsBytes + ": at least 1m");
    if (diskBytes < (16L << 20)) throw new IllegalArgumentException("disk=" + diskBytes + ": at least 16m");
    if (readBytes < 1024) throw new IllegalArgumentException("read=" + readBytes + ": at least 1k");
    if (callTimeout == null || callTimeout.toMillis() < 100) throw new IllegalArgumentException("timeout: at least 100 ms");
  }

  /**
   * Parses {@code processes=256,memory=2g,cpu=100,tmpfs=64m,disk=1g,read=32m,timeout=30s}; names
   * not given keep their defaults.
   */
  public static DesktopLimits parse(String spec) {
    DesktopLimits l = DEFAULT;
    if (spec == null || spec.isBlank()) return l;
    for (String part : spec.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) throw new IllegalArgumentException("desktop limit '" + part + "' is not name=value");
      String v = kv[1].strip();
      l = switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
        case "processes" -> new DesktopLimits(Integer.parseInt(v), l.memoryBytes, l.cpuWeight, l.tmpfsBytes, l.diskBytes, l.readBytes, l.callTimeout);
        case "memory" -> new DesktopLimits(l.processes, bytes(v), l.cpuWeight, l.tmpfsBytes, l.diskBytes, l.readBytes, l.callTimeout);
        case "cpu" -> new DesktopLimits(l.processes, l.memoryBytes, Integer.parseInt(v), l.tmpfsBytes, l.diskBytes, l.readBytes, l.callTimeout);
        case "tmpfs" -> new DesktopLimits(l.processes, l.memoryBytes, l.cpuWeight, bytes(v), l.diskBytes, l.readBytes, l.callTimeout);
        case "disk" -> new DesktopLimits(l.processes, l.memoryBytes, l.cpuWeight, l.tmpfsBytes, bytes(v), l.readBytes, l.callTimeout);
        case "read" -> new DesktopLimits(l.processes, l.memoryBytes, l.cpuWeight, l.tmpfsBytes, l.diskBytes, bytes(v), l.callTimeout);
        case "timeout" -> new DesktopLimits(l.processes, l.memoryBytes, l.cpuWeight, l.tmpfsBytes, l.diskBytes, l.readBytes, duration(v));
        default -> throw new IllegalArgumentException("unknown desktop limit '" + kv[0].strip()
            + "'; known: processes, memory, cpu, tmpfs, disk, read, timeout");
      };
    }
    return l;
  }

  /**
   * The defaults with what {@code DESKFORGE_DESKTOP_LIMITS} sets (same form as {@link #parse}),
   * so every command that makes desktops honours it.
   */
  public static DesktopLimits fromEnvironment() {
    String spec = System.getenv("DESKFORGE_DESKTOP_LIMITS");
    try {
      return parse(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DESKFORGE_DESKTOP_LIMITS: " + e.getMessage(), e);
    }
  }

  /** "512m", "2g", "65536": bytes, with k, m or g meaning binary multiples. */
  static long bytes(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
      case 'k' -> 1L << 10;
      case 'm' -> 1L << 20;
      case 'g' -> 1L << 30;
      default -> 1;
    };
    String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
    try {
      return Math.multiplyExact(Long.parseLong(digits), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + v + "' is not a size (like 512m or 2g)");
    }
  }

  private static Duration duration(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      if (s.endsWith("s")) return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
      return Duration.ofSeconds(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + v + "' is not a duration (like 20s or 500ms)");
    }
  }

  /** A short form for messages: "512 processes, 1024 MiB memory, ...". */
  public String summary() {
    return processes + " processes, " + (memoryBytes >> 20) + " MiB memory, CPU weight " + cpuWeight + ", "
        + (tmpfsBytes >> 20) + " MiB per tmpfs, " + (diskBytes >> 20) + " MiB disk, " + (readBytes >> 20)
        + " MiB largest read, " + callTimeout.toMillis() + " ms per call";
  }
}
