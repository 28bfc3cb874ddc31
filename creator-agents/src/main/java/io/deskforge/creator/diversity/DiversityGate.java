package io.deskforge.creator.diversity;

import java.util.List;

/**
 * Says whether a proposed family adds something to an app or repeats one it has: what a creator
 * or the amplifier asks before a family goes to audit, so the bank does not collapse into many
 * wordings of a few tasks. Given the proposed family's profile (instructions drawn from a few
 * seeds, 32 by default, its checker shapes, its actions; {@link FamilyProfile#of}) and the app's existing
 * families, a gate gives a {@link Decision} that names the closest existing family.
 */
public interface DiversityGate {

  /**
   * The default cosine over which two families' instruction centroids (of masked templates,
   * {@link FamilyProfile#template}) count as one task: on the built-in families with 32 seeds each,
   * the shipped ports sit at 0.97 or more from their Java originals and distinct families at 0.87
   * or less. A proposed family profiled from fewer seeds sits lower (8 seeds: ports from 0.90).
   */
  double DEFAULT_COSINE = 0.90;

  /**
   * The verdict on {@code proposed} against {@code existing}; families of other apps and an
   * existing family with the proposed one's id (its earlier version) are not compared.
   */
  Decision judge(FamilyProfile proposed, List<FamilyProfile> existing);

  /**
   * Too close when the nearest existing family by instruction centroid has a cosine of at least
   * {@code cosine} AND shares a checker shape with the proposed one: new wording of a task the
   * app has, checked the same way. Similar words with another check (a file saved against a line
   * deleted) or another task checked the same way pass.
   */
  static DiversityGate nearestNeighbour(InstructionEmbeddings embeddings, double cosine) {
    return new NearestNeighbourGate(embeddings, cosine);
  }

  /**
   * Too close when one of the proposed family's drawn tasks is the same task as one an existing
   * family draws, by the contamination module's bank rules ({@link
   * io.deskforge.contamination.BankDuplicates}): the same values in other words, or an exact copy.
   * The decision's cosine is the rule's score.
   */
  static DiversityGate bankRules(io.deskforge.contamination.Thresholds thresholds) {
    return new BankRulesGate(thresholds);
  }

  /** Too close when any of {@code gates} says so (the first that does decides); else the first gate's decision. */
  static DiversityGate anyOf(DiversityGate... gates) {
    if (gates.length == 0) throw new IllegalArgumentException("no gate");
    List<DiversityGate> all = List.of(gates);
    return (proposed, existing) -> {
      Decision first = null;
      for (DiversityGate g : all) {
        Decision d = g.judge(proposed, existing);
        if (d.tooClose()) return d;
        if (first == null) first = d;
      }
      return first;
    };
  }

  /**
   * What the amplifier and creators use: {@link #nearestNeighbour} with MiniLM and {@link
   * #DEFAULT_COSINE}, then {@link #bankRules} with the contamination defaults.
   */
  static DiversityGate defaults() {
    return anyOf(nearestNeighbour(InstructionEmbeddings.miniLm(), DEFAULT_COSINE),
        bankRules(io.deskforge.contamination.Thresholds.defaults()));
  }

  /**
   * @param tooClose whether the proposed family repeats {@code neighbour}
   * @param neighbour the existing family whose instructions are closest, or null when the app has none
   * @param cosine the cosine of the two instruction centroids (NaN without a neighbour)
   * @param sameShape whether the two share a checker shape
   * @param reason one sentence naming the neighbour, the cosine and the shapes, for the creator
   */
  record Decision(boolean tooClose, String neighbour, double cosine, boolean sameShape, String reason) {}
}
