package io.deskforge.task.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The task bank: one SQLite file holding every task the factory produced, verified or not, with
 * its audits, evidence paths and rejection reasons. Evidence files live in {@code <bank>.evidence/}
 * next to the file; the bank stores their paths relative to that folder.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}. A commit costs one fsync, a few
 * milliseconds against the seconds a desktop replay takes per task, and buys that a task the
 * pipeline reported as recorded survives a power cut, not only a killed process (which NORMAL
 * would already survive).
 *
 * <p>Concurrency: thread-safe. One connection per bank object; calls take turns on a lock, so
 * workers of one process never contend inside SQLite. Writes run in {@code BEGIN IMMEDIATE}
 * transactions with a busy timeout and retries, so another process writing the same file
 * (a second run, {@code deskforge stats}) delays a write instead of failing it.
 *
 * <p>Verdict policy of {@link #record}: idempotent by task id; a new audit replaces the task's
 * current one, except that an {@code error} (infrastructure) never replaces a real verdict
 * ({@code verified} or {@code rejected}). A {@code rejected} after a re-audit does replace
 * {@code verified}: a verified flag must stay trustworthy, and the earlier audit stays in the
 * history. Every audit is kept in the history with its reasons.
 */
public final class TaskBank implements AutoCloseable {
  /** The version of the tables below; a bank made by a newer deskforge is refused, not misread. */
  public static final int SCHEMA_VERSION = 3;
  /** SQLite's application_id for deskforge banks ("DFKB"), so a bank is recognised by its header. */
  static final int APPLICATION_ID = 0x44464B42;

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final long BUSY_RETRY_MS = 300_000;

  private final Path file;
  private final EvidenceStore evidence;
  private final Connection db;
  private final ReentrantLock lock = new ReentrantLock();
  private final Episodes episodes = new Episodes(this);
  private final Creations creations = new Creations(this);

  private TaskBank(Path file, Connection db) {
    this.file = file;
    this.db = db;
    this.evidence = new EvidenceStore(evidenceFolderOf(file));
  }

  /** Opens the bank in {@code file}, creating it (and its folder) when there is none. */
  public static TaskBank open(Path file) {
    Path f = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(f.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of bank " + f + ": " + e.getMessage(), e);
    }
    return connect(f, true);
  }

  /**
   * Opens a bank that must exist already: what commands that only read use, so that a mistyped
   * path is an error naming it instead of a new empty bank.
   */
  public static TaskBank openExisting(Path file) {
    Path f = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(f)) {
      throw new IllegalArgumentException("no bank at " + f + ": no such file. Give the file that "
          + "`deskforge generate --bank FILE` filled.");
    }
    return connect(f, false);
  }

  /** The folder that holds a bank's evidence files. */
  public static Path evidenceFolderOf(Path bankFile) {
    Path f = bankFile.toAbsolutePath().normalize();
    return f.resolveSibling(f.getFileName() + ".evidence");
  }

  private static TaskBank connect(Path f, boolean create) {
    requireSqliteOrEmpty(f);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(30_000);
    config.enforceForeignKeys(true);
    Connection db;
    try {
      db = config.createConnection("jdbc:sqlite:" + f);
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot open bank " + f + ": " + e.getMessage(), e);
    }
    TaskBank bank = new TaskBank(f, db);
    try {
      bank.prepare(create);
      return bank;
    } catch (RuntimeException e) {
      bank.close();
      throw e;
    }
  }

  private static void requireSqliteOrEmpty(Path f) {
    if (!Files.exists(f)) return;
    byte[] head = new byte[SQLITE_HEADER.length];
    int n;
    try (InputStream in = Files.newInputStream(f)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bank " + f + ": " + e.getMessage(), e);
    }
    if (n > 0 && (n < head.length || !Arrays.equals(head, SQLITE_HEADER))) {
      throw new IllegalArgumentException(f + " is not a deskforge bank (not an SQLite file); "
          + "give a bank file, or a new path to create one");
    }
  }

  /** Creates the tables of a new bank, or checks that an existing file is a bank we can read. */
  private void prepare(boolean create) {
    withLock(() -> {
      int appId = pragmaInt("application_id");
      boolean empty = queryLong("SELECT count(*) FROM sqlite_schema") == 0;
      // another process may have created the bank between the two reads (tables seen, id not yet)
      if (appId == 0 && !empty) appId = pragmaInt("application_id");
      if (appId == 0 && empty) {
        if (!create) throw new IllegalArgumentException(file + " is an empty file, not a deskforge bank");
        inTransaction(this::createTables);
        return null;
      }
      if (appId != APPLICATION_ID) {
        throw new IllegalArgumentException(file + " is an SQLite database but not a deskforge bank "
            + "(application_id " + appId + "); give a bank file, or a new path to create one");
      }
      long version = Long.parseLong(meta("schema_version").orElse("0"));
      if (version > SCHEMA_VERSION) {
        throw new IllegalArgumentException("bank " + file + " has schema version " + version
            + ", newer than this deskforge knows (" + SCHEMA_VERSION + "); use a newer deskforge");
      }
      if (version < SCHEMA_VERSION) {
        // version 2 added the agents' episodes, version 3 the creators' attempts; nothing older changes
        inTransaction(() -> {
          if (Long.parseLong(meta("schema_version").orElse("0")) >= SCHEMA_VERSION) return null; // another process migrated it
          try (Statement st = db.createStatement()) {
            Episodes.createTables(st);
            Creations.createTables(st);
          }
          update("UPDATE meta SET value = ? WHERE key = 'schema_version'", Integer.toString(SCHEMA_VERSION));
          return null;
        });
      }
      return null;
    });
  }

  private Void createTables() throws SQLException {
    if (queryLong("SELECT count(*) FROM sqlite_schema") > 0) return null; // another process won the race
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA application_id = " + APPLICATION_ID);
      s.execute("""
          CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""");
      s.execute("""
          CREATE TABLE audits (
            id INTEGER PRIMARY KEY,
            task_id TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('verified', 'rejected', 'error')),
            digest TEXT NOT NULL,
            json TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (task_id, digest))""");
      s.execute("""
          CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            family TEXT NOT NULL,
            app TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('verified', 'rejected', 'error')),
            seed INTEGER NOT NULL,
            audit_id INTEGER NOT NULL REFERENCES audits(id),
            json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""");
      s.execute("CREATE INDEX tasks_by_verdict ON tasks(verdict, id)");
      s.execute("CREATE INDEX tasks_by_app ON tasks(app, verdict)");
      s.execute("CREATE INDEX tasks_by_family ON tasks(family, verdict)");
      s.execute("""
          CREATE TABLE evidence (
            audit_id INTEGER NOT NULL REFERENCES audits(id),
            path TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            PRIMARY KEY (audit_id, path))""");
      s.execute("""
          CREATE TABLE rejections (
            audit_id INTEGER NOT NULL REFERENCES audits(id),
            seq INTEGER NOT NULL,
            task_id TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (audit_id, seq))""");
      Episodes.createTables(s);
      Creations.createTables(s);
    }
    update("INSERT INTO meta(key, value) VALUES ('schema_version', ?), ('created_at', ?), ('created_by', ?)",
        Integer.toString(SCHEMA_VERSION), Instant.now().toString(), "deskforge task-bank");
    return null;
  }

  public Path file() {
    return file;
  }

  /** The folder of this bank's evidence; stored evidence paths are relative to it. */
  public Path evidenceFolder() {
    return evidence.root();
  }

  /** The file a stored evidence path names. */
  public Path evidenceFile(String relativePath) {
    return evidence.resolve(relativePath);
  }

  /**
   * Stores an audited task with its audit, evidence and rejection reasons, all in one transaction.
   * Evidence given as absolute paths is copied into the evidence folder first (see the class
   * comment for which verdict wins). A task without an id gets its content id.
   *
   * @throws IllegalArgumentException when the task has no audit, no family or app, an id that is
   *     not its content hash, a verified verdict that no replay proved, or evidence that is missing
   */
  public Recorded record(TaskSpec task) {
    TaskSpec t = task.id() == null ? task.withContentId() : task;
    requireRecordable(t);
    AuditReport audit = t.audit();
    String digest = digestOf(audit);
    // the evidence comes in under the write lock, just before its row: a writer copying files
    // holds the lock, so removeUnrecordedEvidence() and integrityCheck(), which take it too, never
    // take another live writer's files for leftovers
    return withLock(() -> inTransaction(() -> {
      AuditReport stored = new AuditReport(audit.verdict(), audit.reasons(), audit.stages(),
          evidence.adopt(t.id(), digest, audit.evidence()), audit.durationMs(), audit.provider(), audit.auditedAt());
      return store(t.withAudit(stored), digest);
    }));
  }

  private static void requireRecordable(TaskSpec t) {
    String name = t.id() == null ? t.family() : t.id();
    if (t.audit() == null || t.audit().verdict() == null) {
      throw new IllegalArgumentException("task " + name + " has no audit verdict; the bank stores audited tasks only");
    }
    if (t.family() == null || t.family().isBlank() || t.app() == null || t.app().isBlank()) {
      throw new IllegalArgumentException("task " + name + " needs a family and an app to be stored");
    }
    if (!SAFE_ID.matcher(t.id()).matches()) {
      throw new IllegalArgumentException("task id '" + t.id() + "' is not a safe file name (letters, digits, . _ -)");
    }
    String contentId = TaskJson.contentId(t);
    if (!t.id().equals(contentId)) {
      throw new IllegalArgumentException("task id " + t.id() + " is not its content hash " + contentId
          + "; use TaskSpec.withContentId()");
    }
    if (t.audit().verdict() == Verdict.VERIFIED && !t.audit().provenByReplay()) {
      throw new IllegalArgumentException("task " + t.id() + " is marked verified but no replay proved it "
          + "(its audit needs replay.* stages, all passed); nothing is verified without a replay");
    }
  }

  /** The audit's identity: its content with evidence reduced to file names, so re-recording it is a no-op. */
  private static String digestOf(AuditReport audit) {
    List<String> names = audit.evidence().stream().map(e -> Path.of(e).getFileName().toString()).toList();
    AuditReport key = new AuditReport(audit.verdict(), audit.reasons(), audit.stages(), names,
        audit.durationMs(), audit.provider(), audit.auditedAt());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(TaskJson.write(key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Recorded store(TaskSpec task, String digest) throws SQLException {
    AuditReport audit = task.audit();
    String now = Instant.now().toString();
    int inserted = update("INSERT OR IGNORE INTO audits(task_id, verdict, digest, json, recorded_at) VALUES (?, ?, ?, ?, ?)",
        task.id(), audit.verdict().json(), digest, TaskJson.write(audit), now);
    long auditId = queryLong("SELECT id FROM audits WHERE task_id = ? AND digest = ?", task.id(), digest);
    if (inserted == 1) {
      for (String path : audit.evidence()) {
        update("INSERT OR IGNORE INTO evidence(audit_id, path, bytes) VALUES (?, ?, ?)", auditId, path, size(path));
      }
      if (audit.verdict() != Verdict.VERIFIED) {
        for (int i = 0; i < audit.reasons().size(); i++) {
          update("INSERT INTO rejections(audit_id, seq, task_id, verdict, reason) VALUES (?, ?, ?, ?, ?)",
              auditId, i, task.id(), audit.verdict().json(), audit.reasons().get(i));
        }
      }
    }
    Optional<Current> current = current(task.id());
    if (current.isEmpty()) {
      update("INSERT INTO tasks(id, family, app, verdict, seed, audit_id, json, created_at, updated_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", task.id(), task.family(), task.app(), audit.verdict().json(),
          task.seed(), auditId, TaskJson.write(task), now, now);
      return new Recorded(task, Recorded.Outcome.INSERTED);
    }
    Current was = current.get();
    if (was.auditId() == auditId) return new Recorded(readTask(task.id()).orElseThrow(), Recorded.Outcome.UNCHANGED);
    if (audit.verdict() == Verdict.ERROR && was.verdict() != Verdict.ERROR) {
      return new Recorded(readTask(task.id()).orElseThrow(), Recorded.Outcome.KEPT);
    }
    update("UPDATE tasks SET family = ?, app = ?, verdict = ?, seed = ?, audit_id = ?, json = ?, updated_at = ? WHERE id = ?",
        task.family(), task.app(), audit.verdict().json(), task.seed(), auditId, TaskJson.write(task), now, task.id());
    return new Recorded(task, Recorded.Outcome.REPLACED);
  }

  private record Current(Verdict verdict, long auditId) {}

  private Optional<Current> current(String id) throws SQLException {
    try (PreparedStatement s = prepare("SELECT verdict, audit_id FROM tasks WHERE id = ?", id);
        ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.of(new Current(Verdict.of(r.getString(1)), r.getLong(2))) : Optional.empty();
    }
  }

  private long size(String relative) {
    try {
      return Files.size(evidence.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("evidence " + relative + " vanished before it was recorded", e);
    }
  }

  /** The task with its current audit. */
  public Optional<TaskSpec> get(String id) {
    return withLock(() -> readTask(id));
  }

  private Optional<TaskSpec> readTask(String id) throws SQLException {
    try (PreparedStatement s = prepare("SELECT json FROM tasks WHERE id = ?", id); ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.of(parseTask(r.getString(1), id)) : Optional.empty();
    }
  }

  public Optional<Verdict> verdictOf(String id) {
    return withLock(() -> {
      try (PreparedStatement s = prepare("SELECT verdict FROM tasks WHERE id = ?", id); ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(Verdict.of(r.getString(1))) : Optional.empty();
      }
    });
  }

  /** The tasks whose current verdict is {@code verdict}, by id. */
  public List<TaskSpec> tasks(Verdict verdict) {
    return withLock(() -> {
      List<TaskSpec> out = new ArrayList<>();
      try (PreparedStatement s = prepare("SELECT id, json FROM tasks WHERE verdict = ? ORDER BY id", verdict.json());
          ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(parseTask(r.getString(2), r.getString(1)));
      }
      return out;
    });
  }

  /** Every audit of a task, oldest first, including those that are no longer its current one. */
  public List<AuditReport> audits(String id) {
    return withLock(() -> {
      List<AuditReport> out = new ArrayList<>();
      try (PreparedStatement s = prepare("SELECT json FROM audits WHERE task_id = ? ORDER BY id", id);
          ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(TaskJson.mapper().readValue(r.getString(1), AuditReport.class));
      }
      return out;
    });
  }

  /** Every reason of every rejected or error audit, oldest first. */
  public List<Rejection> rejections() {
    return withLock(() -> {
      List<Rejection> out = new ArrayList<>();
      try (PreparedStatement s = prepare("""
              SELECT r.task_id, t.family, t.app, r.verdict, r.reason, a.recorded_at
              FROM rejections r JOIN audits a ON a.id = r.audit_id LEFT JOIN tasks t ON t.id = r.task_id
              ORDER BY r.audit_id, r.seq""");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Rejection(r.getString(1), r.getString(2), r.getString(3), Verdict.of(r.getString(4)),
              r.getString(5), r.getString(6)));
        }
      }
      return out;
    });
  }

  /** The agents' episodes recorded in this bank (the gym's trajectories). */
  public Episodes episodes() {
    return episodes;
  }

  /** The provenance of model-written families: every request a creator made, and how it ended. */
  public Creations creations() {
    return creations;
  }

  public Stats stats() {
    return withLock(() -> {
      Map<Verdict, Long> total = new HashMap<>();
      try (PreparedStatement s = prepare("SELECT verdict, count(*) FROM tasks GROUP BY verdict"); ResultSet r = s.executeQuery()) {
        while (r.next()) total.put(Verdict.of(r.getString(1)), r.getLong(2));
      }
      return new Stats(total.getOrDefault(Verdict.VERIFIED, 0L), total.getOrDefault(Verdict.REJECTED, 0L),
          total.getOrDefault(Verdict.ERROR, 0L), countsBy("app"), countsBy("family"));
    });
  }

  private Map<String, Stats.Counts> countsBy(String column) throws SQLException {
    Map<String, Stats.Counts> out = new HashMap<>();
    try (PreparedStatement s = prepare("SELECT " + column + ", verdict, count(*) FROM tasks GROUP BY 1, 2");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Stats.Counts c = out.getOrDefault(r.getString(1), Stats.Counts.NONE);
        long n = r.getLong(3);
        out.put(r.getString(1), switch (Verdict.of(r.getString(2))) {
          case VERIFIED -> new Stats.Counts(c.verified() + n, c.rejected(), c.error());
          case REJECTED -> new Stats.Counts(c.verified(), c.rejected() + n, c.error());
          case ERROR -> new Stats.Counts(c.verified(), c.rejected(), c.error() + n);
        });
      }
    }
    return out;
  }

  /**
   * Checks the file and our invariants: SQLite's own integrity and foreign keys; every task row
   * parses, its id is its content hash and its columns agree with its JSON; it has its current
   * audit; a verified task was proven by a replay; every evidence file recorded is on disk with
   * its recorded size, and every file on disk is recorded; no audit belongs to a task that is not
   * there. It holds the write lock, so a writer's evidence is never seen without its row.
   */
  public IntegrityReport integrityCheck() {
    return withLock(() -> inTransaction(() -> new IntegrityCheck(this).run()));
  }

  /**
   * Deletes the evidence files that no audit records, and the folders they leave empty; returns
   * their paths. A writer killed between copying a task's evidence in and committing its row
   * leaves such files behind ({@link #integrityCheck()} reports them). It holds the write lock, which
   * a writer holds while copying its evidence in, so other live writers' files are safe; a generate
   * run calls it when it starts.
   */
  public List<String> removeUnrecordedEvidence() {
    return withLock(() -> inTransaction(() -> {
      Set<String> recorded = new HashSet<>();
      try (PreparedStatement s = prepare("SELECT path FROM evidence"); ResultSet r = s.executeQuery()) {
        while (r.next()) recorded.add(EvidenceStore.relative(evidence.root(), evidence.resolve(r.getString(1))));
      }
      List<String> unrecorded = evidence.files().keySet().stream().filter(p -> !recorded.contains(p)).toList();
      return evidence.delete(unrecorded);
    }));
  }

  /** Reads for {@link IntegrityCheck}, which runs under this bank's lock. */
  Connection connection() {
    return db;
  }

  EvidenceStore evidence() {
    return evidence;
  }

  static TaskSpec parseTask(String json, String id) {
    try {
      return TaskJson.mapper().readValue(json, TaskSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("task " + id + " in the bank does not parse: " + e.getOriginalMessage()
          + "; the bank is damaged (TaskBank.integrityCheck() lists every broken row)", e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      db.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close bank " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  // ---- SQL plumbing

  @FunctionalInterface
  interface Sql<T> {
    T run() throws SQLException, IOException;
  }

  <T> T withLock(Sql<T> work) {
    lock.lock();
    try {
      return work.run();
    } catch (SQLException e) {
      throw new BankException(describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("bank " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** The SQLite failure in words that name the bank and say what to do for the usual ones. */
  private String describe(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB")) {
      return "bank " + file + " is corrupt (" + m + "); restore it from a copy, or salvage it with: sqlite3 "
          + file + " .recover | sqlite3 recovered.sqlite";
    }
    if (m.contains("SQLITE_FULL")) return "bank " + file + ": the disk is full (" + m + "); free space and run again, nothing recorded is lost";
    return "bank " + file + ": " + m;
  }

  /**
   * Runs work in one write transaction. SQLITE_BUSY (another process holds the write lock beyond
   * the busy timeout) rolls back and retries for up to five minutes, so it delays a run instead of
   * failing it.
   */
  <T> T inTransaction(Sql<T> work) throws SQLException, IOException {
    long deadline = System.currentTimeMillis() + BUSY_RETRY_MS;
    for (int attempt = 1; ; attempt++) {
      try {
        // explicit statements in autocommit mode: the driver's own transaction handling would
        // begin the next IMMEDIATE transaction right after each commit and hold the write lock
        execute("BEGIN IMMEDIATE");
        T result = work.run();
        execute("COMMIT");
        return result;
      } catch (SQLException e) {
        rollbackQuietly();
        if (!isBusy(e) || System.currentTimeMillis() > deadline) throw e;
        sleep(Math.min(2_000, 50L * attempt));
      } catch (IOException | RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
    }
  }

  private static boolean isBusy(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  private void rollbackQuietly() {
    try {
      execute("ROLLBACK");
    } catch (SQLException ignored) {
      // no transaction was open, or the original failure is the one to report
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BankException("interrupted while waiting for the bank's write lock", null);
    }
  }

  PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement s = db.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
    return s;
  }

  int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(sql, args)) {
      return s.executeUpdate();
    }
  }

  long queryLong(String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(sql, args); ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  private int pragmaInt(String name) throws SQLException {
    return (int) queryLong("PRAGMA " + name);
  }

  private Optional<String> meta(String key) throws SQLException {
    if (queryLong("SELECT count(*) FROM sqlite_schema WHERE name = 'meta'") == 0) return Optional.empty();
    try (PreparedStatement s = prepare("SELECT value FROM meta WHERE key = ?", key); ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
    }
  }
}
