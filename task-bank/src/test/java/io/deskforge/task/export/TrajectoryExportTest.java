package io.deskforge.task.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.action.Action;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryExportTest {
  @TempDir Path dir;

  @Test
  void finishedEpisodesBecomeOneLineEachWithTheirScreenshotsAndRunningOnesAreLeftOut() throws Exception {
    try (TaskBank bank = TaskBank.open(dir.resolve("bank.db"))) {
      Episodes eps = bank.episodes();
      String done = eps.start(new Episodes.Start("t1", "mousepad.type-text", "mousepad", "replay", "env-1", 15));
      Files.write(eps.folder(done).resolve("start.png"), new byte[] {1});
      Files.write(eps.folder(done).resolve("000.png"), new byte[] {2});
      eps.step(done, new Episodes.Step(0, "2026-12-03T00:00:00Z", "openai", TaskJson.tree(Map.of("type", "click", "x", 1, "y", 2)),
          List.of(new Action.Click(1, 2)), done + "/000.png", null));
      eps.step(done, new Episodes.Step(1, "2026-12-03T00:00:01Z", null, TaskJson.tree(Map.of("type", "fly")), List.of(), null, "unknown"));
      eps.finish(done, "done", 1.0, null, TaskJson.tree(Map.of("reward", 1.0)));
      eps.audited(done, List.of("collateral"), TaskJson.tree(Map.of("collateral", List.of("/home/user/a"))));
      eps.start(new Episodes.Start("t1", "mousepad.type-text", "mousepad", "random", "env-2", 15)); // still running

      Export export = TrajectoryExport.write(bank, dir.resolve("out"));

      assertThat(export.tasks()).isEqualTo(1);
      List<String> lines = Files.readAllLines(dir.resolve("out/trajectories.jsonl"));
      assertThat(lines).hasSize(1);
      JsonNode line = TaskJson.mapper().readTree(lines.get(0));
      assertThat(line.get("episode_id").asText()).isEqualTo(done);
      assertThat(line.get("reward").asDouble()).isEqualTo(1.0);
      assertThat(line.get("flags")).extracting(JsonNode::asText).containsExactly("collateral");
      assertThat(line.at("/steps/0/actions/0/action").asText()).isEqualTo("click");
      assertThat(line.at("/steps/1/error").asText()).isEqualTo("unknown");
      assertThat(Files.readAllBytes(dir.resolve("out").resolve(line.at("/steps/0/screenshot").asText()))).containsExactly(2);
      assertThat(Files.readAllBytes(dir.resolve("out").resolve(line.get("start_screenshot").asText()))).containsExactly(1);
      assertThat(line.has("checker")).isFalse();
    }
  }
}
