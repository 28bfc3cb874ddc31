package io.deskforge.creator.diversity;

import io.deskforge.apps.TaskFamily;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Profiles of many families at once: those of a catalog, or those a bank's tasks come from. */
public final class FamilyProfiles {
  /** Seeds drawn from each family, or bank tasks read per family: with 32 the centroids of the built-in families keep apart (see {@link FamilyProfile#template}); 8 blur them. */
  public static final int DEFAULT_SAMPLE = 32;

  private FamilyProfiles() {}

  /** Draws seeds 0 .. {@code seeds}-1 of each family. */
  public static List<FamilyProfile> ofFamilies(Collection<? extends TaskFamily> families, int seeds) {
    return families.stream().parallel().map(f -> FamilyProfile.of(f, seeds)).toList();
  }

  /**
   * One profile per family the tasks come from ({@code origin} {@code bank}); the first {@code
   * sample} distinct instructions of each are embedded, every task counts for shapes and actions.
   */
  public static List<FamilyProfile> ofTasks(Collection<TaskSpec> tasks, int sample) {
    Map<List<String>, List<TaskSpec>> byFamily = new LinkedHashMap<>();
    for (TaskSpec t : tasks) {
      String family = t.family() == null ? "(no family)" : t.family();
      byFamily.computeIfAbsent(List.of(t.app() == null ? "(no app)" : t.app(), family), k -> new ArrayList<>()).add(t);
    }
    List<FamilyProfile> out = new ArrayList<>();
    byFamily.forEach((k, ts) -> out.add(FamilyProfile.ofTasks(k.get(1), k.get(0), "bank", ts, sample)));
    return out;
  }
}
