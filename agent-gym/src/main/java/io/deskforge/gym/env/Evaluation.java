package io.deskforge.gym.env;

import java.util.List;

/**
 * The privileged checker's verdict on an env's state, in what an agent may see: the reward and,
 * per checker leaf, which kind of getter and metric it is and whether it passed. Never the
 * expected values, the readings or the paths the checker reads.
 */
public record Evaluation(double reward, List<Leaf> leaves) {

  public record Leaf(int index, String getter, String metric, boolean passed) {}

  public boolean passed() {
    return reward >= 1.0;
  }
}
