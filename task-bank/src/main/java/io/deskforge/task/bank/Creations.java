package io.deskforge.task.bank;

import com.fasterxml.jackson.core.type.TypeReference;
import io.deskforge.task.json.TaskJson;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provenance of model-written families in a bank: one row per request a creator made to a
 * model (every attempt of a creation, its revisions and repairs), with the prompt as sent, the
 * reply, the tokens the endpoint reported, the cost they came to, how far the attempt got through
 * the {@link #STAGES} and why it stopped, and the tasks its family gave.
 *
 * <p>A row's {@code failed_stage} is the first stage the attempt did not pass, null when its family
 * was verified; an attempt reached every stage before that one. {@link #stats()} turns that into a
 * pass rate per stage and a cost per verified task.
 */
public final class Creations {
  /**
   * The stages an attempt goes through, in order: the endpoint answers; the reply is a family that
   * fills the family schema and loads; a family without a reference solution gets one from the
   * solver (an agent in a live desktop); the family's tasks pass the static audit, the candidate
   * checks (contamination, bank duplicates) and the replay in fresh desktops.
   */
  public static final List<String> STAGES = List.of("endpoint", "family", "solver", "static", "candidate", "replay");
  /** How an attempt ended. */
  public static final List<String> OUTCOMES = List.of("verified", "rejected", "invalid", "error");

  private static final int MAX_TEXT_CHARS = 1_000_000;

  private final TaskBank bank;

  Creations(TaskBank bank) {
    this.bank = bank;
  }

  static void createTables(Statement s) throws SQLException {
    s.execute("""
        CREATE TABLE IF NOT EXISTS creation_attempts (
          id INTEGER PRIMARY KEY,
          creation_id TEXT NOT NULL,
          app TEXT NOT NULL,
          creator TEXT NOT NULL,
          model TEXT NOT NULL,
          request INTEGER NOT NULL,
          revision INTEGER NOT NULL,
          family TEXT,
          outcome TEXT NOT NULL,
          failed_stage TEXT,
          reasons TEXT NOT NULL,
          prompt TEXT NOT NULL,
          reply TEXT,
          prompt_tokens INTEGER NOT NULL,
          completion_tokens INTEGER NOT NULL,
          cost_usd REAL NOT NULL,
          task_ids TEXT NOT NULL,
          verified_tasks INTEGER NOT NULL,
          recorded_at TEXT NOT NULL,
          UNIQUE (creation_id, request))""");
    s.execute("CREATE INDEX IF NOT EXISTS creation_attempts_by_creator ON creation_attempts(creator, outcome)");
  }

  /**
   * One request of a creation and how it ended.
   *
   * @param creationId the creation it belongs to: one family proposed, repaired and revised
   * @param request the request's number in the creation, from 0
   * @param revision how many audit rejections the creation had before this request
   * @param family the family id the reply declared, null when it declared none
   * @param outcome one of {@link #OUTCOMES}
   * @param failedStage the first of {@link #STAGES} the attempt did not pass; null when verified
   * @param reasons why it stopped there (schema problems, the auditors' reasons, the endpoint's error)
   * @param prompt the messages sent, as JSON (images replaced by a note of their size)
   * @param reply the model's reply, null when none came
   * @param taskIds the tasks its family gave and the bank recorded
   * @param verifiedTasks how many of them were verified
   */
  public record Attempt(
      String creationId, String app, String creator, String model, int request, int revision, String family,
      String outcome, String failedStage, List<String> reasons, String prompt, String reply, long promptTokens,
      long completionTokens, double costUsd, List<String> taskIds, int verifiedTasks, String recordedAt) {

    public Attempt {
      if (!OUTCOMES.contains(outcome)) throw new IllegalArgumentException("unknown outcome '" + outcome + "'; outcomes: " + OUTCOMES);
      if (failedStage != null && !STAGES.contains(failedStage)) {
        throw new IllegalArgumentException("unknown stage '" + failedStage + "'; stages: " + STAGES);
      }
      if (outcome.equals("verified") != (failedStage == null)) {
        throw new IllegalArgumentException("a verified attempt has no failed stage and every other has one; got " + outcome + " at " + failedStage);
      }
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
      taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }
  }

  /** Records one attempt in its own transaction. */
  public void record(Attempt a) {
    bank.withLock(() -> bank.inTransaction(() -> bank.update("""
        INSERT INTO creation_attempts(creation_id, app, creator, model, request, revision, family, outcome, failed_stage,
          reasons, prompt, reply, prompt_tokens, completion_tokens, cost_usd, task_ids, verified_tasks, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        a.creationId(), a.app(), a.creator(), a.model(), a.request(), a.revision(), a.family(), a.outcome(), a.failedStage(),
        TaskJson.write(a.reasons()), clip(a.prompt()), a.reply() == null ? null : clip(a.reply()), a.promptTokens(),
        a.completionTokens(), a.costUsd(), TaskJson.write(a.taskIds()), a.verifiedTasks(),
        a.recordedAt() == null ? Instant.now().toString() : a.recordedAt())));
  }

  private static String clip(String s) {
    return s.length() <= MAX_TEXT_CHARS ? s : s.substring(0, MAX_TEXT_CHARS) + "\n[clipped at " + MAX_TEXT_CHARS + " characters]";
  }

  /** Every attempt, oldest first; {@code creationId} null for all. */
  public List<Attempt> list(String creationId) {
    return bank.withLock(() -> {
      List<Attempt> out = new ArrayList<>();
      String sql = "SELECT * FROM creation_attempts" + (creationId == null ? "" : " WHERE creation_id = ?") + " ORDER BY id";
      try (PreparedStatement s = creationId == null ? bank.prepare(sql) : bank.prepare(sql, creationId); ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(read(r));
      }
      return out;
    });
  }

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private static Attempt read(ResultSet r) throws SQLException, IOException {
    return new Attempt(r.getString("creation_id"), r.getString("app"), r.getString("creator"), r.getString("model"),
        r.getInt("request"), r.getInt("revision"), r.getString("family"), r.getString("outcome"), r.getString("failed_stage"),
        TaskJson.mapper().readValue(r.getString("reasons"), STRINGS), r.getString("prompt"), r.getString("reply"),
        r.getLong("prompt_tokens"), r.getLong("completion_tokens"), r.getDouble("cost_usd"),
        TaskJson.mapper().readValue(r.getString("task_ids"), STRINGS), r.getInt("verified_tasks"), r.getString("recorded_at"));
  }

  /** One stage's figures: attempts that reached it and those that passed it. */
  public record StageCounts(long reached, long passed) {
    public double passRate() {
      return reached == 0 ? 0 : (double) passed / reached;
    }
  }

  /**
   * One creator's figures (creator and model, {@code llm:gpt-4o}): attempts and creations, the pass
   * rate of each stage in {@link #STAGES} order, verified families and tasks, tokens and cost, and
   * the cost per verified task (null when none was verified).
   */
  public record CreatorStats(
      long attempts, long creations, Map<String, StageCounts> stages, long verifiedFamilies, long verifiedTasks,
      long promptTokens, long completionTokens, double costUsd) {

    public Double costPerVerifiedTask() {
      return verifiedTasks == 0 ? null : costUsd / verifiedTasks;
    }
  }

  /** The figures of every creator that wrote families into this bank, by creator name. */
  public Map<String, CreatorStats> stats() {
    Map<String, List<Attempt>> byCreator = new TreeMap<>();
    for (Attempt a : list(null)) byCreator.computeIfAbsent(a.creator(), k -> new ArrayList<>()).add(a);
    Map<String, CreatorStats> out = new TreeMap<>();
    byCreator.forEach((creator, attempts) -> {
      Map<String, StageCounts> stages = new LinkedHashMap<>();
      for (int i = 0; i < STAGES.size(); i++) {
        int stage = i;
        long reached = attempts.stream().filter(a -> a.failedStage() == null || STAGES.indexOf(a.failedStage()) >= stage).count();
        long passed = attempts.stream().filter(a -> a.failedStage() == null || STAGES.indexOf(a.failedStage()) > stage).count();
        stages.put(STAGES.get(i), new StageCounts(reached, passed));
      }
      out.put(creator, new CreatorStats(attempts.size(), attempts.stream().map(Attempt::creationId).distinct().count(), stages,
          attempts.stream().filter(a -> a.outcome().equals("verified")).count(),
          attempts.stream().mapToLong(Attempt::verifiedTasks).sum(),
          attempts.stream().mapToLong(Attempt::promptTokens).sum(),
          attempts.stream().mapToLong(Attempt::completionTokens).sum(),
          attempts.stream().mapToDouble(Attempt::costUsd).sum()));
    });
    return out;
  }
}
