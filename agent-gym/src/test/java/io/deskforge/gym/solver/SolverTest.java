package io.deskforge.gym.solver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.apps.family.SolutionLift;
import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.gym.agent.openai.OpenAiAgent;
import io.deskforge.gym.agent.openai.OpenAiAgentConfig;
import io.deskforge.model.ScriptedChat;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The solver phase with a real desktop and the gym's OpenAI agent against a scripted
 * OpenAI-compatible server: what the model does on the screen becomes the reference solution only
 * when the task's checker passes, and that solution is then proved by the replay auditor in a fresh
 * desktop like any other.
 */
class SolverTest {
  static final String MODEL = "solver-test";
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir static Path work;
  static DesktopProvider provider;
  static Solver solver;
  ScriptedChat chat;

  @BeforeAll
  static void start() {
    provider = DesktopProviders.create("sandbox");
    solver = new Solver(provider, CATALOG, b -> b.workRoot(work), Solver.Settings.defaults());
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @BeforeEach
  void server() throws Exception {
    chat = new ScriptedChat(MODEL);
  }

  @AfterEach
  void closeServer() {
    chat.close();
  }

  /** A mousepad task with its reference solution taken out, as a creator that cannot write one leaves it. */
  static TaskSpec candidate(long seed) {
    TaskSpec t = CATALOG.families(List.of("mousepad")).stream().filter(f -> f.id().equals("mousepad.type-text")).findFirst().orElseThrow()
        .sample(seed);
    return new TaskSpec(null, t.family(), t.app(), t.relatedApps(), t.instruction(), t.seed(), t.params(), t.privileged(), t.setup(),
        t.checker(), null, t.negatives(), t.difficulty(), t.provenance(), null);
  }

  static String typed(TaskSpec t) {
    return t.params().get("text");
  }

  OpenAiAgent agent() {
    return new OpenAiAgent(OpenAiAgentConfig.builder(chat.baseUrl(), MODEL).apiKeyEnv("DESKFORGE_SOLVER_TEST_NO_KEY").build());
  }

  /** One attempt of the openai agent, against the scripted server, at {@code candidate}. */
  Solver.Result solve(TaskSpec candidate) {
    try (OpenAiAgent agent = agent()) {
      return solver.solve(candidate, agent);
    }
  }

  static String json(Object o) throws Exception {
    return new ObjectMapper().writeValueAsString(o);
  }

  @Test
  void theModelsActionsBecomeTheReferenceSolutionAndAreProvedByReplayInAFreshDesktop() throws Exception {
    TaskSpec candidate = candidate(11);
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"type\",\"text\":" + json(typed(candidate)) + "}"));
    chat.reply(ScriptedChat.ok(MODEL, "Now save it: {\"action\":\"key\",\"keys\":\"ctrl+s\"}"));
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));

    Solver.Result r = solve(candidate);
    assertThat(r).as(r.toString()).isInstanceOf(Solver.Result.Solved.class);
    TaskSpec solved = ((Solver.Result.Solved) r).task();
    List<Action> actions = solved.solution().actions();
    assertThat(actions).hasSize(3);
    assertThat(actions.get(0)).isEqualTo(new Action.Type(typed(candidate)));
    assertThat(actions.get(1)).isInstanceOf(Action.Wait.class);
    assertThat(solved.solution().description()).contains("openai:" + MODEL);
    assertThat(solved.id()).isNotBlank();
    // the model saw the instruction and the screen, never the checker or its expected value beyond what the instruction says
    assertThat(chat.requests.toString()).contains(candidate.instruction().substring(0, 20)).doesNotContain("\"checker\"")
        .doesNotContain("file_text");

    ReplayAuditor.Outcome proof = new ReplayAuditor(provider, CATALOG, b -> b.workRoot(work)).replay(solved, EvidenceSink.none());
    assertThat(proof.proved()).as(proof.reasons().toString()).isTrue();
  }

  @Test
  void aFamilyWrittenWithoutASolutionGetsOneFromTheSolverThatProvesAnotherSeed() throws Exception {
    ObjectNode root = (ObjectNode) FamilyFiles.shipped().stream().filter(f -> f.id().equals("mousepad.type-text.data")).findFirst()
        .orElseThrow().file();
    root.remove("solution");
    DataFamily bare = FamilyFiles.read(new ObjectMapper().writeValueAsString(root), "type-text without solution");
    TaskSpec candidate = bare.sample(21);
    assertThat(candidate.solution()).isNull();
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"type\",\"text\":" + json(typed(candidate)) + "}"));
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"key\",\"keys\":\"ctrl+s\"}"));
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    Solver.Result r = solve(candidate);
    assertThat(r).as(r.toString()).isInstanceOf(Solver.Result.Solved.class);

    // the actions found for seed 21, with its drawn values turned back into slots, solve seed 22 too
    DataFamily solved = FamilyFiles.read(SolutionLift.withSolution(bare, 21, ((Solver.Result.Solved) r).task().solution().actions(),
        "found by " + r.agent()), "type-text solved");
    TaskSpec other = solved.sample(22);
    assertThat(other.solution().actions().get(0)).isEqualTo(new Action.Type(typed(other)));
    ReplayAuditor.Outcome proof = new ReplayAuditor(provider, CATALOG, b -> b.workRoot(work)).replay(other, EvidenceSink.none());
    assertThat(proof.proved()).as(proof.reasons().toString()).isTrue();
  }

  @Test
  void aModelThatSaysDoneWhileTheCheckerFailsGivesNoSolution() throws Exception {
    TaskSpec candidate = candidate(12);
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"type\",\"text\":\"something else entirely\"}"));
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"key\",\"keys\":\"ctrl+s\"}"));
    chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"done\"}"));
    Solver.Result r = solve(candidate);
    assertThat(r).isInstanceOf(Solver.Result.Unsolved.class);
    assertThat(((Solver.Result.Unsolved) r).reason()).startsWith("the agent said done but the checker fails");
    assertThat(r.steps()).isEqualTo(3);
  }

  @Test
  void refusedRepliesGoBackToTheModelAndTooManyEndTheAttempt() throws Exception {
    TaskSpec candidate = candidate(13);
    for (int i = 0; i < Solver.MAX_REFUSALS; i++) chat.reply(ScriptedChat.ok(MODEL, "{\"action\":\"click\",\"x\":99999,\"y\":5}"));
    Solver.Result r = solve(candidate);
    assertThat(r).isInstanceOf(Solver.Result.Unsolved.class);
    assertThat(((Solver.Result.Unsolved) r).reason()).contains(Solver.MAX_REFUSALS + " replies in a row were refused");
    // from the second request on, the model is told why its last reply was refused
    assertThat(chat.requests.get(1).toString()).contains("99999");
  }
}
