package io.deskforge.apps;

import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.AppLaunch;
import java.util.List;

/**
 * One application deskforge can run tasks on. An app is one package under {@code io.deskforge.apps}
 * with a class implementing this interface, listed in {@code META-INF/services}; nothing else in
 * the project changes when an app is added.
 *
 * <p>An app whose tasks check document files (spreadsheets, text documents, presentations) says
 * how to read, write, fingerprint and change them by contributing a {@link DocumentFormat} from
 * {@link #formats()}, kept in its own package. Setup steps, getters, the replay audit and the
 * OSWorld export find formats through {@link AppCatalog#formats()}, never by naming an app, so a
 * new format also touches nothing outside its app's package.
 */
public interface AppTemplate {

  /** Short lower-case name used on the command line and in task ids ({@code mousepad}). */
  String name();

  /** What it is, for {@code deskforge apps}. */
  String description();

  /** The Debian packages it needs on top of every desktop's base. */
  List<String> packages();

  /**
   * The npm packages it needs on top of its Debian packages, each as {@code name@version} (a
   * Node.js app such as TiddlyWiki, which Debian does not package). {@code deskforge doctor
   * --install} installs them globally under /usr/local on the host, where a sandbox desktop sees
   * them read-only with the rest of /usr, and a Docker image installs them the same way; the
   * doctor reports each one missing until its exact version is there. None by default.
   */
  default List<String> npmPackages() {
    return List.of();
  }

  /** How to start it with these arguments (files to open), and when it is ready. */
  AppLaunch launch(List<String> args);

  /**
   * The launch for a machine that is not this host (an exported task run in OSWorld's VM): {@link
   * #launch} unless that carries something built from this host's installation (a profile or wiki
   * template), which an app leaves out here, and which this method must not build. The export runs
   * its command with its environment ({@link AppLaunch#commandWithEnvironment}).
   */
  default AppLaunch portableLaunch(List<String> args) {
    return launch(args);
  }

  /** The privileged getters its tasks use to read saved state (JSON names, e.g. file_text). */
  List<String> getters();

  /** Its task families. */
  List<TaskFamily> families();

  /**
   * Folders outside the home where the app keeps state its tasks may check and set up (a
   * profile, a database), as absolute desktop paths ending in '/'. The static audit confines a
   * task's getters and setup writes to the home and these; none by default.
   */
  default List<String> stateFolders() {
    return List.of();
  }

  /**
   * Host folders outside /usr and /etc where its packages install files the app reads (Debian's
   * dokuwiki keeps its templates and plugins in /var/lib/dokuwiki), under /var/lib or /opt. A
   * sandbox desktop shows them read-only; a Docker image has them from the packages. None by
   * default.
   */
  default List<String> systemFolders() {
    return List.of();
  }

  /**
   * Folders the host makes once for all the app's desktops, by name, each shown read-only in a
   * desktop at {@code /var/cache/deskforge/<name>} (compiled code its server would otherwise
   * compile in every desktop, see {@link io.deskforge.apps.template.PhpCodeCache}). The app must
   * start without them. None by default.
   */
  default java.util.Map<String, java.nio.file.Path> hostCaches() {
    return java.util.Map.of();
  }

  /**
   * The document formats it contributes: how files of its kind are read as the checker reads them,
   * written by setup, fingerprinted and mutated by the audit. None by default.
   */
  default List<DocumentFormat> formats() {
    return List.of();
  }

  /**
   * A command that makes the app write what it still holds in memory into the files a checker
   * reads ({@code paths}, desktop paths), run as the desktop user once a trajectory or an episode is
   * over and before its final reading; it returns when the files are written. A person who leaves
   * the app open finds such a change on disk a little later; a reading taken at once must see the
   * same, and an agent must not have to know how long the app waits before it writes. Run only at
   * the end, since the app may quit to write (Chromium does). The OSWorld export runs the same
   * command in the evaluator's {@code postconfig}. Empty (nothing to run) by default: the other
   * apps write when their document is saved.
   */
  default List<String> commitCommand(List<String> paths) {
    return List.of();
  }

  /**
   * For a browser: where it listens for the Chrome DevTools Protocol inside the desktop and how a
   * WebDriver server attaches to it, so the gym can offer agents CDP and WebDriver endpoints. Empty
   * for every other app (the default).
   */
  default java.util.Optional<BrowserDebugging> browser() {
    return java.util.Optional.empty();
  }

  /**
   * For a web app: the app as a WebArena site, saying how each of its checks reads on its live pages
   * (WebArena's {@code program_html}), so its tasks export as WebArena configs. Empty for every
   * other app (the default), whose tasks the WebArena export leaves out.
   */
  default java.util.Optional<io.deskforge.task.export.WebArenaSite> webArena() {
    return java.util.Optional.empty();
  }

  /**
   * The UNSPSC commodities of O*NET's Technology Skills that the app stands in for, by their exact
   * Commodity Title ({@code "Spreadsheet software"}). {@code deskforge apps --by-gdp} weighs an app
   * by the wage bill of the occupations that list these commodities. None by default.
   */
  default List<String> commodities() {
    return List.of();
  }
}
