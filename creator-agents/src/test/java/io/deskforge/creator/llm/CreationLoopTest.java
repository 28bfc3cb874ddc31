package io.deskforge.creator.llm;

import io.deskforge.model.ChatEndpoint;
import io.deskforge.model.ScriptedChat;
import static io.deskforge.creator.llm.Fixtures.CATALOG;
import static io.deskforge.creator.llm.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deskforge.apps.TaskFamily;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The creation-audit loop against a local scripted OpenAI-compatible server, with the real static
 * audit and bank; no desktop starts (every family here stops before the replay).
 * LlmCreatorReplayTest proves a family in a desktop.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CreationLoopTest {
  @TempDir Path dir;
  ScriptedChat chat;
  TaskBank bank;
  DesktopProvider provider;
  List<Creations.Attempt> heard = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    chat = new ScriptedChat(MODEL);
    bank = TaskBank.open(dir.resolve("bank.sqlite"));
    provider = DesktopProviders.create("sandbox");
  }

  @AfterEach
  void stop() {
    chat.close();
    bank.close();
    provider.close();
  }

  private CreationLoop.Result create(LlmConfig config) throws Exception {
    try (LlmCreator creator = new LlmCreator(config, CATALOG, List.of("mousepad"), null, InitialView.NONE)) {
      return new CreationLoop(creator, Fixtures.pipeline(bank, provider, Fixtures.notAFolder(dir))).create("mousepad", 1, heard::add);
    }
  }

  @Test
  void thePromptHoldsTheCardTheSchemaTheExamplesAndTheExistingFamilies() throws Exception {
    chat.reply("no family today");
    create(Fixtures.config(chat).repairs(0).build());
    String prompt = Fixtures.text(chat.requests.get(0));
    assertThat(prompt)
        .contains("app: mousepad", "privileged getters", "file_text", "setup step kinds (setup[].type): write_file, make_dir, write_spreadsheet, write_document, launch")
        .contains("GUI actions", "wait_window")
        .contains("Word processing software") // who uses it, from the shipped GDP weights
        .contains("\"$defs\"", "\"distinct_from\"") // the schema
        .contains("### mousepad.append-line.data", "\"gen\": \"sentences\"") // a verified example, whole
        .contains("- mousepad.replace-word:", "- mousepad.type-text.data:") // what exists already
        .contains("## What those families check and do", "checker check(file_text,equals)", "Checker shapes in use"); // and how
  }

  @Test
  void thePromptHoldsNoDrawnTaskValues() throws Exception {
    chat.reply("no family today");
    create(Fixtures.config(chat).repairs(0).build());
    String prompt = Fixtures.text(chat.requests.get(0));
    for (TaskFamily f : CATALOG.families(List.of("mousepad"))) {
      for (long seed = 0; seed < 3; seed++) {
        TaskSpec t = f.sample(seed);
        for (Fact fact : t.privileged().facts()) {
          String v = String.valueOf(fact.value());
          if (v.length() >= 12) assertThat(prompt).as(f.id() + " fact " + fact.name()).doesNotContain(v);
        }
      }
    }
  }

  @Test
  void proseAndSchemaErrorsGoBackWithTheProblemsAndTheCorrectedFamilyIsAudited() throws Exception {
    chat.reply("Sure! Here is a great idea for a task: ask the user to append a line.");
    chat.reply(Fixtures.unknownFieldFamily());
    chat.reply(Fixtures.leakingFamily());
    CreationLoop.Result r = create(Fixtures.config(chat).revisions(0).build());

    assertThat(chat.requests).hasSize(3);
    assertThat(Fixtures.last(chat.requests.get(1))).contains("not a usable family file", "holds no JSON object", "Sure! Here is");
    assertThat(Fixtures.last(chat.requests.get(2))).contains("/difficulty_level", "unknown field 'difficulty_level'");
    assertThat(r.outcome()).isEqualTo("rejected");
    assertThat(r.family().id()).isEqualTo(Fixtures.NEW_ID);
    List<Creations.Attempt> attempts = bank.creations().list(r.creationId());
    assertThat(attempts).extracting(Creations.Attempt::outcome).containsExactly("invalid", "invalid", "rejected");
    assertThat(attempts).extracting(Creations.Attempt::failedStage).containsExactly("family", "family", "static");
    assertThat(heard).hasSize(3);
    // the family's task is in the bank, rejected, with this creator's provenance
    TaskSpec task = bank.tasks(Verdict.REJECTED).get(0);
    assertThat(task.family()).isEqualTo(Fixtures.NEW_ID);
    assertThat(task.provenance().creator()).isEqualTo("llm");
    assertThat(task.provenance().model()).isEqualTo(MODEL);
    assertThat(attempts.get(2).taskIds()).containsExactly(task.id());
  }

  @Test
  void aRejectedFamilyGoesBackWithTheAuditorsReasonsUntilTheRevisionLimit() throws Exception {
    for (int i = 0; i < 5; i++) chat.reply(Fixtures.leakingFamily());
    CreationLoop.Result r = create(Fixtures.config(chat).revisions(2).build());

    assertThat(r.outcome()).isEqualTo("rejected");
    assertThat(r.revisions()).isEqualTo(2);
    assertThat(chat.requests).hasSize(3); // the first and two revisions, no more
    List<Creations.Attempt> attempts = bank.creations().list(r.creationId());
    assertThat(attempts).extracting(Creations.Attempt::revision).containsExactly(0, 1, 2);
    String reason = attempts.get(0).reasons().get(0);
    assertThat(reason).contains("seed 1").containsIgnoringCase("instruction");
    String second = Fixtures.last(chat.requests.get(1));
    assertThat(second).contains("The auditors rejected", "static stage", reason);
    // the conversation goes on: the second request holds the first reply too
    assertThat(chat.requests.get(1).get("messages")).hasSize(4);
  }

  @Test
  void truncatedJsonIsReportedWithItsPositionAndTheRepairsAreBounded() throws Exception {
    String good = Fixtures.goodFamily();
    chat.reply(good.substring(0, good.length() / 2));
    chat.reply(good.substring(0, good.length() / 3));
    CreationLoop.Result r = create(Fixtures.config(chat).repairs(1).build());

    assertThat(r.outcome()).isEqualTo("invalid");
    assertThat(chat.requests).hasSize(2);
    assertThat(Fixtures.last(chat.requests.get(1))).contains("malformed JSON", "line ");
    assertThat(r.reasons()).anyMatch(p -> p.contains("malformed JSON"));
  }

  @Test
  void aReplyCutAtTheTokenLimitSaysSo() throws Exception {
    String good = Fixtures.goodFamily();
    var cut = ScriptedChat.completion(MODEL, good.substring(0, 200));
    ((com.fasterxml.jackson.databind.node.ObjectNode) cut.get("choices").get(0)).put("finish_reason", "length");
    chat.reply(new ScriptedChat.Scripted(200, cut.toString(), 0));
    CreationLoop.Result r = create(Fixtures.config(chat).repairs(0).maxTokens(64).build());
    assertThat(r.reasons()).anyMatch(p -> p.contains("cut off at the token limit (max_tokens 64)"));
  }

  @Test
  void http429And500AreRetriedWithBackOff() throws Exception {
    chat.reply(new ScriptedChat.Scripted(429, "{\"error\":{\"message\":\"slow down\"}}", 0));
    chat.reply(new ScriptedChat.Scripted(500, "{\"error\":{\"message\":\"boom\"}}", 0));
    chat.reply(Fixtures.leakingFamily());
    CreationLoop.Result r = create(Fixtures.config(chat).maxRetries(2).revisions(0).build());
    assertThat(chat.requests).hasSize(3);
    assertThat(r.outcome()).isEqualTo("rejected"); // the third answer was a family, audited
  }

  @Test
  void anEndpointThatKeepsFailingEndsTheCreationAsAnError() throws Exception {
    for (int i = 0; i < 3; i++) chat.reply(new ScriptedChat.Scripted(500, "{\"error\":{\"message\":\"model overloaded\"}}", 0));
    CreationLoop.Result r = create(Fixtures.config(chat).maxRetries(2).build());
    assertThat(r.outcome()).isEqualTo("error");
    assertThat(r.reasons().get(0)).contains("HTTP 500", "after 2 retries", "model overloaded", chat.baseUrl());
    Creations.Attempt a = bank.creations().list(r.creationId()).get(0);
    assertThat(a.failedStage()).isEqualTo("endpoint");
    assertThat(a.reply()).isNull();
  }

  @Test
  void aReplyThatNeverComesIsATimeout() throws Exception {
    chat.reply(new ScriptedChat.Scripted(200, ScriptedChat.completion(MODEL, "{}").toString(), 5_000));
    CreationLoop.Result r = create(Fixtures.config(chat).timeout(Duration.ofMillis(300)).build());
    assertThat(r.outcome()).isEqualTo("error");
    assertThat(r.reasons().get(0)).contains("no reply from", "within 300 ms");
  }

  @Test
  void tokensAndCostAreKeptPerRequestAndSummedInTheStats() throws Exception {
    chat.reply("prose");
    chat.reply(Fixtures.leakingFamily());
    create(Fixtures.config(chat).revisions(0).build());

    List<Creations.Attempt> attempts = bank.creations().list(null);
    assertThat(attempts).allSatisfy(a -> {
      assertThat(a.promptTokens()).isEqualTo(1000);
      assertThat(a.completionTokens()).isEqualTo(17);
      assertThat(a.costUsd()).isCloseTo(1000 * 2.5 / 1e6 + 17 * 10 / 1e6, within(1e-12));
      assertThat(a.prompt()).contains("\"role\":\"system\"");
    });
    Creations.CreatorStats s = bank.creations().stats().get("llm:" + MODEL);
    assertThat(s.attempts()).isEqualTo(2);
    assertThat(s.promptTokens()).isEqualTo(2000);
    assertThat(s.costUsd()).isCloseTo(2 * (1000 * 2.5 / 1e6 + 17 * 10 / 1e6), within(1e-12));
    assertThat(s.stages().get("family")).isEqualTo(new Creations.StageCounts(2, 1));
    assertThat(s.stages().get("static")).isEqualTo(new Creations.StageCounts(1, 0));
    assertThat(s.costPerVerifiedTask()).isNull();
  }

  @Test
  void theApiKeyIsReadFromTheNamedVariable() throws Exception {
    chat.reply("prose");
    LlmConfig config = Fixtures.config(chat).apiKeyEnv("DESKFORGE_TEST_KEY").repairs(0).build();
    try (ChatEndpoint e = new ChatEndpoint(config.endpoint(), name -> name.equals("DESKFORGE_TEST_KEY") ? "sk-test" : null)) {
      e.complete(List.of(ChatEndpoint.Message.user("hi")));
    }
    assertThat(chat.authorizations.get(0)).isEqualTo("Bearer sk-test");
  }
}
