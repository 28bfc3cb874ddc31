package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `amplify compose` writes family files that generate then audits like any other. */
class AmplifyComposeTest {
  @TempDir Path dir;

  @Test
  void composedFamiliesAreWrittenAndTheirTasksVerifyThroughGenerate() throws Exception {
    Path out = dir.resolve("composed");
    Cli r = Cli.run("amplify", "compose", "--app", "xterm", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(Deskforge.OK);
    List<DataFamily> written = FamilyFiles.load(List.of(out));
    assertThat(written).hasSize(12);
    assertThat(r.out()).contains("12 composed, 0 refused, from 4 data families of xterm");

    Path bank = dir.resolve("bank.sqlite");
    Cli g = Cli.run("generate", "--families", out.toString(), "--data-only", "--count", "2", "--bank", bank.toString());
    assertThat(g.exit()).as(g.out() + g.err()).isEqualTo(Deskforge.OK);
    try (TaskBank b = TaskBank.open(bank)) {
      assertThat(b.tasks(Verdict.VERIFIED)).hasSize(2).allSatisfy(t -> assertThat(t.family()).contains(".then."));
    }
  }

  @Test
  void familiesThatCannotShareADesktopAreListedAsRefusedAndTheExitSaysNoneComposed() {
    Cli r = Cli.run("amplify", "compose", "--app", "mousepad", "--out", dir.resolve("m").toString());
    assertThat(r.exit()).isEqualTo(Deskforge.FAILED);
    assertThat(r.out()).contains("refused   mousepad.append-line.data").contains("launch the app differently")
        .contains("0 composed, 2 refused").doesNotContain("Audit them with");
  }

  @Test
  void anAppWithoutTwoDataFamiliesIsAUsageError() {
    Cli r = Cli.run("amplify", "compose", "--app", "gnumeric", "--out", dir.resolve("g").toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains("--app gnumeric: 1 data families, and composing needs two");
  }
}
