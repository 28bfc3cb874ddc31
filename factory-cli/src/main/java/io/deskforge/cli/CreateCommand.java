package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.gdp.AppWeights;
import io.deskforge.creator.gdp.Budget;
import io.deskforge.creator.gdp.GdpWeights;
import io.deskforge.creator.llm.CreationLoop;
import io.deskforge.creator.solve.SolutionFinder;
import io.deskforge.gym.agent.openai.OpenAiAgent;
import io.deskforge.gym.agent.openai.OpenAiAgentConfig;
import io.deskforge.gym.solver.Solver;
import io.deskforge.creator.llm.DesktopInitialView;
import io.deskforge.creator.llm.InitialView;
import io.deskforge.creator.llm.LlmConfig;
import io.deskforge.creator.llm.LlmCreator;
import io.deskforge.creator.pipeline.Factory;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.TaskBank;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "create", mixinStandardHelpOptions = true,
    description = {
      "Asks a model behind an OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp server, hosted APIs) to write new",
      "task families (family files) for an app, and proves them. The prompt holds the app's card from the catalog, the",
      "family schema, the app's verified example families and existing families, the occupations that use the app and,",
      "unless --no-view, its screenshot and accessibility tree right after it starts. A reply that is not a usable family",
      "goes back with its problems (--repairs); a family's tasks (--seeds) are audited like generate's (static, candidate",
      "checks, replay in fresh desktops) and recorded in the bank; a rejected family goes back with the auditors' reasons",
      "(--revisions). Every request is kept in the bank with its prompt, reply, tokens and cost; see `deskforge stats`.",
      "Flags override --config. Exit code 0 when every creation ended with a verified family, 1 otherwise."})
final class CreateCommand implements Callable<Integer> {

  @Option(names = {"--app", "--apps"}, split = ",", paramLabel = "APP",
      description = {"The apps to write families for (see `deskforge apps`); --count families for each. Default: every app,",
          "the run's --count families split across them by occupational weight (see `deskforge apps --by-gdp`)."})
  List<String> apps;

