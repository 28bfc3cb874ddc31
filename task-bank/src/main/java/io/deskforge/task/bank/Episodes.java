package io.deskforge.task.bank;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The agents' episodes in a bank: one row per episode (task, agent, status, reward, the checker's
 * verdict per leaf, the trajectory audit's flags) and one per step (the body as the agent sent it,
 * the actions performed in deskforge's schema, the screenshot after it, or the error that refused
 * it). Screenshots are files in {@code <bank>.episodes/<episode id>/}.
 *
 * <p>Each step and each finish is its own committed transaction, so a server killed mid-episode
 * loses nothing it answered; its unfinished episodes are marked {@code abandoned} by the next
 * server ({@link #abandonRunning}).
 */
public final class Episodes {
  /** How an episode ended; {@code running} until it does. */
  public static final List<String> STATUSES =
      List.of("running", "done", "fail", "truncated", "timeout", "closed", "gave_up", "error", "abandoned");

  private static final int MAX_BODY_CHARS = 65_536;

  private final TaskBank bank;

  Episodes(TaskBank bank) {
    this.bank = bank;
  }

  static void createTables(Statement s) throws SQLException {
    s.execute("""
        CREATE TABLE IF NOT EXISTS episodes (
          id TEXT PRIMARY KEY,
          task_id TEXT NOT NULL,
          family TEXT NOT NULL,
          app TEXT NOT NULL,
          agent TEXT NOT NULL,
          env_id TEXT NOT NULL,
          owner TEXT NOT NULL,
          max_steps INTEGER NOT NULL,
          status TEXT NOT NULL,
          reward REAL,
          reason TEXT,
          steps INTEGER NOT NULL DEFAULT 0,
          evaluation TEXT,
          flags TEXT,
          audit TEXT,
          started_at TEXT NOT NULL,
          ended_at TEXT)""");
    s.execute("CREATE INDEX IF NOT EXISTS episodes_by_status ON episodes(status, id)");
    s.execute("""
        CREATE TABLE IF NOT EXISTS episode_steps (
          episode_id TEXT NOT NULL REFERENCES episodes(id),
          seq INTEGER NOT NULL,
          at TEXT NOT NULL,
          schema TEXT,
          body TEXT NOT NULL,
          actions TEXT NOT NULL,
          screenshot TEXT,
          error TEXT,
          PRIMARY KEY (episode_id, seq))""");
  }

  /** What an episode starts with. */
  public record Start(String taskId, String family, String app, String agent, String envId, int maxSteps) {}

  /**
   * One step as recorded: {@code schema} the body was read in (null when it was refused),
   * {@code actions} performed in deskforge's schema, {@code screenshot} the file after the step
   * relative to {@link #folder()}, {@code error} why the body was refused.
   */
  public record Step(int seq, String at, String schema, JsonNode body, List<Action> actions, String screenshot, String error) {
    public Step {
      actions = actions == null ? List.of() : List.copyOf(actions);
    }
  }

  /** One episode as recorded. {@code evaluation} holds pass/fail per checker leaf, never expected values. */
  public record Episode(
      String id, String taskId, String family, String app, String agent, String envId, int maxSteps, String status,
      Double reward, String reason, int steps, JsonNode evaluation, List<String> flags, JsonNode audit,
      String startedAt, String endedAt) {

    public boolean finished() {
      return !status.equals("running");
    }
  }

  /** The folder of the episodes' screenshots, {@code <bank>.episodes}. */
  public Path folder() {
    Path f = bank.file();
    return f.resolveSibling(f.getFileName() + ".episodes");
  }

  /** The folder of one episode's screenshots, created on demand. */
  public Path folder(String episodeId) {
    requireId(episodeId);
    Path dir = folder().resolve(episodeId);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }

  /** Records a new running episode, owned by this process; returns its id. */
  public String start(Start s) {
    String id = "ep-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    bank.withLock(() -> bank.inTransaction(() -> bank.update("""
        INSERT INTO episodes(id, task_id, family, app, agent, env_id, owner, max_steps, status, started_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)""",
        id, s.taskId(), s.family(), s.app(), s.agent(), s.envId(), owner(ProcessHandle.current()), s.maxSteps(), Instant.now().toString())));
    return id;
  }

  /** A process as episodes name their owner: its pid and start time, so a reused pid is not taken for it. */
  static String owner(ProcessHandle p) {
    return p.pid() + "@" + p.info().startInstant().map(Instant::toString).orElse("?");
  }

  /** Whether the process that owns an episode still runs. */
  static boolean alive(String owner) {
    int at = owner.indexOf('@');
    if (at < 0) return false;
    try {
      return ProcessHandle.of(Long.parseLong(owner.substring(0, at))).map(p -> p.isAlive() && owner(p).equals(owner)).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Appends a step to a running episode. */
  public void step(String episodeId, Step step) {
    String body = TaskJson.write(step.body());
    if (body.length() > MAX_BODY_CHARS) body = TaskJson.write(TaskJson.tree(java.util.Map.of("truncated", body.substring(0, 1000))));
    String json = body;
    bank.withLock(() -> bank.inTransaction(() -> {
      requireRunning(episodeId);
      bank.update("""
          INSERT INTO episode_steps(episode_id, seq, at, schema, body, actions, screenshot, error)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
          episodeId, step.seq(), step.at(), step.schema(), json, TaskJson.writeActions(step.actions()), step.screenshot(), step.error());
      bank.update("UPDATE episodes SET steps = max(steps, ?) WHERE id = ?", step.seq() + 1, episodeId);
      return null;
    }));
  }

  /** Ends a running episode with its status, reward (null when none was computed), reason and evaluation. */
  public void finish(String episodeId, String status, Double reward, String reason, JsonNode evaluation) {
    if (!STATUSES.contains(status) || status.equals("running")) throw new IllegalArgumentException("not a final status: " + status);
    bank.withLock(() -> bank.inTransaction(() -> {
      requireRunning(episodeId);
      bank.update("UPDATE episodes SET status = ?, reward = ?, reason = ?, evaluation = ?, ended_at = ? WHERE id = ?",
          status, reward, reason, evaluation == null ? null : TaskJson.write(evaluation), Instant.now().toString(), episodeId);
      return null;
    }));
  }

  /** Records the trajectory audit of a finished episode: its flags (empty when clean) and details. */
  public void audited(String episodeId, List<String> flags, JsonNode detail) {
    bank.withLock(() -> bank.inTransaction(() -> {
      bank.update("UPDATE episodes SET flags = ?, audit = ? WHERE id = ?", TaskJson.write(flags),
          detail == null ? null : TaskJson.write(detail), episodeId);
      return null;
    }));
  }

  /**
   * Marks the running episodes whose owning process has died (a killed server) as abandoned;
   * episodes of live servers on the same bank are left alone. Returns how many.
   */
  public int abandonRunning(String reason) {
    return bank.withLock(() -> bank.inTransaction(() -> {
      List<String> dead = new ArrayList<>();
      try (PreparedStatement s = bank.prepare("SELECT id, owner FROM episodes WHERE status = 'running'"); ResultSet r = s.executeQuery()) {
        while (r.next()) if (!alive(r.getString(2))) dead.add(r.getString(1));
      }
      for (String id : dead) {
        bank.update("UPDATE episodes SET status = 'abandoned', reason = ?, ended_at = ? WHERE id = ?", reason, Instant.now().toString(), id);
      }
      return dead.size();
    }));
  }

  public Optional<Episode> get(String id) {
    return bank.withLock(() -> {
      try (PreparedStatement s = bank.prepare("SELECT * FROM episodes WHERE id = ?", id); ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    });
  }

  /** Episodes, oldest first; {@code status} null for all. */
  public List<Episode> list(String status) {
    return bank.withLock(() -> {
      List<Episode> out = new ArrayList<>();
      String sql = "SELECT * FROM episodes" + (status == null ? "" : " WHERE status = ?") + " ORDER BY started_at, id";
      try (PreparedStatement s = status == null ? bank.prepare(sql) : bank.prepare(sql, status); ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(read(r));
      }
      return out;
    });
  }

  public List<Step> steps(String episodeId) {
    return bank.withLock(() -> {
      List<Step> out = new ArrayList<>();
      try (PreparedStatement s = bank.prepare(
              "SELECT seq, at, schema, body, actions, screenshot, error FROM episode_steps WHERE episode_id = ? ORDER BY seq", episodeId);
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Step(r.getInt(1), r.getString(2), r.getString(3), TaskJson.mapper().readTree(r.getString(4)),
              TaskJson.readActions(r.getString(5)), r.getString(6), r.getString(7)));
        }
      }
      return out;
    });
  }

  private Episode read(ResultSet r) throws SQLException, IOException {
    double reward = r.getDouble("reward");
    Double rewardOrNull = r.wasNull() ? null : reward;
    String flags = r.getString("flags");
    return new Episode(r.getString("id"), r.getString("task_id"), r.getString("family"), r.getString("app"),
        r.getString("agent"), r.getString("env_id"), r.getInt("max_steps"), r.getString("status"), rewardOrNull,
        r.getString("reason"), r.getInt("steps"), tree(r.getString("evaluation")),
        flags == null ? null : TaskJson.mapper().readValue(flags, new TypeReference<List<String>>() {}),
        tree(r.getString("audit")), r.getString("started_at"), r.getString("ended_at"));
  }

  private static JsonNode tree(String json) throws IOException {
    return json == null ? null : TaskJson.mapper().readTree(json);
  }

  private void requireRunning(String episodeId) throws SQLException {
    try (PreparedStatement s = bank.prepare("SELECT status FROM episodes WHERE id = ?", episodeId); ResultSet r = s.executeQuery()) {
      if (!r.next()) throw new IllegalArgumentException("no episode " + episodeId + " in bank " + bank.file());
      if (!r.getString(1).equals("running")) {
        throw new IllegalStateException("episode " + episodeId + " has already ended (" + r.getString(1) + ")");
      }
    }
  }

  private static void requireId(String id) {
    if (!id.matches("ep-[0-9a-f]{16}")) throw new IllegalArgumentException("not an episode id: " + id);
  }
}
