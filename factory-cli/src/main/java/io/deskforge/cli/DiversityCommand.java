package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.diversity.DiversityGate;
import io.deskforge.creator.diversity.DiversityReport;
import io.deskforge.creator.diversity.FamilyProfile;
import io.deskforge.creator.diversity.FamilyProfiles;
import io.deskforge.creator.diversity.InstructionEmbeddings;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diversity", mixinStandardHelpOptions = true,
    description = {"How diverse each app's task families are, and which families repeat another: the check against",
        "creators collapsing into many wordings of a few tasks. Per app it prints:",
        "  families, tasks      the families profiled and the tasks they stand for (seeds drawn, or bank tasks;",
        "                       a family with few tasks in the bank has a noisy centroid; about 32 match the catalog's figures);",
        "  instruction spread   mean cosine distance (1 - cosine, MiniLM) over all pairs of the app's instructions:",
        "                       0 = all say the same, towards 1 = nothing in common;",
        "  family spread        the same over the families' centroids, one point per family, each the mean of its",
        "                       instructions with the drawn values masked (the family's wording, not its draws);",
        "  family volume        det(G)^(1/k) of the k centroids' cosine matrix G: 1 when the families point in",
        "                       orthogonal directions, towards 0 as one repeats another;",
        "  checker shapes       each distinct checker with values abstracted (getter and metric types, all/any",
        "                       structure), with how many families use it;",
        "  action kinds         the actions reference solutions use, with how many families use each;",
        "  nearest neighbours   per family, the app's other family with the closest centroid, its cosine, whether",
        "                       they share a checker shape, and NEAR when both hold (cosine >= the threshold and",
        "                       same shape): what DiversityGate refuses;",
        "  collapse             a warning when 4 or more families share fewer than one shape per 3 families, or",
        "                       a quarter or more of them have a NEAR neighbour.",
        "With --families, each family of those files is then put to the gate against the others (built-in, shipped",
        "or the bank's): refused when NEAR its nearest neighbour, or when one of its draws is the same task as one",
        "of another family by the contamination module's bank rules. Exit 1 when one is refused."})
final class DiversityCommand implements Callable<Integer> {

  @Option(names = "--app", split = ",", paramLabel = "APP", description = "Apps to report on. Default: every app with families.")
  List<String> apps;

  @Option(names = "--bank", paramLabel = "FILE", description = {"Report on the bank's verified tasks, grouped by family,",
      "instead of the catalog's families. It must exist."})
  Path bank;

  @Option(names = "--families", split = ",", paramLabel = "PATH", description = {"Family files (*.family.json; files or folders,",
      "searched recursively) to profile beside the built-in families, or beside the bank's."})
  List<Path> families;

