package io.deskforge.creator.diversity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a {@link DiversityReport} that need no model: per app, its families, tasks,
 * checker shapes and action kinds, and the collapse warning by shapes alone. What {@code stats}
 * prints for a bank; {@code deskforge diversity --bank} adds the instruction figures and near
 * neighbours.
 */
public record ShapeCensus(String app, int families, int tasks, Map<String, Integer> checkerShapes,
    Map<String, Integer> actionKinds, String collapse) {

  public static List<ShapeCensus> of(List<FamilyProfile> profiles) {
    Map<String, List<FamilyProfile>> byApp = new TreeMap<>();
    for (FamilyProfile p : profiles) byApp.computeIfAbsent(p.app(), k -> new ArrayList<>()).add(p);
    List<ShapeCensus> out = new ArrayList<>();
    byApp.forEach((app, fs) -> {
      Map<String, Integer> shapes = new TreeMap<>();
      Map<String, Integer> actions = new TreeMap<>();
      for (FamilyProfile f : fs) {
        f.checkerShapes().forEach(s -> shapes.merge(s, 1, Integer::sum));
        f.actionKinds().forEach(a -> actions.merge(a, 1, Integer::sum));
      }
      out.add(new ShapeCensus(app, fs.size(), fs.stream().mapToInt(FamilyProfile::tasks).sum(), shapes, actions,
          DiversityReport.collapse(fs.size(), shapes.size(), 0)));
    });
    return out;
  }
}
