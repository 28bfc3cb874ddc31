package io.deskforge.creator.llm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.gdp.CommodityWeight;
import io.deskforge.creator.gdp.GdpWeights;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a model is told about an app, built from the app catalog and never written per app: what
 * it is, its packages, the privileged getters its checkers may use, the folders it keeps state
 * in, its document formats, the setup step kinds the family schema allows and the GUI actions a
 * solution may use, and the occupations that use it (from O*NET and BLS, when their files are at
 * hand; else the shipped commodity weights).
 */
public final class AppCard {
  /** How many occupations the card lists. */
  static final int OCCUPATIONS = 15;

  private AppCard() {}

  /**
   * The card of {@code app}; {@code gdpData} the folder with {@code onet/} and {@code bls/} (as
   * {@code /work/shared/gdp}), or null to name the app's commodities and their weights only.
   */
  public static String of(AppCatalog catalog, String app, Path gdpData) {
    AppTemplate a = catalog.get(app);
    StringBuilder b = new StringBuilder();
    b.append("app: ").append(a.name()).append('\n');
    b.append("what it is: ").append(a.description()).append('\n');
    b.append("installed packages: ").append(String.join(", ", a.packages())).append('\n');
    b.append("privileged getters its checkers may use (checker.getter.type): ").append(String.join(", ", a.getters())).append('\n');
    if (!a.stateFolders().isEmpty()) b.append("state folders outside the home: ").append(String.join(", ", a.stateFolders())).append('\n');
    for (DocumentFormat f : a.formats()) {
      b.append("document format: ").append(f.kind().name().toLowerCase()).append(" files ").append(String.join(", ", f.extensions())).append('\n');
      f.guide().lines().forEach(l -> b.append("  ").append(l).append('\n'));
    }
    b.append("setup step kinds (setup[].type): ").append(String.join(", ", setupKinds())).append('\n');
    b.append("GUI actions a solution or negative may use (actions[].action): ").append(String.join(", ", actionKinds())).append('\n');
    b.append("the desktop user's home: /home/user; the app is started by a setup step {\"type\": \"launch\", \"app\": \"")
        .append(a.name()).append("\", \"args\": [...]}\n");
    b.append(occupations(a, gdpData));
    return b.toString();
  }

  /** The setup step kinds the family schema allows, read from the schema itself. */
  static List<String> setupKinds() {
    List<String> out = new ArrayList<>();
    for (JsonNode n : schemaTree().at("/$defs/setup_step/properties/type/enum")) out.add(n.asText());
    return out;
  }

  /** The action kinds of the task spec, read from its JSON type names. */
  static List<String> actionKinds() {
    JsonSubTypes types = Action.class.getAnnotation(JsonSubTypes.class);
    return Arrays.stream(types.value()).map(JsonSubTypes.Type::name).toList();
  }

  /** The family schema's text, as published. */
  public static String schema() {
    try (InputStream in = FamilyFiles.class.getResourceAsStream(FamilyFiles.SCHEMA_RESOURCE)) {
      if (in == null) throw new IllegalStateException("the family schema " + FamilyFiles.SCHEMA_RESOURCE + " is not on the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schemaTree() {
    try {
      return TaskJson.mapper().readTree(schema());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String occupations(AppTemplate a, Path gdpData) {
    if (a.commodities().isEmpty()) return "";
    StringBuilder b = new StringBuilder();
    if (gdpData != null && Files.isDirectory(gdpData)) {
      b.append("occupations that use it (O*NET 29.2 technology skills ").append(a.commodities())
          .append(", heaviest US wage bill first, BLS OEWS May 2024):\n");
      for (GdpWeights.Occupation o : GdpWeights.occupations(gdpData, a.commodities(), OCCUPATIONS)) {
        b.append("  - ").append(o.title()).append(" (").append(o.code()).append(String.format(", $%.1f bn a year)%n", o.wageBillUsd() / 1e9));
      }
      return b.toString();
    }
    GdpWeights weights = GdpWeights.shipped();
    b.append("who uses it (O*NET 29.2 commodities, weighted by the wage bill of the occupations listing them):\n");
    for (String title : a.commodities()) {
      CommodityWeight w = weights.byTitle(title).orElse(null);
      if (w == null) continue;
      b.append(String.format("  - %s: %d occupations, $%.1f bn a year%n", title, w.occupations(), w.weightUsd() / 1e9));
    }
    return b.toString();
  }
}
