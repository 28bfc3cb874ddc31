package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.creator.llm.Fixtures;
import io.deskforge.model.ScriptedChat;
import io.deskforge.task.json.TaskJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create} and the creators' part of {@code stats}, as the deskforge command runs them,
 * against a local scripted OpenAI-compatible server. No family here reaches a desktop: the
 * creator-agents tests prove one in a replay.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CreateCommandTest {
  @TempDir Path dir;

  @Test
  void aCreationIsRecordedWithItsCostAndStatsShowPassRatesPerStage() throws Exception {
    Path bank = dir.resolve("bank.sqlite");
    try (ScriptedChat chat = new ScriptedChat(Fixtures.MODEL)) {
      chat.reply("I would suggest a task where the user appends a line.");
      chat.reply(Fixtures.leakingFamily());
      Cli r = Cli.run("create", "--app", "mousepad", "--endpoint", chat.baseUrl(), "--model", Fixtures.MODEL, "--revisions", "0",
          "--seeds", "1", "--max-retries", "0", "--no-view", "--no-contamination", "--price-input", "2.5", "--price-output", "10",
          "--bank", bank.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(Deskforge.FAILED);
      assertThat(r.out()).contains("mousepad: rejected after 2 requests (0 revisions), family " + Fixtures.NEW_ID, "0 of 1 creations verified");
      assertThat(r.err()).contains("request 0 (revision 0): invalid at family, 1000+17 tokens", "request 1 (revision 0): rejected at static");
    }

    Cli table = Cli.run("stats", "--bank", bank.toString());
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("families written by models", "llm:" + Fixtures.MODEL + ": 2 requests in 1 creations",
        "2000+34 tokens", "none verified", "endpoint 2/2 (100%)", "family 1/2 (50%)", "static 0/1 (0%)", "replay -");

    JsonNode json = TaskJson.mapper().readTree(Cli.run("stats", "--bank", bank.toString(), "--json").out());
    JsonNode creator = json.get("creators").get("llm:" + Fixtures.MODEL);
    assertThat(creator.at("/stages/family/pass_rate").asDouble()).isEqualTo(0.5);
    assertThat(creator.get("cost_usd").asDouble()).isEqualTo(2 * (1000 * 2.5 / 1e6 + 17 * 10 / 1e6), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(creator.get("cost_per_verified_task_usd").isNull()).isTrue();
  }

  @Test
  void settingsComeFromAConfigFileAndAMissingEndpointSaysWhatToGive() throws Exception {
    Cli none = Cli.run("create", "--app", "mousepad", "--bank", dir.resolve("b.sqlite").toString(), "--no-view");
    assertThat(none.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(none.err()).contains("base URL is required (--endpoint or base_url)");

    Path config = Files.writeString(dir.resolve("llm.json"), "{\"base_url\": \"http://127.0.0.1:1/v1\", \"model\": \"m\", \"max_retries\": 0}");
    Cli unknown = Cli.run("create", "--app", "no-such-app", "--config", config.toString(), "--bank", dir.resolve("b.sqlite").toString());
    assertThat(unknown.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(unknown.err()).contains("unknown app 'no-such-app'");
  }

  @Test
  void withoutAppsTheRunSpendsItsCountAcrossAppsByOccupationalWeight() throws Exception {
    Path bank = dir.resolve("bank.sqlite");
    try (ScriptedChat chat = new ScriptedChat(Fixtures.MODEL)) {
      for (int i = 0; i < 5; i++) chat.reply("No family this time.");
      Cli r = Cli.run("create", "--count", "5", "--endpoint", chat.baseUrl(), "--model", Fixtures.MODEL, "--repairs", "0",
          "--max-retries", "0", "--no-view", "--no-contamination", "--bank", bank.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(Deskforge.FAILED);
    }
    java.util.Map<String, Integer> expected = io.deskforge.creator.gdp.Budget.split(5, io.deskforge.creator.gdp.AppWeights.rank(
        io.deskforge.apps.AppCatalog.load().all(), io.deskforge.creator.gdp.GdpWeights.shipped(), 0));
    java.util.Map<String, Integer> asked = new java.util.TreeMap<>();
    try (io.deskforge.task.bank.TaskBank b = io.deskforge.task.bank.TaskBank.open(bank)) {
      for (var a : b.creations().list(null)) asked.merge(a.app(), 1, Integer::sum);
    }
    assertThat(asked).isEqualTo(new java.util.TreeMap<>(expected));
    assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
  }

  @Test
  void helpExplainsTheOptions() {
    Cli help = Cli.run("create", "--help");
    assertThat(help.out()).contains("--endpoint", "--revisions", "--price-input", "OpenAI-compatible", "--config");
  }
}
