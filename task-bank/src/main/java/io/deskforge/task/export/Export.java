package io.deskforge.task.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote: how many tasks, and every file, relative to the output folder; and the
 * tasks left out, each with why (a task the format cannot express, when the export skips those).
 */
public record Export(String format, Path outDir, int tasks, List<Path> files, List<String> skipped) {
  public Export {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
  }

  public Export(String format, Path outDir, int tasks, List<Path> files) {
    this(format, outDir, tasks, files, List.of());
  }
}
