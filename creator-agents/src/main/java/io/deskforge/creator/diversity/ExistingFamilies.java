package io.deskforge.creator.diversity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a creator is shown of an app's existing families, so that it proposes something new: each
 * family's id, checker shape, actions and one instruction, then the shapes and actions already
 * used. Plain text for a prompt; the gate ({@link DiversityGate}) still judges what comes back.
 */
public final class ExistingFamilies {
  private ExistingFamilies() {}

  /** The brief for {@code app} from {@code profiles} (families of other apps are left out). */
  public static String brief(String app, List<FamilyProfile> profiles) {
    List<FamilyProfile> fs = profiles.stream().filter(p -> p.app().equals(app))
        .sorted(Comparator.comparing(FamilyProfile::family)).toList();
    if (fs.isEmpty()) return app + " has no task family yet: any task it supports is new.\n";
    StringBuilder b = new StringBuilder();
    b.append(app).append(" already has ").append(fs.size()).append(fs.size() == 1 ? " family" : " families")
        .append("; a family that only rewords one of them is refused:\n");
    Map<String, Integer> shapes = new TreeMap<>();
    Map<String, Integer> actions = new TreeMap<>();
    for (FamilyProfile f : fs) {
      b.append("- ").append(f.family()).append(": checker ").append(f.shape()).append("; actions ")
          .append(String.join(", ", new java.util.TreeSet<>(f.actionKinds()))).append("; for example \"")
          .append(f.templates().get(0)).append("\"\n");
      f.checkerShapes().forEach(s -> shapes.merge(s, 1, Integer::sum));
      f.actionKinds().forEach(a -> actions.merge(a, 1, Integer::sum));
    }
    b.append("Checker shapes in use (families): ").append(counts(shapes)).append('\n');
    b.append("Actions in use (families): ").append(counts(actions)).append('\n');
    b.append("A new checker shape (another getter, metric or combination) or new actions add the most.\n");
    return b.toString();
  }

  private static String counts(Map<String, Integer> m) {
    List<String> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(k + " (" + v + ")"));
    return String.join(", ", out);
  }
}
