package io.deskforge.task.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.SampleTasks;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebArena export against WebArena's real task file ({@code evalsets/webarena/test.raw.json}):
 * the same fields of the same JSON types, a target per check, tasks without a WebArena form named,
 * and {@link WebArenaText}'s form computed alike by Java and by the JavaScript locator. That
 * WebArena's own evaluator scores an export on live pages is agent-gym's WebArenaCompatTest.
 */
class WebArenaExporterTest {
  @TempDir Path dir;

  /** mousepad posing as a web site: a file's text is read on a page whose body holds it. */
  static final WebArenaSite SITE = new WebArenaSite() {
    @Override public String site() {
      return "notes";
    }

    @Override public boolean requireLogin() {
      return false;
    }

    @Override public String startUrl(List<String> launchArgs) {
      return "http://127.0.0.1:9/view?file=" + launchArgs.get(0);
    }

    @Override public ProgramHtml check(Checker.Check check) {
      if (check.getter() instanceof Getter.FileText t && check.metric() instanceof Metric.EqualsText e && e.trim() && !e.ignoreCase()) {
        return new ProgramHtml("http://127.0.0.1:9/raw?file=" + t.path(), WebArenaText.locator("document.body.textContent"),
            new RequiredContents.ExactMatch(WebArenaText.exact(e.expected())));
      }
      throw new NoWebForm("the notes site reads no " + check.metric().getClass().getSimpleName());
    }
  };

  /** The sample catalog, with mousepad as that site. */
  static final ExportCatalog CATALOG = (ExportCatalog) java.lang.reflect.Proxy.newProxyInstance(ExportCatalog.class.getClassLoader(),
      new Class<?>[] {ExportCatalog.class}, (proxy, method, args) -> method.getName().equals("webArenaSite")
          ? (args[0].equals("mousepad") ? Optional.of(SITE) : Optional.empty())
          : method.invoke(TestCatalog.INSTANCE, args));

