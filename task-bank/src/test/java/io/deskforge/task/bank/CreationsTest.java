package io.deskforge.task.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreationsTest {
  @TempDir Path dir;

  static Creations.Attempt attempt(String creation, int request, String outcome, String failedStage, int verifiedTasks, double cost) {
    return new Creations.Attempt(creation, "mousepad", "llm:m", "m", request, 0, "mousepad.x", outcome, failedStage,
        failedStage == null ? List.of() : List.of("why " + failedStage), "[{\"role\":\"user\"}]", "{}", 1000, 100, cost,
        List.of("t" + request), verifiedTasks, null);
  }

  @Test
  void attemptsAreKeptWithPromptReplyTokensAndCost() {
    try (TaskBank bank = TaskBank.open(dir.resolve("b.db"))) {
      bank.creations().record(attempt("c1", 0, "invalid", "family", 0, 0.01));
      List<Creations.Attempt> all = bank.creations().list("c1");
      assertThat(all).hasSize(1);
      Creations.Attempt a = all.get(0);
      assertThat(a.prompt()).isEqualTo("[{\"role\":\"user\"}]");
      assertThat(a.reply()).isEqualTo("{}");
      assertThat(a.promptTokens()).isEqualTo(1000);
      assertThat(a.completionTokens()).isEqualTo(100);
      assertThat(a.costUsd()).isEqualTo(0.01);
      assertThat(a.reasons()).containsExactly("why family");
      assertThat(a.recordedAt()).isNotBlank();
    }
  }

  @Test
  void statsGivePassRatePerStageAndCostPerVerifiedTask() {
    try (TaskBank bank = TaskBank.open(dir.resolve("b.db"))) {
      bank.creations().record(attempt("c1", 0, "invalid", "family", 0, 0.01));
      bank.creations().record(attempt("c1", 1, "rejected", "static", 0, 0.01));
      bank.creations().record(attempt("c1", 2, "verified", null, 2, 0.02));
      bank.creations().record(attempt("c2", 0, "error", "endpoint", 0, 0));
      Creations.CreatorStats s = bank.creations().stats().get("llm:m");
      assertThat(s.attempts()).isEqualTo(4);
      assertThat(s.creations()).isEqualTo(2);
      assertThat(s.stages().get("endpoint")).isEqualTo(new Creations.StageCounts(4, 3));
      assertThat(s.stages().get("family")).isEqualTo(new Creations.StageCounts(3, 2));
      assertThat(s.stages().get("static")).isEqualTo(new Creations.StageCounts(2, 1));
      assertThat(s.stages().get("replay")).isEqualTo(new Creations.StageCounts(1, 1));
      assertThat(s.verifiedFamilies()).isEqualTo(1);
      assertThat(s.verifiedTasks()).isEqualTo(2);
      assertThat(s.promptTokens()).isEqualTo(4000);
      assertThat(s.costPerVerifiedTask()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void aVerifiedAttemptHasNoFailedStage() {
    assertThatThrownBy(() -> attempt("c", 0, "verified", "static", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> attempt("c", 0, "rejected", null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVersionTwoBankGetsTheCreationTableWhenOpened() throws Exception {
    Path file = dir.resolve("old.db");
    try (TaskBank bank = TaskBank.open(file)) {
      // nothing: makes a current bank, which is then turned back into a version 2 bank
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("DROP TABLE creation_attempts");
      s.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    }
    try (TaskBank bank = TaskBank.open(file)) {
      bank.creations().record(attempt("c1", 0, "invalid", "family", 0, 0));
      assertThat(bank.creations().list(null)).hasSize(1);
    }
  }
}
