package io.deskforge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.model.ChatEndpoint.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoint client against the local scripted server; the creator's and the agent's tests cover the rest. */
class ChatEndpointTest {

  private static ChatEndpoint.Settings settings(ScriptedChat chat) {
    return new ChatEndpoint.Settings(chat.baseUrl(), "m", "DESKFORGE_TEST_KEY", Duration.ofSeconds(5), 0, 0.5, 100);
  }

  @Test
  void aReplyComesWithItsTokensAndTheRequestCarriesTheSettings() throws Exception {
    try (ScriptedChat chat = new ScriptedChat("m"); ChatEndpoint e = new ChatEndpoint(settings(chat), name -> null)) {
      chat.reply("hello");
      ChatEndpoint.Reply r = e.complete(List.of(Message.system("be brief"), Message.user("hi")));
      assertThat(r).isEqualTo(new ChatEndpoint.Reply("hello", "stop", 1000, 17));
      assertThat(chat.requests.get(0).get("model").asText()).isEqualTo("m");
      assertThat(chat.requests.get(0).get("temperature").asDouble()).isEqualTo(0.5);
      assertThat(chat.requests.get(0).get("max_tokens").asInt()).isEqualTo(100);
      assertThat(chat.authorizations.get(0)).isEqualTo("Bearer " + ChatEndpoint.NO_KEY);
    }
  }

  @Test
  void aRefusedKeyNamesTheVariableItWasReadFrom() throws Exception {
    try (ScriptedChat chat = new ScriptedChat("m"); ChatEndpoint e = new ChatEndpoint(settings(chat), name -> null)) {
      chat.reply(new ScriptedChat.Scripted(401, "{\"error\":{\"message\":\"bad key\"}}", 0));
      assertThatThrownBy(() -> e.complete(List.of(Message.user("hi"))))
          .isInstanceOf(ChatEndpoint.EndpointException.class)
          .hasMessageContaining("endpoint refused the API key: HTTP 401")
          .hasMessageContaining("$DESKFORGE_TEST_KEY, which is not set")
          .hasMessageContaining("bad key");
    }
  }

  @Test
  void theTranscriptKeepsTheTextAndNotesTheImage() {
    String t = ChatEndpoint.transcript(List.of(Message.system("s"), new Message("user", "look", new byte[] {1, 2, 3})));
    assertThat(t).isEqualTo("[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"look\",\"image\":\"screenshot, PNG, 3 bytes\"}]");
  }
}
