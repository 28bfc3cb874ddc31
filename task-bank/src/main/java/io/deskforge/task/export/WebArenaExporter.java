package io.deskforge.task.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebArena's layout: {@code config_files/<task_id>.json}, one config a task with WebArena's fields
 * (sites, task_id, require_login, storage_state, start_url, geolocation, intent_template,
 * instantiation_dict, intent, require_reset, eval, intent_template_id), the same configs as one list
 * in {@code test.json} (WebArena's {@code test.raw.json} with its placeholders already replaced),
 * and {@code task_ids.json} naming the deskforge task of each task_id. Every check is a
 * {@code program_html} target as the task's site ({@link WebArenaSite}, from the catalog) maps it,
 * so WebArena's own {@code HTMLContentEvaluator} scores it on the live pages of the end state; a
 * check of the browser's own page is mapped here, whatever the site ({@link PageChecks}): the
 * active tab's address to {@code url_match}, a page's text to a {@code program_html} target on the
 * page the agent left ({@code "last"}).
 *
 * <p>A task whose app is no WebArena site, or whose checker has no WebArena form of the same
 * meaning (an {@code any}: WebArena multiplies its targets' scores, an and; a check its site
 * cannot read on a page), is refused, or left out and named with {@link #skippingUnexportable}.
 * Privileged facts, solutions and negatives stay out, as in the OSWorld export. A setup whose page
 * steps log in (fill a form) exports {@code require_login} with WebArena's {@code storage_state}
 * path for the site, which WebArena's auto-login writes; {@code start_url} is the page the last
 * page step opens.
 */
public final class WebArenaExporter implements Exporter {
  public static final String CONFIG_FILES = "config_files";
  public static final String TEST = "test.json";
  public static final String TASK_IDS = "task_ids.json";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ExportCatalog catalog;
  private final boolean skipping;

  /** {@code catalog} says which apps are WebArena sites and how their checks read on their pages. */
  public WebArenaExporter(ExportCatalog catalog) {
    this(catalog, false);
  }

  private WebArenaExporter(ExportCatalog catalog, boolean skipping) {
    this.catalog = catalog;
    this.skipping = skipping;
  }

  /**
   * This exporter, but a task with no WebArena form is left out and named with why in
   * {@link Export#skipped} instead of refusing the export. A bank with no task of a WebArena form
   * is still refused: there would be nothing to run.
   */
  public WebArenaExporter skippingUnexportable() {
    return new WebArenaExporter(catalog, true);
  }

  @Override
  public String format() {
    return "webarena";
  }

  /** Every task is mapped before anything is written. task_id numbers the exported tasks in the order of their ids. */
  @Override
  public Export export(List<TaskSpec> tasks, Path evidenceFolder, Path outDir) {
    List<ObjectNode> configs = new ArrayList<>();
    ObjectNode ids = JSON.objectNode();
    List<String> skipped = new ArrayList<>();
    Map<String, Integer> templates = new LinkedHashMap<>();
    for (TaskSpec task : tasks.stream().sorted(Comparator.comparing(TaskSpec::id)).toList()) {
      ObjectNode config;
      try {
        config = config(task, configs.size(), templates);
      } catch (WebArenaSite.NoWebForm e) {
        String why = "task " + task.id() + " (" + task.family() + ") has no WebArena form: " + e.getMessage();
        if (!skipping) throw new IllegalArgumentException(why, e);
        skipped.add(why);
        continue;
      }
      ids.put(Integer.toString(configs.size()), task.id());
      configs.add(config);
    }
    if (configs.isEmpty() && !skipped.isEmpty()) {
      throw new IllegalArgumentException("none of the " + tasks.size() + " tasks has a WebArena form; the first: " + skipped.get(0));
    }
    List<Path> files = new ArrayList<>();
    ArrayNode all = JSON.arrayNode();
    for (ObjectNode c : configs) {
      Path file = Path.of(CONFIG_FILES, c.get("task_id").asInt() + ".json");
      ExportFiles.write(outDir.resolve(file), pretty(c));
      files.add(file);
      all.add(c);
    }
    ExportFiles.write(outDir.resolve(TEST), pretty(all));
    ExportFiles.write(outDir.resolve(TASK_IDS), pretty(ids));
    files.addFirst(Path.of(TASK_IDS));
    files.addFirst(Path.of(TEST));
    return new Export(format(), outDir, configs.size(), files, skipped);
  }

  /** One task alone as a WebArena config (task_id and intent_template_id 0); {@link WebArenaSite.NoWebForm} says why there is none. */
  public ObjectNode config(TaskSpec task) {
    return config(task, 0, new LinkedHashMap<>());
  }

  /** One task as a WebArena config with this task_id; {@code templates} numbers the intent templates seen so far. */
  ObjectNode config(TaskSpec task, int taskId, Map<String, Integer> templates) {
    WebArenaSite site = catalog.webArenaSite(task.app())
        .orElseThrow(() -> new WebArenaSite.NoWebForm("its app " + task.app() + " is no WebArena site (not a web app served to the browser)"));
    List<String> launch = task.setup().stream().filter(s -> s instanceof SetupStep.Launch l && l.app().equals(task.app()))
        .map(s -> ((SetupStep.Launch) s).args()).findFirst()
        .orElseThrow(() -> new WebArenaSite.NoWebForm("its setup never launches " + task.app() + ", so no page of the site is open at the start"));
    String startUrl = startUrl(task, site.startUrl(launch));
    boolean login = site.requireLogin() || task.setup().stream().anyMatch(s -> s instanceof SetupStep.Page p && p.interacts());
    ArrayNode targets = JSON.arrayNode();
    String referenceUrl = null;
    List<WebArenaSite.ProgramHtml> programs = new ArrayList<>();
    for (Checker.Check check : checks(task.checker())) {
      if (check.getter() instanceof Getter.PageUrl u) {
        if (referenceUrl != null) throw new WebArenaSite.NoWebForm("its checker reads the page's address twice, and WebArena has one reference_url");
        referenceUrl = PageChecks.referenceUrl(u, check.metric(), startUrl);
      } else if (check.getter() instanceof Getter.PageGetter) {
        programs.add(PageChecks.onLastPage(check));
      } else {
        programs.add(site.check(check));
      }
    }
    // the targets read on the page the agent left come first: the others open pages of their own
    programs.sort(Comparator.comparing(p -> !p.url().equals(PageChecks.LAST)));
    for (WebArenaSite.ProgramHtml p : programs) {
      ObjectNode t = targets.addObject();
      t.put("url", p.url());
      t.put("locator", p.locator());
      ObjectNode required = t.putObject("required_contents");
      switch (p.required()) {
        case WebArenaSite.RequiredContents.ExactMatch e -> required.put("exact_match", e.text());
        case WebArenaSite.RequiredContents.MustInclude m -> m.texts().forEach(required.putArray("must_include")::add);
      }
    }
    Intent intent = Intent.of(task.instruction(), task.params());

    ObjectNode c = JSON.objectNode();
    c.putArray("sites").add(site.site());
    c.put("task_id", taskId);
    c.put("require_login", login);
    // WebArena's convention: its auto-login saves each site's logged-in browser state there
    if (login) c.put("storage_state", "./.auth/" + site.site() + "_state.json");
    else c.putNull("storage_state");
    c.put("start_url", startUrl);
    c.putNull("geolocation");
    c.put("intent_template", intent.template());
    ObjectNode dict = c.putObject("instantiation_dict");
    intent.values().forEach(dict::put);
    c.put("intent", task.instruction());
    // every task starts from its own set-up state: a fresh env each
    c.put("require_reset", true);
    ObjectNode eval = c.putObject("eval");
    // url_match first: program_html's targets may open other pages
    ArrayNode types = eval.putArray("eval_types");
    if (referenceUrl != null) types.add("url_match");
    if (!programs.isEmpty()) types.add("program_html");
    eval.putNull("reference_answers");
    eval.put("reference_url", referenceUrl == null ? "" : referenceUrl);
    if (referenceUrl != null) eval.put("url_note", "GOLD in PRED");
    eval.set("program_html", targets);
    c.put("intent_template_id", templates.computeIfAbsent(intent.template(), t -> templates.size()));
    return c;
  }

  /**
   * The page the agent starts on: the one the last page step of the setup opens, else the one the
   * site's launch opens. A setup that ends sending a form has no address to name (where the form
   * leads is the app's answer), so no form.
   */
  static String startUrl(TaskSpec task, String launched) {
    SetupStep.Page last = null;
    for (SetupStep s : task.setup()) if (s instanceof SetupStep.Page p) last = p;
    if (last == null) return launched;
    if (last.interacts()) {
      throw new WebArenaSite.NoWebForm("its setup ends in a page step that sends a form (" + last.url() + "), and WebArena's start_url is one address");
    }
    return last.url();
  }

  /** The checks of an all, however nested: WebArena multiplies its targets' scores, which is an and; an any has no form. */
  static List<Checker.Check> checks(Checker checker) {
    return switch (checker) {
      case Checker.Check c -> List.of(c);
      case Checker.AllOf all -> {
        if (all.of().isEmpty()) throw new WebArenaSite.NoWebForm("an empty all checks nothing");
        yield all.of().stream().flatMap(x -> checks(x).stream()).toList();
      }
      case Checker.AnyOf any -> throw new WebArenaSite.NoWebForm("its checker has an any, and WebArena's targets all must pass");
    };
  }

  /**
   * The instruction as a WebArena intent template: each parameter whose value it contains becomes
   * {@code {{name}}} (longer values first), kept only when filling the template gives the
   * instruction back; else the template is the instruction itself, with nothing to fill.
   */
  record Intent(String template, Map<String, String> values) {
    static Intent of(String instruction, Map<String, String> params) {
      Map<String, String> used = new LinkedHashMap<>();
      String template = instruction;
      List<Map.Entry<String, String>> byLength = params.entrySet().stream().filter(e -> !e.getValue().isBlank())
          .sorted(Comparator.comparing((Map.Entry<String, String> e) -> -e.getValue().length()).thenComparing(Map.Entry::getKey)).toList();
      for (Map.Entry<String, String> p : byLength) {
        if (template.contains(p.getValue()) && !p.getValue().contains("{{")) {
          template = template.replace(p.getValue(), "{{" + p.getKey() + "}}");
          used.put(p.getKey(), p.getValue());
        }
      }
      String filled = template;
      for (Map.Entry<String, String> u : used.entrySet()) filled = filled.replace("{{" + u.getKey() + "}}", u.getValue());
      if (!filled.equals(instruction)) return new Intent(instruction, Map.of());
      Map<String, String> sorted = new java.util.TreeMap<>(used);
      return new Intent(template, sorted);
    }
  }

  private static String pretty(com.fasterxml.jackson.databind.JsonNode node) {
    try {
      return TaskJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write WebArena JSON", e);
    }
  }
}
