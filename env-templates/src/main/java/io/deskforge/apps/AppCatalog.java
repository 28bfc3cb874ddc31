package io.deskforge.apps;

import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.document.DocumentFormats;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopLimits;
import io.deskforge.task.export.ExportCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The applications on the class path, found through {@link ServiceLoader}. It is also what an
 * exporter asks about apps and document formats, so exported tasks install, launch, write and read
 * as deskforge's desktops do.
 */
public final class AppCatalog implements ExportCatalog {
  private final Map<String, AppTemplate> apps;
  /** Families beyond the apps' own (data families from files), and whether the apps' own are used. */
  private final List<TaskFamily> extra;
  private final boolean builtIns;

  private AppCatalog(Map<String, AppTemplate> apps, List<TaskFamily> extra, boolean builtIns) {
    this.apps = apps;
    this.extra = List.copyOf(extra);
    this.builtIns = builtIns;
  }

  /**
   * This catalog with more families, such as data families read from files: each must be about
   * an app of the catalog, and its id must differ from every other family's, built-in or not.
   */
  public AppCatalog withFamilies(List<? extends TaskFamily> more) {
    Map<String, String> seen = new TreeMap<>();
    for (AppTemplate a : apps.values()) for (TaskFamily f : a.families()) seen.put(f.id(), "the built-in family of " + a.name());
    for (TaskFamily f : extra) seen.put(f.id(), origin(f));
    List<TaskFamily> all = new ArrayList<>(extra);
    for (TaskFamily f : more) {
      if (!apps.containsKey(f.app())) {
        throw new IllegalArgumentException(origin(f) + ": /app: unknown app '" + f.app() + "'; known apps: " + String.join(", ", apps.keySet()));
      }
      String before = seen.putIfAbsent(f.id(), origin(f));
      if (before != null) throw new IllegalArgumentException(origin(f) + ": /family: '" + f.id() + "' is already the id of " + before);
      all.add(f);
    }
    return new AppCatalog(apps, all, builtIns);
  }

  /** This catalog with only the families added by {@link #withFamilies} (to draw from data families alone). */
  public AppCatalog withoutBuiltInFamilies() {
    return new AppCatalog(apps, extra, false);
  }

  private static String origin(TaskFamily f) {
    return f instanceof io.deskforge.apps.family.DataFamily d ? d.source() : "family " + f.id();
  }

  /** The families of one app: its own (unless left out), then the added ones. */
  private List<TaskFamily> familiesOf(String app) {
    List<TaskFamily> out = new ArrayList<>(builtIns ? get(app).families() : List.of());
    for (TaskFamily f : extra) if (f.app().equals(app)) out.add(f);
    return out;
  }

  public static AppCatalog load() {
    List<AppTemplate> found = new ArrayList<>();
    ServiceLoader.load(AppTemplate.class, AppCatalog.class.getClassLoader()).forEach(found::add);
    return of(found);
  }

  /** A catalog of these apps alone (a test's own app, say). */
  public static AppCatalog of(List<? extends AppTemplate> found) {
    Map<String, AppTemplate> apps = new TreeMap<>();
    for (AppTemplate app : found) {
      AppTemplate previous = apps.put(app.name(), app);
      if (previous != null) {
        throw new IllegalStateException("two apps are named " + app.name() + ": " + previous.getClass() + " and " + app.getClass());
      }
    }
    return new AppCatalog(apps, List.of(), true);
  }

  public List<AppTemplate> all() {
    return List.copyOf(apps.values());
  }

  public List<String> names() {
    return List.copyOf(apps.keySet());
  }

  /** The app of that name; the error lists the known ones. */
  public AppTemplate get(String name) {
    AppTemplate app = apps.get(name);
    if (app == null) throw new IllegalArgumentException("unknown app '" + name + "'; known apps: " + String.join(", ", apps.keySet()));
    return app;
  }

  /**
   * Every family of these apps in a stable order that interleaves the apps (first family of each
   * app, then the second of each, ...), so that a short run still covers every app.
   */
  public List<TaskFamily> families(List<String> appNames) {
    List<List<TaskFamily>> perApp = new ArrayList<>();
    for (String n : appNames.stream().distinct().sorted().toList()) {
      List<TaskFamily> fs = familiesOf(n);
      fs.sort(Comparator.comparing(TaskFamily::id));
      perApp.add(fs);
    }
    List<TaskFamily> out = new ArrayList<>();
    while (perApp.stream().anyMatch(fs -> !fs.isEmpty())) {
      for (List<TaskFamily> fs : perApp) if (!fs.isEmpty()) out.add(fs.remove(0));
    }
    return out;
  }

