package io.deskforge.creator.diversity;

import io.deskforge.contamination.BankDuplicates;
import io.deskforge.contamination.Candidate;
import io.deskforge.contamination.ContaminationVerdict;
import io.deskforge.contamination.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link DiversityGate#bankRules}: the contamination module's bank rules ({@link BankDuplicates},
 * policy {@code bank}) applied to the families' drawn tasks. Too close when a task the proposed
 * family draws is the same task as one an existing family of the app draws: the same values in
 * other words (a variant that rewords a family but keeps its draws) or an exact copy. A family that
 * keeps another's wording with other values passes here; {@link NearestNeighbourGate} judges that.
 */
final class BankRulesGate implements DiversityGate {
  private final Thresholds thresholds;

  BankRulesGate(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  @Override
  public Decision judge(FamilyProfile proposed, List<FamilyProfile> existing) {
    List<Candidate> known = new ArrayList<>();
    for (FamilyProfile e : existing) {
      if (!e.app().equals(proposed.app()) || e.family().equals(proposed.family())) continue;
      for (int i = 0; i < e.instructions().size(); i++) known.add(new Candidate(e.family() + "#" + i, e.instructions().get(i), e.app()));
    }
    if (known.isEmpty()) {
      return new Decision(false, null, Double.NaN, false, proposed.family() + ": " + proposed.app() + " has no other family to compare with");
    }
    try (BankDuplicates bank = BankDuplicates.of(known, thresholds)) {
      for (int i = 0; i < proposed.instructions().size(); i++) {
        String text = proposed.instructions().get(i);
        ContaminationVerdict v = bank.check(new Candidate(proposed.family() + "#" + i, text, proposed.app()));
        if (v.contaminated()) {
          String neighbour = v.matchId().substring(0, v.matchId().lastIndexOf('#'));
          FamilyProfile n = existing.stream().filter(e -> e.family().equals(neighbour)).findFirst().orElseThrow();
          return new Decision(true, neighbour, v.score(), proposed.sharesShapeWith(n), String.format(Locale.ROOT,
              "%s draws the same task as %s (bank rule %s, score %.3f): \"%s\" against \"%s\"; draw other values or propose another task",
              proposed.family(), neighbour, v.rule(), v.score(), text, v.matchText()));
        }
      }
    }
    return new Decision(false, null, Double.NaN, false,
        proposed.family() + ": none of its " + proposed.instructions().size() + " drawn tasks is one an existing family of " + proposed.app() + " draws");
  }
}
