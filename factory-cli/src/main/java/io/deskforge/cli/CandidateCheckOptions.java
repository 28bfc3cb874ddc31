package io.deskforge.cli;

import io.deskforge.audit.CandidateCheck;
import io.deskforge.audit.candidate.BankDuplicateCheck;
import io.deskforge.audit.candidate.ContaminationCheck;
import io.deskforge.cli.contamination.StderrProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The checks a candidate passes before its replay: contamination, and duplicates in the bank. */
public final class CandidateCheckOptions {
  @Option(names = "--contamination-index", paramLabel = "DIR",
      description = {"Lucene index of public evaluation sets; candidates that duplicate one of its tasks are rejected.",
          "Built on first use from the OSWorld and WebArena files deskforge ships. Default: ~/.cache/deskforge/contamination-evalsets."})
  Path index;

  @Option(names = "--no-contamination", description = "Skip the contamination check (bank duplicates are still refused).")
  boolean off;

  /** The opened checks; close them when the run is over. */
  public record Opened(List<CandidateCheck> checks) implements AutoCloseable {
    @Override
    public void close() {
      checks.forEach(CandidateCheck::close);
    }
  }

  public Opened open(PrintWriter err) {
    List<CandidateCheck> checks = new ArrayList<>();
    if (!off) {
      Path dir = index == null ? ContaminationCheck.defaultIndex() : index;
      if (!java.nio.file.Files.exists(dir)) {
        err.println("building the contamination index of the shipped evaluation sets at " + dir + " (once) ...");
        err.flush();
      }
      checks.add(ContaminationCheck.openOrBuild(dir, new StderrProgress()));
    }
    checks.add(new BankDuplicateCheck());
    return new Opened(checks);
  }
}
