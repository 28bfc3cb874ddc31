package io.deskforge.creator.llm;

import io.deskforge.model.ChatEndpoint;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.creator.diversity.ExistingFamilies;
import io.deskforge.creator.diversity.FamilyProfile;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.model.ChatEndpoint.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages that ask a model for a new family of one app, and those that send a reply back:
 * with the problems that make it unusable ({@link #repair}) or with the auditors' reasons for
 * rejecting its tasks ({@link #revise}).
 *
 * <p>The first request holds the app's card ({@link AppCard}), the family schema, the verified
 * example families of the app (the shipped family files), the families it already has (id and
 * description), and, when a desktop is at hand, its initial screenshot and accessibility tree.
 * It holds families, never drawn tasks: no other task's privileged values or expected results.
 */
public final class FamilyPrompt {
  private FamilyPrompt() {}

  static final String SYSTEM = """
      You write task families for deskforge, a factory of verified computer-use tasks on real desktop apps.
      A family is a declarative JSON file: parameters drawn from a seed, instruction phrasings with {slot}s,
      and, in a typed vocabulary, the setup, the checker, privileged facts, a reference solution made of GUI
      actions only, and negatives (wrong solutions) that the checker must reject.
      Every task your family yields is replayed in a fresh desktop before it is trusted:
      - after setup, the checker must FAIL (the task is not already solved);
      - after the reference solution, typed and clicked through the GUI, the checker must PASS;
      - after each negative (the no-op is added for you), the checker must FAIL;
      - the instruction must tell the agent what to do but must not leak privileged values it should find itself.
      The checker reads real saved state from outside the desktop with one of the app's privileged getters.
      Reply with exactly one JSON object, the family file, filling the schema you are given. No prose, no code fences.
      """;

  /** How many tasks of each existing family are drawn to describe it. */
  static final int BRIEF_SEEDS = 4;

  /** The first request for a family of {@code app}. */
  public static List<Message> initial(AppCatalog catalog, String app, Path gdpData, Optional<InitialView.View> view) {
    StringBuilder u = new StringBuilder();
    u.append("Write a new task family for the app below.\n\n");
    u.append("## The app\n").append(AppCard.of(catalog, app, gdpData)).append('\n');
    u.append("## The family schema (JSON Schema 2020-12)\n").append(AppCard.schema().strip()).append("\n\n");
    List<DataFamily> examples = FamilyFiles.shipped().stream().filter(f -> f.app().equals(app)).toList();
    if (!examples.isEmpty()) {
      u.append("## Verified example families of ").append(app).append(" (every task they yield passed the replay audit)\n");
      for (DataFamily f : examples) u.append("### ").append(f.id()).append('\n').append(text(f).strip()).append("\n\n");
    }
    u.append("## Families ").append(app).append(" already has: propose a different kind of task, with a new id\n");
    java.util.Map<String, String> existing = new java.util.TreeMap<>();
    for (TaskFamily f : catalog.families(List.of(app))) existing.put(f.id(), f.description());
    for (DataFamily f : examples) existing.put(f.id(), f.description());
    existing.forEach((id, description) -> u.append("- ").append(id).append(": ").append(description).append('\n'));
    u.append('\n');
    // what they check and do, so the model can aim at a checker shape or actions the app lacks (issue 11, item 7)
    List<FamilyProfile> profiles = new ArrayList<>();
    for (TaskFamily f : catalog.families(List.of(app))) {
      List<io.deskforge.task.spec.TaskSpec> tasks = new ArrayList<>();
      for (long seed = 0; seed < BRIEF_SEEDS; seed++) tasks.add(withoutFactValues(f.sample(seed)));
      profiles.add(FamilyProfile.ofTasks(f.id(), f.app(), f instanceof DataFamily ? "data" : "java", tasks, BRIEF_SEEDS));
    }
    u.append("## What those families check and do\n").append(ExistingFamilies.brief(app, profiles)).append('\n');
    byte[] png = null;
    if (view.isPresent()) {
      u.append("## ").append(app).append(" right after it starts\n");
      if (view.get().png() != null) u.append("The screenshot is attached.\n");
      if (!view.get().accessibilityTree().isBlank()) u.append("Accessibility tree:\n").append(view.get().accessibilityTree().strip()).append("\n\n");
      png = view.get().png();
    }
    u.append("Reply with the new family file only: one JSON object whose \"app\" is \"").append(app)
        .append("\" and whose \"family\" id starts with \"").append(app).append(".\".");
    List<Message> out = new ArrayList<>();
    out.add(Message.system(SYSTEM));
    out.add(new Message("user", u.toString(), png));
    return out;
  }

  /**
   * The task with its privileged facts' values masked in its instruction: the prompt describes
   * families by their wording, and holds no value a drawn task keeps privileged.
   */
  private static io.deskforge.task.spec.TaskSpec withoutFactValues(io.deskforge.task.spec.TaskSpec t) {
    String instruction = t.instruction();
    List<String> values = new ArrayList<>();
    for (var fact : t.privileged().facts()) {
      String v = String.valueOf(fact.value());
      if (v.strip().length() >= 3) values.add(v);
    }
    values.sort(java.util.Comparator.comparingInt(String::length).reversed());
    for (String v : values) instruction = instruction.replace(v, FamilyProfile.MASK);
    return new io.deskforge.task.spec.TaskSpec(t.id(), t.family(), t.app(), t.relatedApps(), instruction, t.seed(), t.params(),
        t.privileged(), t.setup(), t.checker(), t.solution(), t.negatives(), t.difficulty(), t.provenance(), t.audit());
  }

  /** A reply that is not a usable family goes back with its problems. */
  public static Message repair(List<String> problems) {
    return Message.user("Your reply is not a usable family file:\n- " + String.join("\n- ", problems)
        + "\nReply with the corrected family file only: one JSON object, no prose.");
  }

  /** A family whose tasks the auditors rejected goes back with their reasons. */
  public static Message revise(String stage, List<String> reasons) {
    return Message.user("The auditors rejected a task of this family at the " + stage + " stage:\n- " + String.join("\n- ", reasons)
        + "\nRevise the family so that its tasks pass the audit, and reply with the revised family file only: one JSON object.");
  }

  /** A family file's text: a shipped resource, or a file on disk. */
  static String text(DataFamily f) {
    Path p = Path.of(f.source());
    try {
      if (Files.isRegularFile(p)) return Files.readString(p, StandardCharsets.UTF_8);
      try (InputStream in = FamilyFiles.class.getResourceAsStream("/" + f.source())) {
        if (in == null) throw new IllegalStateException("the family file " + f.source() + " is neither on disk nor on the classpath");
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the family file " + f.source() + ": " + e.getMessage(), e);
    }
  }
}
