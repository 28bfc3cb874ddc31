package io.deskforge.apps.jupyter;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.chromium.Chromium;
import io.deskforge.apps.chromium.LoopbackServer;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jupyter Notebook, Debian's classic notebook (6.4) with its python3 kernel, served inside each
 * desktop and used through Chromium. The server listens on the desktop's own loopback ({@link
 * #PORT}; each desktop has a network namespace of its own, with only loopback, so neither the host
 * nor another desktop reaches it) with no token and no password, serves the notebooks in {@link
 * #DIR}, and opens no browser itself: the launcher starts Chromium on the notebook asked for.
 *
 * <p>The notebook's own script ({@code ~/.jupyter/custom/custom.js}, which the notebook page
 * loads as its extension point) keeps the window title saying what a person sees on the page:
 * the notebook's name, whether the kernel is idle (no cell waiting or running), whether edits
 * are unsaved, how many code cells show a result of a run ("ran 3": their prompt has a number),
 * and which dialog has the keyboard (the command palette, "dialog open"; the rename dialog, "Rename Notebook open"):
 * "sales (idle, saved, ran 3) - Jupyter Notebook". Each step of a reference solution waits for a
 * title that differs from the one before the step, so that no wait passes on a stale title. Reference solutions wait on it. The script also turns
 * autosave off, so that only the agent's own save writes the notebook: an unsaved edit stays
 * unsaved however slow the desktop is.
 *
 * <p>Tasks are checked in the saved {@code .ipynb} JSON, which the server writes before it
 * answers the save; an agent in the desktop has only the browser.
 */
public final class Jupyter implements AppTemplate {
  public static final String NAME = "jupyter";
  /** The folder the server serves: the notebooks setup writes and the agent sees. */
  public static final String DIR = "/home/user/notebooks";
  /** The port on the desktop's loopback. */
  public static final int PORT = 8888;

  /** The saved notebook named {@code name} (no extension). */
  public static String path(String name) {
    return DIR + "/" + name + ".ipynb";
  }

  /** The page of a notebook. */
  public static String url(String name) {
    return "http://127.0.0.1:" + PORT + "/notebooks/" + name + ".ipynb";
  }

  /**
   * The page's title keeper, polled (every 150 ms) rather than driven by events, because the
   * notebook sets its own title on many events (mode changes, renames) and the kernel's state is
   * best read from the indicator the page itself shows.
   */
  static final String CUSTOM_JS = """
      define(['base/js/namespace', 'base/js/events'], function (Jupyter, events) {
        var saves = 0;
        events.on('notebook_saved.Notebook', function () { saves++; });
        function noAutosave() { if (Jupyter.notebook && Jupyter.notebook.autosave_interval) Jupyter.notebook.set_autosave_interval(0); }
        events.on('notebook_loaded.Notebook autosave_enabled.Notebook', noAutosave);
        function title() {
          var nb = Jupyter.notebook;
          if (!nb || !nb._fully_loaded) return null;
          noAutosave();
          var icon = document.getElementById('kernel_indicator_icon');
          var c = icon ? icon.className : '';
          var kernel = /kernel_idle_icon/.test(c) ? 'idle' : /kernel_busy_icon/.test(c) ? 'busy' : 'starting';
          if (document.querySelector('.cell.running')) kernel = 'busy';
          var edits = nb.dirty ? 'unsaved' : saves > 0 ? 'saved' : 'unchanged';
          var ran = nb.get_cells().filter(function (cell) { return cell.cell_type === 'code' && cell.input_prompt_number > 0; }).length;
          var focus = document.activeElement;
          // a dialog is open for keys once its text box has the focus: the rename dialog binds Return
          // and selects the name only then, after the dialog itself and its Cancel button had it
          var modal = focus && focus.tagName === 'INPUT' && focus.closest ? focus.closest('.modal.in') : null;
          var heading = modal ? modal.querySelector('.modal-title') : null;
          var dialog = modal ? ', ' + (heading && heading.textContent.trim() || 'dialog') + ' open' : '';
          return nb.get_notebook_name() + ' (' + kernel + ', ' + edits + (ran ? ', ran ' + ran : '') + dialog + ') - Jupyter Notebook';
        }
        setInterval(function () { var t = title(); if (t && document.title !== t) document.title = t; }, 150);
      });
      """;

  /**
   * The notebook server as {@code jupyter-notebook} runs it, less two imports it does not need.
   * IPython: the server asks it only for {@code ~/.ipython}, to add the legacy
   * {@code ~/.ipython/nbextensions} and {@code ~/.ipython/kernels} folders, and does without them when
   * the import fails; importing it loads IPython's terminal, prompt_toolkit and jedi. The kernels,
   * processes of their own, import IPython as before. And the entry point's lookup of the
   * package's metadata (importlib.metadata), which only finds the function called here. Measured
   * here, the server took 0.40-0.47 CPU-s to listen instead of 0.65-0.69 (three starts each). It
   * binds the port first and tornado's server takes that socket ({@link #LAUNCHER} says why).
   */
  static final String SERVER_PY = """
      import socket
      import sys

      # the port first: Chromium's requests wait in its queue while the server imports
      port = int(next(a for a in sys.argv[1:] if a.startswith("--port=")).split("=", 1)[1])
      bound = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
      bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
      bound.bind(("127.0.0.1", port))
      bound.listen(128)
      bound.setblocking(False)

      class NoIPython:
          def find_spec(self, name, path=None, target=None):
              if name == "IPython" or name.startswith("IPython."):
                  raise ImportError("the notebook server runs without IPython; its kernels have it")
              return None

      sys.meta_path.insert(0, NoIPython())
      from tornado.httpserver import HTTPServer

      def listen(self, port, address="", **kwargs):
          self.add_sockets([bound])

      HTTPServer.listen = listen
      from notebook.notebookapp import main
      sys.argv[0] = "jupyter-notebook"
      sys.exit(main())
      """;

