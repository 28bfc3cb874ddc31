package io.deskforge.desktop.sandbox;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the processes that must outlive the thread that asks for them (bubblewrap, apps) from
 * one thread that never ends. Bubblewrap's {@code --die-with-parent} is {@code PR_SET_PDEATHSIG},
 * which Linux ties to the parent <em>thread</em>: a desktop started from a pooled thread (an HTTP
 * server's worker, which the pool retires when idle) was killed with SIGKILL the moment that
 * thread ended. The JVM itself dying still takes every desktop with it.
 */
final class LongLivedSpawner {
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "deskforge-process-spawner");
    t.setDaemon(true);
    return t;
  });

  private LongLivedSpawner() {}

  static Process start(ProcessBuilder pb) throws IOException {
    try {
      return THREAD.submit(pb::start).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + pb.command().get(0), e);
    }
  }
}
