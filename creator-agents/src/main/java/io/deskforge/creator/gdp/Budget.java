package io.deskforge.creator.gdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run that names no apps spends its budget: {@code total} units (families to create, tasks
 * to make) split across the apps in proportion to their occupational weight ({@link AppWeights}),
 * by largest remainder so the parts add up to the total exactly. An app without weight gets
 * nothing unless no app has any, when the split is even.
 */
public final class Budget {
  private Budget() {}

  /** The units per app, in the ranking's order (heaviest first); apps given none are left out. */
  public static Map<String, Integer> split(int total, AppWeights ranking) {
    if (total < 0) throw new IllegalArgumentException("a budget is at least 0, not " + total);
    List<AppWeights.App> apps = ranking.apps();
    if (apps.isEmpty()) throw new IllegalArgumentException("no app to spend a budget on");
    double sum = apps.stream().mapToDouble(AppWeights.App::weightUsd).sum();
    int n = apps.size();
    int[] parts = new int[n];
    double[] remainders = new double[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      double exact = sum > 0 ? total * apps.get(i).weightUsd() / sum : (double) total / n;
      parts[i] = (int) Math.floor(exact);
      remainders[i] = exact - parts[i];
      given += parts[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) order.add(i);
    // the largest remainders get the units left; ties go to the heavier app (earlier in the ranking)
    order.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
    for (int k = 0; given < total; k++, given++) parts[order.get(k % n)]++;
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) if (parts[i] > 0) out.put(apps.get(i).name(), parts[i]);
    return out;
  }
}
