package io.deskforge.gym.agent.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.gym.agent.ActionPrompt;
import io.deskforge.gym.agent.Agent;
import io.deskforge.gym.agent.ReplyJson;
import io.deskforge.gym.agent.TokenUsage;
import io.deskforge.gym.env.Observation;
import io.deskforge.model.ChatEndpoint;
import io.deskforge.model.ChatEndpoint.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * An agent that asks a vision model behind any OpenAI-compatible chat-completions endpoint (vLLM,
 * Ollama, llama.cpp server, hosted APIs) for each step, through the official openai-java client
 * ({@link ChatEndpoint}, shared with the LLM creator).
 *
 * <p>Each step is one request: the task format as the system message ({@link ActionPrompt}), then
 * the instruction, the latest earlier actions with the gym's refusals and the screenshot as a
 * {@code data:image/png;base64,...} image part. The reply's JSON object ({@link ReplyJson}) is sent
 * as the step body unchecked: the gym validates it (an off-screen click included) and shows its
 * refusal in the next step's history. A reply without an object is re-asked with the problem
 * ({@link OpenAiAgentConfig#repairs()}); what still fails, and every endpoint failure after the
 * client's retries, becomes a {@link Decision.GiveUp} naming it. Nothing is thrown.
 */
public final class OpenAiAgent implements Agent {
  private static final int EXCERPT = ChatEndpoint.EXCERPT;

  private final OpenAiAgentConfig config;
  private final ChatEndpoint endpoint;
  private final AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);

  public OpenAiAgent(OpenAiAgentConfig config) {
    this(config, System::getenv);
  }

  /** With the environment given as a lookup, for tests. */
  OpenAiAgent(OpenAiAgentConfig config, UnaryOperator<String> env) {
    this.config = config;
    this.endpoint = new ChatEndpoint(new ChatEndpoint.Settings(config.baseUrl(), config.model(), config.apiKeyEnv(),
        config.timeout(), config.maxRetries(), config.temperature(), config.maxTokens()), env);
  }

  @Override
  public String name() {
    return "openai:" + config.model();
  }

  /** The requests made and tokens reported so far, over all steps and repairs. */
  public TokenUsage usage() {
    return usage.get();
  }

  @Override
  public Decision next(View view) {
    Observation screen = view.observation();
    List<Message> conversation = new ArrayList<>();
    conversation.add(Message.system(ActionPrompt.system(screen.width(), screen.height())));
    conversation.add(new Message("user", ActionPrompt.step(view, config.historyTurns()), screen.screenshotPng()));
    for (int attempt = 0; ; attempt++) {
      String reply;
      try {
        ChatEndpoint.Reply r = endpoint.complete(conversation);
        count(r.promptTokens(), r.completionTokens());
        reply = r.text();
      } catch (ChatEndpoint.EndpointException e) {
        if (e.promptTokens() > 0 || e.completionTokens() > 0) count(e.promptTokens(), e.completionTokens());
        return new Decision.GiveUp(e.getMessage());
      }
      Optional<ObjectNode> body = ReplyJson.object(reply);
      if (body.isPresent()) return new Decision.Act(body.get());
      String problem = "model reply is not an action: " + ReplyJson.excerpt(reply, EXCERPT);
      if (attempt >= config.repairs()) return new Decision.GiveUp(problem);
      conversation.add(Message.assistant(reply));
      conversation.add(Message.user(ActionPrompt.repair(problem)));
    }
  }

  private void count(long prompt, long generated) {
    usage.updateAndGet(u -> u.plusCall(prompt, generated));
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
