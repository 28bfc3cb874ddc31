package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `deskforge sweep` on sandbox desktops: a family that verifies, one that does not, and a sweep run again. */
class SweepTest {
  @TempDir Path dir;

  /** The shipped xterm.make-directory.data with a solution that makes the wrong folder: its tasks cannot verify. */
  private Path brokenFamily() throws Exception {
    String shipped = new String(SweepTest.class.getResourceAsStream("/io/deskforge/apps/xterm/families/make-directory.family.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String broken = shipped.replace("\"family\": \"xterm.make-directory.data\"", "\"family\": \"xterm.make-directory.broken\"")
        .replace("\"$schema\": \"../../family/family.schema.json\",", "")
        .replace("{\"action\": \"type\", \"text\": \"mkdir ~/{parent}/{name}\\n\"}\n  ]},",
            "{\"action\": \"type\", \"text\": \"mkdir ~/{parent}/{wrong}-x\\n\"}\n  ]},");
    assertThat(broken).as("the solution was replaced").contains("{wrong}-x").contains("xterm.make-directory.broken");
    Path file = dir.resolve("broken.family.json");
    Files.writeString(file, broken);
    return file;
  }

  @Test
  void sweepProvesEachFamilyNamesTheOneThatFailsAndRunAgainAuditsNothingTwice() throws Exception {
    Path bank = dir.resolve("sweep.sqlite");
    String[] args = {"sweep", "--family", "xterm.make-directory.data,xterm.make-directory.broken", "--families", brokenFamily().toString(),
        "--seeds", "2", "--no-contamination", "--bank", bank.toString()};

    Cli first = Cli.run(args);
    assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(Deskforge.FAILED);
    assertThat(first.out())
        .contains("proved  xterm.make-directory.data: 2 of 2 seeds verified")
        .containsPattern("FAILED  xterm\\.make-directory\\.broken: seed 1000 \\([^)]+\\) rejected: the reference solution does not make the checker pass .+ \\| seed 1001 ")
        .contains("sweep: 1 of 2 families proved every seed; 2 tasks verified, 2 rejected, 0 not decided");
    List<String> ids;
    try (TaskBank b = TaskBank.openExisting(bank)) {
      assertThat(b.tasks(Verdict.VERIFIED)).extracting(TaskSpec::family).containsOnly("xterm.make-directory.data").hasSize(2);
      assertThat(b.tasks(Verdict.REJECTED)).extracting(TaskSpec::family).containsOnly("xterm.make-directory.broken").hasSize(2);
      ids = java.util.stream.Stream.concat(b.tasks(Verdict.VERIFIED).stream(), b.tasks(Verdict.REJECTED).stream()).map(TaskSpec::id).toList();
    }

    // started again, the sweep decides nothing anew: the same report from the bank, one audit a task
    Cli again = Cli.run(args);
    assertThat(again.exit()).isEqualTo(Deskforge.FAILED);
    assertThat(again.out()).contains("proved  xterm.make-directory.data: 2 of 2 seeds verified")
        .contains("sweep: 1 of 2 families proved every seed; 2 tasks verified, 2 rejected");
    try (TaskBank b = TaskBank.openExisting(bank)) {
      for (String id : ids) assertThat(b.audits(id)).as("audits of " + id).hasSize(1);
    }
  }

  @Test
  void anUnknownFamilyIsRefusedBeforeAnyDesktopStarts() {
    Cli run = Cli.run("sweep", "--family", "xterm.no-such-family", "--bank", dir.resolve("b.sqlite").toString());
    assertThat(run.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(run.err()).contains("--family xterm.no-such-family: no such family");
    assertThat(dir.resolve("b.sqlite")).doesNotExist();
  }
}
