package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code deskforge apps --by-gdp} as a user runs it, on the shipped table and on the raw files. */
class AppsByGdpTest {

  @Test
  void ranksTheAppsAsTheDataDoes() {
    Cli text = Cli.run("apps", "--by-gdp");
    assertThat(text.exit()).as(text.err()).isZero();
    // O*NET 29.2 x OEWS May 2024: spreadsheets 6.56% (gnumeric and LibreOffice Calc, equal weights
    // ranked by name), word processing 6.05% (LibreOffice Writer and mousepad, by name), presentations 3.68%, web browsers 3.51%,
    // operating systems (shells) 3.27% plus terminal emulation 0.03%, web page creation and editing (the three wikis, equal weights by name) 2.0%,
    // object or component oriented development (Jupyter Notebook, as O*NET lists it) 0.94%.
    assertThat(text.out()).containsSubsequence(
        " 1. gnumeric", "Spreadsheet software", " 2. libreoffice-calc", "Spreadsheet software",
        " 3. libreoffice-writer", "Word processing software", " 4. mousepad", "Word processing software",
        " 5. libreoffice-impress", "Presentation software",
        " 6. chromium", "Internet browser software", " 7. xterm",
        "Operating system software", "Network connectivity terminal emulation software",
        " 8. dokuwiki", "Web page creation and editing software", " 9. mediawiki", "Web page creation and editing software",
        "10. tiddlywiki", "Web page creation and editing software", "11. jupyter", "Object or component oriented development software", "heaviest commodities", " 1.   Spreadsheet software", "gnumeric", " 2. * Office suite software",
        "O*NET 29.2", "Bureau of Labor Statistics");
    assertThat(text.out().lines().filter(l -> l.matches("\\s*\\d+\\. [ *] .*occupations.*"))).hasSize(15);
  }

  @Test
  void printsJsonAndRecomputesFromTheRawFiles() throws Exception {
    Cli shipped = Cli.run("apps", "--by-gdp", "--json");
    assertThat(shipped.exit()).as(shipped.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(shipped.out());
    List<String> order = new ArrayList<>();
    root.get("apps").forEach(a -> order.add(a.get("name").asText()));
    assertThat(order).containsExactly("gnumeric", "libreoffice-calc", "libreoffice-writer", "mousepad", "libreoffice-impress", "chromium",
        "xterm", "dokuwiki", "mediawiki", "tiddlywiki", "jupyter");
    assertThat(root.get("apps").get(0).get("commodities").get(0).get("code").asText()).isEqualTo("43232110");
    assertThat(root.get("apps").get(0).get("share").asDouble()).isBetween(0.065, 0.066);
    assertThat(root.get("top_commodities")).hasSize(15);
    assertThat(root.get("top_commodities").get(1).get("apps")).isEmpty();

    Path data = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null && data == null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/gdp/onet"))) data = p.resolve("shared/gdp");
    }
    assertThat(data).as("shared/gdp in a folder above the working directory (CI has it)").isNotNull();
    Cli raw = Cli.run("apps", "--by-gdp", "--json", "--gdp-data", data.toString());
    assertThat(raw.exit()).as(raw.err()).isZero();
    JsonNode recomputed = new ObjectMapper().readTree(raw.out());
    // The same apps in the same order with the same commodities (whole USD); sums of the shipped,
    // rounded weights may differ from the recomputed ones in the last dollar.
    for (int i = 0; i < order.size(); i++) {
      assertThat(recomputed.get("apps").get(i).get("name")).isEqualTo(root.get("apps").get(i).get("name"));
      assertThat(recomputed.get("apps").get(i).get("commodities")).isEqualTo(root.get("apps").get(i).get("commodities"));
    }
    assertThat(recomputed.get("top_commodities")).hasSize(15);
  }

  @Test
  void gdpDataWithoutByGdpIsAUsageError() {
    assertThat(Cli.run("apps", "--gdp-data", "x").exit()).isEqualTo(Deskforge.USAGE);
  }
}