  static TaskSpec notesTask(Checker checker) {
    TaskSpec t = SampleTasks.replaceWord("plum");
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        t.setup(), checker, t.solution(), t.negatives(), t.difficulty(), t.provenance(), null).withContentId();
  }

  static final TaskSpec EXPORTABLE = notesTask(Checker.all(
      Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("Pear pie\npear tart\n", true, false)),
      Checker.all(Checker.check(new Getter.FileText("/home/user/other.txt"), new Metric.EqualsText("kept", true, false)))));

  static JsonNode realProgramHtmlTask() throws Exception {
    JsonNode all = TaskJson.mapper().readTree(PublicEvalSets.webarena().resolve("test.raw.json").toFile());
    for (JsonNode t : all) {
      if (t.at("/eval/eval_types").size() == 1 && t.at("/eval/eval_types/0").asText().equals("program_html") && !t.has("string_note")) {
        return t;
      }
    }
    throw new AssertionError("test.raw.json has no program_html task");
  }

  static Set<String> fields(JsonNode n) {
    Set<String> out = new TreeSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void aConfigHasWebArenasFieldsWithTheirJsonTypes() throws Exception {
    JsonNode real = realProgramHtmlTask();
    Export export = new WebArenaExporter(CATALOG).export(List.of(EXPORTABLE), dir, dir.resolve("out"));
    assertThat(export.tasks()).isEqualTo(1);
    assertThat(export.files()).containsExactly(Path.of("test.json"), Path.of("task_ids.json"), Path.of("config_files", "0.json"));
    JsonNode c = TaskJson.mapper().readTree(dir.resolve("out/config_files/0.json").toFile());
    assertThat(fields(c)).isEqualTo(fields(real));
    assertThat(fields(c.get("eval"))).isEqualTo(fields(real.get("eval")));
    for (Iterator<String> it = real.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!real.get(f).isNull() && !c.get(f).isNull()) assertThat(c.get(f).getNodeType()).as(f).isEqualTo(real.get(f).getNodeType());
    }
    JsonNode realTarget = real.at("/eval/program_html/0");
    assertThat(c.at("/eval/program_html")).hasSize(2);
    for (JsonNode t : c.at("/eval/program_html")) {
      assertThat(fields(t)).isEqualTo(fields(realTarget));
      assertThat(t.get("locator").asText()).startsWith("[...document.");
      assertThat(fields(t.get("required_contents"))).containsExactly("exact_match");
    }
    assertThat(c.at("/eval/program_html/0/required_contents/exact_match").asText()).isEqualTo("^pear pie\npear tart");
    assertThat(c.get("start_url").asText()).isEqualTo("http://127.0.0.1:9/view?file=/home/user/notes.txt");
    assertThat(c.get("sites")).containsExactly(TaskJson.mapper().getNodeFactory().textNode("notes"));
    assertThat(TaskJson.mapper().readTree(dir.resolve("out/test.json").toFile()).get(0)).isEqualTo(c);
    assertThat(TaskJson.mapper().readTree(dir.resolve("out/task_ids.json").toFile()).get("0").asText()).isEqualTo(EXPORTABLE.id());
  }

  /** The notes task, its setup ending with these page steps. */
  static TaskSpec withPages(SetupStep... pages) {
    TaskSpec t = EXPORTABLE;
    List<SetupStep> setup = new java.util.ArrayList<>(t.setup());
    setup.addAll(List.of(pages));
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(),
        setup, t.checker(), t.solution(), t.negatives(), t.difficulty(), t.provenance(), null).withContentId();
  }

  @Test
  void aLoginThroughAPageStepRequiresLoginAndTheLastPageOpenedIsTheStart() {
    SetupStep.Page login = SetupStep.Page.form("http://127.0.0.1:9/login", Map.of("#user", "Member417", "#password", "secret-4417"), "#go", "#me");
    SetupStep.Page start = SetupStep.Page.open("http://127.0.0.1:9/view?file=start", "#me");
    JsonNode c = new WebArenaExporter(CATALOG).config(withPages(login, start));
    assertThat(c.get("require_login").asBoolean()).isTrue();
    // WebArena's convention: its auto-login keeps each site's logged-in state there
    assertThat(c.get("storage_state").asText()).isEqualTo("./.auth/notes_state.json");
    assertThat(c.get("start_url").asText()).isEqualTo("http://127.0.0.1:9/view?file=start");
    assertThat(c.toString()).doesNotContain("secret-4417");

    // a page only opened: no login, and that page is the start
    JsonNode open = new WebArenaExporter(CATALOG).config(withPages(start));
    assertThat(open.get("require_login").asBoolean()).isFalse();
    assertThat(open.get("storage_state").isNull()).isTrue();
    assertThat(open.get("start_url").asText()).isEqualTo("http://127.0.0.1:9/view?file=start");
    // no page step: the launch's page, as before
    assertThat(new WebArenaExporter(CATALOG).config(EXPORTABLE).get("start_url").asText()).isEqualTo("http://127.0.0.1:9/view?file=/home/user/notes.txt");
    // a setup ending in a form sent names no start address
    assertThatThrownBy(() -> new WebArenaExporter(CATALOG).config(withPages(login)))
        .isInstanceOf(WebArenaSite.NoWebForm.class).hasMessageContaining("ends in a page step that sends a form (http://127.0.0.1:9/login)");
  }

  @Test
  void theIntentTemplateIsTheInstructionWithItsParametersAsPlaceholders() {
    JsonNode c = new WebArenaExporter(CATALOG).config(EXPORTABLE, 0, new java.util.HashMap<>());
    assertThat(c.get("intent").asText()).isEqualTo(EXPORTABLE.instruction());
    assertThat(c.get("intent_template").asText()).isEqualTo("In ~/{{file}} replace every '{{word}}' with 'pear' and save.");
    assertThat(c.get("instantiation_dict").get("word").asText()).isEqualTo("plum");
    assertThat(WebArenaExporter.Intent.of("Move a to b", Map.of("x", "a", "y", "a to"))).isEqualTo(new WebArenaExporter.Intent("Move {{y}} b", Map.of("y", "a to")));
  }

  @Test
  void theBrowsersPageMapsToUrlMatchAndTargetsOnThePageTheAgentLeft() throws Exception {
    String line = "The travel budget is owned by Ada.";
    TaskSpec t = notesTask(Checker.all(
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("kept", true, false)),
        Checker.check(new Getter.PageUrl("id"), new Metric.EqualsText("budget notes:2", true, false)),
        Checker.check(new Getter.PageText("#main .page"), new Metric.Contains(line, true)),
        Checker.check(new Getter.LocalStorage("theme"), new Metric.EqualsText("Dark", true, false))));
    JsonNode c = new WebArenaExporter(CATALOG).config(t);
    JsonNode real = null;
    for (JsonNode r : TaskJson.mapper().readTree(PublicEvalSets.webarena().resolve("test.raw.json").toFile())) {
      if (r.at("/eval/eval_types").toString().equals("[\"url_match\",\"program_html\"]")) real = r;
    }
    assertThat(real).isNotNull();
    assertThat(fields(c.get("eval"))).isEqualTo(fields(real.get("eval")));
    assertThat(c.at("/eval/eval_types").toString()).isEqualTo("[\"url_match\",\"program_html\"]");
    assertThat(c.at("/eval/url_note").asText()).isEqualTo("GOLD in PRED");
    // the site's start address with the one parameter, encoded as a form encodes it (parse_qs decodes it back)
    assertThat(c.at("/eval/reference_url").asText()).isEqualTo("http://127.0.0.1:9/view?id=budget+notes%3A2");
    // the targets on the page the agent left come before those that open a page
    JsonNode targets = c.at("/eval/program_html");
    assertThat(targets).hasSize(3);
    assertThat(targets.get(0).get("url").asText()).isEqualTo("last");
    assertThat(targets.get(0).get("locator").asText()).isEqualTo("document.querySelector(\"#main .page\").innerText");
    assertThat(targets.get(0).at("/required_contents/must_include/0").asText()).isEqualTo(line);
    assertThat(targets.get(1).get("url").asText()).isEqualTo("last");
    assertThat(targets.get(1).get("locator").asText()).startsWith("[...document.defaultView.localStorage.getItem(\"theme\")");
    assertThat(targets.get(1).at("/required_contents/exact_match").asText()).isEqualTo("^dark");
    assertThat(targets.get(2).get("url").asText()).startsWith("http://127.0.0.1:9/raw?file=");
    // a whole address is its own reference
    JsonNode whole = new WebArenaExporter(CATALOG).config(notesTask(
        Checker.check(new Getter.PageUrl(null), new Metric.EqualsText("http://127.0.0.1:9/view?file=a", true, false))));
    assertThat(whole.at("/eval/eval_types").toString()).isEqualTo("[\"url_match\"]");
    assertThat(whole.at("/eval/reference_url").asText()).isEqualTo("http://127.0.0.1:9/view?file=a");
  }

  @Test
  void pageChecksWithoutTheSameMeaningInWebArenaHaveNoForm() {
    List<Checker> none = List.of(
        Checker.check(new Getter.Cookie("http://127.0.0.1:9/", "session"), new Metric.EqualsText("x", true, false)),
        Checker.check(new Getter.PageUrl("id"), new Metric.Contains("notes", false)),
        Checker.check(new Getter.PageUrl("id"), new Metric.EqualsText("notes", true, true)),
        Checker.check(new Getter.PageText("h1"), new Metric.EqualsText("Notes", false, false)),
        Checker.check(new Getter.PageText("h1"), new Metric.Contains("Notes", false)),
        Checker.check(new Getter.PageText("h1"), new Metric.Contains("\"Notes\"", true)),
        Checker.check(new Getter.PageText("h1"), new Metric.Contains("a |OR| b", true)),
        Checker.check(new Getter.PageText("h1"), new Metric.Contains("caf\u00e9", true)),
        Checker.all(Checker.check(new Getter.PageUrl("id"), new Metric.EqualsText("a", true, false)),
            Checker.check(new Getter.PageUrl("do"), new Metric.EqualsText("show", true, false))));
    for (Checker c : none) {
      assertThatThrownBy(() -> new WebArenaExporter(CATALOG).config(notesTask(c))).as(c.toString()).isInstanceOf(WebArenaSite.NoWebForm.class);
    }
  }

  @Test
  void aTaskWithoutAWebArenaFormIsRefusedOrLeftOutAndNamed() {
    TaskSpec contains = notesTask(Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.Contains("pear", false)));
    TaskSpec either = notesTask(Checker.any(
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("a", true, false)),
        Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText("b", true, false))));
    TaskSpec desktopApp = SampleTasks.spreadsheetSum(1);
    assertThatThrownBy(() -> new WebArenaExporter(CATALOG).export(List.of(EXPORTABLE, contains), dir, dir.resolve("a")))
        .hasMessageContaining(contains.id()).hasMessageContaining("the notes site reads no Contains");
    assertThat(dir.resolve("a")).doesNotExist();
    Export e = new WebArenaExporter(CATALOG).skippingUnexportable().export(List.of(EXPORTABLE, contains, either, desktopApp), dir, dir.resolve("b"));
    assertThat(e.tasks()).isEqualTo(1);
    assertThat(e.skipped()).hasSize(3).anyMatch(s -> s.contains(either.id()) && s.contains("any"))
        .anyMatch(s -> s.contains(desktopApp.id()) && s.contains("is no WebArena site"));
    assertThatThrownBy(() -> new WebArenaExporter(CATALOG).skippingUnexportable().export(List.of(desktopApp), dir, dir.resolve("c")))
        .hasMessageContaining("none of the 1 tasks has a WebArena form");
  }

  @Test
  void theExactFormSurvivesWebArenasCleaningAndTellsEveryTwoTextsApart() {
    List<String> texts = List.of("Lunch", "lunch", "\"lunch\"", "'x'", "x", "^a", "A", "caf\u00e9", "CAF\u00c9", "a\u00a0", "a",
        "\u212a", "k", "K", "tab\there", "two\nlines", "\ud83d\ude00 smile", "back\\slash", "{x}", "^{41}");
    Set<String> forms = new TreeSet<>();
    for (String t : texts) {
      String f = WebArenaText.exact(t);
      forms.add(f);
      // WebArena's clean_answer: strip, a pair of surrounding quotes dropped, lower-cased; none of it changes the form
      assertThat(f).as(t).isEqualTo(f.strip().toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("\"").doesNotStartWith("'");
      assertThat(f.chars().allMatch(c -> c < 0x7f)).as(t).isTrue();
    }
    assertThat(forms).as("one form a text").hasSize(texts.size());
    assertThat(WebArenaText.exact("  Lunch \n")).isEqualTo(WebArenaText.exact("Lunch"));
    assertThat(WebArenaText.exact("\u00a0Lunch")).as("Java's strip keeps a no-break space").isNotEqualTo(WebArenaText.exact("Lunch"));
  }

  @Test
  void theLocatorComputesTheSameFormAsJavaOnThePage() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")), "node is not installed");
    Random r = new Random(42);
    String alphabet = "aZ ^\"'\\\t\n\r\u000b\u001c\u00a0\u00e9\u00c9\u2007\u2003\u3000\ufeff{}~\u007f\u0000";
    List<String> texts = new ArrayList<>(List.of("", "  Lunch is at Noon.  ", "\u00a0x\u00a0", "\ud83d\ude00A\ud83d\ude00"));
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = r.nextInt(12); n > 0; n--) b.append(r.nextInt(8) == 0 ? "\ud83d\ude00" : String.valueOf(alphabet.charAt(r.nextInt(alphabet.length()))));
      texts.add(b.toString());
    }
    String locator = WebArenaText.locator("document.text");
    StringBuilder js = new StringBuilder("const texts = ").append(TaskJson.mapper().writeValueAsString(texts)).append(";\n")
        .append("for (const t of texts) { const document = {text: t}; console.log(JSON.stringify(").append(locator).append(")); }\n");
    Path script = dir.resolve("forms.js");
    Files.writeString(script, js, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("/usr/bin/node", script.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(TaskJson.mapper().readValue(lines.get(i), String.class)).as(TaskJson.mapper().writeValueAsString(texts.get(i)))
          .isEqualTo(WebArenaText.exact(texts.get(i)));
    }
  }
}
