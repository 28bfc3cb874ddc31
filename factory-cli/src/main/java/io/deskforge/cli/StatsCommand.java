package io.deskforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.creator.diversity.FamilyProfiles;
import io.deskforge.creator.diversity.ShapeCensus;
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
        "and the agents' episodes (deskforge serve, agent run) by agent and status, with the trajectory audit's flags."})
final class StatsCommand implements Callable<Integer> {

  @Option(names = "--bank", required = true, paramLabel = "FILE",
      description = "The bank file to read (SQLite, as filled by `deskforge generate`). It must exist.")
  Path bank;

  @Option(names = "--json",
      description = "Print JSON with verified, rejected, error, total, by_app, by_family, diversity and episodes instead of a table. Default: table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Stats stats;
    List<Episodes.Episode> episodes;
    List<ShapeCensus> diversity;
    try (TaskBank b = TaskBank.openExisting(bank)) {
      stats = b.stats();
      episodes = b.episodes().list(null);
      diversity = ShapeCensus.of(FamilyProfiles.ofTasks(b.tasks(Verdict.VERIFIED), 1));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode tree = (ObjectNode) TaskJson.tree(stats);
      tree.put("total", stats.total());
      tree.set("diversity", TaskJson.tree(diversity));
      tree.set("episodes", TaskJson.tree(episodeCounts(episodes)));
      out.println(TaskJson.writePretty(tree));
    } else {
      table(stats, out);
      diversityTable(diversity, out);
      episodeTable(episodeCounts(episodes), out);
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
