package io.deskforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.creator.diversity.FamilyProfiles;
import io.deskforge.creator.diversity.ShapeCensus;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.Episodes;
import io.deskforge.task.bank.Stats;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"Counts the bank's tasks by verdict (verified, rejected, error), overall, by app and by family;",
        "the diversity of the verified tasks by app (families, checker shapes, action kinds; a collapse warning when",
        "4 or more families share fewer than one checker shape per 3 families: see `deskforge diversity`);",
        "the agents' episodes (deskforge serve, agent run) by agent and status, with the trajectory audit's flags;",
        "and the model creators' requests (deskforge create): pass rate per stage (endpoint, family, static, candidate,",
        "replay), verified families and tasks, tokens, cost and cost per verified task."})
final class StatsCommand implements Callable<Integer> {

  @Option(names = "--bank", required = true, paramLabel = "FILE",
      description = "The bank file to read (SQLite, as filled by `deskforge generate`). It must exist.")
  Path bank;

  @Option(names = "--json",
      description = "Print JSON with verified, rejected, error, total, by_app, by_family, diversity, episodes and creators instead of a table. Default: table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Stats stats;
    List<Episodes.Episode> episodes;
    List<ShapeCensus> diversity;
    Map<String, Creations.CreatorStats> creators;
    try (TaskBank b = TaskBank.openExisting(bank)) {
      stats = b.stats();
      episodes = b.episodes().list(null);
      diversity = ShapeCensus.of(FamilyProfiles.ofTasks(b.tasks(Verdict.VERIFIED), 1));
      creators = b.creations().stats();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode tree = (ObjectNode) TaskJson.tree(stats);
      tree.put("total", stats.total());
      tree.set("diversity", TaskJson.tree(diversity));
      tree.set("episodes", TaskJson.tree(episodeCounts(episodes)));
      tree.set("creators", creatorTree(creators));
      out.println(TaskJson.writePretty(tree));
    } else {
      table(stats, out);
      diversityTable(diversity, out);
      episodeTable(episodeCounts(episodes), out);
      creatorTable(creators, out);
    }
    out.flush();
    return Deskforge.OK;
  }

  /** Per agent: episodes, solved (reward 1), counts by status and by trajectory-audit flag. */
  record AgentCounts(int episodes, int solved, Map<String, Integer> byStatus, Map<String, Integer> flags) {}

  static Map<String, AgentCounts> episodeCounts(List<Episodes.Episode> episodes) {
    Map<String, AgentCounts> out = new TreeMap<>();
    for (Episodes.Episode e : episodes) {
      AgentCounts c = out.computeIfAbsent(e.agent(), k -> new AgentCounts(0, 0, new TreeMap<>(), new TreeMap<>()));
      c.byStatus().merge(e.status(), 1, Integer::sum);
      if (e.flags() != null) e.flags().forEach(f -> c.flags().merge(f, 1, Integer::sum));
      boolean solved = e.reward() != null && e.reward() >= 1.0;
      out.put(e.agent(), new AgentCounts(c.episodes() + 1, c.solved() + (solved ? 1 : 0), c.byStatus(), c.flags()));
    }
    return out;
  }

  private static void episodeTable(Map<String, AgentCounts> counts, PrintWriter out) {
    if (counts.isEmpty()) return;
    out.println("episodes by agent");
    counts.forEach((agent, c) -> out.printf("  %-24s %5d episodes, %5d solved; %s; flags %s%n", agent, c.episodes(), c.solved(),
        c.byStatus(), c.flags().isEmpty() ? "none" : c.flags()));
  }

  private static void diversityTable(List<ShapeCensus> census, PrintWriter out) {
    if (census.isEmpty()) return;
    out.println("diversity of the verified tasks by app");
    for (ShapeCensus c : census) {
      out.printf("  %-12s %3d families, %5d tasks, %2d checker shapes, %2d action kinds%s%n", c.app(), c.families(), c.tasks(),
          c.checkerShapes().size(), c.actionKinds().size(), c.collapse() == null ? "" : "  WARNING " + c.collapse());
    }
  }

  /** Each creator's figures, with each stage's pass rate and the cost per verified task spelt out. */
  private static ObjectNode creatorTree(Map<String, Creations.CreatorStats> creators) {
    ObjectNode tree = TaskJson.mapper().createObjectNode();
    creators.forEach((name, c) -> {
      ObjectNode n = (ObjectNode) TaskJson.tree(c);
      ObjectNode stages = n.putObject("stages");
      c.stages().forEach((stage, counts) -> stages.putObject(stage).put("reached", counts.reached()).put("passed", counts.passed())
          .put("pass_rate", counts.passRate()));
      if (c.costPerVerifiedTask() == null) n.putNull("cost_per_verified_task_usd");
      else n.put("cost_per_verified_task_usd", c.costPerVerifiedTask());
      tree.set(name, n);
    });
    return tree;
  }

  private static void creatorTable(Map<String, Creations.CreatorStats> creators, PrintWriter out) {
    if (creators.isEmpty()) return;
    out.println("families written by models");
    creators.forEach((name, c) -> {
      out.printf("  %s: %d requests in %d creations, %d families and %d tasks verified; %d+%d tokens, $%.4f, %s per verified task%n",
          name, c.attempts(), c.creations(), c.verifiedFamilies(), c.verifiedTasks(), c.promptTokens(), c.completionTokens(), c.costUsd(),
          c.costPerVerifiedTask() == null ? "none verified, no cost" : String.format("$%.4f", c.costPerVerifiedTask()));
      StringBuilder line = new StringBuilder("    pass rate per stage:");
      c.stages().forEach((stage, counts) -> line.append(counts.reached() == 0 ? String.format(" %s -", stage)
          : String.format(" %s %d/%d (%.0f%%)", stage, counts.passed(), counts.reached(), 100 * counts.passRate())));
      out.println(line);
    });
  }

  private static void table(Stats stats, PrintWriter out) {
    int width = Math.max(12, stats.byFamily().keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
    String row = "%-" + width + "s %9s %9s %7s %7s%n";
    out.printf(row, "", "verified", "rejected", "error", "total");
    out.printf(row, "all", stats.verified(), stats.rejected(), stats.error(), stats.total());
    section("by app", stats.byApp(), row, out);
    section("by family", stats.byFamily(), row, out);
  }

  private static void section(String title, Map<String, Stats.Counts> counts, String row, PrintWriter out) {
    if (counts.isEmpty()) return;
    out.println(title);
    counts.forEach((name, c) -> out.printf(row, "  " + name, c.verified(), c.rejected(), c.error(), c.total()));
  }
}
