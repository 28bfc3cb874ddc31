package io.deskforge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.gym.agent.Agent;
import io.deskforge.gym.agent.AgentRunner;
import io.deskforge.gym.agent.RandomAgent;
import io.deskforge.gym.agent.ReplayAgent;
import io.deskforge.gym.agent.openai.OpenAiAgent;
import io.deskforge.gym.agent.openai.OpenAiAgentConfig;
import io.deskforge.gym.env.EnvRequest;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.env.TaskIndex;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Baseline agents run in the gym, in-process, through the same calls as the HTTP server.",
    subcommands = {AgentCommand.Run.class})
final class AgentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {
        "Runs episodes of an agent on the bank's verified tasks and prints success by app and family. Every episode is "
            + "recorded in the bank (see `deskforge export --format trajectories`).",
        "Agents: replay (the reference solution; must score 1), random (a floor), openai (any OpenAI-compatible chat endpoint "
            + "with vision: vLLM, Ollama, llama.cpp server, hosted APIs; the key is read from $OPENAI_API_KEY or --api-key-env)."})
  static final class Run implements Callable<Integer> {
    @Option(names = "--bank", required = true, paramLabel = "FILE", description = "The bank of verified tasks; episodes are recorded in it.")
    Path bank;

    @Option(names = "--agent", required = true, paramLabel = "NAME", description = "replay, random or openai.")
    String agent;

    @Option(names = "--tasks", defaultValue = "*", paramLabel = "GLOB",
        description = "Which tasks: a glob over app, family or task id, e.g. 'mousepad', 'xterm.*', 'gnumeric.sum-column'. Default: all.")
    String tasks;

    @Option(names = "--split", paramLabel = "SPLIT", description = "Only tasks of this split: train or test.")
    String split;

    @Option(names = "--episodes", defaultValue = "10", paramLabel = "N",
        description = "Episodes to run, taking the matching tasks in turn. Default: ${DEFAULT-VALUE}.")
    int episodes;

    @Option(names = "--max-steps", paramLabel = "N", description = "Step budget per episode. Default: from each task's difficulty.")
    Integer maxSteps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the random agent. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--endpoint", paramLabel = "URL", description = "openai: the base URL, with /v1 (e.g. http://localhost:8000/v1).")
    String endpoint;

    @Option(names = "--model", paramLabel = "M", description = "openai: the model name.")
    String model;

    @Option(names = "--api-key-env", defaultValue = OpenAiAgentConfig.DEFAULT_API_KEY_ENV, paramLabel = "VAR",
        description = "openai: the environment variable holding the API key. Default: ${DEFAULT-VALUE}.")
    String apiKeyEnv;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "openai: per request. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--json", description = "Print the episodes and the summary as JSON.")
    boolean json;

    @Mixin ProviderOptions provider;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (episodes < 1) throw new IllegalArgumentException("--episodes must be at least 1, got " + episodes);
      Function<TaskSpec, Agent> agents = agents();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AppCatalog catalog = AppCatalog.load();
      try (TaskBank b = TaskBank.openExisting(bank)) {
        List<TaskSpec> chosen = choose(b);
        provider.ensureReady(chosen.stream().map(TaskSpec::app).distinct().toList(), err);
        List<AgentRunner.Outcome> outcomes = new ArrayList<>();
        try (DesktopProvider p = provider.create(); Gym gym = new Gym(b, p, catalog, GymConfig.defaults()).start()) {
          AgentRunner runner = new AgentRunner(gym);
          for (int i = 0; i < episodes; i++) {
            TaskSpec task = chosen.get(i % chosen.size());
            EnvRequest request = EnvRequest.ofTask(task.id());
            if (maxSteps != null) request = request.maxSteps(maxSteps);
            AgentRunner.Outcome o = runner.run(task, agents, request);
            outcomes.add(o);
            err.printf("[%d/%d] %s %s: reward %.0f, %s in %d steps%s%n", i + 1, episodes, o.family(), o.taskId(), o.reward(), o.status(),
                o.steps(), o.reason() == null ? "" : " (" + o.reason() + ")");
            err.flush();
          }
          gym.drainAudits(Duration.ofMinutes(2));
        }
        print(outcomes, out);
      }
      return Deskforge.OK;
    }

    private Function<TaskSpec, Agent> agents() {
      return switch (agent) {
        case "replay" -> ReplayAgent::new;
        case "random" -> task -> new RandomAgent(seed++);
        case "openai" -> {
          if (endpoint == null || model == null) throw new IllegalArgumentException("--agent openai needs --endpoint URL and --model M");
          OpenAiAgentConfig config = OpenAiAgentConfig.builder(endpoint, model).apiKeyEnv(apiKeyEnv)
              .timeout(Duration.ofSeconds(timeoutSeconds)).build();
          yield task -> new OpenAiAgent(config);
        }
        default -> throw new IllegalArgumentException("--agent: unknown agent '" + agent + "'; give replay, random or openai");
      };
    }

    private List<TaskSpec> choose(TaskBank b) {
      PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + tasks);
      List<TaskSpec> out = new ArrayList<>();
      for (TaskIndex.Card c : new TaskIndex(b).find(new TaskIndex.Query(null, null, split, null, 10_000))) {
        if (glob.matches(Path.of(c.app())) || glob.matches(Path.of(c.family())) || glob.matches(Path.of(c.id()))) {
          out.add(b.get(c.id()).orElseThrow());
        }
      }
      if (out.isEmpty()) throw new IllegalArgumentException("no verified task in " + bank + " matches --tasks '" + tasks + "'"
          + (split == null ? "" : " in split " + split));
      return out;
    }

    private void print(List<AgentRunner.Outcome> outcomes, PrintWriter out) {
      Map<String, int[]> byApp = new TreeMap<>(), byFamily = new TreeMap<>();
      for (AgentRunner.Outcome o : outcomes) {
        int ok = o.reward() >= 1.0 ? 1 : 0;
        byApp.computeIfAbsent(o.app(), k -> new int[2])[0] += ok;
        byApp.get(o.app())[1]++;
        byFamily.computeIfAbsent(o.family(), k -> new int[2])[0] += ok;
        byFamily.get(o.family())[1]++;
      }
      int solved = (int) outcomes.stream().filter(o -> o.reward() >= 1.0).count();
      if (json) {
        ObjectNode n = (ObjectNode) TaskJson.tree(Map.of("agent", agent, "episodes", outcomes.size(), "solved", solved));
        n.set("by_app", rates(byApp));
        n.set("by_family", rates(byFamily));
        n.set("outcomes", TaskJson.tree(outcomes));
        out.println(TaskJson.writePretty(n));
      } else {
        out.printf("%s: %d of %d episodes solved (%.0f %%)%n", agent, solved, outcomes.size(), 100.0 * solved / outcomes.size());
        out.println("by app");
        byApp.forEach((k, v) -> out.printf("  %-28s %3d / %-3d%n", k, v[0], v[1]));
        out.println("by family");
        byFamily.forEach((k, v) -> out.printf("  %-28s %3d / %-3d%n", k, v[0], v[1]));
      }
      out.flush();
    }

    private static ArrayNode rates(Map<String, int[]> counts) {
      ArrayNode a = TaskJson.mapper().createArrayNode();
      counts.forEach((k, v) -> a.addObject().put("name", k).put("solved", v[0]).put("episodes", v[1]));
      return a;
    }
  }
}