  /**
   * The launcher, as the desktop user: the notebook's script, the server in the background (its
   * log beside the configuration, out of the notebooks' folder; {@link #SERVER_PY}), Chromium once
   * the port accepts. The kernels the server starts inherit its environment.
   *
   * <p>The server takes its port before it imports the notebook (0.4-0.5 s), so Chromium starts
   * beside the imports and its first request waits in the port's queue: a cold start to the
   * notebooks' page took 1.56-1.63 s against 1.66-1.86 s (three interleaved pairs of {@code bench
   * desktops --app jupyter --runs 5}), with as much CPU. A server that dies once it has the port
   * would leave Chromium on an error page until the launch's time ran out, so a shell waits on the
   * server and, when it exits, prints its log and stops Chromium (the launcher's process once it
   * runs Chromium): the launch fails at once with the server's reason. That holds after the start
   * too: Chromium goes with its server.
   */
  static final String LAUNCHER = """
      set -e
      D="$1"; PORT="$2"; shift 2
      C="$HOME/.jupyter"
      mkdir -p "$D" "$C/custom"
      printf '%s' "$CUSTOM_JS" > "$C/custom/custom.js"
      S="$SERVER_PY"; unset SERVER_PY CUSTOM_JS
      cd "$D"
      # Python's own distutils for the server: Debian's setuptools otherwise answers the notebook's
      # "import distutils" by importing all of setuptools, 0.3 of the server's 1.1 CPU-s to listen
      (
        SETUPTOOLS_USE_DISTUTILS=stdlib python3 -c "$S" --no-browser --ip=127.0.0.1 --port="$PORT" --port-retries=0 --notebook-dir="$D" \\
          --NotebookApp.token= --NotebookApp.password= --NotebookApp.open_browser=False >"$C/server.log" 2>&1 &
        wait $! || :
        echo "jupyter: the notebook server exited"; cat "$C/server.log"
        kill $$ 2>/dev/null || :
      ) &
      """ + LoopbackServer.awaitPort("jupyter", "$C/server.log", 60) + """
      exec "$@"
      """;

  /** The window title of a notebook's page, in the state given (a regex part, say "idle, saved"). */
  public static String title(String name, String state) {
    return "^" + java.util.regex.Pattern.quote(name) + " \\(" + state + "\\) - Jupyter Notebook - Chromium$";
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "notebook (Jupyter Notebook with a python3 kernel, served in the desktop, used in Chromium): notebooks read from their saved .ipynb JSON";
  }

  @Override
  public List<String> packages() {
    return List.of("jupyter-notebook", "python3-notebook", "python3-ipykernel", "chromium");
  }

  /** One argument: the notebook (name without extension) Chromium opens; the notebooks' list when none. */
  @Override
  public AppLaunch launch(List<String> args) {
    String address = address(args);
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", LAUNCHER, "jupyter", DIR, Integer.toString(PORT)));
    List<String> chromium = new ArrayList<>(new Chromium().launch(List.of(address)).command());
    // the browser window is the notebook's window: its X class names the app, as a web app's window does
    chromium.add(1, "--class=Jupyter");
    cmd.addAll(chromium);
    String window = args.isEmpty() ? "^Home Page - Select or create a notebook - Chromium$" : title(args.get(0), "idle, (unchanged|unsaved)");
    return new AppLaunch(NAME, cmd, Map.of("CUSTOM_JS", CUSTOM_JS, "SERVER_PY", SERVER_PY),
        Ready.allOf(Ready.httpOk(PORT, "/api"), Ready.windowReady(window)), Duration.ofSeconds(90));
  }

  /** The page a launch with these arguments opens. */
  static String address(List<String> args) {
    return args.isEmpty() ? "http://127.0.0.1:" + PORT + "/tree" : url(args.get(0));
  }

  /** The notebook server is its WebArena site: its tasks export as WebArena configs ({@link JupyterWebArena}). */
  @Override
  public java.util.Optional<io.deskforge.task.export.WebArenaSite> webArena() {
    return java.util.Optional.of(new JupyterWebArena());
  }

  @Override
  public List<String> getters() {
    return List.of("json_value", "file_text", "file_exists");
  }

  @Override
  public List<String> stateFolders() {
    return List.of(DIR + "/", Chromium.USER_DATA + "/");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new EditCell(), new AddMarkdown(), new RunAll(), new DeleteCell(), new RenameNotebook());
  }

  @Override
  public List<String> commodities() {
    return List.of("Object or component oriented development software");
  }
}
