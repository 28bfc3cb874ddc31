package io.deskforge.creator.diversity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The diversity of each app's families: how far apart their instructions are, how many distinct
 * checker shapes and action kinds they use, and each family's nearest neighbour among the app's
 * others. What `deskforge diversity` prints.
 *
 * @param model the embedding model of the instruction figures
 * @param cosine the gate's threshold: a family whose nearest neighbour is at least this close and
 *     shares its checker shape is marked {@code near}
 * @param apps one entry per app with families, by name
 */
public record DiversityReport(String model, double cosine, List<App> apps) {

  /**
   * @param app the app
   * @param families how many families
   * @param tasks the tasks they stand for (seeds drawn, or bank tasks)
   * @param instructions the distinct instructions embedded
   * @param instructionSpread the mean cosine distance (1 - cosine) over all pairs of the app's
   *     instructions: 0 when they all say the same, near 1 when they share nothing
   * @param familySpread the same over pairs of family centroids (one point per family)
   * @param familyVolume det(G)^(1/k) of the family centroids' Gram matrix: 1 when the families'
   *     instructions point in orthogonal directions, towards 0 as one repeats a combination of others
   * @param checkerShapes each distinct checker shape with the number of families using it
   * @param actionKinds each action kind of the reference solutions with the number of families using it
   * @param neighbours each family's nearest neighbour
   * @param nearPairs how many families have a near neighbour (close and the same shape)
   * @param collapse a warning when families crowd into few shapes, or null
   */
  public record App(String app, int families, int tasks, int instructions, double instructionSpread, double familySpread,
      double familyVolume, Map<String, Integer> checkerShapes, Map<String, Integer> actionKinds, List<Neighbour> neighbours,
      int nearPairs, String collapse) {}

  /**
   * @param family the family
   * @param origin {@code java}, {@code data}, {@code bank}, ...
   * @param shape its checker shape(s)
   * @param neighbour the app's other family with the closest instruction centroid (null when alone)
   * @param cosine the two centroids' cosine
   * @param sameShape whether they share a checker shape
   * @param near cosine at least the threshold and the same shape: the gate would refuse one of them
   */
  public record Neighbour(String family, String origin, String shape, String neighbour, double cosine, boolean sameShape,
      boolean near) {}

  /**
   * An app collapses when at least {@value #COLLAPSE_MIN_FAMILIES} families share fewer than one
   * checker shape per {@value #COLLAPSE_FAMILIES_PER_SHAPE} families, or when a quarter or more of
   * them have a near neighbour.
   */
  public static final int COLLAPSE_MIN_FAMILIES = 4;

  public static final int COLLAPSE_FAMILIES_PER_SHAPE = 3;

  public static DiversityReport of(List<FamilyProfile> profiles, InstructionEmbeddings embeddings, double cosine) {
    List<String> all = new ArrayList<>();
    profiles.forEach(p -> {
      all.addAll(p.instructions());
      all.addAll(p.templates());
    });
    embeddings.warm(all);
    Map<String, List<FamilyProfile>> byApp = new TreeMap<>();
    for (FamilyProfile p : profiles) byApp.computeIfAbsent(p.app(), k -> new ArrayList<>()).add(p);
    List<App> apps = new ArrayList<>();
    byApp.forEach((app, fs) -> apps.add(app(app, fs, embeddings, cosine)));
    return new DiversityReport(embeddings.modelName(), cosine, apps);
  }

  private static App app(String app, List<FamilyProfile> fs, InstructionEmbeddings e, double threshold) {
    fs = fs.stream().sorted(java.util.Comparator.comparing(FamilyProfile::family)).toList();
    List<float[]> centroids = fs.stream().map(f -> e.centroid(f.templates())).toList();
    TreeSet<String> texts = new TreeSet<>();
    fs.forEach(f -> texts.addAll(f.instructions()));
    List<float[]> vectors = texts.stream().map(e::embed).toList();
    Map<String, Integer> shapes = new TreeMap<>();
    Map<String, Integer> actions = new TreeMap<>();
    for (FamilyProfile f : fs) {
      f.checkerShapes().forEach(s -> shapes.merge(s, 1, Integer::sum));
      f.actionKinds().forEach(a -> actions.merge(a, 1, Integer::sum));
    }
    List<Neighbour> neighbours = new ArrayList<>();
    for (int i = 0; i < fs.size(); i++) {
      int best = -1;
      double bestCos = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < fs.size(); j++) {
        if (j == i) continue;
        double c = InstructionEmbeddings.cosine(centroids.get(i), centroids.get(j));
        if (c > bestCos) {
          bestCos = c;
          best = j;
        }
      }
      FamilyProfile f = fs.get(i);
      if (best < 0) {
        neighbours.add(new Neighbour(f.family(), f.origin(), f.shape(), null, Double.NaN, false, false));
      } else {
        boolean same = f.sharesShapeWith(fs.get(best));
        neighbours.add(new Neighbour(f.family(), f.origin(), f.shape(), fs.get(best).family(), bestCos, same,
            same && bestCos >= threshold));
      }
    }
    int near = (int) neighbours.stream().filter(Neighbour::near).count();
    int tasks = fs.stream().mapToInt(FamilyProfile::tasks).sum();
    return new App(app, fs.size(), tasks, texts.size(), InstructionEmbeddings.meanPairwiseDistance(vectors),
        InstructionEmbeddings.meanPairwiseDistance(centroids), InstructionEmbeddings.volumePerVector(centroids), shapes,
        actions, neighbours, near, collapse(fs.size(), shapes.size(), near));
  }

  /** The collapse warning for an app with these counts, or null (see {@link #COLLAPSE_MIN_FAMILIES}). */
  public static String collapse(int families, int shapes, int nearFamilies) {
    if (families < COLLAPSE_MIN_FAMILIES) return null;
    List<String> why = new ArrayList<>();
    if (shapes * COLLAPSE_FAMILIES_PER_SHAPE < families) {
      why.add(families + " families in " + shapes + " checker shape" + (shapes == 1 ? "" : "s"));
    }
    if (nearFamilies * 4 >= families && nearFamilies > 0) {
      why.add(nearFamilies + " of " + families + " families have a near neighbour");
    }
    return why.isEmpty() ? null : "collapse: " + String.join("; ", why);
  }

  /** This report as plain maps and lists, for JSON (NaN as null). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("cosine_threshold", cosine);
    m.put("apps", apps.stream().map(a -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("app", a.app());
      x.put("families", a.families());
      x.put("tasks", a.tasks());
      x.put("instructions", a.instructions());
      x.put("instruction_spread", number(a.instructionSpread()));
      x.put("family_spread", number(a.familySpread()));
      x.put("family_volume", number(a.familyVolume()));
      x.put("checker_shapes", a.checkerShapes());
      x.put("action_kinds", a.actionKinds());
      x.put("near_families", a.nearPairs());
      x.put("collapse", a.collapse());
      x.put("neighbours", a.neighbours().stream().map(n -> {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("family", n.family());
        y.put("origin", n.origin());
        y.put("shape", n.shape());
        y.put("neighbour", n.neighbour());
        y.put("cosine", number(n.cosine()));
        y.put("same_shape", n.sameShape());
        y.put("near", n.near());
        return y;
      }).toList());
      return x;
    }).toList());
    return m;
  }

  private static Double number(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
  }
}
