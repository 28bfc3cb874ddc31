package io.deskforge.apps.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.family.FamilyFileException.Problem;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Family files: the shipped ones load and draw like families; broken ones fail naming the file and the field. */
class FamilyFilesTest {
  static final String TYPE_TEXT = "/io/deskforge/apps/mousepad/families/type-text.family.json";

  @Test
  void theShippedFamiliesLoadAndDrawTwentyDistinctTasksWithTheDataProvenance() {
    List<DataFamily> families = FamilyFiles.shipped();
    assertThat(families).extracting(DataFamily::id).containsExactlyInAnyOrder(
        "gnumeric.enter-value.data", "mousepad.append-line.data", "mousepad.type-text.data",
        "xterm.count-lines.data", "xterm.make-directory.data", "xterm.rename-file.data", "xterm.write-file.data");
    for (DataFamily f : families) {
      Set<String> ids = new HashSet<>();
      for (long seed = 0; seed < 20; seed++) {
        TaskSpec t = f.sample(seed);
        ids.add(t.id());
        assertThat(t.family()).isEqualTo(f.id());
        assertThat(t.id()).startsWith(f.id() + "-").isEqualTo(t.withContentId().id());
        assertThat(t.provenance().creator()).isEqualTo(DataFamily.CREATOR);
        assertThat(t.provenance().versions()).containsEntry("family", f.hash());
        assertThat(t.negatives().get(0).name()).isEqualTo("no-op");
        assertThat(t.instruction()).doesNotContain("{");
        assertThat(f.sample(seed)).as("same seed, same task").isEqualTo(t);
      }
      assertThat(ids).as(f.id()).hasSize(20);
    }
  }

  @Test
  void aSlotThatNamesNoParameterIsNamedWithItsPointer() {
    List<Problem> p = problems(f -> ((com.fasterxml.jackson.databind.node.ArrayNode) f.get("phrasings")).set(1,
        com.fasterxml.jackson.databind.node.TextNode.valueOf("Type {txet} into {file}.")));
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.file()).isEqualTo("bad.family.json");
      assertThat(x.pointer()).isEqualTo("/phrasings/1");
      assertThat(x.message()).contains("{txet} is not a parameter");
    });
    assertThat(problems(f -> ((ObjectNode) f.get("parameters").get(2)).put("args", (String) null).putArray("args").add("{later}")))
        .singleElement().satisfies(x -> {
          assertThat(x.pointer()).isEqualTo("/parameters/2/args/0");
          assertThat(x.message()).contains("not a parameter declared before this one");
        });
  }

  @Test
  void anUnknownGetterTypeIsNamedWithItsPointer() {
    List<Problem> p = problems(f -> ((ObjectNode) f.get("checker").get("getter")).put("type", "shell_output"));
    assertThat(p).isNotEmpty().allSatisfy(x -> assertThat(x.file()).isEqualTo("bad.family.json"));
    assertThat(p).anySatisfy(x -> {
      assertThat(x.pointer()).isEqualTo("/checker/getter/type");
      assertThat(x.message()).contains("file_text");
    });
  }

  @Test
  void aMissingFieldIsNamedWithItsPointer() {
    assertThat(problems(f -> ((ObjectNode) f).remove("checker"))).singleElement().satisfies(x -> {
      assertThat(x.pointer()).isEqualTo("/checker");
      assertThat(x.message()).isEqualTo("is required but missing");
    });
    assertThat(problems(f -> ((ObjectNode) f.get("setup").get(0)).remove("path"))).anySatisfy(x ->
        assertThat(x.pointer()).isEqualTo("/setup/0/path"));
  }

  @Test
  void aGeneratorOutsideTheAllowedListIsNamedWithItsPointer() {
    List<Problem> p = problems(f -> ((ObjectNode) f.get("parameters").get(4)).put("gen", "python"));
    assertThat(p).anySatisfy(x -> {
      assertThat(x.pointer()).isEqualTo("/parameters/4/gen");
      assertThat(x.message()).contains("file_stem").contains("derive");
    });
    assertThat(problems(f -> ((ObjectNode) f.get("setup").get(0)).put("type", "run")))
        .anySatisfy(x -> assertThat(x.pointer()).isEqualTo("/setup/0/type"));
  }

  @Test
  void aTemplateThatFillsAnInvalidTaskFailsAtLoadNamingTheFile() {
    List<Problem> p = problems(f -> ((ObjectNode) f.get("checker").get("getter")).put("path", "notes-{stem}.txt"));
    assertThat(p).isNotEmpty().allSatisfy(x -> assertThat(x.toString()).startsWith("bad.family.json: "));
    assertThat(p.toString()).contains("path");
  }

  @Test
  void aFolderIsSearchedAndEveryBadFileIsReportedWithoutAStackTrace(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("good.family.json"), resource(TYPE_TEXT));
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/broken.family.json"), "{\"family\": \"x.y\",");
    Files.writeString(dir.resolve("notes.json"), "not a family");
    assertThatThrownBy(() -> FamilyFiles.load(List.of(dir)))
        .isInstanceOf(FamilyFileException.class)
        .hasMessageStartingWith(dir.resolve("sub/broken.family.json") + ": malformed JSON (line 1");
    Files.delete(dir.resolve("sub/broken.family.json"));
    assertThat(FamilyFiles.load(List.of(dir))).extracting(DataFamily::id).containsExactly("mousepad.type-text.data");
    assertThatThrownBy(() -> FamilyFiles.load(List.of(dir.resolve("missing"))))
        .hasMessage(dir.resolve("missing") + ": no such file or folder");
  }

  @Test
  void aFamilyMayReadAnAppsStructuredStateWithTheJsonAndSqliteGetters() {
    // the type-text family checking a JSON settings file instead: the schema takes the getter, and a draw binds it
    assertThat(problems(f -> ((ObjectNode) f.get("checker")).putObject("getter").put("type", "json_value").put("path", "{path}")
        .put("pointer", "/homepage"))).isEmpty();
    assertThat(problems(f -> ((ObjectNode) f.get("checker")).putObject("getter").put("type", "sqlite_query").put("path", "{path}")
        .put("query", "SELECT url FROM urls"))).isEmpty();
    List<Problem> noPointer = problems(f -> ((ObjectNode) f.get("checker")).putObject("getter").put("type", "json_value").put("path", "{path}"));
    assertThat(noPointer.toString()).contains("/checker/getter/pointer: is required but missing");
  }

  private static List<Problem> problems(Consumer<JsonNode> breakIt) {
    try {
      JsonNode f = TaskJson.mapper().readTree(resource(TYPE_TEXT));
      breakIt.accept(f);
      return FamilyFiles.problems(TaskJson.mapper().writeValueAsString(f), "bad.family.json");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = FamilyFilesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
