package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.json.TaskValidator;
import io.deskforge.task.spec.TaskSpec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stats, show, export and validate, run as the deskforge command runs them, on a real bank file. */
class BankCommandsTest {
  @TempDir Path dir;
  private Path bank;
  private Path fixture;
  private List<TaskSpec> tasks;

  private static Cli run(String... args) {
    return Cli.run(args);
  }

  /** Three verified tasks (mousepad, gnumeric, files) and one rejected (mousepad). */
  @BeforeEach
  void bankOfTheFixtureTasks() throws Exception {
    fixture = dir.resolve("tasks.jsonl");
    try (InputStream in = getClass().getResourceAsStream("tasks.jsonl")) {
      Files.copy(in, fixture);
    }
    tasks = TaskValidator.get().readFile(fixture).stream().map(TaskSpec::withContentId).toList();
    bank = dir.resolve("bank.db");
    try (TaskBank b = TaskBank.open(bank)) {
      tasks.forEach(b::record);
    }
  }

  @Test
  void statsJsonCountsByVerdictAppAndFamily() throws Exception {
    Cli r = run("stats", "--bank", bank.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode stats = TaskJson.mapper().readTree(r.out());
    assertThat(stats.get("verified").asInt()).isEqualTo(3);
    assertThat(stats.get("rejected").asInt()).isEqualTo(1);
    assertThat(stats.get("error").asInt()).isZero();
    assertThat(stats.get("total").asInt()).isEqualTo(4);
    assertThat(stats.at("/by_app/mousepad/verified").asInt()).isEqualTo(1);
    assertThat(stats.at("/by_app/mousepad/rejected").asInt()).isEqualTo(1);
    assertThat(stats.at("/by_family/gnumeric.sum-column/verified").asInt()).isEqualTo(1);
  }

  @Test
  void statsWithoutJsonPrintsATable() {
    Cli r = run("stats", "--bank", bank.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("verified", "by app", "by family", "mousepad.replace-word");
    assertThat(r.out().lines().filter(l -> l.startsWith("all")).findFirst().orElseThrow()).matches("all\\s+3\\s+1\\s+0\\s+4");
  }

  @Test
  void aMissingBankIsNamedAndNotCreated() {
    Path typo = dir.resolve("bnak.db");
    for (String[] args : List.of(new String[] {"stats", "--bank", typo.toString()},
        new String[] {"show", "x", "--bank", typo.toString()},
        new String[] {"export", "--bank", typo.toString(), "--format", "jsonl", "--out", dir.resolve("o").toString()})) {
      Cli r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Deskforge.USAGE);
      assertThat(r.err()).contains("no bank at " + typo).doesNotContain("\tat ");
    }
    assertThat(typo).doesNotExist();
  }

  @Test
  void aFileThatIsNotABankIsRefusedByName() {
    Cli r = run("stats", "--bank", fixture.toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains(fixture + " is not a deskforge bank");
  }

  @Test
  void aCorruptBankGivesOneLineNamingItAndNoStackTrace() throws Exception {
    for (int offset : new int[] {100, 4096 * 3}) {
      Path corrupt = dir.resolve("corrupt-" + offset + ".db");
      Files.copy(bank, corrupt);
      byte[] bytes = Files.readAllBytes(corrupt);
      java.util.Random r = new java.util.Random(offset);
      for (int i = offset; i < bytes.length; i++) bytes[i] = (byte) r.nextInt();
      Files.write(corrupt, bytes);
      for (String[] args : List.of(new String[] {"stats", "--bank", corrupt.toString()},
          new String[] {"export", "--bank", corrupt.toString(), "--format", "jsonl", "--out", dir.resolve("out-" + offset).toString()})) {
        Cli c = run(args);
        assertThat(c.exit()).as(String.join(" ", args)).isNotZero();
        assertThat(c.err().strip().lines().toList()).as(c.err()).hasSize(1);
        assertThat(c.err()).contains(corrupt.toString()).doesNotContain("\tat ").doesNotContain("Exception");
      }
    }
  }

  @Test
  void showPrintsTheTaskWithItsAudit() throws Exception {
    TaskSpec task = tasks.getFirst();
    Cli r = run("show", task.id(), "--bank", bank.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(TaskJson.mapper().readValue(r.out(), TaskSpec.class)).isEqualTo(task);
    assertThat(r.out()).contains("\"verdict\" : \"verified\"");
  }

  @Test
  void showOfAnUnknownIdExitsTwoWithAClearMessage() {
    Cli r = run("show", "mousepad.replace-word-0000000000000000", "--bank", bank.toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).startsWith("deskforge show: no task mousepad.replace-word-0000000000000000 in bank ")
        .contains("deskforge stats --bank");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void exportJsonlWritesTheVerifiedTasksOnly() throws Exception {
    Path out = dir.resolve("jsonl");
    Cli r = run("export", "--bank", bank.toString(), "--format", "jsonl", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("exported 3 verified tasks as jsonl to " + out.toAbsolutePath()).contains("tasks.jsonl");
    assertThat(TaskValidator.get().readFile(out.resolve("tasks.jsonl"))).hasSize(3);
  }

  @Test
  void exportOsworldWritesItsLayout() {
    Path catalogApps = dir.resolve("catalog-apps.db");
    try (TaskBank b = TaskBank.open(catalogApps)) {
      tasks.stream().filter(t -> t.app().equals("mousepad")).forEach(b::record);
    }
    Path out = dir.resolve("osworld");
    Cli r = run("export", "--bank", catalogApps.toString(), "--format", "osworld", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("test_all.json", "examples/ (1 files)");
    assertThat(out.resolve("test_all.json")).isRegularFile();
    // the catalog says what the app needs: its package is installed by the task's first step
    assertThat(out.resolve("examples/mousepad")).isDirectoryContaining(f -> f.toString().endsWith(".json"));
  }

  @Test
  void exportOsworldRefusesATaskOfAnAppTheCatalogDoesNotKnowAndWritesNothing() {
    Path out = dir.resolve("osworld");
    Cli r = run("export", "--bank", bank.toString(), "--format", "osworld", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains("files.move-file", "unknown app 'files'");
    assertThat(out).doesNotExist();
  }

  @Test
  void exportWebarenaWritesTheWikisTaskAndListsTheTaskOfADesktopApp() throws Exception {
    TaskSpec notes = tasks.stream().filter(t -> t.app().equals("mousepad") && t.audit().verified()).findFirst().orElseThrow();
    TaskSpec w = io.deskforge.apps.AppCatalog.load().family("dokuwiki.create-page").sample(1);
    // the fixture's proof stands in for the wiki task's audit: the export reads the verdict only
    TaskSpec wiki = new TaskSpec(w.id(), w.family(), w.app(), w.relatedApps(), w.instruction(), w.seed(), w.params(), w.privileged(),
        w.setup(), w.checker(), w.solution(), w.negatives(), w.difficulty(), w.provenance(), notes.audit());
    Path webBank = dir.resolve("web.db");
    try (TaskBank b = TaskBank.open(webBank)) {
      b.record(wiki);
      b.record(notes);
    }
    Path out = dir.resolve("webarena");
    Cli r = run("export", "--bank", webBank.toString(), "--format", "webarena", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("exported 1 verified tasks as webarena").contains("config_files/ (1 files)", "test.json", "task_ids.json");
    assertThat(r.err()).contains("left out 1 verified task with no webarena form", notes.id(), "is no WebArena site");
    JsonNode config = TaskJson.mapper().readTree(out.resolve("config_files/0.json").toFile());
    assertThat(config.get("intent").asText()).isEqualTo(wiki.instruction());
    assertThat(config.at("/eval/program_html/0/url").asText()).isEqualTo("http://127.0.0.1:8080/doku.php?id=" + wiki.params().get("page") + "&do=source");

    Path strict = dir.resolve("strict");
    Cli refused = run("export", "--bank", webBank.toString(), "--format", "webarena", "--strict", "--out", strict.toString());
    assertThat(refused.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(refused.err()).contains(notes.id(), "is no WebArena site");
    assertThat(strict).doesNotExist();
  }

  @Test
  void anUnknownExportFormatListsTheKnownOnes() {
    Cli r = run("export", "--bank", bank.toString(), "--format", "csv", "--out", dir.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains("unknown export format 'csv'", "jsonl", "osworld");
  }

  @Test
  void validateAcceptsAValidFile() throws Exception {
    Path real = realTasks();
    Cli r = run("validate", real.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).isEqualTo(real + ": ok, 3 tasks" + System.lineSeparator());
  }

  @Test
  void validateNamesFileLineAndJsonPathOfEachProblemAndExitsTwo() throws Exception {
    Path real = realTasks();
    List<String> lines = Files.readAllLines(real);
    Path broken = dir.resolve("broken.jsonl");
    Files.write(broken, List.of(lines.get(0), lines.get(1).replace("\"setup\":[{\"type\":\"write_file\",\"path\":", "\"setup\":[{\"type\":\"write_file\",\"pth\":"), "{\"family\": "));
    Cli r = run("validate", real.toString(), broken.toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.out()).contains(
        broken + ":2: $.setup[0].path: is required but missing",
        broken + ":2: $.setup[0].pth: unknown field 'pth'",
        broken + ":3:12: malformed JSON",
        "1 of 2 files invalid, 3 problems");
  }

  @Test
  void validateNamesAnAppTheCatalogLacks() {
    Cli r = run("validate", fixture.toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.out()).contains(fixture + ": task 2: replayability: app 'files' is not in the catalog");
  }

  /** Three draws of real families, one per line. */
  private Path realTasks() throws Exception {
    io.deskforge.apps.AppCatalog catalog = io.deskforge.apps.AppCatalog.load();
    Path file = dir.resolve("real.jsonl");
    Files.write(file, List.of(TaskJson.write(catalog.family("xterm.write-file").sample(1)),
        TaskJson.write(catalog.family("mousepad.append-line").sample(2)), TaskJson.write(catalog.family("gnumeric.fix-cell").sample(3))));
    return file;
  }
}
