package io.deskforge.task.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.deskforge.task.SampleTasks;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OSWorld export, checked against OSWorld's real task files (shapes) and its own code (every
 * name it runs by). That OSWorld's code runs the exported tasks and scores them as deskforge does
 * is env-templates' OsworldCompatTest; here, what the files say.
 */
class OsworldExporterTest {
  private static final OsworldExporter EXPORTER = new OsworldExporter(TestCatalog.INSTANCE);
  private static List<JsonNode> real;
  private static Set<String> realFields;
  private static Map<String, Set<JsonNodeType>> realFieldTypes;
  private static OsworldNames osworld;

  @TempDir static Path dir;
  private static Path out;
  private static Export export;
  private static List<JsonNode> exported;

  @BeforeAll
  static void exportABankOfSampleTasks() throws Exception {
    real = RealOsworld.examples();
    osworld = OsworldNames.read(PublicEvalSets.osworldCode());
    realFields = new HashSet<>();
    realFieldTypes = new HashMap<>();
    for (JsonNode task : real) {
      task.fieldNames().forEachRemaining(realFields::add);
      task.fields().forEachRemaining(f -> realFieldTypes.computeIfAbsent(f.getKey(), k -> new HashSet<>()).add(f.getValue().getNodeType()));
    }
    out = dir.resolve("osworld");
    try (TaskBank bank = TaskBank.open(dir.resolve("tasks.db"))) {
      SampleTasks.all().forEach(t -> bank.record(SampleTasks.verified(t)));
      bank.record(SampleTasks.rejected(SampleTasks.replaceWord("rejected"), "negative passes"));
      export = EXPORTER.exportVerified(bank, out);
    }
    try (Stream<Path> files = Files.walk(out.resolve("examples"))) {
      exported = files.filter(f -> f.toString().endsWith(".json")).sorted().map(RealOsworld::read).toList();
    }
  }

  private static List<JsonNode> evaluators(List<JsonNode> tasks) {
    return tasks.stream().map(t -> t.get("evaluator")).filter(JsonNode::isObject).toList();
  }

