package io.deskforge.creator.gdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weights' formula on hand-made files, and the shipped table against the public data. */
class GdpWeightsTest {

  @Test
  void weighsCommoditiesByTheFormula(@TempDir Path dir) throws Exception {
    writeSample(dir);
    GdpWeights w = GdpWeights.compute(dir);

    // 11-1011: 100 x 200,000 = 20,000,000 shared by two O*NET codes: 10,000,000 each, split over
    // 2 distinct commodities (Google Sheets repeats Spreadsheet). 15-1252: 1,000,000 over 2.
    // 27-2011 ('*' wage), 27-2012 ('#' employment) and 99-9999 (no BLS row) count 0.
    assertThat(w.ranked()).containsExactly(
        new CommodityWeight("43232110", "Spreadsheet software", 10_500_000.0, 5),
        new CommodityWeight("43232104", "Word processing software", 5_000_000.0, 2),
        new CommodityWeight("43233501", "Electronic mail software", 5_000_000.0, 1),
        new CommodityWeight("43233004", "Operating system software", 500_000.0, 1));
    assertThat(w.totalUsd()).isEqualTo(21_000_000.0);
    assertThat(w.byTitle("spreadsheet SOFTWARE")).map(CommodityWeight::code).hasValue("43232110");
    assertThat(GdpWeights.parseTable(w.toTable()).ranked()).isEqualTo(w.ranked());
  }

  @Test
  void theOccupationsOfAnAppAreThoseListingItsCommoditiesHeaviestFirst(@TempDir Path dir) throws Exception {
    writeSample(dir);
    assertThat(GdpWeights.occupations(dir, java.util.List.of("Word processing software"), 10)).containsExactly(
        new GdpWeights.Occupation("11-1011.00", "Chief Executives", 10_000_000.0),
        new GdpWeights.Occupation("27-2011.00", "Actors", 0.0));
    assertThat(GdpWeights.occupations(dir, java.util.List.of("Spreadsheet software", "Operating system software"), 2))
        .extracting(GdpWeights.Occupation::code).containsExactly("11-1011.00", "11-1011.03");
  }

  private static void writeSample(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("onet"));
    Files.createDirectories(dir.resolve("bls"));
    Files.writeString(dir.resolve("bls/national_M2024_dl.csv"), """
        AREA,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,A_MEAN
        99,00-0000,All Occupations,total,9999,9999
        99,11-0000,Management Occupations,major,1000,1
        99,11-1011,"Chief Executives, all kinds",detailed,100,200000
        99,15-1252,Software Developers,detailed,10,100000
        99,27-2011,Actors,detailed,50,*
        99,27-2012,Producers,detailed,#,90000
        """);
    Files.writeString(dir.resolve("onet/Occupation Data.txt"), """
        O*NET-SOC Code\tTitle\tDescription
        11-1011.00\tChief Executives\tx
        11-1011.03\tChief Sustainability Officers\tx
        15-1252.00\tSoftware Developers\tx
        27-2011.00\tActors\tx
        27-2012.00\tProducers\tx
        99-9999.00\tNo BLS figures\tx
        """);
    Files.writeString(dir.resolve("onet/Technology Skills.txt"), """
        O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand
        11-1011.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tY\tN
        11-1011.00\tMicrosoft Word\t43232104\tWord processing software\tY\tN
        11-1011.03\tMicrosoft Excel\t43232110\tSpreadsheet software\tY\tN
        11-1011.03\tGoogle Sheets\t43232110\tSpreadsheet software\tN\tN
        11-1011.03\tGmail\t43233501\tElectronic mail software\tN\tN
        15-1252.00\tBash\t43233004\tOperating system software\tY\tN
        15-1252.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tY\tN
        15-1252.00\tLinux\t43233004\tOperating system software\tY\tN
        27-2011.00\tMicrosoft Word\t43232104\tWord processing software\tN\tN
        27-2012.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tN\tN
        99-9999.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tN\tN
        """);
  }

  @Test
  void shippedTableIsWhatThePublicDataGives() throws Exception {
    Path data = sharedGdp();
    GdpWeights computed = GdpWeights.compute(data);
    String table = computed.toTable();
    GdpWeights shipped = GdpWeights.shipped();
    if (!shipped.toTable().equals(table)) {
      Path out = Path.of("target", GdpWeights.RESOURCE);
      Files.createDirectories(out.getParent());
      Files.writeString(out, table);
      fail("the shipped " + GdpWeights.RESOURCE + " differs from what " + data + " gives; the recomputed table is in "
          + out.toAbsolutePath() + ": copy it to src/main/resources/io/deskforge/creator/gdp/");
    }
    assertThat(shipped.ranked()).hasSize(computed.ranked().size());
    Map<String, Long> rounded = computed.ranked().stream()
        .collect(Collectors.toMap(CommodityWeight::code, c -> Math.round(c.weightUsd())));
    for (CommodityWeight c : shipped.ranked()) assertThat((long) c.weightUsd()).isEqualTo(rounded.get(c.code()));
    assertThat(Files.readString(Path.of("src/main/resources/io/deskforge/creator/gdp/NOTICE")))
        .contains("O*NET 29.2", "CC BY 4.0", "Bureau of Labor Statistics");
    assertThat(table.lines().limit(2).toList()).containsExactlyElementsOf(
        GdpWeights.ATTRIBUTION.stream().map(a -> "# " + a).toList());
    assertThat(List.of(table.length())).allMatch(n -> n < 100_000);
  }

  /** {@code shared/gdp} in the nearest folder above the working directory that has one. */
  static Path sharedGdp() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path gdp = p.resolve("shared/gdp");
      if (Files.isDirectory(gdp.resolve("onet")) && Files.isDirectory(gdp.resolve("bls"))) return gdp;
    }
    fail("no shared/gdp (onet/ and bls/ from O*NET 29.2 and BLS OEWS May 2024) in any folder above "
        + Path.of("").toAbsolutePath() + "; the shipped GDP table cannot be checked without it");
    return null;
  }
}
