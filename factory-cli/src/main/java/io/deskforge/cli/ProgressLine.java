package io.deskforge.cli;

import io.deskforge.creator.pipeline.Generator;
import java.io.PrintWriter;

/**
 * The generate progress bar on stderr: redrawn in place on a terminal, a line every 10 s otherwise
 * (logs and CI), always a final line.
 */
final class ProgressLine {
  private final PrintWriter err;
  private final boolean terminal = System.console() != null;
  private long lastPrinted;
  private String lastLine = "";

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  synchronized void update(Generator.Progress p) {
    long now = System.nanoTime();
    if (!terminal && now - lastPrinted < 10_000_000_000L && p.inFlight() > 0) return;
    lastPrinted = now;
    lastLine = render(p);
    if (terminal) err.print("\r" + lastLine + "\u001b[K");
    else err.println(lastLine);
    err.flush();
  }

  synchronized void done(Generator.Progress p) {
    String line = render(p);
    if (terminal) err.println("\r" + line + "\u001b[K");
    else if (!line.equals(lastLine)) err.println(line);
    err.flush();
  }

  static String render(Generator.Progress p) {
    int width = 24;
    int filled = (int) Math.min(width, Math.round(width * (double) p.verified() / p.target()));
    long s = p.elapsed().toSeconds();
    return String.format("[%s%s] %d/%d verified · %d rejected · %d error · %.1f tasks/min · attempt %d/%d · %02d:%02d",
        "#".repeat(filled), ".".repeat(width - filled), p.verified(), p.target(), p.rejected(), p.error(),
        p.tasksPerMinute(), p.attempts(), p.maxAttempts(), s / 60, s % 60);
  }
}
