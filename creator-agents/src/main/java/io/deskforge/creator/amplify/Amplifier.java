package io.deskforge.creator.amplify;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.creator.diversity.DiversityGate;
import io.deskforge.creator.diversity.FamilyProfile;
import io.deskforge.creator.llm.FamilyPrompt;
import io.deskforge.creator.llm.InitialView;
import io.deskforge.creator.llm.LlmConfig;
import io.deskforge.creator.llm.LlmCreator;
import io.deskforge.creator.pipeline.FamilyAudit;
import io.deskforge.creator.pipeline.Pipeline;
import io.deskforge.model.ChatEndpoint;
import io.deskforge.model.ChatEndpoint.Message;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The amplify half of propose-and-amplify (issue 11, item 6): a verified seed family is scaled into
 * variants by a cheaper model (new phrasings, wider parameter ranges and vocabularies, a harder
 * setting) and by composing it with the app's other verified families ({@link Composition}). Each
 * variant is a family file like any other: the reply is checked against the family schema (and sent
 * back with its problems), then put to the {@link DiversityGate} against the app's families outside
 * the seed's own line (the seed and what it is a port of: a new wording of the seed is the point,
 * a copy of another family is not), then its tasks are audited and recorded through the {@link
 * Pipeline} like any candidate. Every request is kept in the bank ({@link Creations}) under the
 * creator {@code amplify:<model>}, so tokens and cost per verified task are reported per tier
 * beside the seeds' {@code llm:<model>}.
 */
public final class Amplifier implements AutoCloseable {
  /** The creator name of compositions in the bank: no model, no tokens. */
  public static final String COMPOSE = "compose";
  /** How many seeds a family is profiled over for the gate. */
  static final int PROFILE_SEEDS = 16;

  /** What a cheaper model is asked to make of a seed. */
  public enum Kind {
    PHRASINGS("phrasings", "Write at least four NEW phrasings of the same task (other sentence structures, questions, "
        + "polite requests, terse commands), keeping every {slot} each needs, and keep the parameters, setup, checker, "
        + "solution and negatives exactly as they are."),
    RANGES("ranges", "Widen the parameters: larger number ranges, more values in inline choices, longer generated "
        + "texts or tables where the task allows, so the family draws more distinct tasks; keep the task the same and "
        + "keep the solution and negatives working for every draw."),
    HARDER("harder", "Make a harder setting of the same task: more rows, more edits or more steps for the same goal "
        + "(the reference solution gets longer), with negatives that still include a near miss.");

    final String id;
    final String ask;

    Kind(String id, String ask) {
      this.id = id;
      this.ask = ask;
    }

    public String id() {
      return id;
    }
  }

  /**
   * One variant and how it ended: {@code verified}, {@code rejected} (the gate or an audit stage
   * refused it), {@code invalid} (no usable family after the repairs) or {@code error}.
   */
  public record Variant(String kind, String seed, String familyId, String outcome, String failedStage, List<String> reasons,
      DataFamily family, String json, List<String> verifiedTaskIds) {
    public boolean verified() {
      return outcome.equals("verified");
    }
  }

  private final LlmConfig config;
  private final LlmCreator model;
  private final Pipeline pipeline;
  private final DiversityGate gate;
  private final AppCatalog catalog;

  /**
   * @param config the cheaper model's endpoint and settings (its {@code seeds} tasks are audited per variant)
   * @param catalog the apps, with the families variants must not copy (their ids are taken)
   */
  public Amplifier(LlmConfig config, AppCatalog catalog, Pipeline pipeline, DiversityGate gate) {
    this.config = config;
    this.catalog = catalog;
    this.pipeline = pipeline;
    this.gate = gate;
    this.model = new LlmCreator(config, catalog, catalog.names(), null, InitialView.NONE);
  }

  public String name() {
    return "amplify:" + config.model();
  }

  /**
   * The variants of {@code seed}: one per {@code kinds} from the model, then its compositions with
   * each other verified data family of its app in {@code verifiedFamilies}. Tasks are drawn from
   * {@code firstSeed}; {@code listener} hears each recorded request.
   */
  public List<Variant> amplify(DataFamily seed, List<DataFamily> verifiedFamilies, List<Kind> kinds, long firstSeed,
      Consumer<Creations.Attempt> listener) {
    List<FamilyProfile> others = othersThan(seed);
    List<Variant> out = new ArrayList<>();
    for (Kind k : kinds) out.add(variant(seed, k, others, firstSeed, listener));
    for (DataFamily other : verifiedFamilies) {
      if (other == seed || !other.app().equals(seed.app()) || other.id().equals(seed.id())) continue;
      if (Composition.compose(seed, other) instanceof Composition.Composed c) out.add(composed(seed, c, firstSeed, listener));
    }
    return out;
  }

  /**
   * The profiles of the app's families outside the seed's line: every family of the app but the
   * seed and those the seed itself is too close to (a data port's Java original).
   */
  private List<FamilyProfile> othersThan(DataFamily seed) {
    FamilyProfile mine = FamilyProfile.of(seed, PROFILE_SEEDS);
    List<FamilyProfile> out = new ArrayList<>();
    for (TaskFamily f : catalog.families(List.of(seed.app()))) {
      if (f.id().equals(seed.id())) continue;
      FamilyProfile p = FamilyProfile.of(f, PROFILE_SEEDS);
      if (!gate.judge(mine, List.of(p)).tooClose()) out.add(p);
    }
    return out;
  }

