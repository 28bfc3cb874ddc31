package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.action.Action;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task files written elsewhere come in through validation and a full audit. */
class ImportTest {
  @TempDir Path dir;

  @Test
  void malformedTaskJsonIsRefusedWithTheFileLineJsonPathAndFieldNamed() throws Exception {
    TaskSpec good = AppCatalog.load().family("xterm.write-file").sample(5);
    String json = TaskJson.write(good.withId(null));
    // the second setup step loses its "path", the kind of slip a hand-written task makes
    String broken = json.replaceFirst("\"type\":\"launch\"", "\"type\":\"make_dir\",\"paht\":\"/home/user/x\"")
        .replaceFirst(",\"app\":\"xterm\",\"args\":\\[]", "");
    Path file = dir.resolve("tasks.jsonl");
    Files.writeString(file, json + "\n" + broken + "\n");
    Path bank = dir.resolve("bank.sqlite");

    Cli r = Cli.run("import", "--bank", bank.toString(), file.toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.out()).contains(file + ":2").contains("$.setup[0]").contains("path").contains("nothing was imported");
    assertThat(bank).doesNotExist();
  }

  @Test
  void anImportedTaskWhoseSetupBreaksThePolicyIsRejectedWithTheReasonBeforeAnyDesktop() throws Exception {
    TaskSpec good = AppCatalog.load().family("xterm.write-file").sample(6);
    List<SetupStep> setup = new ArrayList<>(good.setup());
    setup.add(0, new SetupStep.WriteFile("/etc/profile.d/greeting.sh", "echo hello\n"));
    setup.add(1, new SetupStep.Run(List.of("chmod", "+x", "/etc/profile.d/greeting.sh"), true));
    TaskSpec written = new TaskSpec(null, good.family(), good.app(), good.relatedApps(), good.instruction(), good.seed(),
        good.params(), good.privileged(), setup, good.checker(), good.solution(), good.negatives(), good.difficulty(),
        good.provenance(), null).withContentId();
    Path file = dir.resolve("elsewhere.json");
    Files.writeString(file, TaskJson.writePretty(written));
    Path bank = dir.resolve("bank.sqlite");

    Cli r = Cli.run("import", "--no-contamination", "--bank", bank.toString(), file.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Deskforge.FAILED);
    assertThat(r.out()).contains("rejected  " + written.id())
        .contains("allowed steps: setup[0] writes /etc/profile.d/greeting.sh, outside the task's locations")
        .contains("allowed steps: setup[1] runs a command as root")
        .contains("0 of 1 imported tasks verified");
    try (TaskBank b = TaskBank.openExisting(bank)) {
      assertThat(b.verdictOf(written.id())).contains(Verdict.REJECTED);
      assertThat(b.get(written.id()).orElseThrow().audit().stages()).extracting(s -> s.name()).containsExactly("static");
    }
  }