  @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "Families to create: for each app given with --app, else in all, split by weight. Default: ${DEFAULT-VALUE}.")
  int count;

  @Mixin ModelOptions model;

  @Option(names = "--bank", defaultValue = "bank.sqlite", paramLabel = "FILE",
      description = "The SQLite bank to record tasks and provenance in; created if missing. Default: ${DEFAULT-VALUE}.")
  Path bank;

  @Option(names = "--seed", defaultValue = "1", description = "First seed of the tasks drawn from each family. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--families", split = ",", paramLabel = "PATH",
      description = "Family files already written (files or folders): shown to the model as existing, and their ids are taken.")
  List<Path> families;

  @Option(names = "--out", paramLabel = "DIR", description = "Write each verified family to DIR/<family id>.family.json.")
  Path out;

  @Option(names = "--gdp-data", paramLabel = "DIR",
      description = "O*NET and BLS files (onet/, bls/, as in /work/shared/gdp) to name the occupations using the app. "
          + "Default: the shipped commodity weights only.")
  Path gdpData;

  @Option(names = "--no-view", description = "Do not start a desktop to show the model the app's initial screenshot and accessibility tree.")
  boolean noView;

  @Option(names = "--solver-model", paramLabel = "M",
      description = {"The solver phase: a family written without a reference solution is solved by this model, as the gym's",
          "openai agent, from the screen of a live desktop; its actions, with the drawn values turned back into slots, become",
          "the family's solution, which the audit then replays in fresh desktops. Same endpoint and key as the creator unless",
          "--solver-endpoint. Default: no solver (such a family is sent back to the creator)."})
  String solverModel;

  @Option(names = "--solver-endpoint", paramLabel = "URL", description = "The solver model's endpoint. Default: the creator's.")
  String solverEndpoint;

  @Option(names = "--solver-steps", defaultValue = "30", paramLabel = "N", description = "The solver's step budget. Default: ${DEFAULT-VALUE}.")
  int solverSteps;

  @Mixin ProviderOptions provider;

  @Mixin CandidateCheckOptions checks;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LlmConfig settings = model.config();
    AppCatalog catalog = families == null ? AppCatalog.load() : AppCatalog.load().withFamilies(FamilyFiles.load(families));
    Map<String, Integer> budget = budget(catalog);
    List<String> apps = List.copyOf(budget.keySet());
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    provider.ensureReady(apps, err);
    List<CreationLoop.Result> results;
    try (TaskBank b = TaskBank.open(bank); DesktopProvider p = provider.create(); CandidateCheckOptions.Opened c = checks.open(err)) {
      InitialView view = noView ? InitialView.NONE : new DesktopInitialView(p, catalog, null);
      try (LlmCreator creator = new LlmCreator(settings, catalog, apps, gdpData, view)) {
        err.printf("creating families %s with %s at %s, up to %d revisions, into %s%n", budget, settings.model(), settings.baseUrl(),
            settings.revisions(), bank);
        err.flush();
        CreationLoop loop = new CreationLoop(creator, Factory.pipeline(b, catalog, p, c.checks()), solver(settings, catalog, p));
        results = loop.run(budget, seed, a -> progress(a, err));
      }
    }
    int verified = 0;
    for (CreationLoop.Result r : results) {
      if (r.verified()) {
        verified++;
        if (out != null) write(r);
      }
      o.printf("%s %s: %s after %d request%s (%d revision%s)%s%n", r.creationId(), r.app(), r.outcome(), r.requests(),
          r.requests() == 1 ? "" : "s", r.revisions(), r.revisions() == 1 ? "" : "s",
          r.family() == null ? "" : ", family " + r.family().id());
      if (!r.verified()) r.reasons().stream().limit(3).forEach(why -> o.println("    " + why));
    }
    o.printf("%d of %d creations verified; provenance and cost: deskforge stats --bank %s%n", verified, results.size(), bank);
    o.flush();
    return verified == results.size() ? Deskforge.OK : Deskforge.FAILED;
  }

  /** Families per app: --count for each --app, else --count in all, split by occupational weight. */
  private Map<String, Integer> budget(AppCatalog catalog) {
    if (count < 1) throw new IllegalArgumentException("--count must be at least 1, got " + count);
    Map<String, Integer> out = new LinkedHashMap<>();
    if (apps != null) {
      apps.forEach(catalog::get); // an unknown app fails here, before any desktop or request
      for (String app : apps) out.put(app, count);
      return out;
    }
    GdpWeights weights = gdpData == null ? GdpWeights.shipped() : GdpWeights.compute(gdpData);
    return Budget.split(count, AppWeights.rank(catalog.all(), weights, 0));
  }

  /** The solver phase, when --solver-model names a model: the gym's openai agent in a fresh desktop per attempt. */
  private SolutionFinder solver(LlmConfig settings, AppCatalog catalog, DesktopProvider p) {
    if (solverModel == null) return SolutionFinder.NONE;
    OpenAiAgentConfig agent = OpenAiAgentConfig.builder(solverEndpoint != null ? solverEndpoint : settings.baseUrl(), solverModel)
        .apiKeyEnv(settings.apiKeyEnv()).timeout(settings.timeout()).maxRetries(settings.maxRetries()).build();
    Solver.Settings defaults = Solver.Settings.defaults();
    Solver solver = new Solver(p, catalog, b -> b, new Solver.Settings(solverSteps, defaults.settleQuiet(), defaults.settleMax(), defaults.pause()));
    return new AgentSolutionFinder(solver, () -> new OpenAiAgent(agent));
  }

  private static void progress(Creations.Attempt a, PrintWriter err) {
    err.printf("  %s request %d (revision %d): %s%s, %d+%d tokens, $%.4f%n", a.creationId(), a.request(), a.revision(), a.outcome(),
        a.failedStage() == null ? "" : " at " + a.failedStage(), a.promptTokens(), a.completionTokens(), a.costUsd());
    err.flush();
  }

  private void write(CreationLoop.Result r) {
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve(r.family().id() + FamilyFiles.SUFFIX), r.familyJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the verified family " + r.family().id() + " to " + out + ": " + e.getMessage(), e);
    }
  }
}
