package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.bank.IntegrityReport;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.export.PublicEvalSets;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `deskforge generate` end to end on sandbox desktops, killed and resumed, then exported. */
class GenerateTest {
  @TempDir Path dir;

  @Test
  void generateKilledMidRunThenRunAgainLosesNothingAndDuplicatesNothing() throws Exception {
    Path bank = dir.resolve("bank.sqlite");
    String[] args = {"generate", "--apps", "xterm", "--count", "6", "--workers", "2", "--seed", "7", "--bank", bank.toString()};

    Process child = new ProcessBuilder(javaCommand(args)).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed-run.log").toFile()).start();
    Set<String> verifiedBeforeKill = new HashSet<>();
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (verifiedBeforeKill.size() < 2 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      if (Files.exists(bank)) verifiedBeforeKill = verifiedIds(bank);
    }
    assertThat(child.isAlive()).as("the run was still going when killed; log: " + Files.readString(dir.resolve("killed-run.log"))).isTrue();
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
    child.waitFor();
    verifiedBeforeKill = verifiedIds(bank); // a task may have landed between the last look and the kill
    assertThat(verifiedBeforeKill).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(6);

    Cli again = Cli.run(args);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("holds 6 verified tasks");
    // the rerun audits only what is missing: it verified the difference, and no task verified
    // before the kill was audited again (a second audit would be in its history)
    assertThat(again.out()).contains("this run verified " + (6 - verifiedBeforeKill.size()) + ",");
    try (TaskBank b = TaskBank.openExisting(bank)) {
      for (String id : verifiedBeforeKill) assertThat(b.audits(id)).as("audits of %s, verified before the kill", id).hasSize(1);
    }

    try (TaskBank b = TaskBank.openExisting(bank)) {
      IntegrityReport report = b.integrityCheck();
      assertThat(report.ok()).as(report.toString()).isTrue();
      List<TaskSpec> verified = b.tasks(Verdict.VERIFIED);
      assertThat(verified).hasSize(6);
      assertThat(verified.stream().map(TaskSpec::id)).doesNotHaveDuplicates().containsAll(verifiedBeforeKill);
    }
    try (Stream<Path> staged = Files.list(TaskBank.evidenceFolderOf(bank))) {
      assertThat(staged.filter(p -> p.getFileName().toString().equals(".staging"))
          .flatMap(GenerateTest::children).toList()).as("evidence left staged").isEmpty();
    }
  }

  @Test
  void twoGenerateRunsOnOneBankBothFinishAndLoseOrDuplicateNothing() throws Exception {
    Path bank = dir.resolve("shared.sqlite");
    // two tasks each: both runs start together and draw the same first candidates, which is the race
    String[] args = {"generate", "--apps", "xterm", "--count", "2", "--workers", "1", "--seed", "11", "--bank", bank.toString()};
    List<Process> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(new ProcessBuilder(javaCommand(args)).redirectErrorStream(true).redirectOutput(dir.resolve("run" + i + ".log").toFile()).start());
    }
    for (int i = 0; i < 2; i++) {
      assertThat(runs.get(i).waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).as("run " + i + " finished").isTrue();
      assertThat(runs.get(i).exitValue()).as(Files.readString(dir.resolve("run" + i + ".log"))).isZero();
      assertThat(Files.readString(dir.resolve("run" + i + ".log"))).contains("holds 2 verified tasks");
    }
    try (TaskBank b = TaskBank.openExisting(bank)) {
      IntegrityReport report = b.integrityCheck();
      assertThat(report.ok()).as(report.toString()).isTrue();
      List<TaskSpec> all = b.tasks(Verdict.VERIFIED);
      assertThat(all).hasSizeGreaterThanOrEqualTo(2);
      assertThat(all.stream().map(TaskSpec::id)).doesNotHaveDuplicates();
    }
    try (Stream<Path> staged = Files.list(TaskBank.evidenceFolderOf(bank))) {
      assertThat(staged.filter(p -> p.getFileName().toString().equals(".staging"))
          .flatMap(GenerateTest::children).toList()).as("evidence left staged").isEmpty();
    }
  }

  @Test
  void aRunWhoseMaxAttemptsAreSpentBeforeTheTargetSaysSoAndExitsOne() throws Exception {
    Path bank = dir.resolve("short.sqlite");
    Cli r = Cli.run("generate", "--apps", "xterm", "--count", "2", "--max-attempts", "1", "--workers", "1", "--seed", "5",
        "--no-contamination", "--bank", bank.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Deskforge.FAILED);
    assertThat(r.out()).containsPattern("stopped: the 1 attempts of --max-attempts are spent with [01]/2 verified");
    try (TaskBank b = TaskBank.openExisting(bank)) {
      assertThat(b.stats().verified() + b.stats().rejected() + b.stats().error()).as("one candidate audited").isEqualTo(1);
    }
  }

  @Test
  void theOsworldExportOfAGeneratedSetHasTheFieldsOfTheRealFiles() throws Exception {
    Path bank = dir.resolve("small.sqlite");
    Cli gen = Cli.run("generate", "--apps", "xterm,mousepad", "--count", "3", "--seed", "3", "--bank", bank.toString());
    assertThat(gen.exit()).as(gen.err()).isZero();
    Path out = dir.resolve("osworld");
    Cli export = Cli.run("export", "--bank", bank.toString(), "--format", "osworld", "--out", out.toString());
    assertThat(export.exit()).as(export.err()).isZero();

    Set<String> realFields = new HashSet<>();
    try (Stream<Path> files = Files.walk(PublicEvalSets.osworld().resolve("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        realFields.addAll(fieldNames(TaskJson.mapper().readTree(f.toFile())));
      }
    }
    List<Path> exported;
    try (Stream<Path> files = Files.walk(out.resolve("examples"))) {
      exported = files.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertThat(exported).hasSize(3);
    for (Path f : exported) {
      JsonNode task = TaskJson.mapper().readTree(f.toFile());
      assertThat(fieldNames(task)).as(f.toString()).containsAll(realFields);
      assertThat(task.get("instruction").asText()).isNotBlank();
      assertThat(task.get("evaluator").has("func")).isTrue();
    }
    JsonNode testAll = TaskJson.mapper().readTree(out.resolve("test_all.json").toFile());
    int listed = 0;
    for (Iterator<JsonNode> it = testAll.elements(); it.hasNext(); ) listed += it.next().size();
    assertThat(listed).isEqualTo(3);
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> verifiedIds(Path bank) {
    try (TaskBank b = TaskBank.openExisting(bank)) {
      Set<String> ids = new HashSet<>();
      b.tasks(Verdict.VERIFIED).forEach(t -> ids.add(t.id()));
      return ids;
    } catch (RuntimeException e) {
      return Set.of(); // the child is creating the schema right now
    }
  }

  private static Stream<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList().stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** This JVM's java and class path running the CLI's main class. */
  static List<String> javaCommand(String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Deskforge.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
