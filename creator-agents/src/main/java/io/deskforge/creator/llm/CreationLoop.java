package io.deskforge.creator.llm;

import io.deskforge.model.ChatEndpoint;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.model.ChatEndpoint.Message;
import io.deskforge.creator.pipeline.FamilyAudit;
import io.deskforge.creator.pipeline.Pipeline;
import io.deskforge.creator.solve.SolutionFinder;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The creation-audit loop: asks the {@link LlmCreator} for a family of an app; a reply that is not
 * a usable family goes back with its problems (up to {@link LlmConfig#repairs()} times in a row); a
 * usable family's tasks ({@link LlmConfig#seeds()} seeds) are audited and recorded through the
 * {@link Pipeline} (static, candidate checks, replay in fresh desktops), stopping at the first
 * that is not verified; a rejected family goes back with the auditors' reasons, up to {@link
 * LlmConfig#revisions()} times. Every request is kept in the bank ({@link Creations}) with its
 * prompt, reply, tokens, cost and how far it got.
 */
public final class CreationLoop {

  /**
   * How one creation ended: {@code verified}, {@code rejected} (revisions used up), {@code invalid}
   * (repairs used up) or {@code error} (the endpoint failed, or an audit failed as infrastructure);
   * the last family, its JSON, the last reasons, and the requests made.
   */
  public record Result(String creationId, String app, String outcome, DataFamily family, String familyJson,
      List<String> reasons, int requests, int revisions, List<String> verifiedTaskIds) {
    public boolean verified() {
      return outcome.equals("verified");
    }
  }

  private final LlmCreator creator;
  private final Pipeline pipeline;
  private final SolutionFinder solver;

  public CreationLoop(LlmCreator creator, Pipeline pipeline) {
    this(creator, pipeline, SolutionFinder.NONE);
  }

  /**
   * @param solver finds a reference solution, in a live desktop, for a family that leaves it out
   *     (the solver phase); {@link SolutionFinder#NONE} for none
   */
  public CreationLoop(LlmCreator creator, Pipeline pipeline, SolutionFinder solver) {
    this.creator = creator;
    this.pipeline = pipeline;
    this.solver = solver;
  }

  /**
   * A run: {@code perApp} creations for each app in turn, the tasks of the i-th drawn from {@code
   * seed + i * seeds}, between the pipeline's start and finish (staging cleared, the candidate
   * checks told of the bank's verified tasks of these apps).
   */
  public List<Result> run(List<String> apps, int perApp, long seed, Consumer<Creations.Attempt> listener) {
    if (perApp < 1) throw new IllegalArgumentException("--count must be at least 1, got " + perApp);
    Map<String, Integer> budget = new LinkedHashMap<>();
    for (String app : apps) budget.put(app, perApp);
    return run(budget, seed, listener);
  }

  /**
   * A run with a budget per app (as {@link io.deskforge.creator.gdp.Budget} splits one by
   * occupational weight): round by round, one creation for each app with creations left, the
   * tasks of an app's i-th drawn from {@code seed + i * seeds}.
   */
  public List<Result> run(Map<String, Integer> budget, long seed, Consumer<Creations.Attempt> listener) {
    if (budget.isEmpty()) throw new IllegalArgumentException("no app to create families for");
    List<Result> out = new ArrayList<>();
    pipeline.start(t -> budget.containsKey(t.app()));
    try {
      int rounds = budget.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      for (int i = 0; i < rounds; i++) {
        for (Map.Entry<String, Integer> e : budget.entrySet()) {
          if (i < e.getValue()) out.add(create(e.getKey(), seed + (long) i * creator.config().seeds(), listener));
        }
      }
    } finally {
      pipeline.finish();
    }
    return out;
  }


  /**
   * One creation for {@code app}: its tasks are drawn from {@code seed} on; {@code listener} hears
   * each attempt as it is recorded.
   */
  public Result create(String app, long seed, Consumer<Creations.Attempt> listener) {
    LlmConfig config = creator.config();
    String creationId = "cr-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    List<Message> conversation = new ArrayList<>(creator.prompt(app));
    int revisions = 0;
    int repairs = 0;
    for (int request = 0; ; request++) {
      String prompt = ChatEndpoint.transcript(conversation);
      LlmCreator.Proposal p = creator.ask(app, conversation);
      double cost = config.cost(p.promptTokens(), p.completionTokens());
      String familyId = p.family() != null ? p.family().id() : declaredId(p.familyJson());
      if (p.endpointFailed()) {
        record(listener, new Creations.Attempt(creationId, app, creator.name(), config.model(), request, revisions, familyId,
            "error", "endpoint", p.problems(), prompt, null, p.promptTokens(), p.completionTokens(), cost, List.of(), 0, null));
        return new Result(creationId, app, "error", null, null, p.problems(), request + 1, revisions, List.of());
      }
      if (!p.usable()) {
        record(listener, new Creations.Attempt(creationId, app, creator.name(), config.model(), request, revisions, familyId,
            "invalid", "family", p.problems(), prompt, p.reply(), p.promptTokens(), p.completionTokens(), cost, List.of(), 0, null));
        if (repairs++ >= config.repairs()) {
          return new Result(creationId, app, "invalid", null, p.familyJson(), p.problems(), request + 1, revisions, List.of());
        }
        conversation.add(Message.assistant(p.reply()));
        conversation.add(FamilyPrompt.repair(p.problems()));
        continue;
      }
      repairs = 0;
      DataFamily family = p.family();
      String familyJson = p.familyJson();
      if (!family.hasSolution()) {
        // the solver phase: an agent solves the first task in a live desktop; its actions, lifted back to the
        // family's slots, become the family's solution, which the audit below replays like any other
        Solved solved = solve(family, seed);
        if (solved.json == null) {
          List<String> why = List.of("solver: " + solved.reason);
          record(listener, new Creations.Attempt(creationId, app, creator.name(), config.model(), request, revisions, familyId,
              "rejected", "solver", why, prompt, p.reply(), p.promptTokens(), p.completionTokens(), cost, List.of(), 0, null));
          if (revisions >= config.revisions()) return new Result(creationId, app, "rejected", family, familyJson, why, request + 1, revisions, List.of());
          revisions++;
          conversation.add(Message.assistant(p.reply()));
          conversation.add(FamilyPrompt.revise("solver", why));
          continue;
        }
        familyJson = solved.json;
        family = io.deskforge.apps.family.FamilyFiles.read(familyJson, family.source());
      }
      FamilyAudit audit = FamilyAudit.of(pipeline, creator.tasks(family, seed, creationId));
      String outcome = audit.outcome();
      record(listener, new Creations.Attempt(creationId, app, creator.name(), config.model(), request, revisions, familyId,
          outcome, audit.failedStage(), audit.reasons(), prompt, p.reply(), p.promptTokens(), p.completionTokens(), cost,
          audit.taskIds(), audit.verifiedIds().size(), null));
      if (outcome.equals("verified")) creator.accept(family);
      if (!outcome.equals("rejected") || revisions >= config.revisions()) {
        return new Result(creationId, app, outcome, family, familyJson, audit.reasons(), request + 1, revisions, audit.verifiedIds());
      }
      revisions++;
      conversation.add(Message.assistant(p.reply()));
      conversation.add(FamilyPrompt.revise(audit.failedStage(), audit.reasons()));
    }
  }

  /** The family file with a solution the solver found for its first task, or why there is none. */
  private record Solved(String json, String reason) {}

  private Solved solve(DataFamily family, long seed) {
    SolutionFinder.Found found = solver.find(family.sample(seed));
    if (found instanceof SolutionFinder.Found.NotFound n) return new Solved(null, n.reason());
    SolutionFinder.Found.Solved s = (SolutionFinder.Found.Solved) found;
    try {
      return new Solved(io.deskforge.apps.family.SolutionLift.withSolution(family, seed, s.actions(),
          "found by " + s.by() + " in a live desktop (" + s.steps() + " steps)"), null);
    } catch (io.deskforge.apps.family.FamilyFileException e) {
      return new Solved(null, "the solution found by " + s.by() + " does not make a usable family: " + e.getMessage());
    }
  }

  private void record(Consumer<Creations.Attempt> listener, Creations.Attempt a) {
    pipeline.bank().creations().record(a);
    listener.accept(a);
  }

  /** The audit of a family's tasks: where the first unverified one stopped, and why. */

  private static String declaredId(String json) {
    if (json == null) return null;
    try {
      var n = io.deskforge.task.json.TaskJson.mapper().readTree(json).get("family");
      return n != null && n.isTextual() ? n.asText() : null;
    } catch (Exception e) {
      return null;
    }
  }
}
