package io.deskforge.apps.jupyter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.SetupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A seeded notebook: a Markdown heading, then code cells that each set a variable to a number,
 * then the cell that multiplies two of them. Written as nbformat 4.5 JSON, as the notebook itself
 * saves it (sources as lists of lines, one space of indent), so that the first save changes only
 * what the agent changed.
 */
record Notebook(String name, List<Cell> cells) {
  Notebook {
    cells = List.copyOf(cells);
  }

  /** One cell: "markdown" or "code", its single-line source, its id. */
  record Cell(String type, String source, String id) {}

  static final ObjectMapper JSON = new ObjectMapper();

  /** Topics of a team's notebook; a notebook's name is one and a drawn noun ({@code budget_review_otter}). */
  static final List<String> TOPICS = List.of(
      "budget_review", "sales_report", "lab_results", "survey_totals", "stock_count", "garden_yield", "fleet_costs", "energy_use",
      "ticket_stats", "hiring_plan", "class_scores", "bakery_orders", "library_loans", "trip_costs", "water_levels", "clinic_visits");

  static String word(String w) {
    return w.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  /** A notebook name: a topic and a noun, sometimes an adjective before it. */
  static String name(TaskDraw d) {
    while (true) {
      String adjective = d.chance(0.5) ? word(d.adjective()) + "_" : "";
      String name = d.pick(TOPICS) + "_" + adjective + word(d.noun());
      if (renames(name)) return name;
    }
  }

  /**
   * Whether Notebook 6.4 can rename a notebook of this name, or to it. Its rename asks whether a
   * path is hidden with the path relative to the notebooks' folder but slices it at the length of
   * the folder's absolute path: a name exactly that long puts ".ipynb" at the cut, looks like a
   * dot-file, and the rename fails with a server error (and an error in the error message). No
   * person could rename such a notebook in the app, so no task draws one.
   */
  static boolean renames(String name) {
    return name.length() != Jupyter.DIR.length();
  }

  /** A notebook of {@code vars} variable cells (at least 2) and the product of the first two. */
  static Notebook draw(TaskDraw d, String name, int vars) {
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell("markdown", "# " + TaskDraw.capitalize(name.replace('_', ' ')), id(d)));
    List<String> names = new ArrayList<>();
    while (names.size() < vars) {
      String v = word(d.noun()) + "_count";
      if (names.stream().noneMatch(n -> n.contains(v) || v.contains(n))) names.add(v);
    }
    for (String v : names) cells.add(new Cell("code", v + " = " + d.between(11, 99), id(d)));
    cells.add(new Cell("code", names.get(0) + " * " + names.get(1), id(d)));
    return new Notebook(name, cells);
  }

  private static String id(TaskDraw d) {
    StringBuilder s = new StringBuilder();
    // letters only: a number the task names never turns up in an id
    for (int i = 0; i < 8; i++) s.append((char) ('a' + d.between(0, 25)));
    return s.toString();
  }

  /** This notebook with {@code cell} inserted at {@code index}. */
  Notebook with(int index, Cell cell) {
    List<Cell> out = new ArrayList<>(cells);
    out.add(index, cell);
    return new Notebook(name, out);
  }

  /** A fresh cell id drawn from the seed. */
  static String newId(TaskDraw d) {
    return id(d);
  }

  String path() {
    return Jupyter.path(name);
  }

  /** The source of cell {@code i}. */
  String source(int i) {
    return cells.get(i).source();
  }

  /** The index of the last cell. */
  int last() {
    return cells.size() - 1;
  }

  /** The variable set by code cell {@code i} ("x_count = 12" gives "x_count"). */
  String variable(int i) {
    return source(i).substring(0, source(i).indexOf(" = "));
  }

  /** The number set by code cell {@code i}. */
  String value(int i) {
    return source(i).substring(source(i).indexOf(" = ") + 3);
  }

  /** The notebook's JSON text, as Jupyter writes it. */
  String json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode cs = root.putArray("cells");
    for (Cell c : cells) {
      ObjectNode n = cs.addObject();
      n.put("cell_type", c.type());
      if (c.type().equals("code")) n.putNull("execution_count");
      n.put("id", c.id());
      n.putObject("metadata");
      if (c.type().equals("code")) n.putArray("outputs");
      n.putArray("source").add(c.source());
    }
    ObjectNode meta = root.putObject("metadata");
    ObjectNode ks = meta.putObject("kernelspec");
    ks.put("display_name", "Python 3 (ipykernel)");
    ks.put("language", "python");
    ks.put("name", "python3");
    ObjectNode li = meta.putObject("language_info");
    li.put("name", "python");
    root.put("nbformat", 4);
    root.put("nbformat_minor", 5);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  SetupStep write() {
    return new SetupStep.WriteFile(path(), json());
  }
}
