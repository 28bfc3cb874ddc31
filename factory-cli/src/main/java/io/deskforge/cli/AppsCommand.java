package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.creator.gdp.AppWeights;
import io.deskforge.creator.gdp.CommodityWeight;
import io.deskforge.creator.gdp.GdpWeights;
import io.deskforge.task.json.TaskJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apps", mixinStandardHelpOptions = true,
    description = "Lists the applications deskforge runs tasks on: their Debian packages, how they start, "
        + "the privileged getters their checkers use, and their task families. With --by-gdp, ranks them by "
        + "the wage bill of the occupations using the software they stand in for (O*NET 29.2 x BLS OEWS May 2024).")
final class AppsCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print JSON instead of text. Default: text.")
  boolean json;

  @Option(names = "--by-gdp", description = "Rank the apps by occupational weight (see GdpWeights) and list the "
      + "heaviest software commodities, marking those no app covers yet.")
  boolean byGdp;

  @Option(names = "--gdp-data", paramLabel = "DIR", description = "With --by-gdp: recompute the weights from the "
      + "raw files in DIR (onet/, bls/, as in /work/shared/gdp). Default: the table shipped with deskforge.")
  Path gdpData;

  @Spec CommandSpec spec;

  /** How many of the heaviest commodities --by-gdp lists. */
  static final int TOP_COMMODITIES = 15;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<AppTemplate> apps = AppCatalog.load().all();
    if (gdpData != null && !byGdp) throw new IllegalArgumentException("--gdp-data goes with --by-gdp");
    if (byGdp) {
      GdpWeights weights = gdpData == null ? GdpWeights.shipped() : GdpWeights.compute(gdpData);
      AppWeights ranking = AppWeights.rank(apps, weights, TOP_COMMODITIES);
      if (json) out.println(TaskJson.writePretty(describe(ranking)));
      else print(out, ranking);
    } else if (json) {
      List<Map<String, Object>> list = apps.stream().map(AppsCommand::describe).toList();
      out.println(TaskJson.writePretty(list));
    } else {
      for (AppTemplate a : apps) {
        out.printf("%s — %s%n", a.name(), a.description());
        out.printf("  packages: %s%n", String.join(" ", a.packages()));
        out.printf("  launch:   %s%n", String.join(" ", a.launch(List.of()).command()));
        out.printf("  ready:    %s%n", a.launch(List.of()).ready().describe());
        out.printf("  getters:  %s%n", String.join(", ", a.getters()));
        out.println("  task families:");
        for (TaskFamily f : a.families()) out.printf("    %-26s %s%n", f.id(), f.description());
        out.println();
      }
    }
    out.flush();
    return Deskforge.OK;
  }

  private static void print(PrintWriter out, AppWeights r) {
    out.printf("Apps by occupational weight: the U.S. wage bill (USD a year) of the occupations using the software%n"
        + "they stand in for; share of %s, the wage bill of all occupations that list software.%n%n", usd(r.totalUsd()));
    int i = 0;
    for (AppWeights.App a : r.apps()) {
      out.printf(Locale.ROOT, "%2d. %-10s %10s %6.2f%%%n", ++i, a.name(), usd(a.weightUsd()), 100 * a.share());
      if (a.commodities().isEmpty()) out.println("      (names no commodity)");
      for (CommodityWeight c : a.commodities()) {
        out.printf(Locale.ROOT, "      %-50s %10s %6.2f%%%n", c.title(), usd(c.weightUsd()), 100 * c.weightUsd() / r.totalUsd());
      }
    }
    out.printf("%nThe %d heaviest commodities (* = no deskforge app covers it yet):%n", r.top().size());
    for (AppWeights.Commodity c : r.top()) {
      out.println(String.format(Locale.ROOT, "%2d. %s %-50s %10s %6.2f%%  %4d occupations  %s", c.rank(),
          c.apps().isEmpty() ? "*" : " ", c.commodity().title(), usd(c.commodity().weightUsd()), 100 * c.share(),
          c.commodity().occupations(), String.join(", ", c.apps())).stripTrailing());
    }
    out.println();
    for (String a : GdpWeights.ATTRIBUTION) out.println(a);
  }

  /** A weight in billions of dollars ({@code $645.3 bn}). */
  private static String usd(double v) {
    return String.format(Locale.ROOT, "$%,.1f bn", v / 1e9);
  }

  private static Map<String, Object> describe(AppWeights r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_usd", Math.round(r.totalUsd()));
    m.put("apps", r.apps().stream().map(a -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", a.name());
      x.put("weight_usd", Math.round(a.weightUsd()));
      x.put("share", a.share());
      x.put("commodities", a.commodities().stream().map(AppsCommand::describe).toList());
      return x;
    }).toList());
    m.put("top_commodities", r.top().stream().map(c -> {
      Map<String, Object> x = describe(c.commodity());
      x.put("rank", c.rank());
      x.put("share", c.share());
      x.put("apps", c.apps());
      return x;
    }).toList());
    m.put("attribution", GdpWeights.ATTRIBUTION);
    return m;
  }

  private static Map<String, Object> describe(CommodityWeight c) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("code", c.code());
    x.put("title", c.title());
    x.put("weight_usd", Math.round(c.weightUsd()));
    x.put("occupations", c.occupations());
    return x;
  }

  private static Map<String, Object> describe(AppTemplate a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("description", a.description());
    m.put("packages", a.packages());
    m.put("launch", a.launch(List.of()).command());
    m.put("ready", a.launch(List.of()).ready().describe());
    m.put("getters", a.getters());
    m.put("commodities", a.commodities());
    m.put("families", a.families().stream().map(f -> Map.of("id", f.id(), "description", f.description())).toList());
    return m;
  }
}
