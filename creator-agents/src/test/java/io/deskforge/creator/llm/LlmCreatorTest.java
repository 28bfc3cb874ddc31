package io.deskforge.creator.llm;

import io.deskforge.model.ChatEndpoint;
import io.deskforge.model.ScriptedChat;
import static io.deskforge.creator.llm.Fixtures.CATALOG;
import static io.deskforge.creator.llm.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The LLM creator's requests and proposals against a local scripted OpenAI-compatible server; no desktop, no bank. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LlmCreatorTest {

  @Test
  void theInitialViewIsSentAsAnImageWithTheAccessibilityTreeAndKeptAsANoteOfItsSize() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    InitialView view = app -> Optional.of(new InitialView.View(png, "{\"role\": \"frame\", \"name\": \"Untitled 1 - Mousepad\"}"));
    try (ScriptedChat chat = new ScriptedChat(MODEL);
        LlmCreator creator = new LlmCreator(Fixtures.config(chat).build(), CATALOG, List.of("mousepad"), null, view)) {
      chat.reply("prose");
      List<ChatEndpoint.Message> prompt = creator.prompt("mousepad");
      creator.ask("mousepad", prompt);
      JsonNode user = chat.requests.get(0).get("messages").get(1).get("content");
      assertThat(user.isArray()).isTrue();
      assertThat(user.get(0).get("text").asText()).contains("right after it starts", "Untitled 1 - Mousepad", "screenshot is attached");
      assertThat(user.get(1).at("/image_url/url").asText()).startsWith("data:image/png;base64,");
      assertThat(ChatEndpoint.transcript(prompt)).contains("screenshot, PNG, 7 bytes").doesNotContain("base64");
    }
  }

  @Test
  void asACreatorItProposesTheTasksOfEachFamilyItGetsWithItsProvenance() throws Exception {
    try (ScriptedChat chat = new ScriptedChat(MODEL);
        LlmCreator creator = new LlmCreator(Fixtures.config(chat).seeds(2).build(), CATALOG, List.of("mousepad"), null, InitialView.NONE)) {
      chat.reply("not yet");
      chat.reply(Fixtures.goodFamily());
      // then no reply is left: the server answers 500 and the sequence ends
      Iterator<TaskSpec> it = creator.candidates(5);
      List<TaskSpec> tasks = new ArrayList<>();
      it.forEachRemaining(tasks::add);
      assertThat(tasks).hasSize(2);
      assertThat(tasks).extracting(TaskSpec::seed).containsExactly(5L, 6L);
      assertThat(tasks).allSatisfy(t -> {
        assertThat(t.family()).isEqualTo(Fixtures.NEW_ID);
        assertThat(t.provenance().creator()).isEqualTo("llm");
        assertThat(t.provenance().model()).isEqualTo(MODEL);
      });
      assertThat(creator.name()).isEqualTo("llm:" + MODEL);
    }
  }

  @Test
  void aFamilyOfAnotherAppOrWithATakenIdIsNotUsable() throws Exception {
    try (ScriptedChat chat = new ScriptedChat(MODEL);
        LlmCreator creator = new LlmCreator(Fixtures.config(chat).build(), CATALOG, List.of("mousepad"), null, InitialView.NONE)) {
      chat.reply(Fixtures.goodFamily().replace(Fixtures.NEW_ID, "mousepad.append-line"));
      LlmCreator.Proposal taken = creator.ask("mousepad", creator.prompt("mousepad"));
      assertThat(taken.usable()).isFalse();
      assertThat(taken.problems()).anyMatch(p -> p.contains("'mousepad.append-line' is already the id of") && p.contains("choose a new id"));

      chat.reply(Fixtures.goodFamily());
      LlmCreator.Proposal other = creator.ask("xterm", creator.prompt("xterm"));
      assertThat(other.problems()).anyMatch(p -> p.contains("/app: the family must be about xterm"));
    }
  }

  @Test
  void aVerifiedFamilyIsListedInLaterPromptsAndItsIdIsTaken() throws Exception {
    try (ScriptedChat chat = new ScriptedChat(MODEL);
        LlmCreator creator = new LlmCreator(Fixtures.config(chat).build(), CATALOG, List.of("mousepad"), null, InitialView.NONE)) {
      assertThat(creator.prompt("mousepad").get(1).text()).doesNotContain("- " + Fixtures.NEW_ID + ":");
      creator.accept(io.deskforge.apps.family.FamilyFiles.read(Fixtures.goodFamily(), "verified.family.json"));
      assertThat(creator.prompt("mousepad").get(1).text()).contains("- " + Fixtures.NEW_ID + ": append a given line");
      chat.reply(Fixtures.goodFamily());
      assertThat(creator.ask("mousepad", creator.prompt("mousepad")).problems()).anyMatch(p -> p.contains("is already the id of"));
    }
  }

  @Test
  void anUnknownAppIsRefusedNamingTheKnownOnes() {
    LlmConfig config = LlmConfig.builder("http://127.0.0.1:1/v1", MODEL).build();
    assertThatThrownBy(() -> new LlmCreator(config, CATALOG, List.of("notepad"), null, InitialView.NONE))
        .hasMessageContaining("unknown app 'notepad'").hasMessageContaining("mousepad");
  }
}
