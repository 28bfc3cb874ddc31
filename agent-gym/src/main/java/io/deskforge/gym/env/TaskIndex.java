package io.deskforge.gym.env;

import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bank's verified tasks as the gym lists them. A card holds only what an agent may see:
 * id, app, family, instruction, difficulty and split. Read from the bank on each call, so tasks a
 * concurrent {@code generate} verifies appear without a restart.
 *
 * <p>Splits: a task is in {@code test} when the first byte of SHA-256 of its id is below 52 (about
 * one task in five), otherwise in {@code train}; fixed by the id, so a split never changes.
 */
public final class TaskIndex {
  private final TaskBank bank;

  public TaskIndex(TaskBank bank) {
    this.bank = bank;
  }

  /** A task as agents see it. */
  public record Card(String id, String app, String family, String instruction, String difficulty, int referenceSteps, String split) {}

  /** Filters; null matches everything. {@code limit} at most 10,000. */
  public record Query(String app, String family, String split, String difficulty, int limit) {
    public Query {
      if (limit < 1 || limit > 10_000) throw new GymException(GymException.Kind.BAD_REQUEST, "limit: must be 1 to 10000, got " + limit);
      if (split != null && !split.equals("train") && !split.equals("test")) {
        throw new GymException(GymException.Kind.BAD_REQUEST, "split: must be train or test, got '" + split + "'");
      }
      if (difficulty != null && !List.of("easy", "medium", "hard").contains(difficulty)) {
        throw new GymException(GymException.Kind.BAD_REQUEST, "difficulty: must be easy, medium or hard, got '" + difficulty + "'");
      }
    }

    public static Query all() {
      return new Query(null, null, null, null, 10_000);
    }
  }

  public List<Card> find(Query q) {
    List<Card> out = new ArrayList<>();
    for (TaskSpec t : bank.tasks(Verdict.VERIFIED)) {
      Card c = card(t);
      if (q.app() != null && !q.app().equals(c.app())) continue;
      if (q.family() != null && !q.family().equals(c.family())) continue;
      if (q.split() != null && !q.split().equals(c.split())) continue;
      if (q.difficulty() != null && !q.difficulty().equals(c.difficulty())) continue;
      out.add(c);
      if (out.size() >= q.limit()) break;
    }
    return out;
  }

  /** The task if the bank holds it as verified. */
  public Optional<TaskSpec> verified(String id) {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,200}")) return Optional.empty();
    return bank.get(id).filter(t -> bank.verdictOf(id).orElse(null) == Verdict.VERIFIED);
  }

  static Card card(TaskSpec t) {
    int steps = t.difficulty() != null ? t.difficulty().steps() : t.solution().actions().size();
    String level = t.difficulty() != null ? t.difficulty().level() : null;
    return new Card(t.id(), t.app(), t.family(), t.instruction(), level, steps, split(t.id()));
  }

  static String split(String id) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return (h[0] & 0xff) < 52 ? "test" : "train";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