  /** A node, or each element when it is an array (OSWorld lists parts of a multi-check evaluator). */
  private static List<JsonNode> each(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull()) return out;
    if (node.isArray()) node.forEach(out::add);
    else out.add(node);
    return out;
  }

  private static Set<String> funcs(List<JsonNode> tasks) {
    Set<String> out = new HashSet<>();
    evaluators(tasks).forEach(e -> each(e.get("func")).forEach(f -> out.add(f.asText())));
    return out;
  }

  private static Set<String> getterTypes(List<JsonNode> tasks, String key) {
    Set<String> out = new HashSet<>();
    evaluators(tasks).forEach(e -> each(e.get(key)).forEach(g -> out.add(g.path("type").asText())));
    return out;
  }

  private static Set<String> configTypes(List<JsonNode> tasks) {
    Set<String> out = new HashSet<>();
    tasks.forEach(t -> t.path("config").forEach(c -> out.add(c.path("type").asText())));
    return out;
  }

  private static JsonNode readerArgument(JsonNode result) {
    assertThat(result.path("type").asText()).isEqualTo("vm_command_line");
    assertThat(result.at("/command/0").asText()).isEqualTo("python3");
    assertThat(result.at("/command/1").asText()).isEqualTo("-c");
    assertThat(result.at("/command/2").asText()).isEqualTo(VmReader.PROGRAM);
    return RealOsworld.parse(result.at("/command/3").asText());
  }

  private static String decoded(JsonNode writeStep) {
    return new String(Base64.getDecoder().decode(writeStep.at("/parameters/command/5").asText()), StandardCharsets.UTF_8);
  }

  @Test
  void everyExportedTaskHasExactlyTheTopLevelFieldsOfTheRealFiles() {
    assertThat(realFields).as("fields found in the real files").contains("id", "instruction", "config", "evaluator");
    assertThat(exported).hasSize(SampleTasks.all().size());
    for (JsonNode task : exported) {
      Set<String> fields = new HashSet<>();
      task.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).as(task.path("id").asText()).containsExactlyInAnyOrderElementsOf(realFields);
    }
  }

  @Test
  void everyFieldHasAJsonTypeTheRealFilesUse() {
    for (JsonNode task : exported) {
      task.fields().forEachRemaining(f -> assertThat(realFieldTypes.get(f.getKey()))
          .as("JSON types of '%s' in real files", f.getKey()).contains(f.getValue().getNodeType()));
    }
  }

  @Test
  void configStepsAreOnlyOnesOsworldsSetupControllerRunsAndRealTasksUse() {
    Set<String> realKeys = new HashSet<>();
    real.forEach(t -> t.path("config").forEach(c -> c.fieldNames().forEachRemaining(realKeys::add)));
    for (JsonNode task : exported) {
      for (JsonNode entry : task.get("config")) {
        Set<String> keys = new HashSet<>();
        entry.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(realKeys);
        assertThat(entry.get("parameters").isObject()).isTrue();
      }
    }
    assertThat(configTypes(exported)).containsExactlyInAnyOrder("execute", "launch")
        .allMatch(osworld.setupTypes()::contains).allMatch(configTypes(real)::contains);
  }

  @Test
  void evaluatorsNameOnlyMetricsAndGettersOsworldsCodeDefines() {
    Set<String> realKeys = new HashSet<>();
    evaluators(real).forEach(e -> e.fieldNames().forEachRemaining(realKeys::add));
    for (JsonNode e : evaluators(exported)) {
      e.fieldNames().forEachRemaining(k -> assertThat(realKeys).as("evaluator key").contains(k));
      assertThat(each(e.get("func"))).hasSameSizeAs(each(e.get("result"))).hasSameSizeAs(each(e.get("expected")));
    }
    assertThat(funcs(exported)).containsExactlyInAnyOrder("exact_match", "check_include_exclude")
        .allMatch(osworld.metrics()::contains);
    assertThat(getterTypes(exported, "result")).containsExactly("vm_command_line").allMatch(osworld.getterTypes()::contains);
    assertThat(getterTypes(exported, "expected")).containsExactly("rule").allMatch(osworld.getterTypes()::contains);
  }

  @Test
  void nothingInTheExportIsNamedDeskforgeStar() throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("\"deskforge_");
      }
    }
  }

  @Test
  void testAllHasTheShapeOfTheRealOne() {
    JsonNode realAll = RealOsworld.testAll();
    assertThat(realAll.isObject()).isTrue();
    realAll.fields().forEachRemaining(f -> assertThat(f.getValue().isArray()).isTrue());
    JsonNode ours = RealOsworld.read(out.resolve("test_all.json"));
    assertThat(ours.isObject()).isTrue();
    Set<String> listed = new HashSet<>();
    ours.fields().forEachRemaining(app -> {
      assertThat(app.getValue().isArray()).isTrue();
      app.getValue().forEach(id -> {
        assertThat(id.isTextual()).isTrue();
        assertThat(out.resolve("examples").resolve(app.getKey()).resolve(id.asText() + ".json")).isRegularFile();
        listed.add(id.asText());
      });
    });
    assertThat(listed).containsExactlyInAnyOrderElementsOf(exported.stream().map(t -> t.get("id").asText()).toList());
    assertThat(ours.fieldNames()).toIterable().containsExactly("files", "gnumeric", "mousepad");
  }

  @Test
  void onlyVerifiedTasksAreExported() {
    assertThat(export.tasks()).isEqualTo(SampleTasks.all().size());
    assertThat(exported).noneSatisfy(t -> assertThat(t.get("instruction").asText()).contains("rejected"));
  }

  @Test
  void exportListsEveryFileItWrote() {
    assertThat(export.files()).hasSize(1 + SampleTasks.all().size()).contains(Path.of("test_all.json"));
    export.files().forEach(f -> assertThat(out.resolve(f)).isRegularFile());
  }

  @Test
  void setupFirstInstallsThePackagesOfEveryAppTheTaskUsesWhenMissing() {
    JsonNode install = EXPORTER.example(SampleTasks.spreadsheetSum(1)).at("/config/0");
    assertThat(install.get("type").asText()).isEqualTo("execute");
    assertThat(install.at("/parameters/command").toString())
        .isEqualTo(TaskJson.write(List.of("sh", "-c", OsworldMapping.INSTALL, "sh", "gnumeric", "nautilus")));
    // as OSWorld's own tasks install: apt-get through sudo -S with the VM's password, only what dpkg lacks
    assertThat(OsworldMapping.INSTALL).contains("dpkg-query", "echo password | sudo -S", "apt-get install -y");
  }

  @Test
  void anAppFromNpmIsInstalledWithNpmAfterItsDebianPackages() {
    TaskSpec wiki = SampleTasks.moveFile("notes.txt");
    wiki = new TaskSpec(null, "nodewiki.move", "nodewiki", List.of(), wiki.instruction(), wiki.seed(), wiki.params(), wiki.privileged(),
        List.of(new io.deskforge.task.spec.SetupStep.Launch("nodewiki", List.of())), wiki.checker(), wiki.solution(), wiki.negatives(),
        wiki.difficulty(), wiki.provenance(), null).withContentId();
    JsonNode config = EXPORTER.example(wiki).get("config");
    assertThat(config.at("/0/parameters/command").toString())
        .isEqualTo(TaskJson.write(List.of("sh", "-c", OsworldMapping.INSTALL, "sh", "nodejs")));
    assertThat(config.at("/1/parameters/command").toString())
        .isEqualTo(TaskJson.write(List.of("sh", "-c", OsworldMapping.NPM_INSTALL, "sh", "nodewiki@5.3.8")));
    assertThat(config.at("/2/type").asText()).isEqualTo("launch");
  }

  /** The npm step run by sh against an npm that has one version of the package: only a missing or other version installs. */
  @Test
  void theNpmStepInstallsOnlyWhatIsMissingAtItsVersion(@org.junit.jupiter.api.io.TempDir Path bin) throws Exception {
    java.nio.file.Files.writeString(bin.resolve("npm"), "#!/bin/sh\n"
        + "[ \"$1 $2 $3 $4 $5 $6\" = \"ls -g --prefix /usr/local --depth=0 nodewiki@5.3.8\" ] && exit 0\n"
        + "[ \"$1\" = ls ] && exit 1\n"
        + "echo \"npm $*\"\n");
    java.nio.file.Files.writeString(bin.resolve("sudo"), "#!/bin/sh\ncat >/dev/null\nshift 3; \"$@\"\n");
    for (String f : List.of("npm", "sudo")) bin.resolve(f).toFile().setExecutable(true);
    String installed = runNpmStep(bin, "nodewiki@5.3.8");
    String missing = runNpmStep(bin, "nodewiki@5.3.8", "nodewiki@5.4.0", "other@1.0.0");
    assertThat(installed).isEmpty();
    assertThat(missing.strip()).isEqualTo("npm install -g --prefix /usr/local --no-audit --no-fund nodewiki@5.4.0 other@1.0.0");
  }

  private static String runNpmStep(Path bin, String... packages) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", OsworldMapping.NPM_INSTALL, "sh"));
    cmd.addAll(List.of(packages));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void aTaskReadingABrowserProfileIsReadOnTheVmByTheReader() {
    JsonNode e = EXPORTER.example(SampleTasks.browserBookmark("Tea shop"));
    String evaluator = e.get("evaluator").toString();
    assertThat(evaluator).contains("vm_command_line").contains("\\\"type\\\":\\\"json_value\\\"")
        .contains("\\\"type\\\":\\\"sqlite_query\\\"").doesNotContain("deskforge_");
  }

  @Test
  void aTaskAskingADocumentQueryHasNoOsworldFormYetAndSaysWhy() {
    assertThatThrownBy(() -> EXPORTER.example(SampleTasks.formulaColumn())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("libreoffice-calc.formula")
        .hasMessageContaining("has no OSWorld form")
        .hasMessageContaining("the document query 'C2.formula' on /home/user/orders.xlsx has no reader on OSWorld's VM yet,"
            + " nor an OSWorld metric of the same meaning");
  }

  @Test
  void aTaskReadingTheBrowsersPageHasNoOsworldFormAndIsLeftOutWhenSkipping() throws Exception {
    TaskSpec page = withChecker(SampleTasks.replaceWord("apple"), Checker.all(
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.Contains("pear", false)),
        Checker.check(new Getter.PageUrl("id"), new Metric.EqualsText("notes", true, false))));
    assertThatThrownBy(() -> EXPORTER.example(page)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no OSWorld form")
        .hasMessageContaining("the page_url getter reads the browser's live page, which OSWorld's VM reader does not read");
    Export e = EXPORTER.skippingUnexportable().export(List.of(SampleTasks.replaceWord("plum"), page), dir, dir.resolve("pages"));
    assertThat(e.tasks()).isEqualTo(1);
    assertThat(e.skipped()).singleElement().asString().contains(page.id()).contains("page_url");
  }

  @Test
  void aPageStepHasNoOsworldStepAndItsTaskIsLeftOutNamedWithoutItsValues() throws Exception {
    TaskSpec t = SampleTasks.replaceWord("apple");
    List<SetupStep> setup = new java.util.ArrayList<>(t.setup());
    setup.add(SetupStep.Page.form("http://127.0.0.1:8080/login", Map.of("#password", "secret-4417-lantern"), "#go", "#me"));
    TaskSpec login = new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        setup, t.checker(), t.solution(), t.negatives(), t.difficulty(), t.provenance(), null).withContentId();
    assertThatThrownBy(() -> EXPORTER.example(login)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no OSWorld form")
        .hasMessageContaining("setup[2] page http://127.0.0.1:8080/login: OSWorld's setup has no step that drives a page through a form")
        .hasMessageNotContaining("secret-4417-lantern");
    Export e = EXPORTER.skippingUnexportable().export(List.of(SampleTasks.replaceWord("plum"), login), dir, dir.resolve("login"));
    assertThat(e.tasks()).isEqualTo(1);
    assertThat(e.skipped()).singleElement().asString().contains(login.id()).contains("setup[2] page");
  }

  @Test
  void aDocumentQueryTheFormatGivesTheVmReaderIsReadThereAndComparedByExactMatchEvenUnderAny() throws Exception {
    TaskSpec value = withChecker(SampleTasks.formulaColumn(),
        Checker.check(new Getter.DocumentQuery("/home/user/orders.xlsx", "C2.value"), new Metric.EqualsText("12", true, false)));
    JsonNode e = EXPORTER.example(value).get("evaluator");
    assertThat(e.get("func").asText()).as("no guard: the reader holds the file to a regular one itself").isEqualTo("exact_match");
    assertThat(e.at("/expected/rules/expected").asText()).isEqualTo("\"12\"");
    JsonNode argument = io.deskforge.task.json.TaskJson.mapper().readTree(e.at("/result/command/3").asText());
    assertThat(argument.at("/read/type").asText()).isEqualTo("document_query");
    assertThat(argument.at("/read/format").asText()).isEqualTo("xlsx");
    assertThat(argument.at("/read/q").toString()).as("the query as the format parsed it").isEqualTo("{\"property\":\"value\",\"column\":2,\"row\":1}");
    assertThat(argument.at("/as").asText()).isEqualTo("text");
    TaskSpec either = withChecker(SampleTasks.formulaColumn(), Checker.any(
        Checker.check(new Getter.DocumentQuery("/home/user/orders.xlsx", "C2.value"), new Metric.EqualsText("12", true, false)),
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.Contains("x", false))));
    JsonNode any = EXPORTER.example(either).get("evaluator");
    assertThat(any.get("conj").asText()).isEqualTo("or");
    assertThat(any.get("func")).extracting(JsonNode::asText).containsExactly("exact_match", "check_include_exclude");
  }

  @Test
  void aDocumentQueryTheFormatMapsIsScoredByOsworldsMetricAfterTheReaderSaysTheFileIsRegular() {
    TaskSpec bold = withChecker(SampleTasks.formulaColumn(),
        Checker.check(new Getter.DocumentQuery("/home/user/orders.xlsx", "C2.bold"), new Metric.IsTrue()));
    JsonNode e = EXPORTER.example(bold).get("evaluator");
    // the guard first: OSWorld's 'and' stops at the first 0, before its metric opens a missing file
    assertThat(e.get("func")).extracting(JsonNode::asText).containsExactly("exact_match", "compare_table");
    assertThat(e.get("conj").asText()).isEqualTo("and");
    assertThat(e.at("/result/1").toString()).isEqualTo("{\"type\":\"vm_file\",\"path\":\"/home/user/orders.xlsx\",\"dest\":\"orders.xlsx\"}");
    assertThat(e.at("/options/1/rules/0/props/font_bold").toString()).isEqualTo("{\"method\":\"eq\",\"ref\":true}");
    assertThat(e.at("/options/0").toString()).as("the reader's leaf takes no options").isEqualTo("{}");
    assertThat(e.at("/result/0/command/3").asText()).contains("\"file_text\"").contains("/home/user/orders.xlsx");
    // under 'any' the guard could not hold the file to a regular one: no OSWorld form yet
    TaskSpec either = withChecker(SampleTasks.formulaColumn(), Checker.any(
        Checker.check(new Getter.DocumentQuery("/home/user/orders.xlsx", "C2.bold"), new Metric.IsTrue()),
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.Contains("x", false))));
    assertThatThrownBy(() -> EXPORTER.example(either)).hasMessageContaining("a document query read by an OSWorld metric under 'any' has no OSWorld form yet");
  }

  @Test
  void thePackagesTheVmReaderNeedsForADocumentAreInstalledWithTheApps() throws Exception {
    TaskSpec pdf = withChecker(SampleTasks.formulaColumn(),
        Checker.check(new Getter.DocumentQuery("/home/user/Documents/orders.pdf", "pages"), new Metric.EqualsText("3", true, false)));
    JsonNode example = EXPORTER.example(pdf);
    List<String> install = new java.util.ArrayList<>();
    example.at("/config/0/parameters/command").forEach(a -> install.add(a.asText()));
    assertThat(install.subList(0, 2)).containsExactly("sh", "-c");
    assertThat(install.get(2)).as("the install step").contains("apt-get install");
    assertThat(install.subList(4, install.size())).as("the app's packages, then the reader's").endsWith("python3-fitz")
        .contains(TestCatalog.INSTANCE.packages(pdf.app()).toArray(String[]::new));
    JsonNode argument = io.deskforge.task.json.TaskJson.mapper().readTree(example.at("/evaluator/result/command/3").asText());
    assertThat(argument.at("/read/format").asText()).isEqualTo("pdf");
    // a task whose checker reads no such document installs only its apps
    List<String> plain = new java.util.ArrayList<>();
    TaskSpec xlsx = withChecker(SampleTasks.formulaColumn(),
        Checker.check(new Getter.DocumentQuery("/home/user/orders.xlsx", "C2.value"), new Metric.EqualsText("12", true, false)));
    EXPORTER.example(xlsx).at("/config/0/parameters/command").forEach(a -> plain.add(a.asText()));
    assertThat(plain).doesNotContain("python3-fitz");
  }

  @Test
  void relatedAppsAreTheTasksAppThenItsRelatedOnes() {
    JsonNode e = EXPORTER.example(SampleTasks.spreadsheetSum(2));
    assertThat(e.get("related_apps")).extracting(JsonNode::asText).containsExactly("gnumeric", "files");
    assertThat(EXPORTER.example(SampleTasks.replaceWord("fig")).get("related_apps")).extracting(JsonNode::asText).containsExactly("mousepad");
  }

  @Test
  void setupStepsBecomeExecuteAndLaunchCommands() {
    JsonNode config = EXPORTER.example(SampleTasks.spreadsheetSum(1)).get("config");
    assertThat(config.get(1).toString())
        .isEqualTo("{\"type\":\"execute\",\"parameters\":{\"command\":[\"mkdir\",\"-p\",\"/home/user/Documents\"]}}");
    // the sheet: its CSV staged as Sheet1.csv, converted by the catalog's command, the stage removed
    assertThat(config.at("/2/parameters/command/4").asText()).isEqualTo("/tmp/.deskforge-setup/1/Sheet1.csv");
    assertThat(decoded(config.get(2))).isEqualTo("11\n21\n");
    assertThat(config.at("/3/parameters/command").toString())
        .isEqualTo("[\"ssconvert\",\"/tmp/.deskforge-setup/1/Sheet1.csv\",\"/home/user/Documents/sales-1.xlsx\"]");
    assertThat(config.at("/4/parameters/command").toString()).isEqualTo("[\"rm\",\"-rf\",\"/tmp/.deskforge-setup/1\"]");
    assertThat(config.get(5).toString())
        .isEqualTo("{\"type\":\"execute\",\"parameters\":{\"command\":[\"touch\",\"/home/user/.ready\"]}}");
    assertThat(config.at("/6/parameters/command").toString()).isEqualTo(TaskJson.write(
        List.of("sh", "-c", OsworldMapping.AS_ROOT, "sh", "chmod", "a+r", "/home/user/Documents/sales-1.xlsx")));
    assertThat(config.get(7).toString())
        .isEqualTo("{\"type\":\"launch\",\"parameters\":{\"command\":[\"gnumeric\",\"/home/user/Documents/sales-1.xlsx\"]}}");
    assertThat(config).hasSize(8);
  }

  @Test
  void aWrittenFileArrivesAsItsExactBytes() {
    JsonNode write = EXPORTER.example(SampleTasks.replaceWord("apple")).at("/config/1");
    assertThat(write.at("/parameters/command/0").asText()).isEqualTo("sh");
    assertThat(write.at("/parameters/command/2").asText()).isEqualTo(OsworldMapping.WRITE);
    assertThat(write.at("/parameters/command/4").asText()).isEqualTo("/home/user/notes.txt");
    assertThat(decoded(write)).isEqualTo("apple pie\napple tart\n");
  }

  @Test
  void aLargeFileIsWrittenInChunksThatAppend() {
    String text = "x".repeat(OsworldMapping.CHUNK * 2 + 10);
    TaskSpec task = withSetup(SampleTasks.replaceWord("apple"), List.of(new SetupStep.WriteFile("/home/user/big.txt", text)));
    JsonNode config = EXPORTER.example(task).get("config");
    assertThat(config).hasSize(1 + 3);
    assertThat(config.at("/1/parameters/command/2").asText()).isEqualTo(OsworldMapping.WRITE);
    assertThat(config.at("/2/parameters/command/2").asText()).isEqualTo(OsworldMapping.WRITE_MORE);
    assertThat(decoded(config.get(1)) + decoded(config.get(2)) + decoded(config.get(3))).isEqualTo(text);
  }

  @Test
  void aFileOutsideTheHomeIsWrittenThroughSudoAsDeskforgesSetupWritesItAsRoot() {
    TaskSpec task = withSetup(SampleTasks.replaceWord("apple"), List.of(new SetupStep.WriteFile("/var/lib/deskforge/privileged/k", "v")));
    JsonNode command = EXPORTER.example(task).at("/config/1/parameters/command");
    assertThat(command.get(2).asText()).isEqualTo(OsworldMapping.AS_ROOT);
    assertThat(command.get(6).asText()).isEqualTo(OsworldMapping.WRITE);
  }

  @Test
  void textChecksCompareTheReadersNormalFormWithOsworldsMetrics() {
    JsonNode evaluator = EXPORTER.example(SampleTasks.replaceWord("apple")).get("evaluator");
    assertThat(evaluator.get("conj").asText()).isEqualTo("and");
    assertThat(evaluator.get("func").toString()).isEqualTo("[\"exact_match\",\"check_include_exclude\",\"check_include_exclude\"]");
    assertThat(readerArgument(evaluator.at("/result/0")).toString())
        .isEqualTo("{\"read\":{\"type\":\"file_text\",\"path\":\"/home/user/notes.txt\",\"max_bytes\":4096,\"timeout\":20.0},\"as\":\"text\",\"trim\":false,\"ignore_case\":false}");
    // the text as Python's json.dumps prints it: the reader's output, which the server cannot alter
    assertThat(evaluator.at("/expected/0").toString()).isEqualTo("{\"type\":\"rule\",\"rules\":{\"expected\":\"\\\"pear pie\\\\npear tart\\\\n\\\"\"}}");
    assertThat(readerArgument(evaluator.at("/result/1")).path("as").asText()).isEqualTo("tokens");
    assertThat(evaluator.at("/expected/1/rules").toString()).isEqualTo("{\"include\":[\"|p|e|a|r|\"],\"exclude\":[]}");
    // not_contains needs a token string at all ("|"), so a missing file fails instead of containing nothing
    assertThat(evaluator.at("/expected/2/rules").toString()).isEqualTo("{\"include\":[\"|\"],\"exclude\":[\"|a|p|p|l|e|\"]}");
  }

  @Test
  void numbersAndNestedCheckersAreDecidedOnTheVmAndComparedWithTrue() {
    JsonNode evaluator = EXPORTER.example(SampleTasks.spreadsheetSum(1)).get("evaluator");
    assertThat(evaluator.get("conj").asText()).isEqualTo("or");
    assertThat(evaluator.get("func").toString()).isEqualTo("[\"exact_match\",\"exact_match\"]");
    JsonNode number = readerArgument(evaluator.at("/result/0"));
    assertThat(number.toString()).isEqualTo("{\"read\":{\"type\":\"spreadsheet_cell\",\"path\":\"/home/user/Documents/sales-1.xlsx\","
        + "\"cell\":\"A3\",\"max_bytes\":4096,\"timeout\":20.0,\"csv\":[\"ssconvert\",\"--recalc\",\"--export-type=Gnumeric_stf:stf_csv\",\"/home/user/Documents/sales-1.xlsx\","
        + "\"fd://1\"],\"cells\":[0,2,0,2]},\"as\":\"number\",\"number\":32.0,\"tolerance\":0.001}");
    assertThat(evaluator.at("/expected/0/rules/expected").asText()).isEqualTo("true");
    // OSWorld composes one level: the nested all is one reader run evaluating the whole sub-checker
    JsonNode nested = readerArgument(evaluator.at("/result/1")).get("check");
    assertThat(nested.get("all")).hasSize(2);
    assertThat(nested.at("/all/0/as").asText()).isEqualTo("rows");
    assertThat(nested.at("/all/0/read/cells").toString()).isEqualTo("[0,0,0,2]");
    assertThat(nested.at("/all/0/expected").asText()).isEqualTo("[[\"11\"],[\"21\"],[\"32\"]]");
    assertThat(nested.at("/all/1/expected").asText()).isEqualTo("\"32\"");
    assertThat(evaluator.at("/expected/1/rules/expected").asText()).isEqualTo("true");
  }

  @Test
  void existenceListingsAndRegexesHaveTheirNormalForms() {
    JsonNode evaluator = EXPORTER.example(SampleTasks.moveFile("it's.txt")).get("evaluator");
    assertThat(readerArgument(evaluator.at("/result/0")).path("as").asText()).isEqualTo("items");
    assertThat(evaluator.at("/expected/0/rules/expected").asText()).isEqualTo("[\"it's.txt\"]");
    assertThat(readerArgument(evaluator.at("/result/1")).toString())
        .isEqualTo("{\"read\":{\"type\":\"file_exists\",\"path\":\"/home/user/inbox/it's.txt\",\"kind\":\"file\",\"max_bytes\":4096,\"timeout\":20.0},\"as\":\"flag\"}");
    assertThat(evaluator.at("/expected/1/rules/expected").asText()).isEqualTo("false");
    assertThat(evaluator.at("/expected/2/rules/expected").asText()).isEqualTo("true");
    assertThat(readerArgument(evaluator.at("/result/3")).toString()).contains("\"as\":\"regex\",\"pattern\":\"x+\"");
  }

  @Test
  void aRegexJavaAndPythonReadDifferentlyIsRefusedNamingTaskAndPattern() {
    TaskSpec task = withChecker(SampleTasks.moveFile("a.txt"),
        Checker.check(new Getter.FileText("/home/user/archive/a.txt"), new Metric.Matches("x++")));
    assertThatThrownBy(() -> EXPORTER.example(task)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(task.id()).hasMessageContaining("/x++/").hasMessageContaining("possessive");
  }

  @Test
  void aTaskOsworldCannotRunLeavesTheOutputFolderAsItWas() throws Exception {
    TaskSpec bad = withChecker(SampleTasks.moveFile("a.txt"),
        Checker.check(new Getter.FileText("/home/user/a.txt"), new Metric.Matches("(?i)x")));
    Path folder = dir.resolve("refused");
    assertThatThrownBy(() -> EXPORTER.export(List.of(SampleTasks.replaceWord("apple"), bad), dir, folder))
        .hasMessageContaining(bad.id());
    assertThat(folder).doesNotExist();
  }

  @Test
  void skippingLeavesOutATaskWhoseGetterHasNoVmReaderNamingItAndExportsTheRest() throws Exception {
    TaskSpec bad = SampleTasks.formulaColumn();
    TaskSpec good = SampleTasks.replaceWord("apple");
    Path folder = dir.resolve("partial");
    Export e = EXPORTER.skippingUnexportable().export(List.of(good, bad), dir, folder);
    assertThat(e.tasks()).isEqualTo(1);
    assertThat(e.skipped()).hasSize(1).first().asString().contains(bad.id()).contains("has no OSWorld form");
    assertThat(folder.resolve("examples").resolve(good.app()).resolve(good.id() + ".json")).exists();
    assertThat(Files.readString(folder.resolve("test_all.json"))).contains(good.id()).doesNotContain(bad.id());
    // nothing exportable at all is still an error, with the folder left as it was
    Path none = dir.resolve("none");
    assertThatThrownBy(() -> EXPORTER.skippingUnexportable().export(List.of(bad), dir, none)).hasMessageContaining("none of the 1 tasks");
    assertThat(none).doesNotExist();
    // any other refusal still refuses the whole export
    TaskSpec regex = withChecker(SampleTasks.moveFile("a.txt"),
        Checker.check(new Getter.FileText("/home/user/a.txt"), new Metric.Matches("(?i)x")));
    Path refused = dir.resolve("refused-too");
    assertThatThrownBy(() -> EXPORTER.skippingUnexportable().export(List.of(good, regex), dir, refused)).hasMessageContaining(regex.id());
    assertThat(refused).doesNotExist();
  }

  @Test
  void anAppTheCatalogDoesNotKnowIsRefusedNamingIt() {
    TaskSpec task = withSetup(SampleTasks.replaceWord("apple"), List.of(new SetupStep.Launch("paint", List.of())));
    assertThatThrownBy(() -> EXPORTER.example(task)).hasMessageContaining("unknown app 'paint'");
  }

  @Test
  void aCommandArgumentStartingWithTildeIsRefusedSinceOsworldsServerWouldExpandIt() {
    TaskSpec task = withSetup(SampleTasks.replaceWord("apple"), List.of(new SetupStep.Run(List.of("touch", "~/x"), false)));
    assertThatThrownBy(() -> EXPORTER.example(task)).hasMessageContaining(task.id()).hasMessageContaining("setup[0]")
        .hasMessageContaining("'~/x'");
  }

  private static TaskSpec withSetup(TaskSpec t, List<SetupStep> setup) {
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        setup, t.checker(), t.solution(), t.negatives(), t.difficulty(), t.provenance(), null).withContentId();
  }

  private static TaskSpec withChecker(TaskSpec t, Checker checker) {
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        t.setup(), checker, t.solution(), t.negatives(), t.difficulty(), t.provenance(), null).withContentId();
  }
}