  @Option(names = "--shipped-families", description = "Also profile the family files shipped with deskforge "
      + "(ports of Java families, FamilyFiles.shipped()); each is expected to be NEAR its original.")
  boolean shipped;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "" + FamilyProfiles.DEFAULT_SAMPLE,
      description = "Seeds drawn per family, or bank tasks embedded per family. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--cosine", paramLabel = "C", defaultValue = "" + DiversityGate.DEFAULT_COSINE,
      description = "Centroid cosine from which two families with a shared checker shape are NEAR. Default: ${DEFAULT-VALUE}.")
  double cosine;

  @Option(names = "--json", description = "Print JSON instead of text. Default: text.")
  boolean json;

  @Spec CommandSpec spec;

  /** The ids of the --families files' families: the ones the gate judges. */
  private final java.util.Set<String> proposed = new java.util.HashSet<>();

  @Override
  public Integer call() {
    if (seeds < 2) throw new IllegalArgumentException("--seeds must be at least 2: " + seeds);
    AppCatalog catalog = AppCatalog.load();
    List<TaskFamily> extra = new ArrayList<>();
    if (shipped) extra.addAll(FamilyFiles.shipped());
    if (families != null) FamilyFiles.load(families).forEach(f -> {
      extra.add(f);
      proposed.add(f.id());
    });
    catalog = catalog.withFamilies(extra);
    List<String> chosen = apps != null ? apps : catalog.names();
    chosen.forEach(catalog::get);

    List<FamilyProfile> profiles = new ArrayList<>();
    if (bank != null) {
      List<TaskSpec> tasks;
      try (TaskBank b = TaskBank.openExisting(bank)) {
        tasks = b.tasks(Verdict.VERIFIED).stream().filter(t -> chosen.contains(t.app())).toList();
      }
      profiles.addAll(FamilyProfiles.ofTasks(tasks, seeds));
      profiles.addAll(FamilyProfiles.ofFamilies(extra.stream().filter(f -> chosen.contains(f.app())).toList(), seeds));
    } else {
      profiles.addAll(FamilyProfiles.ofFamilies(catalog.families(chosen), seeds));
    }
    InstructionEmbeddings embeddings = InstructionEmbeddings.miniLm();
    DiversityReport report = DiversityReport.of(profiles, embeddings, cosine);
    List<Map<String, Object>> gated = gate(profiles, embeddings);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> tree = report.toJson();
      if (families != null) tree.put("gate", gated);
      out.println(TaskJson.writePretty(tree));
    } else {
      print(report, out);
      if (families != null) {
        out.println("gate (the --families files against the other families):");
        for (Map<String, Object> g : gated) out.printf("  %-7s %s%n", Boolean.TRUE.equals(g.get("too_close")) ? "REFUSED" : "kept", g.get("reason"));
      }
    }
    out.flush();
    return gated.stream().anyMatch(g -> Boolean.TRUE.equals(g.get("too_close"))) ? Deskforge.FAILED : Deskforge.OK;
  }

  /** The gate's decision on each family of the --families files, against every profile that is not one of them. */
  private List<Map<String, Object>> gate(List<FamilyProfile> profiles, InstructionEmbeddings embeddings) {
    if (proposed.isEmpty()) return List.of();
    List<FamilyProfile> existing = profiles.stream().filter(p -> !proposed.contains(p.family())).toList();
    DiversityGate gate = DiversityGate.anyOf(DiversityGate.nearestNeighbour(embeddings, cosine),
        DiversityGate.bankRules(io.deskforge.contamination.Thresholds.defaults()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (FamilyProfile p : profiles) {
      if (!proposed.contains(p.family())) continue;
      DiversityGate.Decision d = gate.judge(p, existing);
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("family", p.family());
      m.put("too_close", d.tooClose());
      m.put("neighbour", d.neighbour());
      m.put("cosine", Double.isNaN(d.cosine()) ? null : Math.round(d.cosine() * 10000) / 10000.0);
      m.put("same_shape", d.sameShape());
      m.put("reason", d.reason());
      out.add(m);
    }
    return out;
  }

  private static void print(DiversityReport r, PrintWriter out) {
    if (r.apps().isEmpty()) out.println("no families to report on");
    for (DiversityReport.App a : r.apps()) {
      out.printf(Locale.ROOT, "%s: %d families, %d tasks, %d distinct instructions%n", a.app(), a.families(), a.tasks(), a.instructions());
      out.printf(Locale.ROOT, "  instruction spread %s   family spread %s   family volume %s   (%s)%n", fmt(a.instructionSpread()),
          fmt(a.familySpread()), fmt(a.familyVolume()), r.model());
      out.printf("  checker shapes: %d%n", a.checkerShapes().size());
      counts(a.checkerShapes(), out);
      out.printf("  action kinds: %d   %s%n", a.actionKinds().size(), String.join(", ",
          a.actionKinds().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
      int w = a.neighbours().stream().mapToInt(n -> n.family().length()).max().orElse(10);
      out.printf(Locale.ROOT, "  nearest neighbours (NEAR: cosine >= %.2f and the same checker shape):%n", r.cosine());
      for (DiversityReport.Neighbour n : a.neighbours()) {
        out.printf(Locale.ROOT, "    %-" + w + "s  %-4s  -> %-" + w + "s  %s  %s%s%n", n.family(), n.origin(),
            n.neighbour() == null ? "(none)" : n.neighbour(), fmt(n.cosine()), n.sameShape() ? "same shape " : "other shape",
            n.near() ? "  NEAR" : "");
      }
      out.println(a.collapse() == null ? "  collapse: no" : "  " + a.collapse());
      out.println();
    }
  }

  private static void counts(Map<String, Integer> m, PrintWriter out) {
    m.forEach((k, v) -> out.printf("    %2d  %s%n", v, k));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