  @Override
  public List<String> packages(String app) {
    return get(app).packages();
  }

  @Override
  public List<String> npmPackages(String app) {
    return get(app).npmPackages();
  }

  @Override
  public List<String> launchCommand(String app, List<String> args) {
    return get(app).portableLaunch(args).commandWithEnvironment();
  }

  /** The document formats the apps contribute, in the apps' order: what handles each document file. */
  public DocumentFormats formats() {
    List<DocumentFormat> all = new ArrayList<>();
    for (AppTemplate a : apps.values()) all.addAll(a.formats());
    return DocumentFormats.of(all);
  }

  @Override
  public List<String> spreadsheetToCsv(String path, String sheet) {
    return formats().forPath(path, DocumentFormat.Kind.SPREADSHEET).readCommand(path, sheet);
  }

  @Override
  public FilePlan spreadsheetWrite(String path, List<List<String>> rows, String scratch) {
    return formats().forPath(path, DocumentFormat.Kind.SPREADSHEET).writePlan(path, rows, scratch);
  }

  @Override
  public FilePlan documentWrite(String path, com.fasterxml.jackson.databind.JsonNode content, String scratch) {
    return formats().claimingOrThrow(path).contentPlan(path, content, scratch);
  }

  @Override
  public java.util.Optional<OsworldCheck> documentCheck(String path, String query, io.deskforge.task.spec.Metric metric) {
    return formats().claiming(path).flatMap(f -> f.osworldCheck(path, query, metric));
  }

  @Override
  public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> documentReader(String path, String query) {
    return formats().claiming(path).flatMap(f -> f.vmQuery(query));
  }

  @Override
  public List<String> documentReaderPackages(String path) {
    return formats().claiming(path).map(DocumentFormat::vmPackages).orElse(List.of());
  }

  /** The app's own {@link AppTemplate#commitCommand}; empty for an app the catalog does not hold. */
  @Override
  public List<String> commitCommand(String app, List<String> paths) {
    AppTemplate a = apps.get(app);
    return a == null ? List.of() : a.commitCommand(paths);
  }

  /** The app's WebArena site; empty for an app that has none, or that the catalog does not hold. */
  @Override
  public java.util.Optional<io.deskforge.task.export.WebArenaSite> webArenaSite(String app) {
    AppTemplate a = apps.get(app);
    return a == null ? java.util.Optional.empty() : a.webArena();
  }

  /** The limits deskforge's desktops read with here: the defaults, or what DESKFORGE_DESKTOP_LIMITS sets. */
  @Override
  public ReadLimits readLimits() {
    DesktopLimits limits = DesktopLimits.fromEnvironment();
    return new ReadLimits(limits.readBytes(), limits.callTimeout());
  }

  /** The family of that id, built-in or added. */
  public TaskFamily family(String id) {
    for (AppTemplate a : apps.values()) {
      for (TaskFamily f : a.families()) if (f.id().equals(id)) return f;
    }
    for (TaskFamily f : extra) if (f.id().equals(id)) return f;
    throw new IllegalArgumentException("unknown task family '" + id + "'");
  }

  /**
   * A desktop configuration able to run these apps: its image is named after them and holds the
   * packages of all of them.
   */
  public DesktopConfig.Builder desktopFor(List<String> appNames) {
    Set<String> packages = new LinkedHashSet<>();
    List<String> sorted = appNames.stream().distinct().sorted().toList();
    Set<String> systemFolders = new LinkedHashSet<>();
    Set<String> npm = new LinkedHashSet<>();
    java.util.Map<String, java.nio.file.Path> caches = new java.util.LinkedHashMap<>();
    for (String n : sorted) {
      packages.addAll(get(n).packages());
      systemFolders.addAll(get(n).systemFolders());
      npm.addAll(get(n).npmPackages());
      caches.putAll(get(n).hostCaches());
    }
    return DesktopConfig.builder().image(String.join("-", sorted), List.copyOf(packages)).systemFolders(systemFolders)
        .npmPackages(npm).hostCaches(caches);
  }
}
