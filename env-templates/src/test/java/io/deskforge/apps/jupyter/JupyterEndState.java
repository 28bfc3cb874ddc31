package io.deskforge.apps.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic notebook in Chromium driven as {@link NotebookGui} does, modelled on the .ipynb
 * files its checkers read. The notebook opened at launch is the one setup wrote, its first cell
 * selected in command mode. In command mode k and j select the previous and next cell, a and b
 * add an empty code cell above or below and select it, m makes the selected cell markdown, d d
 * deletes it, Return edits it, Ctrl+Return runs it, p opens the command palette, Ctrl+S saves. In
 * the editor Ctrl+A selects the cell's text, Delete removes the selection, typed text replaces the
 * selection or goes in at the end, Escape leaves it. The palette runs the match chosen with Down
 * (its matches in alphabetical order) or its only match: "run all cells", "run all cells above". A
 * click on the notebook's name opens the rename dialog, its name selected (End unselects it;
 * Return renames the saved file, adding .ipynb; Escape cancels). The kernel is modelled on the seeded cells only: a
 * cell {@code x = 12} sets x, {@code a * b} shows the product of what a and b hold (or fails with a
 * NameError), {@code print(x)} prints it. A save writes the notebook as the server writes it.
 */
public final class JupyterEndState implements EndStateModel {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> PALETTE = List.of("confirm restart kernel and run all cells", "rename notebook",
      "restart kernel and run all cells", "run all cells", "run all cells above", "run all cells below");

  private static final class Cell {
    String type = "code";
    String source = "";
    Integer count;
    List<String> result; // [kind, text]: "result" or "stream" or "error"
  }

