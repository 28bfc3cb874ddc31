package io.deskforge.creator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsAreSane() {
    LlmConfig c = LlmConfig.builder("http://localhost:8000/v1", "m").build();
    assertThat(c.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
    assertThat(c.revisions()).isEqualTo(3);
    assertThat(c.repairs()).isEqualTo(2);
    assertThat(c.seeds()).isEqualTo(2);
    assertThat(c.maxTokens()).isEqualTo(4096);
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(c.cost(1_000_000, 1_000_000)).isZero();
  }

  @Test
  void aFileSetsTheValuesAndFlagsOverrideThem() throws Exception {
    Path f = Files.writeString(dir.resolve("llm.json"), """
        {"base_url": "http://h:1/v1", "model": "big", "api_key_env": "MY_KEY", "temperature": 0.2, "max_tokens": 8000,
         "timeout_seconds": 30, "revisions": 5, "price_input_per_1m": 3, "price_output_per_1m": 15}""");
    LlmConfig c = LlmConfig.read(f).model("other").build();
    assertThat(c.baseUrl()).isEqualTo("http://h:1/v1");
    assertThat(c.model()).isEqualTo("other");
    assertThat(c.apiKeyEnv()).isEqualTo("MY_KEY");
    assertThat(c.temperature()).isEqualTo(0.2);
    assertThat(c.maxTokens()).isEqualTo(8000);
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.revisions()).isEqualTo(5);
    assertThat(c.cost(1_000_000, 100_000)).isEqualTo(3 + 1.5);
  }

  @Test
  void aMisspeltFieldOrAMissingModelIsAnErrorThatSaysSo() throws Exception {
    Path f = Files.writeString(dir.resolve("llm.json"), "{\"base_url\": \"http://h/v1\", \"modle\": \"x\"}");
    assertThatThrownBy(() -> LlmConfig.read(f)).hasMessageContaining("unknown field 'modle'").hasMessageContaining(f.toString());
    assertThatThrownBy(() -> LlmConfig.builder("http://h/v1", null).build()).hasMessageContaining("model is required");
    assertThatThrownBy(() -> LlmConfig.builder("http://h/v1", "m").temperature(3.0).build()).hasMessageContaining("temperature");
  }
}
