package io.deskforge.creator.llm;

import io.deskforge.model.ScriptedChat;
import static io.deskforge.creator.llm.Fixtures.CATALOG;
import static io.deskforge.creator.llm.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one creation proved in a real desktop: a scripted model's first mousepad family leaks the
 * expected content into the instruction and is rejected by the static audit; its revision, sent
 * back with that reason, is replayed in a fresh sandbox desktop and verified into the bank with
 * its provenance.
 */
class LlmCreatorReplayTest {
  @TempDir Path dir;
  /** The desktops' work root: a temporary folder of its own, as the provider expects. */
  @TempDir Path desktops;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aRevisedFamilyIsReplayedAndVerifiedIntoTheBank() throws Exception {
    try (ScriptedChat chat = new ScriptedChat(MODEL);
        TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"));
        DesktopProvider provider = DesktopProviders.create("sandbox");
        LlmCreator creator = new LlmCreator(Fixtures.config(chat).build(), CATALOG, List.of("mousepad"), Fixtures.sharedGdp(),
            InitialView.NONE)) {
      chat.reply(Fixtures.leakingFamily());
      chat.reply("```json\n" + Fixtures.goodFamily() + "\n```");
      CreationLoop.Result r = new CreationLoop(creator, Fixtures.pipeline(bank, provider, desktops)).create("mousepad", 3, a -> {});

      assertThat(r.outcome()).as("reasons: %s", r.reasons()).isEqualTo("verified");
      assertThat(r.revisions()).isEqualTo(1);
      assertThat(Fixtures.last(chat.requests.get(1))).contains("The auditors rejected", "static stage");
      // the first prompt named who uses mousepad, from the O*NET and BLS files
      String heaviest = io.deskforge.creator.gdp.GdpWeights.occupations(Fixtures.sharedGdp(), List.of("Word processing software"), 1).get(0).title();
      assertThat(Fixtures.text(chat.requests.get(0))).contains("occupations that use it", heaviest);

      List<TaskSpec> verified = bank.tasks(Verdict.VERIFIED);
      assertThat(verified).hasSize(1);
      assertThat(verified.get(0).family()).isEqualTo(Fixtures.NEW_ID);
      assertThat(verified.get(0).audit().provenByReplay()).isTrue();
      assertThat(verified.get(0).provenance().versions()).containsEntry("creation", r.creationId());
      assertThat(r.verifiedTaskIds()).containsExactly(verified.get(0).id());

      List<Creations.Attempt> attempts = bank.creations().list(r.creationId());
      assertThat(attempts).extracting(Creations.Attempt::outcome).containsExactly("rejected", "verified");
      Creations.CreatorStats s = bank.creations().stats().get("llm:" + MODEL);
      assertThat(s.verifiedTasks()).isEqualTo(1);
      assertThat(s.stages().get("replay")).isEqualTo(new Creations.StageCounts(1, 1));
      assertThat(s.costPerVerifiedTask()).isEqualTo(s.costUsd());
    }
  }
}