  private static final class Page {
    String name;
    List<Cell> cells = new ArrayList<>();
    int selected;
    String mode = "command"; // command, edit, palette, rename
    boolean all;             // the editor's or the rename box's text is selected
    String typed = "";       // the palette's or the rename box's text
    int downs;
    boolean d;               // a first d pressed in command mode
    int runs;
    Map<String, BigInteger> vars = new HashMap<>();
  }

  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    String name = null;
    for (SetupStep s : task.setup()) if (s instanceof SetupStep.Launch l && l.app().equals(Jupyter.NAME)) name = l.args().getFirst();
    final Page p = load(home, name);
    for (Action a : trajectory.actions()) {
      boolean wasD = p.d;
      p.d = false;
      switch (a) {
        case Action.Key k when p.mode.equals("palette") -> palette(p, k.keys(), home);
        case Action.Type t when p.mode.equals("palette") -> p.typed += t.text();
        case Action.Key k when p.mode.equals("rename") -> renameKey(p, k.keys(), home);
        case Action.Type t when p.mode.equals("rename") -> {
          p.typed = p.all ? t.text() : p.typed + t.text();
          p.all = false;
        }
        case Action.Key k when p.mode.equals("edit") -> {
          Cell c = p.cells.get(p.selected);
          switch (k.keys()) {
            case "Escape" -> p.mode = "command";
            case "ctrl+a" -> p.all = true;
            case "Delete" -> {
              if (p.all) c.source = "";
              p.all = false;
            }
            case "ctrl+s" -> save(p, home);
            default -> throw EndStateModel.unmodelled(task, trajectory, a);
          }
        }
        case Action.Type t when p.mode.equals("edit") -> {
          Cell c = p.cells.get(p.selected);
          c.source = p.all ? t.text() : c.source + t.text();
          p.all = false;
        }
        case Action.Click c when p.mode.equals("command") && c.x() == NotebookGui.NAME_X && c.y() == NotebookGui.NAME_Y -> {
          p.mode = "rename";
          p.typed = p.name;
          p.all = true;
        }
        case Action.Key k when p.mode.equals("command") -> {
          switch (k.keys()) {
            case "Escape" -> { }
            case "k" -> p.selected = Math.max(0, p.selected - 1);
            case "j" -> p.selected = Math.min(p.cells.size() - 1, p.selected + 1);
            case "a", "b" -> {
              if (k.keys().equals("b")) p.selected++;
              p.cells.add(p.selected, new Cell());
            }
            case "m" -> {
              Cell c = p.cells.get(p.selected);
              c.type = "markdown";
              c.count = null;
              c.result = null;
            }
            case "d" -> {
              if (wasD) {
                p.cells.remove(p.selected);
                if (p.selected >= p.cells.size()) p.selected = p.cells.size() - 1;
              } else {
                p.d = true;
              }
            }
            case "Return" -> {
              p.mode = "edit";
              p.all = false;
            }
            case "ctrl+Return" -> run(p, p.cells.get(p.selected));
            case "p" -> {
              p.mode = "palette";
              p.typed = "";
              p.downs = 0;
            }
            case "ctrl+s" -> save(p, home);
            default -> throw EndStateModel.unmodelled(task, trajectory, a);
          }
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
    home.chown();
  }

  private static void palette(Page p, String key, ScratchHome home) {
    switch (key) {
      case "Down" -> p.downs++;
      case "Escape" -> p.mode = "command";
      case "Return" -> {
        List<String> matches = PALETTE.stream().filter(c -> c.contains(p.typed.strip())).toList();
        String chosen = p.downs > 0 && p.downs <= matches.size() ? matches.get(p.downs - 1) : matches.size() == 1 ? matches.getFirst() : null;
        p.mode = "command";
        if (chosen == null) return;
        switch (chosen) {
          case "run all cells" -> p.cells.forEach(c -> run(p, c));
          case "run all cells above" -> p.cells.subList(0, p.selected).forEach(c -> run(p, c));
          default -> throw new IllegalArgumentException("the palette's " + chosen + " is not modelled");
        }
      }
      default -> throw new IllegalArgumentException("key " + key + " in the palette is not modelled");
    }
  }

  private static void renameKey(Page p, String key, ScratchHome home) {
    switch (key) {
      case "ctrl+a" -> p.all = true;
      case "End" -> p.all = false;
      case "Escape" -> p.mode = "command";
      case "Return" -> {
        p.mode = "command";
        String to = p.typed.endsWith(".ipynb") ? p.typed.substring(0, p.typed.length() - 6) : p.typed;
        try {
          Files.move(home.host(Jupyter.path(p.name)), home.host(Jupyter.path(to)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        p.name = to;
      }
      default -> throw new IllegalArgumentException("key " + key + " in the rename dialog is not modelled");
    }
  }

  /** A code cell run by the modelled kernel; a markdown cell is only rendered. */
  private static void run(Page p, Cell c) {
    if (!c.type.equals("code")) return;
    c.count = ++p.runs;
    String s = c.source.strip();
    c.result = null;
    if (s.matches("[a-z_]+ = \\d+")) {
      p.vars.put(s.substring(0, s.indexOf(' ')), new BigInteger(s.substring(s.indexOf('=') + 1).strip()));
    } else if (s.matches("[a-z_]+ \\* [a-z_]+")) {
      BigInteger x = p.vars.get(s.substring(0, s.indexOf(' ')));
      BigInteger y = p.vars.get(s.substring(s.lastIndexOf(' ') + 1));
      c.result = x == null || y == null ? List.of("error", "NameError") : List.of("result", x.multiply(y).toString());
    } else if (s.matches("print\\([a-z_]+\\)")) {
      BigInteger x = p.vars.get(s.substring(6, s.length() - 1));
      c.result = x == null ? List.of("error", "NameError") : List.of("stream", x + "\n");
    } else if (!s.isEmpty()) {
      throw new IllegalArgumentException("the modelled kernel does not run: " + s);
    }
  }

  private static Page load(ScratchHome home, String name) {
    Page p = new Page();
    p.name = name;
    try {
      JsonNode root = JSON.readTree(Files.readString(home.host(Jupyter.path(name))));
      for (JsonNode n : root.get("cells")) {
        Cell c = new Cell();
        c.type = n.get("cell_type").asText();
        StringBuilder s = new StringBuilder();
        n.get("source").forEach(l -> s.append(l.asText()));
        c.source = s.toString();
        p.cells.add(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The notebook as the server saves it: sources and text outputs as lists of lines. */
  private static void save(Page p, ScratchHome home) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode cells = root.putArray("cells");
    for (Cell c : p.cells) {
      ObjectNode n = cells.addObject();
      n.put("cell_type", c.type);
      if (c.type.equals("code")) {
        if (c.count == null) n.putNull("execution_count");
        else n.put("execution_count", c.count);
      }
      n.putObject("metadata");
      if (c.type.equals("code")) {
        ArrayNode outs = n.putArray("outputs");
        if (c.result != null) {
          ObjectNode o = outs.addObject();
          switch (c.result.get(0)) {
            case "result" -> {
              o.putObject("data").set("text/plain", lines(c.result.get(1)));
              o.put("execution_count", c.count);
              o.putObject("metadata");
              o.put("output_type", "execute_result");
            }
            case "stream" -> {
              o.put("name", "stdout");
              o.put("output_type", "stream");
              o.set("text", lines(c.result.get(1)));
            }
            default -> {
              o.put("ename", c.result.get(1));
              o.put("evalue", "name is not defined");
              o.put("output_type", "error");
              o.putArray("traceback");
            }
          }
        }
      }
      n.set("source", lines(c.source));
    }
    root.putObject("metadata");
    root.put("nbformat", 4);
    root.put("nbformat_minor", 5);
    try {
      Path file = home.host(Jupyter.path(p.name));
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArrayNode lines(String text) {
    ArrayNode out = JSON.createArrayNode();
    for (String l : text.split("(?<=\n)")) if (!l.isEmpty()) out.add(l);
    return out;
  }
}
