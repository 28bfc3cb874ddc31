package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.creator.llm.Fixtures;
import io.deskforge.model.ScriptedChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amplify variants} as the command runs: the figures it reports and its errors. The
 * variants themselves are proved in a desktop by AmplifierTest; here the model answers in prose, so
 * no desktop is needed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AmplifyVariantsTest {
  @TempDir Path dir;

  @Test
  void theRatioPassRateAndPerTierFiguresArePrintedAndAFailedRunExitsOne() throws Exception {
    Path seed = Files.writeString(dir.resolve("seed.family.json"), Fixtures.goodFamily());
    try (ScriptedChat chat = new ScriptedChat(Fixtures.MODEL)) {
      chat.reply("Here are some ideas for phrasings, but no file.");
      Cli r = Cli.run("amplify", "variants", "--families", seed.toString(), "--kinds", "phrasings", "--no-compose",
          "--endpoint", chat.baseUrl(), "--model", Fixtures.MODEL, "--repairs", "0", "--max-retries", "0", "--price-input", "1",
          "--no-contamination", "--bank", dir.resolve("bank.sqlite").toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(Deskforge.FAILED);
      assertThat(r.out()).contains("phrasings invalid", Fixtures.NEW_ID + ".phrasings", "the reply holds no JSON object",
          "1 seeds, 1 variants, 0 verified: amplification ratio 0.00 verified variants per seed, pass rate 0%",
          "amplify:" + Fixtures.MODEL, "1000+17 tokens");
    }
  }

  @Test
  void anUnknownKindIsAUsageErrorNamingTheKinds() throws Exception {
    Path seed = Files.writeString(dir.resolve("seed.family.json"), Fixtures.goodFamily());
    Cli r = Cli.run("amplify", "variants", "--families", seed.toString(), "--kinds", "louder", "--endpoint", "http://127.0.0.1:1/v1",
        "--model", "m", "--bank", dir.resolve("bank.sqlite").toString());
    assertThat(r.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(r.err()).contains("--kinds: unknown kind 'louder'; kinds: phrasings, ranges, harder");
  }
}
