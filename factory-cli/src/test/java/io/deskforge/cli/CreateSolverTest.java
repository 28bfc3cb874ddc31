package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.llm.Fixtures;
import io.deskforge.model.ScriptedChat;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The solver phase end to end through {@code create --solver-model}: the creator's family leaves the
 * solution out; the solver model, as the gym's agent in a live mousepad, appends the line and
 * saves; its actions, lifted to the family's slots, are the family's solution, and the audit
 * replays them in a fresh desktop before the task is verified. One scripted server plays both models.
 */
class CreateSolverTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aFamilyWithoutASolutionIsSolvedByTheAgentAndThenVerifiedByReplay() throws Exception {
    ObjectNode f = (ObjectNode) TaskJson.mapper().readTree(Fixtures.goodFamily());
    f.remove("solution");
    String family = TaskJson.write(f);
    DataFamily loaded = FamilyFiles.read(family, "test");
    TaskSpec first = loaded.sample(1); // --seed 1: the task the solver works on
    Path bank = dir.resolve("bank.sqlite");
    try (ScriptedChat chat = new ScriptedChat(Fixtures.MODEL)) {
      chat.reply(family);
      chat.reply("{\"action\":\"key\",\"keys\":\"ctrl+End\"}");
      chat.reply("{\"action\":\"type\",\"text\":" + TaskJson.mapper().writeValueAsString(first.params().get("line")) + "}");
      chat.reply("{\"action\":\"key\",\"keys\":\"ctrl+s\"}");
      chat.reply("{\"action\":\"done\"}");
      Cli r = Cli.run("create", "--app", "mousepad", "--endpoint", chat.baseUrl(), "--model", Fixtures.MODEL, "--solver-model",
          Fixtures.MODEL, "--seeds", "1", "--max-retries", "0", "--no-view", "--no-contamination", "--bank", bank.toString(),
          "--out", dir.resolve("families").toString());
      assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Deskforge.OK);
      // the solver saw the task's instruction, not the family
      assertThat(Fixtures.text(chat.requests.get(1))).contains(first.instruction());
    }
    try (TaskBank b = TaskBank.open(bank)) {
      List<TaskSpec> verified = b.tasks(Verdict.VERIFIED);
      assertThat(verified).hasSize(1);
      assertThat(verified.get(0).solution().description()).contains("found by openai:" + Fixtures.MODEL);
      assertThat(verified.get(0).audit().provenByReplay()).isTrue();
      Creations.CreatorStats s = b.creations().stats().get("llm:" + Fixtures.MODEL);
      assertThat(s.stages().get("solver").passed()).isEqualTo(1);
    }
    // the family written out carries the lifted solution: the line is a slot, not seed 1's sentence
    String written = Files.readString(dir.resolve("families").resolve(Fixtures.NEW_ID + FamilyFiles.SUFFIX));
    assertThat(written).contains("{line}").doesNotContain(first.params().get("line"));
  }
}
