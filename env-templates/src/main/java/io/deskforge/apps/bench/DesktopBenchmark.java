package io.deskforge.apps.bench;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.AppTemplate;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.ProcessStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;

/**
 * Measures desktops: cold start (create to app ready), screenshot time (capture and PNG), and
 * memory per desktop while {@code concurrency} of them run at once, three ways: the sum of RSS
 * of a desktop's processes (counts shared libraries in full), their proportional set size
 * (shared pages split among sharers) and the drop in the host's MemAvailable divided by the
 * number of desktops (what running them really costs). And CPU: the user and system time (ms;
 * the kernel counts it in 10 ms ticks) all of a desktop's processes spent from create to app
 * ready, and over the next {@code idleSeconds} with nothing done (the browser's background work
 * after its page showed). CPU time moves far less with the host's load than wall time does, so it
 * is what launch changes are compared by on a busy host.
 */
public final class DesktopBenchmark {

  /** What one benchmark run found. */
  public record Result(
      String provider, String app, int runs, int concurrency, boolean accessibility, Percentiles coldStartMs, Percentiles screenshotMs,
      double rssMbPerDesktop, double pssMbPerDesktop, double hostMbPerDesktop, Percentiles cpuMsToReady,
      double cpuMsIdle, int idleSeconds, int failures, List<String> errors) {}

  private final DesktopProvider provider;
  private final AppCatalog catalog;

  public DesktopBenchmark(DesktopProvider provider, AppCatalog catalog) {
    this.provider = provider;
    this.catalog = catalog;
  }

  public Result run(String app, int runs, int concurrency, boolean accessibility, int screenshotsPerDesktop,
      int idleSeconds, Consumer<String> progress) {
    if (runs < 1 || concurrency < 1) throw new IllegalArgumentException("runs and concurrency must be at least 1");
    if (idleSeconds < 0) throw new IllegalArgumentException("idle seconds must be 0 or more, not " + idleSeconds);
    AppTemplate template = catalog.get(app);
    List<Double> cold = Collections.synchronizedList(new ArrayList<>());
    List<Double> shots = Collections.synchronizedList(new ArrayList<>());
    List<Double> cpuReady = Collections.synchronizedList(new ArrayList<>());
    List<Double> cpuIdle = Collections.synchronizedList(new ArrayList<>());
    List<Double> rss = new ArrayList<>();
    List<Double> pss = new ArrayList<>();
    List<Double> host = new ArrayList<>();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    int done = 0;
    while (done < runs) {
      int n = Math.min(concurrency, runs - done);
      long availableBefore = memAvailableBytes();
      List<Desktop> up = Collections.synchronizedList(new ArrayList<>());
      CyclicBarrier allUp = new CyclicBarrier(n + 1);
      CyclicBarrier measured = new CyclicBarrier(n + 1);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        threads.add(Thread.ofPlatform().start(() -> {
          Desktop d = null;
          try {
            long t0 = System.nanoTime();
            d = provider.create(catalog.desktopFor(List.of(app)).accessibility(accessibility).build());
            d.start();
            d.launch(template.launch(List.of()));
            cold.add((System.nanoTime() - t0) / 1e6);
            long cpuAtReady = cpuNanos(d);
            cpuReady.add(cpuAtReady / 1e6);
            if (idleSeconds > 0) {
              Thread.sleep(idleSeconds * 1000L);
              cpuIdle.add((cpuNanos(d) - cpuAtReady) / 1e6);
            }
            up.add(d);
          } catch (RuntimeException | InterruptedException e) {
            errors.add(e.getMessage());
            if (d != null) d.close();
            d = null;
          }
          try {
            allUp.await();
            measured.await();
            if (d != null) {
              for (int s = 0; s < screenshotsPerDesktop; s++) {
                long t = System.nanoTime();
                d.screenshot().png();
                shots.add((System.nanoTime() - t) / 1e6);
              }
            }
          } catch (Exception e) {
            errors.add("benchmark thread: " + e);
          } finally {
            if (d != null) d.close();
          }
        }));
      }
      try {
        allUp.await();
        // every desktop of the round is up: measure memory while all of them run
        long availableDuring = memAvailableBytes();
        synchronized (up) {
          for (Desktop d : up) {
            long r = 0;
            for (ProcessHandle p : d.processes()) r += ProcessStats.rssBytes(p.pid());
            rss.add(r / 1e6);
            pss.add(d.memoryPssBytes() / 1e6);
          }
          if (!up.isEmpty()) host.add((availableBefore - availableDuring) / 1e6 / up.size());
        }
        measured.await();
        for (Thread t : threads) t.join();
      } catch (Exception e) {
        throw new IllegalStateException("benchmark interrupted", e);
      }
      done += n;
      progress.accept(String.format("%d/%d desktops: cold start p50 %.0f ms, CPU to ready p50 %.2f s, %d up at once, %d failed",
          done, runs, Percentiles.of(cold).p50(), Percentiles.of(cpuReady).p50() / 1000, up.size(), errors.size()));
    }
    return new Result(provider.name(), app, runs, concurrency, accessibility, Percentiles.of(cold), Percentiles.of(shots),
        mean(rss), mean(pss), mean(host), Percentiles.of(cpuReady), mean(cpuIdle), idleSeconds, errors.size(), List.copyOf(errors));
  }

  /** User and system CPU of all the desktop's processes so far, ended helpers included. */
  private static long cpuNanos(Desktop d) {
    long total = 0;
    for (ProcessHandle p : d.processes()) total += ProcessStats.cpuNanosWithReaped(p.pid());
    return total;
  }

  private static double mean(List<Double> v) {
    return v.isEmpty() ? Double.NaN : Math.round(v.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 10) / 10.0;
  }

  /** The kernel's estimate of memory available for new work, in bytes. */
  static long memAvailableBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
      }
    } catch (IOException e) {
      // fall through
    }
    return 0;
  }
}
