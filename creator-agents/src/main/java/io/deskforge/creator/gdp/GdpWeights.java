package io.deskforge.creator.gdp;

import io.deskforge.apps.check.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Software commodities weighted by the wage bill of the occupations that use them, from O*NET 29.2
 * ({@code onet/Technology Skills.txt}, {@code onet/Occupation Data.txt}) and BLS OEWS May 2024
 * ({@code bls/national_M2024_dl.csv}).
 *
 * <p>The formula: an occupation's wage bill is TOT_EMP × A_MEAN of its detailed BLS code (O*NET's
 * {@code 11-1011.00} joins BLS's {@code 11-1011}; a '*' or '#' counts as missing); when several
 * O*NET occupations of {@code Occupation Data.txt} share one BLS code, that bill is split equally
 * among them; an occupation without BLS figures counts 0. Each O*NET occupation's bill is split
 * equally over the distinct UNSPSC commodities it lists in {@code Technology Skills.txt}; a
 * commodity's weight is the sum of its shares, in USD per year. An app's weight is the sum of the
 * weights of the commodities it stands in for ({@code AppTemplate.commodities()}).
 *
 * <p>{@link #shipped()} reads the table computed once from those files and shipped as a resource
 * (whole USD), so nothing outside the jar is needed; {@link #compute(Path)} recomputes it.
 */
public final class GdpWeights {

  /** The attribution the data's licenses ask for, printed with every ranking. */
  public static final List<String> ATTRIBUTION = List.of(
      "This product includes information from O*NET 29.2 Database by the U.S. Department of Labor, "
          + "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license.",
      "Employment and wages: U.S. Bureau of Labor Statistics, Occupational Employment and Wage "
          + "Statistics (OEWS), May 2024 national estimates (public domain).");

  static final String RESOURCE = "commodity-weights.tsv";

  private final List<CommodityWeight> ranked;

  private GdpWeights(List<CommodityWeight> commodities) {
    this.ranked = commodities.stream()
        .sorted(Comparator.comparingDouble(CommodityWeight::weightUsd).reversed()
            .thenComparing(CommodityWeight::code))
        .toList();
  }

  /** The commodities, heaviest first (ties by code). */
  public List<CommodityWeight> ranked() {
    return ranked;
  }

  /** The sum of all commodities' weights: the wage bill of the occupations that list software. */
  public double totalUsd() {
    return ranked.stream().mapToDouble(CommodityWeight::weightUsd).sum();
  }

  /** The commodity with this Commodity Title, ignoring case. */
  public Optional<CommodityWeight> byTitle(String title) {
    return ranked.stream().filter(c -> c.title().equalsIgnoreCase(title.strip())).findFirst();
  }

  /** The table shipped with deskforge (computed from the files in {@code /work/shared/gdp}). */
  public static GdpWeights shipped() {
    try (InputStream in = GdpWeights.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("resource missing: " + RESOURCE);
      return parseTable(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a table as {@link #toTable()} writes it: '#' lines, a header, then one commodity a line. */
  static GdpWeights parseTable(String text) {
    List<CommodityWeight> list = new ArrayList<>();
    boolean header = true;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      if (header) {
        header = false;
        continue;
      }
      String[] f = line.split("\t", -1);
      list.add(new CommodityWeight(f[0], f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3])));
    }
    return new GdpWeights(list);
  }

  /** The table to ship: attribution and formula as '#' lines, then code, title, weight (whole USD), occupations. */
  public String toTable() {
    StringBuilder b = new StringBuilder();
    for (String a : ATTRIBUTION) b.append("# ").append(a).append('\n');
    b.append("# weight_usd: the wage bill (TOT_EMP x A_MEAN) of the occupations listing the commodity, each ")
        .append("occupation's bill split equally over its distinct commodities (see GdpWeights).\n");
    b.append("commodity_code\tcommodity_title\tweight_usd\toccupations\n");
    for (CommodityWeight c : ranked) {
      b.append(c.code()).append('\t').append(c.title()).append('\t')
          .append(Math.round(c.weightUsd())).append('\t').append(c.occupations()).append('\n');
    }
    return b.toString();
  }

  /** Recomputes the weights from a folder holding {@code onet/} and {@code bls/} as in {@code /work/shared/gdp}. */
  public static GdpWeights compute(Path dir) {
    try {
      Map<String, Double> bills = blsBills(dir.resolve("bls/national_M2024_dl.csv"));
      Map<String, Integer> sharing = new HashMap<>();
      List<String> occupationData = Files.readAllLines(dir.resolve("onet/Occupation Data.txt"), StandardCharsets.UTF_8);
      for (String line : occupationData.subList(1, occupationData.size())) {
        if (line.isBlank()) continue;
        sharing.merge(blsCode(line.split("\t", -1)[0]), 1, Integer::sum);
      }
      Map<String, Set<String>> listed = new TreeMap<>();
      Map<String, String> titles = new HashMap<>();
      List<String> skills = Files.readAllLines(dir.resolve("onet/Technology Skills.txt"), StandardCharsets.UTF_8);
      for (String line : skills.subList(1, skills.size())) {
        if (line.isBlank()) continue;
        String[] f = line.split("\t", -1);
        listed.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).add(f[2]);
        titles.putIfAbsent(f[2], f[3]);
      }
      Map<String, Double> weight = new TreeMap<>();
      Map<String, Integer> occupations = new HashMap<>();
      for (Map.Entry<String, Set<String>> o : listed.entrySet()) {
        String bls = blsCode(o.getKey());
        double bill = bills.getOrDefault(bls, 0.0) / Math.max(1, sharing.getOrDefault(bls, 1));
        for (String c : o.getValue()) {
          weight.merge(c, bill / o.getValue().size(), Double::sum);
          occupations.merge(c, 1, Integer::sum);
        }
      }
      List<CommodityWeight> list = new ArrayList<>();
      weight.forEach((c, w) -> list.add(new CommodityWeight(c, titles.get(c), w, occupations.get(c))));
      return new GdpWeights(list);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GDP data in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** An occupation that lists one of an app's commodities, with its wage bill (USD a year, 0 without BLS figures). */
  public record Occupation(String code, String title, double wageBillUsd) {}

  /**
   * The occupations that list any of these commodities (by their exact title) in O*NET's
   * Technology Skills, heaviest wage bill first, at most {@code limit}; read from the raw files of
   * {@code dir} (as in {@code /work/shared/gdp}), since the shipped table holds commodities only.
   * The bill is the one {@link #compute} splits: TOT_EMP × A_MEAN, shared among the O*NET
   * occupations of one BLS code.
   */
  public static List<Occupation> occupations(Path dir, java.util.Collection<String> commodityTitles, int limit) {
    try {
      Map<String, Double> bills = blsBills(dir.resolve("bls/national_M2024_dl.csv"));
      Map<String, Integer> sharing = new HashMap<>();
      Map<String, String> titles = new HashMap<>();
      List<String> occupationData = Files.readAllLines(dir.resolve("onet/Occupation Data.txt"), StandardCharsets.UTF_8);
      for (String line : occupationData.subList(1, occupationData.size())) {
        if (line.isBlank()) continue;
        String[] f = line.split("\t", -1);
        sharing.merge(blsCode(f[0]), 1, Integer::sum);
        titles.put(f[0], f.length > 1 ? f[1] : f[0]);
      }
      Set<String> users = new java.util.TreeSet<>();
      List<String> skills = Files.readAllLines(dir.resolve("onet/Technology Skills.txt"), StandardCharsets.UTF_8);
      for (String line : skills.subList(1, skills.size())) {
        if (line.isBlank()) continue;
        String[] f = line.split("\t", -1);
        if (f.length > 3 && commodityTitles.contains(f[3])) users.add(f[0]);
      }
      List<Occupation> out = new ArrayList<>();
      for (String code : users) {
        String bls = blsCode(code);
        double bill = bills.getOrDefault(bls, 0.0) / Math.max(1, sharing.getOrDefault(bls, 1));
        out.add(new Occupation(code, titles.getOrDefault(code, code), bill));
      }
      out.sort(Comparator.comparingDouble(Occupation::wageBillUsd).reversed().thenComparing(Occupation::code));
      return out.subList(0, Math.min(limit, out.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GDP data in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** O*NET's {@code 11-1011.00} as BLS writes it, {@code 11-1011}. */
  static String blsCode(String onet) {
    int dot = onet.indexOf('.');
    return dot < 0 ? onet.strip() : onet.substring(0, dot).strip();
  }

  /** TOT_EMP × A_MEAN of each detailed OEWS occupation with both figures. */
  static Map<String, Double> blsBills(Path csv) throws IOException {
    List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> head = rows.get(0);
    int occ = head.indexOf("OCC_CODE");
    int group = head.indexOf("O_GROUP");
    int emp = head.indexOf("TOT_EMP");
    int mean = head.indexOf("A_MEAN");
    if (occ < 0 || group < 0 || emp < 0 || mean < 0) {
      throw new IOException(csv + " lacks one of OCC_CODE, O_GROUP, TOT_EMP, A_MEAN");
    }
    Map<String, Double> bills = new HashMap<>();
    for (List<String> f : rows.subList(1, rows.size())) {
      if (f.size() < head.size()) continue;
      if (!"detailed".equals(f.get(group).strip().toLowerCase(Locale.ROOT))) continue;
      Double e = number(f.get(emp));
      Double w = number(f.get(mean));
      if (e != null && w != null) bills.put(f.get(occ).strip(), e * w);
    }
    return bills;
  }

  /** A figure, or null where OEWS writes '*', '#' or nothing. */
  private static Double number(String s) {
    String t = s.replace(",", "").strip();
    try {
      return t.isEmpty() ? null : Double.valueOf(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