  @Test
  void aValidTaskIsAuditedAndRecordedVerified() throws Exception {
    TaskSpec task = AppCatalog.load().family("xterm.make-directory").sample(9);
    Path file = dir.resolve("one.json");
    Files.writeString(file, TaskJson.writePretty(task));
    Path bank = dir.resolve("bank.sqlite");

    // a run killed while staging evidence left its folder under .staging/<its pid>: the import clears it
    Path staging = TaskBank.evidenceFolderOf(bank).resolve(".staging");
    Path killed = Files.createDirectories(staging.resolve(Long.toString(Long.MAX_VALUE)).resolve("task"));
    Files.writeString(killed.resolve("end.png"), "half-written");

    Cli r = Cli.run("import", "--bank", bank.toString(), file.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("verified  " + task.id()).contains("1 of 1 imported tasks verified into " + bank);
    try (TaskBank b = TaskBank.openExisting(bank)) {
      assertThat(b.verdictOf(task.id())).contains(Verdict.VERIFIED);
      assertThat(b.get(task.id()).orElseThrow().audit().stages()).anyMatch(s -> s.name().equals("replay.solution") && s.passed());
      assertThat(b.integrityCheck().ok()).as(b.integrityCheck().toString()).isTrue();
    }
    // evidence is staged per process, as generate's, and nothing of this run's or the killed run's stays behind
    try (var left = Files.list(staging)) {
      assertThat(left).as("staging folders left in " + staging).isEmpty();
    }
  }

  @Test
  void tasksThatWouldThrowInAReplayAreNamedByValidateAndImportRecordsEachAndAuditsTheRest() throws Exception {
    AppCatalog catalog = AppCatalog.load();
    TaskSpec good = catalog.family("xterm.make-directory").sample(9);
    TaskSpec badKey = withSolutionAction(catalog.family("xterm.write-file").sample(5), Action.key("ctrl+nosuchkey"));
    TaskSpec badRegex = withSolutionAction(catalog.family("xterm.write-file").sample(6), Action.waitForWindow("([unclosed"));
    TaskSpec offScreen = withSolutionAction(catalog.family("xterm.write-file").sample(7), Action.click(5000, 10));
    Path file = dir.resolve("mixed.jsonl");
    Files.writeString(file, String.join("\n", TaskJson.write(badKey), TaskJson.write(good), TaskJson.write(badRegex),
        TaskJson.write(offScreen)) + "\n");

    Cli validate = Cli.run("validate", file.toString());
    assertThat(validate.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(validate.out()).contains("task 1: replayability: solution action").contains("unknown key 'nosuchkey'")
        .contains("task 3: replayability:").contains("not a regular expression")
        .contains("task 4: replayability:").contains("(5000, 10) is off the 1280x800 screen")
        .doesNotContain("task 2:");

    Path bank = dir.resolve("bank.sqlite");
    Cli r = Cli.run("import", "--bank", bank.toString(), file.toString());
    assertThat(r.err()).doesNotContain("\tat ");
    try (TaskBank b = TaskBank.openExisting(bank)) {
      assertThat(b.verdictOf(good.id())).contains(Verdict.VERIFIED);
      for (TaskSpec broken : java.util.List.of(badKey, badRegex, offScreen)) {
        assertThat(b.verdictOf(broken.id())).as(broken.id()).contains(Verdict.REJECTED);
        assertThat(b.get(broken.id()).orElseThrow().audit().reasons()).anyMatch(x -> x.startsWith("replayability: solution action"));
      }
    }
  }

  @Test
  void aTaskWhoseCheckerReadsAHostFileIsRejectedNamingItAndNothingOfTheFileReachesTheBank() throws Exception {
    TaskSpec t = AppCatalog.load().family("xterm.write-file").sample(12);
    com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) TaskJson.mapper().readTree(TaskJson.write(t.withId(null)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.at("/checker/getter")).put("path", "/etc/shadow");
    json.put("instruction", t.instruction() + " Also look at /etc/shadow.");
    Path file = dir.resolve("shadow.json");
    Files.writeString(file, json.toString());
    Path bank = dir.resolve("bank.sqlite");

    Cli r = Cli.run("import", "--bank", bank.toString(), file.toString());
    assertThat(r.err()).doesNotContain("\tat ");
    String id = TaskJson.mapper().readValue(json.toString(), TaskSpec.class).withContentId().id();
    try (TaskBank b = TaskBank.openExisting(bank)) {
      assertThat(b.verdictOf(id)).contains(Verdict.REJECTED);
      assertThat(b.get(id).orElseThrow().audit().reasons()).anyMatch(x -> x.startsWith("locations: checker leaf 0 reads /etc/shadow"));
    }
    String shadowRoot = Files.readAllLines(Path.of("/etc/shadow")).get(0);
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)).as(p.toString()).doesNotContain(shadowRoot);
      }
    }
  }

  private static TaskSpec withSolutionAction(TaskSpec t, Action extra) {
    java.util.List<Action> actions = new java.util.ArrayList<>(t.solution().actions());
    actions.add(extra);
    Trajectory solution = new Trajectory(t.solution().name(), t.solution().description(), actions);
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        t.setup(), t.checker(), solution, t.negatives(), t.difficulty(), t.provenance(), null).withContentId();
  }
}
