package io.deskforge.creator.gdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetTest {
  static AppWeights ranking(double... weights) {
    List<AppWeights.App> apps = new java.util.ArrayList<>();
    for (int i = 0; i < weights.length; i++) apps.add(new AppWeights.App("app" + i, List.of(), weights[i], 0));
    return new AppWeights(apps, List.of(), 0);
  }

  @Test
  void partsFollowTheWeightsAndAddUpToTheTotal() {
    assertThat(Budget.split(10, ranking(6, 3, 1))).containsExactly(Map.entry("app0", 6), Map.entry("app1", 3), Map.entry("app2", 1));
    // 7 by 6:3:1 is 4.2, 2.1, 0.7: the largest remainder (0.7) gets the unit left
    assertThat(Budget.split(7, ranking(6, 3, 1))).containsExactly(Map.entry("app0", 4), Map.entry("app1", 2), Map.entry("app2", 1));
    assertThat(Budget.split(2, ranking(6, 3, 1))).containsExactly(Map.entry("app0", 1), Map.entry("app1", 1));
    assertThat(Budget.split(3, ranking(0, 0, 0)).values()).containsExactly(1, 1, 1);
    assertThat(Budget.split(0, ranking(1, 1))).isEmpty();
  }

  @Test
  void theShippedWeightsSpendMostOnTheHeaviestApp() {
    AppWeights r = AppWeights.rank(AppCatalog.load().all(), GdpWeights.shipped(), 5);
    Map<String, Integer> split = Budget.split(20, r);
    assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    String heaviest = r.apps().get(0).name();
    assertThat(split.get(heaviest)).isEqualTo(split.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
  }
}
