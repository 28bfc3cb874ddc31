package io.deskforge.desktop.ready;

import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.WindowInfo;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The common readiness strategies. */
public final class Ready {
  private Ready() {}

  private static final long POLL_MS = 5;
  private static final long CPU_NOISE_NANOS = 2_000_000L;

  /** A top-level window whose class, instance or title matches {@code regex} is mapped. */
  public static ReadyStrategy windowMapped(String regex) {
    Pattern p = Pattern.compile(regex);
    return stateless("a window matching /" + regex + "/", t -> t.windows().stream().anyMatch(w -> matches(p, w)));
  }

  /**
   * That window is mapped and has the keyboard focus. A window manager does not always focus a new
   * window (openbox sometimes leaves an xterm unfocused), so a mapped, unfocused one is activated
   * the way a taskbar click would, at most every 100 ms.
   */
  public static ReadyStrategy windowFocused(String regex) {
    Pattern p = Pattern.compile(regex);
    return of("a focused window matching /" + regex + "/", () -> new ReadyStrategy.Condition() {
      private long lastActivation;

      @Override
      public boolean isReady(ReadyTarget t) {
        List<WindowInfo> matching = t.windows().stream().filter(w -> matches(p, w)).toList();
        if (matching.stream().anyMatch(WindowInfo::focused)) return true;
        if (!matching.isEmpty() && System.nanoTime() - lastActivation > 100_000_000L) {
          t.activate(matching.get(matching.size() - 1));
          lastActivation = System.nanoTime();
        }
        return false;
      }
    });
  }

  /** The app's processes used less than 2 ms of CPU over {@code quiet}: it has finished drawing. */
  public static ReadyStrategy cpuIdle(Duration quiet) {
    long quietNanos = quiet.toNanos();
    return of("the app idle for " + quiet.toMillis() + " ms", () -> new ReadyStrategy.Condition() {
      private long since = -1;
      private long cpuAtSince;

      @Override
      public boolean isReady(ReadyTarget t) {
        long now = System.nanoTime();
        long cpu = t.appCpuNanos();
        if (since < 0 || cpu - cpuAtSince > CPU_NOISE_NANOS) {
          since = now;
          cpuAtSince = cpu;
          return false;
        }
        return now - since >= quietNanos;
      }
    });
  }

  public static ReadyStrategy fileExists(String desktopPath) {
    return stateless("file " + desktopPath + " to exist", t -> t.fileExists(desktopPath));
  }

  /**
   * An HTTP server on the desktop's own loopback answers GET {@code path} on {@code port} with
   * 200. The request is made from inside the desktop (its network namespace has only loopback,
   * which the host cannot reach), by bash's /dev/tcp, at most every 25 ms, one at a time. A
   * request unanswered after {@link #HTTP_PROBE_TIMEOUT} is given up and made again; the server
   * still does the work of the one given up, so a path that is slow to render on a loaded host
   * (a wiki's page) piles requests up in front of the browser's: probe a cheap one.
   */
  public static ReadyStrategy httpOk(int port, String path) {
    if (port < 1 || port > 65535 || !path.startsWith("/") || !path.matches("[\\x21-\\x7e]+")) {
      throw new IllegalArgumentException("http readiness: port 1-65535 and a path starting with '/' without spaces, got " + port + " " + path);
    }
    List<String> probe = List.of("bash", "-c", HTTP_PROBE, "probe", Integer.toString(port), path);
    return of("HTTP 200 from 127.0.0.1:" + port + path + " inside the desktop", () -> new ReadyStrategy.Condition() {
      private long lastProbe;

      @Override
      public boolean isReady(ReadyTarget t) {
        if (System.nanoTime() - lastProbe < 25_000_000L) return false;
        boolean ok = t.commandSucceeds(probe, HTTP_PROBE_TIMEOUT);
        lastProbe = System.nanoTime();
        return ok;
      }
    });
  }

  /**
   * How long one readiness request may take (10 s). It was 2 s: under load a MediaWiki page took
   * longer, and each request given up was rendered anyway, twenty of them ahead of Chromium's.
   */
  static final Duration HTTP_PROBE_TIMEOUT = Duration.ofSeconds(10);

  /** One HTTP/1.0 GET by bash's /dev/tcp: exits 0 only when the status line says 200. */
  static final String HTTP_PROBE = "exec 3<>/dev/tcp/127.0.0.1/\"$1\" || exit 1; "
      + "printf 'GET %s HTTP/1.0\\r\\nHost: 127.0.0.1:%s\\r\\n\\r\\n' \"$2\" \"$1\" >&3; "
      + "IFS= read -r status <&3; case \"$status\" in 'HTTP/1.'?' 200'*) exit 0;; esac; exit 1";

  /** Each strategy in turn: the next is asked only once the previous is ready. */
  public static ReadyStrategy allOf(ReadyStrategy... strategies) {
    List<ReadyStrategy> list = List.of(strategies);
    return of(String.join(", then ", list.stream().map(ReadyStrategy::describe).toList()), () -> {
      List<ReadyStrategy.Condition> conditions = list.stream().map(ReadyStrategy::newCondition).toList();
      return new ReadyStrategy.Condition() {
        private int done;

        @Override
        public boolean isReady(ReadyTarget t) {
          while (done < conditions.size() && conditions.get(done).isReady(t)) done++;
          return done == conditions.size();
        }

        @Override
        public String pending() {
          if (done == conditions.size()) return null;
          String inner = conditions.get(done).pending();
          return inner != null ? inner : list.get(done).describe();
        }
      };
    });
  }

  /**
   * The usual GUI app: its window mapped and focused, then 120 ms without CPU work. Less quiet is
   * not enough on a loaded host: an editor may still be loading its file when keys arrive, and
   * the loaded buffer then replaces what was typed.
   */
  public static ReadyStrategy windowReady(String regex) {
    return allOf(windowFocused(regex), cpuIdle(Duration.ofMillis(120)));
  }

  static void await(ReadyStrategy s, ReadyTarget t, Duration timeout) {
    ReadyStrategy.Condition condition = s.newCondition();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!t.appAlive()) {
        throw new DesktopException(t.describe() + ": the app exited before it was ready (" + t.appExit()
            + ") while waiting for " + s.describe());
      }
      if (condition.isReady(t)) return;
      if (System.nanoTime() > deadline) {
        String pending = condition.pending();
        throw new DesktopException(t.describe() + ": not ready after " + timeout.toMillis() + " ms; waited for "
            + s.describe() + (pending == null ? "" : "; still waiting for " + pending)
            + "; windows: " + t.windows().stream().map(w -> w.title() + (w.focused() ? " (focused)" : "")).toList());
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DesktopException(t.describe() + ": interrupted while waiting to be ready", e);
      }
    }
  }

  private static boolean matches(Pattern p, WindowInfo w) {
    return (w.windowClass() != null && p.matcher(w.windowClass()).find())
        || (w.instance() != null && p.matcher(w.instance()).find())
        || (w.title() != null && p.matcher(w.title()).find());
  }

  private static ReadyStrategy stateless(String description, Predicate<ReadyTarget> ready) {
    return of(description, () -> ready::test);
  }

  private static ReadyStrategy of(String description, Supplier<ReadyStrategy.Condition> conditions) {
    return new ReadyStrategy() {
      @Override
      public String describe() {
        return description;
      }

      @Override
      public Condition newCondition() {
        return conditions.get();
      }
    };
  }
}
