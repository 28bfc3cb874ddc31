package io.deskforge.creator.diversity;

import java.util.List;
import java.util.Locale;

/** {@link DiversityGate#nearestNeighbour}: centroid cosine over a threshold and a shared checker shape. */
final class NearestNeighbourGate implements DiversityGate {
  private final InstructionEmbeddings embeddings;
  private final double threshold;

  NearestNeighbourGate(InstructionEmbeddings embeddings, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("the cosine threshold must be in (0, 1]: " + threshold);
    this.embeddings = embeddings;
    this.threshold = threshold;
  }

  @Override
  public Decision judge(FamilyProfile proposed, List<FamilyProfile> existing) {
    float[] c = embeddings.centroid(proposed.templates());
    FamilyProfile best = null;
    double bestCos = Double.NEGATIVE_INFINITY;
    for (FamilyProfile e : existing) {
      if (!e.app().equals(proposed.app()) || e.family().equals(proposed.family())) continue;
      double cos = InstructionEmbeddings.cosine(c, embeddings.centroid(e.templates()));
      if (cos > bestCos) {
        bestCos = cos;
        best = e;
      }
    }
    if (best == null) {
      return new Decision(false, null, Double.NaN, false,
          proposed.family() + ": " + proposed.app() + " has no other family to compare with");
    }
    boolean same = proposed.sharesShapeWith(best);
    boolean close = bestCos >= threshold;
    String cos = String.format(Locale.ROOT, "%.3f", bestCos);
    String limit = String.format(Locale.ROOT, "%.2f", threshold);
    String reason;
    if (close && same) {
      reason = proposed.family() + " is too close to " + best.family() + ": instruction cosine " + cos + " >= " + limit
          + " and the same checker shape " + best.shape() + "; propose a different task (another check, other actions), not a rewording";
    } else if (close) {
      reason = proposed.family() + " reads like " + best.family() + " (instruction cosine " + cos + " >= " + limit
          + ") but checks " + proposed.shape() + " against its " + best.shape() + ": kept";
    } else {
      reason = proposed.family() + ": nearest family " + best.family() + " at instruction cosine " + cos + " < " + limit
          + (same ? ", same checker shape " + best.shape() : ", checker shape " + proposed.shape() + " against " + best.shape()) + ": kept";
    }
    return new Decision(close && same, best.family(), bestCos, same, reason);
  }
}