  private Variant variant(DataFamily seed, Kind kind, List<FamilyProfile> others, long firstSeed, Consumer<Creations.Attempt> listener) {
    String creationId = "amp-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String wantedId = seed.id() + "." + kind.id;
    List<Message> conversation = new ArrayList<>(prompt(seed, kind, wantedId));
    for (int request = 0; ; request++) {
      String prompt = ChatEndpoint.transcript(conversation);
      LlmCreator.Proposal p = model.ask(seed.app(), conversation);
      double cost = config.cost(p.promptTokens(), p.completionTokens());
      String familyId = p.family() != null ? p.family().id() : wantedId;
      if (p.endpointFailed()) {
        record(listener, attempt(creationId, seed, request, familyId, "error", "endpoint", p.problems(), prompt, null, p, cost, List.of(), 0));
        return new Variant(kind.id, seed.id(), familyId, "error", "endpoint", p.problems(), null, null, List.of());
      }
      if (!p.usable()) {
        record(listener, attempt(creationId, seed, request, familyId, "invalid", "family", p.problems(), prompt, p.reply(), p, cost, List.of(), 0));
        if (request >= config.repairs()) return new Variant(kind.id, seed.id(), familyId, "invalid", "family", p.problems(), null, p.familyJson(), List.of());
        conversation.add(Message.assistant(p.reply()));
        conversation.add(FamilyPrompt.repair(p.problems()));
        continue;
      }
      DiversityGate.Decision d = gate.judge(FamilyProfile.of(p.family(), PROFILE_SEEDS), others);
      if (d.tooClose()) {
        List<String> why = List.of("near-duplicate: " + d.reason());
        record(listener, attempt(creationId, seed, request, familyId, "rejected", "candidate", why, prompt, p.reply(), p, cost, List.of(), 0));
        return new Variant(kind.id, seed.id(), familyId, "rejected", "candidate", why, p.family(), p.familyJson(), List.of());
      }
      FamilyAudit a = audit(p.family(), firstSeed, creationId, name(), config.model());
      String outcome = a.outcome();
      record(listener, attempt(creationId, seed, request, familyId, outcome, a.failedStage(), a.reasons(), prompt, p.reply(), p, cost, a.taskIds(),
          a.verifiedIds().size()));
      return new Variant(kind.id, seed.id(), familyId, outcome, a.failedStage(), a.reasons(), p.family(), p.familyJson(), a.verifiedIds());
    }
  }

  private Variant composed(DataFamily seed, Composition.Composed c, long firstSeed, Consumer<Creations.Attempt> listener) {
    String creationId = "cmp-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    FamilyAudit a = audit(c.family(), firstSeed, creationId, COMPOSE, null);
    String outcome = a.outcome();
    record(listener, new Creations.Attempt(creationId, seed.app(), COMPOSE, "none", 0, 0, c.family().id(), outcome, a.failedStage(), a.reasons(),
        "compose " + c.first() + " then " + c.second(), c.json(), 0, 0, 0, a.taskIds(), a.verifiedIds().size(), null));
    return new Variant("compose", seed.id(), c.family().id(), outcome, a.failedStage(), a.reasons(), c.family(), c.json(), a.verifiedIds());
  }

  private List<Message> prompt(DataFamily seed, Kind kind, String wantedId) {
    String json;
    try {
      json = io.deskforge.task.json.TaskJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(seed.file());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return List.of(
        Message.system("You write deskforge task families: JSON files that a factory samples into GUI tasks for "
            + seed.app() + " and proves by replaying the reference solution in fresh desktops. Reply with one JSON object, the "
            + "whole family file, and nothing else. The file must follow this JSON Schema:\n" + io.deskforge.creator.llm.AppCard.schema()),
        Message.user("Here is a verified family:\n" + json + "\n\nMake a variant of it. " + kind.ask + "\nGive the variant the id \""
            + wantedId + "\" and the same app. Every {slot} must name a parameter; the reference solution must still solve "
            + "every draw through the GUI, and each negative must still fail."));
  }

  /** The family's tasks ({@code seeds} of them from {@code firstSeed}, with this tier's provenance), audited and recorded. */
  private FamilyAudit audit(DataFamily family, long firstSeed, String creationId, String creator, String modelName) {
    Provenance prov = new Provenance(creator.startsWith("amplify") ? "amplify" : COMPOSE, modelName, null, null,
        Map.of("family", family.hash(), "creation", creationId));
    List<TaskSpec> tasks = new ArrayList<>();
    for (int i = 0; i < config.seeds(); i++) tasks.add(family.sample(firstSeed + i).withProvenance(prov));
    return FamilyAudit.of(pipeline, tasks);
  }

  private Creations.Attempt attempt(String creationId, DataFamily seed, int request, String familyId, String outcome, String stage,
      List<String> reasons, String prompt, String reply, LlmCreator.Proposal p, double cost, List<String> taskIds, int verified) {
    return new Creations.Attempt(creationId, seed.app(), name(), config.model(), request, 0, familyId, outcome, stage, reasons, prompt,
        reply, p.promptTokens(), p.completionTokens(), cost, taskIds, verified, null);
  }

  private void record(Consumer<Creations.Attempt> listener, Creations.Attempt a) {
    pipeline.bank().creations().record(a);
    listener.accept(a);
  }

  @Override
  public void close() {
    model.close();
  }
}
