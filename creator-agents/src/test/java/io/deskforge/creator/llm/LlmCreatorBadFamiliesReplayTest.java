package io.deskforge.creator.llm;

import static io.deskforge.creator.llm.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.model.ScriptedChat;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two bad families only a replay can tell: one whose reference solution does not solve its
 * task, one whose checker passes before anything is done. Each is rejected with that reason, the
 * first goes back to the model for a revision, and nothing is verified.
 */
class LlmCreatorBadFamiliesReplayTest {
  @TempDir Path dir;
  @TempDir Path desktops;

  /** The good family whose solution only saves: the line is never typed. */
  static String unsolvable() throws Exception {
    ObjectNode f = (ObjectNode) TaskJson.mapper().readTree(Fixtures.goodFamily());
    ObjectNode solution = f.putObject("solution");
    solution.put("description", "save");
    solution.putArray("actions").addObject().put("action", "key").put("keys", "ctrl+s");
    return TaskJson.write(f);
  }

  /** The good family whose checker expects the file as it starts: true before anything is done. */
  static String trueFromTheStart() throws Exception {
    ObjectNode f = (ObjectNode) TaskJson.mapper().readTree(Fixtures.goodFamily());
    ((ObjectNode) f.get("checker").get("metric")).put("expected", "{original}");
    return TaskJson.write(f);
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void anUnsolvableFamilyAndOneTrueFromTheStartAreRejectedWithTheirReasons() throws Exception {
    try (ScriptedChat chat = new ScriptedChat(MODEL);
        TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"));
        DesktopProvider provider = DesktopProviders.create("sandbox");
        LlmCreator creator = new LlmCreator(Fixtures.config(chat).revisions(1).build(), AppCatalog.load(), List.of("mousepad"), null,
            InitialView.NONE)) {
      chat.reply(unsolvable());
      chat.reply(trueFromTheStart());
      CreationLoop.Result r = new CreationLoop(creator, Fixtures.pipeline(bank, provider, desktops)).create("mousepad", 3, a -> {});

      assertThat(r.outcome()).isEqualTo("rejected");
      List<Creations.Attempt> attempts = bank.creations().list(r.creationId());
      assertThat(attempts).extracting(Creations.Attempt::outcome).containsExactly("rejected", "rejected");
      assertThat(String.join(" ", attempts.get(0).reasons())).contains("reference solution does not make the checker pass");
      assertThat(String.join(" ", attempts.get(1).reasons())).contains("already passes on the initial state");
      // the revision request told the model why its first family was rejected
      assertThat(Fixtures.last(chat.requests.get(1))).contains("The auditors rejected", "reference solution does not make the checker pass");
      assertThat(bank.tasks(Verdict.VERIFIED)).isEmpty();
    }
  }
}
