package io.deskforge.task.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * OSWorld's layout: {@code examples/<app>/<id>.json}, one task a file with OSWorld's top-level
 * fields (id, snapshot, instruction, source, config, trajectory, related_apps, evaluator), and
 * {@code test_all.json} listing the ids of each app. Steps and checks map as
 * {@link OsworldMapping} says, onto what OSWorld's own code runs; privileged facts, solutions and
 * negatives stay out, since OSWorld's format has no place for them and the agent must not see them.
 */
public final class OsworldExporter implements Exporter {
  public static final String EXAMPLES = "examples";
  public static final String TEST_ALL = "test_all.json";
  /** What OSWorld's own files put in "trajectory": the folder of recorded trajectories. */
  static final String TRAJECTORIES = "trajectories/";
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final OsworldMapping mapping;
  private final boolean skipping;

  /** {@code catalog} says which packages each app needs and how its documents are written and read. */
  public OsworldExporter(ExportCatalog catalog) {
    this(new OsworldMapping(catalog), false);
  }

  private OsworldExporter(OsworldMapping mapping, boolean skipping) {
    this.mapping = mapping;
    this.skipping = skipping;
  }

  /**
   * This exporter, but a task whose getter OSWorld's VM has no reader for yet (a document query
   * on an office file), or whose setup has a step OSWorld's setup cannot do (a login through a web
   * page), is left out and named with why in {@link Export#skipped}, instead of refusing the whole
   * export; any other refusal (an unknown app, a regex Python reads otherwise) still refuses it. A bank of
   * only such tasks is still refused: there would be nothing to run.
   */
  public OsworldExporter skippingUnexportable() {
    return new OsworldExporter(mapping, true);
  }

  @Override
  public String format() {
    return "osworld";
  }

  /** Every task is mapped before anything is written: a task OSWorld cannot run leaves the folder as it was. */
  @Override
  public Export export(List<TaskSpec> tasks, Path evidenceFolder, Path outDir) {
    Map<Path, ObjectNode> examples = new java.util.LinkedHashMap<>();
    Map<String, List<String>> byApp = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    for (TaskSpec task : tasks.stream().sorted(Comparator.comparing(TaskSpec::id)).toList()) {
      if (!SAFE_NAME.matcher(task.app()).matches() || !SAFE_NAME.matcher(task.id()).matches()) {
        throw new IllegalArgumentException("task " + task.id() + " of app " + task.app()
            + ": app and id must be file names (letters, digits, . _ -) to be OSWorld paths");
      }
      ObjectNode example;
      try {
        example = example(task);
      } catch (IllegalArgumentException e) {
        // only a getter without a VM reader or a setup step without an OSWorld step is skipped; an
        // unknown app or a checker OSWorld reads otherwise still refuses
        if (!skipping || !(e.getCause() instanceof VmReader.NoReaderYet || e.getCause() instanceof OsworldMapping.NoSetupStep)) throw e;
        skipped.add(e.getMessage());
        continue;
      }
      examples.put(Path.of(EXAMPLES, task.app(), task.id() + ".json"), example);
      byApp.computeIfAbsent(task.app(), a -> new ArrayList<>()).add(task.id());
    }
    if (examples.isEmpty() && !skipped.isEmpty()) {
      throw new IllegalArgumentException("none of the " + tasks.size() + " tasks has an OSWorld form; the first: " + skipped.get(0));
    }
    List<Path> files = new ArrayList<>();
    examples.forEach((file, example) -> {
      ExportFiles.write(outDir.resolve(file), pretty(example));
      files.add(file);
    });
    ObjectNode testAll = JsonNodeFactory.instance.objectNode();
    byApp.forEach((app, ids) -> ids.forEach(testAll.withArray(app)::add));
    ExportFiles.write(outDir.resolve(TEST_ALL), pretty(testAll));
    files.addFirst(Path.of(TEST_ALL));
    return new Export(format(), outDir, examples.size(), files, skipped);
  }

  /** One task as an OSWorld example file; an error names the task and the part OSWorld cannot run. */
  ObjectNode example(TaskSpec task) {
    try {
      return exampleOf(task);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("task " + task.id() + " (" + task.family() + ") has no OSWorld form: " + e.getMessage(), e);
    }
  }

  private ObjectNode exampleOf(TaskSpec task) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("id", task.id());
    e.put("snapshot", task.app());
    e.put("instruction", task.instruction());
    e.put("source", "deskforge:" + task.family() + ":seed=" + task.seed());
    ArrayNode config = e.putArray("config");
    mapping.config(task).forEach(config::add);
    e.put("trajectory", TRAJECTORIES);
    Set<String> related = new LinkedHashSet<>();
    related.add(task.app());
    related.addAll(task.relatedApps());
    related.forEach(e.putArray("related_apps")::add);
    ObjectNode evaluator = mapping.evaluator(task.checker());
    List<ObjectNode> postconfig = mapping.postconfig(task);
    if (!postconfig.isEmpty()) postconfig.forEach(evaluator.putArray("postconfig")::add);
    e.set("evaluator", evaluator);
    return e;
  }

  private static String pretty(ObjectNode node) {
    try {
      return TaskJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write OSWorld JSON", e);
    }
  }
}
