package io.deskforge.task.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.deskforge.task.json.TaskJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A task: one JSON document close to OSWorld's (instruction, setup, checker), plus what audit
 * needs (privileged facts, a reference solution, negatives) and where it came from. The id is a
 * hash of the content, so the same task always has the same id.
 */
@JsonPropertyOrder({
  "id", "family", "app", "related_apps", "instruction", "seed", "params", "privileged", "setup",
  "checker", "solution", "negatives", "difficulty", "provenance", "audit"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskSpec(
    String id,
    String family,
    String app,
    List<String> relatedApps,
    String instruction,
    long seed,
    Map<String, String> params,
    Privileged privileged,
    List<SetupStep> setup,
    Checker checker,
    Trajectory solution,
    List<Trajectory> negatives,
    Difficulty difficulty,
    Provenance provenance,
    AuditReport audit) {

  public TaskSpec {
    relatedApps = relatedApps == null ? List.of() : List.copyOf(relatedApps);
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    privileged = privileged == null ? new Privileged(List.of()) : privileged;
    setup = setup == null ? List.of() : List.copyOf(setup);
    negatives = negatives == null ? List.of() : List.copyOf(negatives);
  }

  /** The task's app, its related apps and every app its setup launches: the apps of its desktop, in that order. */
  public List<String> desktopApps() {
    java.util.Set<String> apps = new java.util.LinkedHashSet<>();
    if (app != null) apps.add(app);
    apps.addAll(relatedApps);
    for (SetupStep s : setup) if (s instanceof SetupStep.Launch l) apps.add(l.app());
    return List.copyOf(apps);
  }

  /** This task with its content id filled in; the id covers everything but provenance and audit. */
  public TaskSpec withContentId() {
    return withId(TaskJson.contentId(this));
  }

  public TaskSpec withId(String newId) {
    return new TaskSpec(newId, family, app, relatedApps, instruction, seed, params, privileged, setup,
        checker, solution, negatives, difficulty, provenance, audit);
  }

  public TaskSpec withAudit(AuditReport report) {
    return new TaskSpec(id, family, app, relatedApps, instruction, seed, params, privileged, setup,
        checker, solution, negatives, difficulty, provenance, report);
  }

  public TaskSpec withProvenance(Provenance p) {
    return new TaskSpec(id, family, app, relatedApps, instruction, seed, params, privileged, setup,
        checker, solution, negatives, difficulty, p, audit);
  }
}
