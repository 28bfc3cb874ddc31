package io.deskforge.task.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agents' finished episodes as training data: {@code DIR/trajectories.jsonl}, one episode per
 * line (task, instruction, agent, status, reward, the trajectory audit's flags, and each step's
 * actions in deskforge's schema with its screenshot), and the screenshots under
 * {@code DIR/images/<episode id>/}. Rewards are there for RL; flags let a trainer drop hacked or
 * destructive episodes. Episodes still running are left out. Nothing privileged is written: no
 * checker, fact or reference solution, only what the agent saw and did.
 */
public final class TrajectoryExport {
  public static final String FORMAT = "trajectories";

  private TrajectoryExport() {}

  public static Export write(TaskBank bank, Path outDir) {
    List<Path> files = new ArrayList<>();
    StringBuilder jsonl = new StringBuilder();
    int episodes = 0;
    Path shots = bank.episodes().folder();
    for (Episodes.Episode e : bank.episodes().list(null)) {
      if (!e.finished()) continue;
      Optional<TaskSpec> task = bank.get(e.taskId());
      ObjectNode line = TaskJson.mapper().createObjectNode();
      line.put("episode_id", e.id());
      line.put("task_id", e.taskId());
      line.put("app", e.app());
      line.put("family", e.family());
      line.put("instruction", task.map(TaskSpec::instruction).orElse(null));
      line.put("agent", e.agent());
      line.put("status", e.status());
      if (e.reward() == null) line.putNull("reward");
      else line.put("reward", e.reward());
      line.put("reason", e.reason());
      line.set("flags", TaskJson.tree(e.flags() == null ? List.of() : e.flags()));
      line.put("audited", e.flags() != null);
      line.set("evaluation", e.evaluation());
      line.put("started_at", e.startedAt());
      line.put("ended_at", e.endedAt());
      line.put("max_steps", e.maxSteps());
      Path start = shots.resolve(e.id()).resolve("start.png");
      if (Files.isRegularFile(start)) {
        Path rel = Path.of("images", e.id(), "start.png");
        ExportFiles.copy(start, outDir.resolve(rel));
        files.add(rel);
        line.put("start_screenshot", rel.toString());
      }
      ArrayNode steps = line.putArray("steps");
      for (Episodes.Step s : bank.episodes().steps(e.id())) {
        ObjectNode n = steps.addObject();
        n.put("seq", s.seq());
        n.put("at", s.at());
        n.put("schema", s.schema());
        n.set("body", s.body());
        n.set("actions", TaskJson.actionsTree(s.actions()));
        if (s.error() != null) n.put("error", s.error());
        if (s.screenshot() != null && Files.isRegularFile(shots.resolve(s.screenshot()))) {
          Path rel = Path.of("images").resolve(s.screenshot());
          ExportFiles.copy(shots.resolve(s.screenshot()), outDir.resolve(rel));
          files.add(rel);
          n.put("screenshot", rel.toString());
        }
      }
      jsonl.append(TaskJson.write(line)).append('\n');
      episodes++;
    }
    ExportFiles.write(outDir.resolve("trajectories.jsonl"), jsonl.toString());
    files.add(Path.of("trajectories.jsonl"));
    return new Export(FORMAT, outDir, episodes, files);
  }
}
