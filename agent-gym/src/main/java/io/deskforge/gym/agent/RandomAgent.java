package io.deskforge.gym.agent;

import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Acts at random on the screen (clicks, typing, keys, scrolls) and says done with a small
 * probability each step: the floor an agent must beat. Seeded, so a run can be repeated.
 */
public final class RandomAgent implements Agent {
  private static final List<String> KEYS = List.of("Return", "Tab", "BackSpace", "Escape", "Down", "Up", "ctrl+s", "ctrl+z", "ctrl+a");
  private static final List<String> WORDS = List.of("hello", "total", "42", "notes", "2024", "done", "x");

  private final Random random;

  public RandomAgent(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public Decision next(View view) {
    if (view.step() > 0 && random.nextInt(20) == 0) return new Decision.Act(TaskJson.tree(Map.of("action", "done")));
    int w = view.observation().width(), h = view.observation().height();
    int x = random.nextInt(w), y = random.nextInt(h);
    Action a = switch (random.nextInt(6)) {
      case 0, 1 -> new Action.Click(x, y);
      case 2 -> new Action.DoubleClick(x, y);
      case 3 -> new Action.Type(WORDS.get(random.nextInt(WORDS.size())));
      case 4 -> new Action.Key(KEYS.get(random.nextInt(KEYS.size())));
      default -> new Action.Scroll(x, y, 0, random.nextBoolean() ? 3 : -3);
    };
    return new Decision.Act(TaskJson.tree(a));
  }
}
