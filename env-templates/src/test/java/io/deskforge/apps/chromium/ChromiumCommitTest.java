package io.deskforge.apps.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.check.Reading;
import io.deskforge.task.export.OsworldExporter;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chromium's commit command: the browser writes its profile before the final reading, so an agent
 * that stops right after its last action is scored on what it did, and the OSWorld export runs the
 * same command before OSWorld's getters.
 */
class ChromiumCommitTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  /**
   * Two pages opened, then the command run at once: Chromium commits History's visits up to 10 s
   * after they happen, so reading them now needs the browser to have written them on its way out;
   * the desktop counts that exit as expected, not as a death.
   */
  @Test
  void visitsJustMadeAreInHistoryOnceTheCommandRan() throws InterruptedException {
    TaskSpec task = new VisitPages().sample(1000);
    List<String> command = CATALOG.get(Chromium.NAME).commitCommand(task.checker().paths());
    assertThat(command).isNotEmpty();
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(CATALOG.desktopFor(task.desktopApps()).workRoot(work).build())) {
      d.start();
      new SetupRunner(CATALOG).apply(d, task.setup());
      d.act(task.solution().actions());
      d.quitting(Chromium.NAME);
      long t0 = System.nanoTime();
      assertThat(d.privileged().execAsUser(command, Duration.ofSeconds(30)).ok()).isTrue();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      // the command returns once the browser's processes in the desktop are gone; the host's
      // launcher of it (nsenter, which waited for them) exits a moment later (seen failing in CI)
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (d.apps().stream().anyMatch(a -> a.alive()) && System.nanoTime() < deadline) Thread.sleep(20);
      assertThat(d.apps()).allSatisfy(a -> assertThat(a.alive()).as(a.name() + " after the command").isFalse());
      assertThatCode(d::ensureAlive).doesNotThrowAnyException();
      Getter.SqliteQuery history = (Getter.SqliteQuery) task.checker().leaves().get(0).getter();
      Reading visits = new GetterReader(CATALOG).read(d, history);
      assertThat(visits.items()).as("History after the command (%d ms)", ms).hasSize(2);
    }
  }

  /**
   * The address bar's suggestions are not a preloaded WebUI page: in Chromium 156 that page was a
   * renderer of its own, a third of the browser's CPU to start ({@link Chromium#DISABLED_FEATURES}).
   * Read from the browser's own list of its targets, the same desktop as above.
   */
  @Test
  void noWebUiPageIsPreloadedForTheAddressBar() {
    TaskSpec task = new VisitPages().sample(1000);
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(CATALOG.desktopFor(task.desktopApps()).workRoot(work).build())) {
      d.start();
      new SetupRunner(CATALOG).apply(d, task.setup());
      var list = d.privileged().execAsUser(List.of("python3", "-c",
          "import urllib.request as u; print(u.urlopen('http://127.0.0.1:%d/json/list', timeout=5).read().decode())"
              .formatted(Chromium.DEBUGGING_PORT)), Duration.ofSeconds(20));
      assertThat(list.ok()).as(list.stderr()).isTrue();
      String targets = list.stdoutText();
      assertThat(targets).as("the browser's targets").contains("\"type\": \"page\"").doesNotContain("top-chrome");
    }
  }

  @Test
  void onlyAReadingOfTheProfileQuitsTheBrowser() {
    Chromium chromium = new Chromium();
    assertThat(chromium.commitCommand(List.of(Chromium.PREFERENCES))).isNotEmpty();
    assertThat(chromium.commitCommand(List.of("/home/user/notes.txt"))).isEmpty();
    assertThat(chromium.commitCommand(List.of())).isEmpty();
    for (String app : CATALOG.names()) {
      if (!app.equals(Chromium.NAME)) assertThat(CATALOG.get(app).commitCommand(List.of(Chromium.PREFERENCES))).as(app).isEmpty();
    }
  }

  /** Every Chromium family's OSWorld example runs the commit command as its evaluator's postconfig; other apps' have none. */
  @Test
  void theOsworldExportRunsTheSameCommandBeforeOsworldsGetters() throws Exception {
    for (TaskFamily f : CATALOG.get(Chromium.NAME).families()) {
      TaskSpec task = f.sample(1000);
      JsonNode evaluator = exported(task).path("evaluator");
      JsonNode post = evaluator.path("postconfig");
      assertThat(post.size()).as(f.id()).isEqualTo(1);
      assertThat(post.get(0).path("type").asText()).isEqualTo("execute");
      assertThat(TaskJson.mapper().convertValue(post.get(0).path("parameters").path("command"), List.class))
          .isEqualTo(CATALOG.get(Chromium.NAME).commitCommand(task.checker().paths()));
    }
    TaskSpec notes = CATALOG.get("mousepad").families().get(0).sample(1000);
    assertThat(exported(notes).path("evaluator").has("postconfig")).isFalse();
  }

  private JsonNode exported(TaskSpec task) throws Exception {
    Path out = Files.createTempDirectory(work, "osworld");
    new OsworldExporter(CATALOG).export(List.of(task), null, out);
    try (var files = Files.walk(out)) {
      Path example = files.filter(f -> f.toString().endsWith(task.id() + ".json")).findFirst().orElseThrow();
      return TaskJson.mapper().readTree(example.toFile());
    }
  }
}
