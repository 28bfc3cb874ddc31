package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.FamilyFiles;
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
import java.time.Duration;
import java.util.List;
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

  @Option(names = {"--app", "--apps"}, split = ",", required = true, paramLabel = "APP",
      description = "The apps to write families for (see `deskforge apps`).")
  List<String> apps;

  @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "Families to create per app. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--config", paramLabel = "FILE",
      description = {"A JSON file with any of: base_url, model, api_key_env, temperature, max_tokens, timeout_seconds,",
          "max_retries, repairs, revisions, seeds, price_input_per_1m, price_output_per_1m."})
  Path config;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The endpoint's base URL with its version path, e.g. http://localhost:8000/v1. Required here or in --config.")
  String endpoint;

  @Option(names = "--model", paramLabel = "M", description = "The model name the endpoint serves. Required here or in --config.")
  String model;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "The environment variable holding the API key. Default: OPENAI_API_KEY; unset, a placeholder is sent.")
  String apiKeyEnv;

  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 to 2. Default: 0.7.")
  Double temperature;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens of one reply. Default: 4096.")
  Integer maxTokens;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long one request may take. Default: 120.")
  Double timeoutSeconds;

  @Option(names = "--max-retries", paramLabel = "N",
      description = "Retries, with back-off, of a request failing with 408, 409, 429, 5xx or a timeout. Default: 2.")
  Integer maxRetries;

  @Option(names = "--repairs", paramLabel = "N", description = "Unusable replies sent back with their problems, in a row. Default: 2.")
  Integer repairs;

  @Option(names = "--revisions", paramLabel = "N", description = "Rejected families sent back with the auditors' reasons. Default: 3.")
  Integer revisions;

  @Option(names = "--seeds", paramLabel = "N", description = "Tasks of a family audited before it counts as verified. Default: 2.")
  Integer seeds;

  @Option(names = "--price-input", paramLabel = "USD", description = "Price of a million prompt tokens, for the cost kept. Default: 0.")
  Double priceInput;

  @Option(names = "--price-output", paramLabel = "USD", description = "Price of a million completion tokens. Default: 0.")
  Double priceOutput;

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

  LlmConfig config() {
    LlmConfig.Builder b = config == null ? LlmConfig.builder(null, null) : LlmConfig.read(config);
    if (endpoint != null) b.baseUrl(endpoint);
    if (model != null) b.model(model);
    if (apiKeyEnv != null) b.apiKeyEnv(apiKeyEnv);
    if (temperature != null) b.temperature(temperature);
    if (maxTokens != null) b.maxTokens(maxTokens);
    if (timeoutSeconds != null) b.timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
    if (maxRetries != null) b.maxRetries(maxRetries);
    if (repairs != null) b.repairs(repairs);
    if (revisions != null) b.revisions(revisions);
    if (seeds != null) b.seeds(seeds);
    if (priceInput != null) b.inputUsdPer1M(priceInput);
    if (priceOutput != null) b.outputUsdPer1M(priceOutput);
    return b.build();
  }

  @Override
  public Integer call() {
    LlmConfig settings = config();
    AppCatalog catalog = families == null ? AppCatalog.load() : AppCatalog.load().withFamilies(FamilyFiles.load(families));
    apps.forEach(catalog::get); // an unknown app fails here, before any desktop or request
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    provider.ensureReady(apps, err);
    List<CreationLoop.Result> results;
    try (TaskBank b = TaskBank.open(bank); DesktopProvider p = provider.create(); CandidateCheckOptions.Opened c = checks.open(err)) {
      InitialView view = noView ? InitialView.NONE : new DesktopInitialView(p, catalog, null);
      try (LlmCreator creator = new LlmCreator(settings, catalog, apps, gdpData, view)) {
        err.printf("creating %d famil%s per app of %s with %s at %s, up to %d revisions, into %s%n", count, count == 1 ? "y" : "ies",
            String.join(",", apps), settings.model(), settings.baseUrl(), settings.revisions(), bank);
        err.flush();
        CreationLoop loop = new CreationLoop(creator, Factory.pipeline(b, catalog, p, c.checks()), solver(settings, catalog, p));
        results = loop.run(apps, count, seed, a -> progress(a, err));
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
