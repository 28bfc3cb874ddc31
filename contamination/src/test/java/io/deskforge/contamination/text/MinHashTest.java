package io.deskforge.contamination.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHashTest {
  /**
   * Over k slots the estimate of a Jaccard similarity J has standard error sqrt(J(1-J)/k): at
   * most 0.044 with 128 slots (at J = 0.5), the "about 0.04" that {@link MinHash} and
   * contamination/README.md state. Over 200 random pairs of sets the root-mean-square error must
   * be within it, and no single estimate more than 4 of its own standard errors off (a 1 in 15,000
   * event per pair for independent slots; a weakly mixed hash is off by far more).
   */
  @Test
  void theEstimateErrsByNoMoreThanTheStatedStandardError() {
    Random rnd = new Random(1);
    double squares = 0;
    double worstInErrors = 0;
    int pairs = 0;
    for (int trial = 0; trial < 200; trial++) {
      Set<Long> a = new HashSet<>(), b = new HashSet<>();
      int shared = rnd.nextInt(60), onlyA = rnd.nextInt(40), onlyB = rnd.nextInt(40);
      for (int i = 0; i < shared; i++) {
        long v = rnd.nextLong();
        a.add(v);
        b.add(v);
      }
      for (int i = 0; i < onlyA; i++) a.add(rnd.nextLong());
      for (int i = 0; i < onlyB; i++) b.add(rnd.nextLong());
      if (a.isEmpty() || b.isEmpty()) continue;
      double truth = shared / (double) (shared + onlyA + onlyB);

      double error = MinHash.jaccard(sig(a), sig(b)) - truth;

      double standardError = Math.sqrt(truth * (1 - truth) / MinHash.SLOTS);
      if (standardError == 0) {
        assertThat(error).as("trial %d: disjoint or equal sets are estimated exactly", trial).isZero();
      } else {
        worstInErrors = Math.max(worstInErrors, Math.abs(error) / standardError);
      }
      squares += error * error;
      pairs++;
    }
    double rms = Math.sqrt(squares / pairs);
    assertThat(pairs).isGreaterThan(190);
    assertThat(rms).as("root-mean-square error").isLessThanOrEqualTo(Math.sqrt(0.25 / MinHash.SLOTS));
    assertThat(worstInErrors).as("worst error, in standard errors").isLessThanOrEqualTo(4);
  }

  @Test
  void textsAtTheThresholdShareABandAndUnrelatedOnesRarelyDo() {
    int[] a = TextAnalysis.of("Sort the rows of the sheet by the values in column B from largest to smallest").minhash();
    int[] b = TextAnalysis.of("Please sort the rows of the sheet by the values in column B from largest to smallest.").minhash();
    int[] c = TextAnalysis.of("Mute the speakers and set the screen brightness to half").minhash();

    assertThat(shareABand(a, b)).isTrue();
    assertThat(shareABand(a, c)).isFalse();
  }

  private static boolean shareABand(int[] x, int[] y) {
    long[] bx = MinHash.bands(x), by = MinHash.bands(y);
    for (int i = 0; i < bx.length; i++) if (bx[i] == by[i]) return true;
    return false;
  }

  private static int[] sig(Set<Long> s) {
    return MinHash.signature(s.stream().mapToLong(Long::longValue).toArray());
  }
}
