package io.deskforge.gym.env;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopProvider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Desktops started ahead, {@code size} per configuration, handed out once each: a reset then costs
 * the task's setup only. A desktop taken is replaced in the background. Every pooled desktop is
 * fresh (started, never used); a pooled desktop that died is dropped, not handed out.
 */
final class WarmPool implements AutoCloseable {
  private final DesktopProvider provider;
  private final int size;
  private final Map<DesktopConfig, Deque<Desktop>> ready = new HashMap<>();
  private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "gym-warm-pool");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  WarmPool(DesktopProvider provider, int size) {
    this.provider = provider;
    this.size = size;
  }

  /** Starts {@code size} desktops of each configuration, in the background. */
  void fill(List<DesktopConfig> configs) {
    for (DesktopConfig c : configs) {
      synchronized (this) {
        ready.computeIfAbsent(c, k -> new ArrayDeque<>());
      }
      for (int i = 0; i < size; i++) starter.submit(() -> startOne(c));
    }
  }

  /**
   * A started desktop of exactly this configuration, if one is ready. Call {@link #replenish} once
   * the task is set up: a replacement started at once would compete with the setup for the CPU.
   */
  Optional<Desktop> take(DesktopConfig config) {
    Desktop d;
    synchronized (this) {
      Deque<Desktop> q = ready.get(config);
      if (q == null) return Optional.empty();
      d = q.pollFirst();
    }
    if (closed || d == null) return Optional.empty();
    if (!d.isRunning()) {
      d.close();
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /** Starts a replacement in the background for a pooled configuration. */
  void replenish(DesktopConfig config) {
    synchronized (this) {
      if (closed || !ready.containsKey(config)) return;
    }
    starter.submit(() -> startOne(config));
  }

  /** How many desktops are ready now, over all configurations. */
  synchronized int readyCount() {
    return ready.values().stream().mapToInt(Deque::size).sum();
  }

  private void startOne(DesktopConfig c) {
    if (closed) return;
    Desktop d = provider.create(c);
    try {
      d.start();
    } catch (RuntimeException e) {
      d.close();
      System.err.println("deskforge gym: warm pool: " + e.getMessage());
      return;
    }
    synchronized (this) {
      Deque<Desktop> q = ready.computeIfAbsent(c, k -> new ArrayDeque<>());
      if (closed || q.size() >= size) {
        d.close();
        return;
      }
      q.addLast(d);
    }
  }

  @Override
  public void close() {
    closed = true;
    starter.shutdownNow();
    synchronized (this) {
      ready.values().forEach(q -> q.forEach(Desktop::close));
      ready.clear();
    }
  }
}
