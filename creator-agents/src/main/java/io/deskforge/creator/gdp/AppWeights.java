package io.deskforge.creator.gdp;

import io.deskforge.apps.AppTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * deskforge's apps ranked by occupational weight, and the heaviest commodities with the apps that
 * cover them (none: what to build next). An app's weight is the sum of the {@link GdpWeights} of
 * the commodities it stands in for; a share is a weight over {@link GdpWeights#totalUsd()}.
 */
public record AppWeights(List<App> apps, List<Commodity> top, double totalUsd) {

  /** One app with its commodities, heaviest app first. */
  public record App(String name, List<CommodityWeight> commodities, double weightUsd, double share) {}

  /** One of the heaviest commodities, with the apps standing in for it (empty if none). */
  public record Commodity(int rank, CommodityWeight commodity, double share, List<String> apps) {}

  /**
   * Ranks the apps and lists the {@code top} heaviest commodities.
   *
   * @throws IllegalArgumentException if an app names a commodity title the data does not list
   */
  public static AppWeights rank(List<AppTemplate> templates, GdpWeights weights, int top) {
    double total = weights.totalUsd();
    List<App> apps = new ArrayList<>();
    for (AppTemplate a : templates) {
      List<CommodityWeight> cs = a.commodities().stream()
          .map(t -> weights.byTitle(t).orElseThrow(() -> new IllegalArgumentException(
              "app " + a.name() + " names the commodity '" + t + "', which O*NET's Technology Skills do not list")))
          .toList();
      double w = cs.stream().mapToDouble(CommodityWeight::weightUsd).sum();
      apps.add(new App(a.name(), cs, w, w / total));
    }
    apps.sort(Comparator.comparingDouble(App::weightUsd).reversed().thenComparing(App::name));
    List<Commodity> heaviest = new ArrayList<>();
    List<CommodityWeight> ranked = weights.ranked();
    for (int i = 0; i < Math.min(top, ranked.size()); i++) {
      CommodityWeight c = ranked.get(i);
      List<String> covering = apps.stream()
          .filter(a -> a.commodities().stream().anyMatch(x -> x.code().equals(c.code())))
          .map(App::name).toList();
      heaviest.add(new Commodity(i + 1, c, c.weightUsd() / total, covering));
    }
    return new AppWeights(List.copyOf(apps), List.copyOf(heaviest), total);
  }
}
