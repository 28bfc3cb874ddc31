package io.deskforge.task.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodesTest {
  @TempDir Path dir;

  private static Episodes.Start start(String agent) {
    return new Episodes.Start("task-1", "mousepad.type-text", "mousepad", agent, "env-1", 15);
  }

  @Test
  void anEpisodeIsRecordedStepByStepAndReadsBackAsWritten() {
    Path file = dir.resolve("bank.db");
    String id;
    try (TaskBank bank = TaskBank.open(file)) {
      id = bank.episodes().start(start("replay"));
      bank.episodes().step(id, new Episodes.Step(0, "2026-12-03T00:00:00Z", "anthropic",
          TaskJson.tree(Map.of("action", "left_click", "coordinate", List.of(3, 4))), List.of(new Action.Click(3, 4)), id + "/000.png", null));
      bank.episodes().step(id, new Episodes.Step(1, "2026-12-03T00:00:01Z", null,
          TaskJson.tree(Map.of("action", "fly")), List.of(), null, "/action: unknown action 'fly'"));
      assertThat(bank.episodes().get(id).orElseThrow().finished()).isFalse();
      bank.episodes().finish(id, "done", 1.0, null, TaskJson.tree(List.of(Map.of("passed", true))));
    }
    try (TaskBank bank = TaskBank.openExisting(file)) {
      Episodes.Episode e = bank.episodes().get(id).orElseThrow();
      assertThat(e.status()).isEqualTo("done");
      assertThat(e.reward()).isEqualTo(1.0);
      assertThat(e.steps()).isEqualTo(2);
      assertThat(e.agent()).isEqualTo("replay");
      List<Episodes.Step> steps = bank.episodes().steps(id);
      assertThat(steps).hasSize(2);
      assertThat(steps.get(0).actions()).containsExactly(new Action.Click(3, 4));
      assertThat(steps.get(0).body().get("action").asText()).isEqualTo("left_click");
      assertThat(steps.get(1).error()).contains("fly");
      assertThat(bank.episodes().folder(id)).startsWith(dir.resolve("bank.db.episodes"));
    }
  }

  @Test
  void aFinishedEpisodeTakesNoMoreStepsAndNoSecondEnd() {
    try (TaskBank bank = TaskBank.open(dir.resolve("bank.db"))) {
      String id = bank.episodes().start(start("random"));
      bank.episodes().finish(id, "fail", 0.0, null, null);
      assertThatThrownBy(() -> bank.episodes().finish(id, "done", 1.0, null, null)).hasMessageContaining("already ended (fail)");
      assertThatThrownBy(() -> bank.episodes().step(id, new Episodes.Step(0, "t", "deskforge", TaskJson.tree(Map.of()), List.of(), null, null)))
          .hasMessageContaining("already ended");
      assertThatThrownBy(() -> bank.episodes().finish(id, "running", null, null, null)).hasMessageContaining("not a final status");
    }
  }

  @Test
  void episodesLeftRunningByADeadServerAreMarkedAbandonedThoseOfALiveOneAndFinishedOnesAreKept() throws Exception {
    Path file = dir.resolve("bank.db");
    try (TaskBank bank = TaskBank.open(file)) {
      String finished = bank.episodes().start(start("a"));
      bank.episodes().finish(finished, "done", 1.0, null, null);
      String orphan = bank.episodes().start(start("b"));
      String live = bank.episodes().start(start("c"));
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
        s.execute("UPDATE episodes SET owner = '2147483000@2026-01-01T00:00:00Z' WHERE id = '" + orphan + "'");
      }
      assertThat(bank.episodes().abandonRunning("the server stopped")).isEqualTo(1);
      assertThat(bank.episodes().get(orphan).orElseThrow().status()).isEqualTo("abandoned");
      assertThat(bank.episodes().get(live).orElseThrow().status()).isEqualTo("running");
      assertThat(bank.episodes().get(finished).orElseThrow().status()).isEqualTo("done");
      assertThat(bank.episodes().list("abandoned")).extracting(Episodes.Episode::id).containsExactly(orphan);
    }
  }

  @Test
  void aVersionOneBankGetsTheEpisodeTablesWhenOpened() throws Exception {
    Path file = dir.resolve("old.db");
    try (TaskBank bank = TaskBank.open(file)) {
      // nothing: makes a current bank, which is then turned back into a version 1 bank
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("DROP TABLE episode_steps");
      s.execute("DROP TABLE episodes");
      s.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    }
    try (TaskBank bank = TaskBank.open(file)) {
      String id = bank.episodes().start(start("replay"));
      assertThat(bank.episodes().get(id)).isPresent();
    }
  }
}
