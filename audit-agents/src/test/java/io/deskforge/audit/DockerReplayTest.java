package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole replay audit on Docker desktops: one task of every app is proved there too (a new app
 * adds its family here). The audits run two at a time, submitted when the class starts: most of an
 * audit is waiting on apps, and one after another they took over seven minutes of CI.
 */
class DockerReplayTest {
  /**
   * One family of every app, or the families given in deskforge.docker.families (comma-separated
   * ids): an app's whole set on Docker without the other apps' desktops.
   */
  static final List<String> FAMILIES = System.getProperty("deskforge.docker.families", "").isBlank()
      ? List.of("mousepad.replace-word", "gnumeric.sum-column", "xterm.rename-file",
          "libreoffice-calc.sort-rows", "libreoffice-writer.replace-word", "libreoffice-impress.rename-titles",
          "chromium.bookmark-page", "dokuwiki.append-line", "tiddlywiki.add-tag")
      : List.of(System.getProperty("deskforge.docker.families").split(","));
  /** One audit's limit, from when the test starts to wait for it (it may have started before). */
  static final long AUDIT_MINUTES = 6;
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir static Path work;
  static DesktopProvider docker;
  static ExecutorService pool;
  static final Map<String, Future<ReplayAuditor.Outcome>> OUTCOMES = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    docker = DesktopProviders.create("docker");
    ReplayAuditor replay = new ReplayAuditor(docker, CATALOG, b -> b.workRoot(work));
    pool = Executors.newFixedThreadPool(2);
    for (String family : FAMILIES) {
      TaskSpec task = task(family);
      OUTCOMES.put(family, pool.submit(() -> replay.replay(task, EvidenceSink.none())));
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    docker.close();
  }

  static TaskSpec task(String family) {
    return CATALOG.family(family).sample(42);
  }

  static List<String> families() {
    return FAMILIES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void aTaskOfEachAppIsProvedByReplayInDockerDesktops(String family) throws Exception {
    TaskSpec task = task(family);
    assertThat(new StaticAuditor(CATALOG).audit(task)).isEmpty();
    ReplayAuditor.Outcome outcome = OUTCOMES.get(family).get(AUDIT_MINUTES, TimeUnit.MINUTES);
    assertThat(outcome.reasons()).as(task.instruction()).isEmpty();
    assertThat(outcome.proved()).isTrue();
    assertThat(outcome.stages()).anyMatch(s -> s.name().startsWith("replay.mutation:") && s.passed());
    assertThat(outcome.stages()).filteredOn(s -> s.name().equals("replay.setup"))
        .allMatch(s -> s.detail().startsWith("fresh docker desktop docker-"));
  }
}
