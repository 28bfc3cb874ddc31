package io.deskforge.apps.office;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host's LibreOffice converting a document for a test ({@code soffice --headless
 * --convert-to}), leaving nothing in the host's temp folder: its {@code lu*.tmp} folders go to a
 * {@code TMPDIR} of its own beside the profile, deleted afterwards, and a conversion that overruns
 * its time is stopped with every process under it and its pipe ({@link OfficeStop}). Output goes
 * to a file, so an office that hangs cannot block the test on a read.
 */
public final class HostSoffice {
  private static final long LIMIT_SECONDS = 120;

  private HostSoffice() {}

  /**
   * Converts {@code src} with this filter ({@code "odt"}, {@code "docx:MS Word 2007 XML"}) into
   * {@code outdir}, with the user profile at {@code profile}; returns what soffice printed. The
   * caller checks the converted file: soffice exits 0 on many failures.
   */
  public static String convert(Path src, String filter, Path outdir, Path profile) throws IOException, InterruptedException {
    return convert(List.of(src), filter, outdir, profile);
  }

  /** As above, several documents in one start of LibreOffice (each start with a new profile costs seconds). */
  public static String convert(List<Path> srcs, String filter, Path outdir, Path profile) throws IOException, InterruptedException {
    String src = srcs.toString();
    Path work = Files.createTempDirectory(profile.toAbsolutePath().getParent(), ".soffice-");
    try {
      Path log = work.resolve("soffice.log");
      List<String> command = new java.util.ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
          "--convert-to", filter, "--outdir", outdir.toString()));
      srcs.forEach(s -> command.add(s.toString()));
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("TMPDIR", Files.createDirectories(work.resolve("tmp")).toString());
      Process p = pb.start();
      if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        OfficeStop.stop(p);
        throw new IllegalStateException("soffice did not convert " + src + " to " + filter + " within " + LIMIT_SECONDS + " s: "
            + Files.readString(log).strip());
      }
      return Files.readString(log);
    } finally {
      deleteTree(work);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    }
  }
}
