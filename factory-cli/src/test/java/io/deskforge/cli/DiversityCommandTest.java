package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.json.TaskValidator;
import io.deskforge.task.spec.TaskSpec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deskforge diversity}, and the diversity lines of {@code stats}, as a user runs them. */
class DiversityCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheFiguresOfEachBuiltInApp() {
    Cli r = Cli.run("diversity");
    assertThat(r.exit()).as(r.err()).isZero();
    for (String app : List.of("gnumeric", "mousepad", "xterm")) {
      assertThat(r.out()).containsPattern("(?m)^" + app + ": 4 families, 128 tasks, \\d+ distinct instructions$");
    }
    assertThat(r.out()).containsPattern("instruction spread 0\\.\\d{3}   family spread 0\\.\\d{3}   family volume 0\\.\\d{3}")
        .contains("checker shapes: 2", "    3  check(file_text,equals)", "all(check(file_text,equals),check(file_text,not_contains))",
            "nearest neighbours", "mousepad.replace-word", "collapse: no")
        .doesNotContain("NEAR\n");
  }

  @Test
  void jsonParsesAndTheShippedPortsAreNearTheirOriginals() throws Exception {
    Cli r = Cli.run("diversity", "--json", "--shipped-families", "--app", "xterm,gnumeric");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = TaskJson.mapper().readTree(r.out());
    assertThat(root.get("model").asText()).isEqualTo("all-minilm-l6-v2-q");
    List<String> apps = new ArrayList<>();
    root.get("apps").forEach(a -> apps.add(a.get("app").asText()));
    assertThat(apps).containsExactly("gnumeric", "xterm");
    JsonNode xterm = root.get("apps").get(1);
    assertThat(xterm.get("families").asInt()).isEqualTo(8);
    assertThat(xterm.get("instruction_spread").asDouble()).isBetween(0.2, 1.0);
    assertThat(xterm.get("checker_shapes").size()).isEqualTo(4);
    assertThat(xterm.get("collapse").asText()).contains("have a near neighbour");
    for (JsonNode n : xterm.get("neighbours")) {
      String family = n.get("family").asText();
      if (family.endsWith(".data")) {
        assertThat(n.get("neighbour").asText()).isEqualTo(family.replace(".data", ""));
        assertThat(n.get("near").asBoolean()).as(family).isTrue();
      }
    }
  }

  @Test
  void statsAndDiversityReadTheBanksVerifiedTasks() throws Exception {
    Path fixture = dir.resolve("tasks.jsonl");
    try (InputStream in = BankCommandsTest.class.getResourceAsStream("tasks.jsonl")) {
      Files.copy(in, fixture);
    }
    Path bank = dir.resolve("bank.db");
    try (TaskBank b = TaskBank.open(bank)) {
      TaskValidator.get().readFile(fixture).stream().map(TaskSpec::withContentId).forEach(b::record);
    }
    Cli stats = Cli.run("stats", "--bank", bank.toString());
    assertThat(stats.exit()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("diversity of the verified tasks by app").containsPattern("mousepad\\s+1 families,\\s+1 tasks,\\s+1 checker shapes");
    JsonNode json = TaskJson.mapper().readTree(Cli.run("stats", "--bank", bank.toString(), "--json").out());
    assertThat(json.get("diversity")).isNotEmpty();
    assertThat(json.get("diversity").get(0).has("checker_shapes")).isTrue();

    Cli r = Cli.run("diversity", "--bank", bank.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = TaskJson.mapper().readTree(r.out());
    assertThat(root.get("apps")).isNotEmpty();
    assertThat(root.get("apps").get(0).get("neighbours").get(0).get("origin").asText()).isEqualTo("bank");
  }

  @Test
  void helpExplainsTheFiguresAndAnUnknownAppIsUsage() {
    Cli help = Cli.run("diversity", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("instruction spread", "family volume", "checker shapes", "action kinds",
        "nearest neighbours", "NEAR", "collapse", "--bank", "--families", "--json", "Default: 32", "Default: 0.9");

    Cli unknown = Cli.run("diversity", "--app", "notepad");
    assertThat(unknown.exit()).isEqualTo(Deskforge.USAGE);
    assertThat(unknown.err()).contains("unknown app 'notepad'", "mousepad");
  }

  @Test
  void theGateRefusesAFamilyFileThatRepeatsABuiltInFamily() throws Exception {
    String port;
    try (InputStream in = DiversityCommandTest.class.getResourceAsStream("/io/deskforge/apps/xterm/families/write-file.family.json")) {
      port = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path files = Files.createDirectories(dir.resolve("proposed"));
    Files.writeString(files.resolve("copy.family.json"), port.replace("\"xterm.write-file.data\"", "\"xterm.write-file.copy\""));

    Cli refused = Cli.run("diversity", "--app", "xterm", "--families", files.toString());
    assertThat(refused.exit()).as(refused.err()).isEqualTo(Deskforge.FAILED);
    assertThat(refused.out()).contains("gate (the --families files against the other families):",
        "REFUSED xterm.write-file.copy is too close to xterm.write-file: instruction cosine");

    Cli json = Cli.run("diversity", "--app", "xterm", "--families", files.toString(), "--json");
    JsonNode gate = TaskJson.mapper().readTree(json.out()).get("gate");
    assertThat(gate).hasSize(1);
    assertThat(gate.get(0).get("too_close").asBoolean()).isTrue();
    assertThat(gate.get(0).get("neighbour").asText()).isEqualTo("xterm.write-file");
    assertThat(gate.get(0).get("cosine").asDouble()).isGreaterThan(0.9);
  }
}
