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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole replay audit on Docker desktops: one task of every app is proved there too (a new app adds its family here). */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DockerReplayTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir static Path work;
  static DesktopProvider docker;
  static ReplayAuditor replay;

  @BeforeAll
  static void start() {
    docker = DesktopProviders.create("docker");
    replay = new ReplayAuditor(docker, CATALOG, b -> b.workRoot(work));
  }

  @AfterAll
  static void stop() {
    docker.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mousepad.replace-word", "gnumeric.sum-column", "xterm.rename-file", "libreoffice-calc.sort-rows",
      "libreoffice-writer.replace-word", "libreoffice-impress.rename-titles", "chromium.bookmark-page", "dokuwiki.append-line"})
  void aTaskOfEachAppIsProvedByReplayInDockerDesktops(String family) {
    TaskSpec task = CATALOG.family(family).sample(42);
    assertThat(new StaticAuditor(CATALOG).audit(task)).isEmpty();
    ReplayAuditor.Outcome outcome = replay.replay(task, EvidenceSink.none());
    assertThat(outcome.reasons()).as(task.instruction()).isEmpty();
    assertThat(outcome.proved()).isTrue();
    assertThat(outcome.stages()).anyMatch(s -> s.name().startsWith("replay.mutation:") && s.passed());
    assertThat(outcome.stages()).filteredOn(s -> s.name().equals("replay.setup"))
        .allMatch(s -> s.detail().startsWith("fresh docker desktop docker-"));
  }
}
