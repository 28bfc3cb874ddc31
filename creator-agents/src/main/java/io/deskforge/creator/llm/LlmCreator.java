package io.deskforge.creator.llm;

import io.deskforge.model.ChatEndpoint;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFileException;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.Creator;
import io.deskforge.model.ChatEndpoint.Message;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A creator that asks a model behind any OpenAI-compatible endpoint to write family files for an
 * app ({@link FamilyPrompt}), checks each reply against the family schema by loading it as a
 * {@link DataFamily}, and sends an unusable reply back with its problems, up to {@link
 * LlmConfig#repairs()} times. The creation-audit loop with revisions and provenance is {@link
 * CreationLoop}; as a plain {@link Creator} it proposes the tasks of each family it gets, app after
 * app, without audit feedback.
 */
public final class LlmCreator implements Creator, AutoCloseable {
  public static final String CREATOR = "llm";

  private final LlmConfig config;
  /** The catalog with every family verified so far in this run: later prompts list them, and their ids are taken. */
  private volatile AppCatalog catalog;
  private final List<String> apps;
  private final Path gdpData;
  private final InitialView view;
  private final ChatEndpoint endpoint;

  /**
   * @param gdpData the folder of O*NET and BLS files for the occupations in the prompt, or null
   * @param view the app's initial screenshot and accessibility tree, {@link InitialView#NONE} for none
   */
  public LlmCreator(LlmConfig config, AppCatalog catalog, List<String> apps, Path gdpData, InitialView view) {
    if (apps.isEmpty()) throw new IllegalArgumentException("llm creator: no app to write families for");
    apps.forEach(catalog::get); // an unknown app fails here, naming the known ones
    this.config = config;
    this.catalog = catalog;
    this.apps = List.copyOf(apps);
    this.gdpData = gdpData;
    this.view = view;
    this.endpoint = new ChatEndpoint(config.endpoint());
  }

  @Override
  public String name() {
    return CREATOR + ":" + config.model();
  }

  public LlmConfig config() {
    return config;
  }

  public AppCatalog catalog() {
    return catalog;
  }

  /**
   * A family the auditors verified joins the families the app already has: the next prompts list
   * it, so the model proposes something else, and its id is taken.
   */
  public synchronized void accept(DataFamily family) {
    catalog = catalog.withFamilies(List.of(family));
  }

  /** The first request for a new family of {@code app}. */
  public List<Message> prompt(String app) {
    return FamilyPrompt.initial(catalog, app, gdpData, view.of(app));
  }

  /**
   * What one request gave: the reply (null when none came), the family when the reply is a usable
   * one, else the problems; the tokens counted either way.
   */
  public record Proposal(String reply, DataFamily family, String familyJson, List<String> problems, boolean endpointFailed,
      long promptTokens, long completionTokens) {
    public boolean usable() {
      return family != null;
    }
  }

  /** Asks the model once with this conversation and checks its reply as a family of {@code app}. */
  public Proposal ask(String app, List<Message> conversation) {
    ChatEndpoint.Reply reply;
    try {
      reply = endpoint.complete(conversation);
    } catch (ChatEndpoint.EndpointException e) {
      return new Proposal(null, null, null, List.of(e.getMessage()), true, e.promptTokens(), e.completionTokens());
    }
    List<String> problems = new ArrayList<>();
    Optional<String> json = ReplyFamily.json(reply.text());
    DataFamily family = null;
    if (json.isEmpty()) {
      problems.add("the reply holds no JSON object; it begins: " + ChatEndpoint.excerpt(reply.text(), 300));
    } else {
      try {
        family = FamilyFiles.read(json.get(), "reply");
      } catch (FamilyFileException e) {
        for (var p : e.problems()) problems.add((p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message());
      }
      if (family != null) {
        if (!family.app().equals(app)) problems.add("/app: the family must be about " + app + ", not '" + family.app() + "'");
        try {
          catalog.withFamilies(List.of(family));
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage().replaceFirst("^reply: ", "") + "; choose a new id");
        }
        if (!problems.isEmpty()) family = null;
      }
    }
    if (family == null && "length".equals(reply.finishReason())) {
      problems.add("the reply was cut off at the token limit (max_tokens " + config.maxTokens() + "): write a shorter family");
    }
    return new Proposal(reply.text(), family, json.orElse(null), List.copyOf(problems), false, reply.promptTokens(), reply.completionTokens());
  }

  /** The tasks a family gives to audit: {@link LlmConfig#seeds()} seeds from {@code firstSeed}, with this creator's provenance. */
  public List<TaskSpec> tasks(DataFamily family, long firstSeed, String creationId) {
    List<TaskSpec> out = new ArrayList<>();
    Provenance p = new Provenance(CREATOR, config.model(), null, null, Map.of("family", family.hash(), "creation", creationId));
    for (int i = 0; i < config.seeds(); i++) out.add(family.sample(firstSeed + i).withProvenance(p));
    return out;
  }

  /**
   * Families without audit feedback: for each app in turn, a family (repaired when its reply is
   * unusable), then its tasks. The sequence ends when the model gives no usable family.
   */
  @Override
  public Iterator<TaskSpec> candidates(long runSeed) {
    return new Iterator<>() {
      private final List<TaskSpec> pending = new ArrayList<>();
      private int turn;
      private boolean over;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && !over) refill();
        return !pending.isEmpty();
      }

      @Override
      public TaskSpec next() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending.remove(0);
      }

      private void refill() {
        String app = apps.get(turn % apps.size());
        String creation = "cr-" + runSeed + "-" + turn++;
        List<Message> conversation = new ArrayList<>(prompt(app));
        for (int repair = 0; ; repair++) {
          Proposal p = ask(app, conversation);
          if (p.usable()) {
            pending.addAll(tasks(p.family(), runSeed, creation));
            return;
          }
          if (p.endpointFailed() || repair >= config.repairs()) {
            System.err.println("deskforge: " + name() + " gave no usable family of " + app + ": " + String.join("; ", p.problems()));
            over = true;
            return;
          }
          conversation.add(Message.assistant(p.reply()));
          conversation.add(FamilyPrompt.repair(p.problems()));
        }
      }
    };
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
