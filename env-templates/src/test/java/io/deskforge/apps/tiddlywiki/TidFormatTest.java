package io.deskforge.apps.tiddlywiki;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.check.HostSavedState;
import io.deskforge.task.check.Reading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiddlers as TiddlyWiki 5.4.1's filesystem adaptor saves them (the file below was saved by it, its time stamps later than setup's). */
class TidFormatTest {
  static final String SAVED = """
      created: 20260102090000000
      modified: 20261204093422069
      tags: Food [[Team Days]] Urgent
      title: Team Lunch
      type: text/vnd.tiddlywiki

      Lunch is at noon.
      Bring a plate.""";

  @TempDir Path home;
  final TidFormat format = new TidFormat();

  private String write(String name, String text) throws Exception {
    Path file = home.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void readsTheTextTheTagsTheTitleAndAnyFieldOfASavedTiddler() throws Exception {
    String path = write("Team Lunch.tid", SAVED);
    var state = new HostSavedState(home);
    assertThat(format.query(state, path, "text").text()).isEqualTo("Lunch is at noon.\nBring a plate.");
    assertThat(format.query(state, path, "tags").items()).containsExactly("Food", "Team Days", "Urgent");
    assertThat(format.query(state, path, "title").text()).isEqualTo("Team Lunch");
    assertThat(format.query(state, path, "field type").text()).isEqualTo("text/vnd.tiddlywiki");
    assertThat(format.query(state, path, "field color").present()).isFalse();
  }

  @Test
  void aSeededTiddlerIsWrittenAsTiddlyWikiWritesIt() {
    Tiddler t = Tiddler.of("Team Lunch", List.of("Food", "Team Days"), "Lunch is at noon.");
    assertThat(t.tid()).isEqualTo("""
        created: 20260102090000000
        modified: 20260102090000000
        tags: Food [[Team Days]]
        title: Team Lunch
        type: text/vnd.tiddlywiki

        Lunch is at noon.""");
    assertThat(Tiddler.parse(t.tid().getBytes(StandardCharsets.UTF_8), "x.tid")).isEqualTo(t);
  }

  @Test
  void aWriteDocumentStepStagesTheTiddlerAndMovesItIntoPlace() throws Exception {
    var content = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        "{\"title\": \"Team Lunch\", \"tags\": [\"Food\", \"Team Days\"], \"text\": \"Lunch is at noon.\"}");
    var plan = format.contentPlan("/home/user/wiki/tiddlers/Team Lunch.tid", content, "/run/scratch");
    assertThat(plan.files()).containsExactly(java.util.Map.entry("/run/scratch/tiddler.tid",
        Tiddler.of("Team Lunch", List.of("Food", "Team Days"), "Lunch is at noon.").tid()));
    assertThat(plan.commands()).singleElement().satisfies(c -> assertThat(c).endsWith("/run/scratch/tiddler.tid",
        "/home/user/wiki/tiddlers/Team Lunch.tid"));
    var untitled = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"text\": \"x\"}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> format.contentPlan("/home/user/wiki/tiddlers/x.tid", untitled, "/run/s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no title");
  }

  @Test
  void aFileThatIsNoTiddlerOrAQueryItDoesNotKnowReadsAsUnreadable() throws Exception {
    String garbage = write("garbage.tid", "just some words\nwithout a header\n");
    String untitled = write("untitled.tid", "tags: A\n\ntext");
    String path = write("Team Lunch.tid", SAVED);
    var state = new HostSavedState(home);
    assertThat(format.query(state, garbage, "text").unreadable()).contains("no .tid file");
    assertThat(format.query(state, untitled, "text").unreadable()).contains("no title field");
    assertThat(format.query(state, path, "body").unreadable()).contains("text, tags, title or field NAME");
    assertThat(format.queryProblem("field Bad Name")).isPresent();
  }

  @Test
  void theFingerprintIgnoresWhatASaveStampsAndSeesWhatAPersonSees() throws Exception {
    var state = new HostSavedState(home);
    String a = write("a.tid", SAVED);
    String b = write("b.tid", SAVED.replace("modified: 20261204093422069", "modified: 20270101000000000"));
    String c = write("c.tid", SAVED.replace("Bring a plate.", "Bring two plates."));
    assertThat(format.fingerprint(state, a)).isEqualTo(format.fingerprint(state, b)).isNotEqualTo(format.fingerprint(state, c));
  }

  @Test
  void everyMutationChangesWhatItsQueryReads() throws Exception {
    var state = new HostSavedState(home);
    for (String query : List.of("text", "tags", "title", "field type")) {
      String path = write("m.tid", SAVED);
      Reading before = format.query(state, path, query);
      assertThat(format.mutations(path, query)).as(query).isNotEmpty().allSatisfy(m -> {
        Files.writeString(Path.of(path), SAVED);
        m.apply().accept(state);
        assertThat(format.query(state, path, query)).as(query + " after " + m.name()).isNotEqualTo(before);
      });
    }
  }

  /**
   * The OSWorld export's VM reader (vm_reader.py's Tid, on Debian's python3) reads every query of
   * saved, odd and broken tiddlers, and of each mutation, exactly as this format does.
   */
  @Test
  void theVmReaderReadsEveryTiddlerAsThisFormatDoes() throws Exception {
    java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("saved", SAVED.getBytes(StandardCharsets.UTF_8));
    files.put("crlf", SAVED.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    files.put("bom", "\uFEFFtitle: First\r\ntags: A\r\n\r\ntext".getBytes(StandardCharsets.UTF_8));
    files.put("no-text", "title: Empty\ntags: A".getBytes(StandardCharsets.UTF_8));
    files.put("odd-tags", ("title: Odd\ntags:  [[Team  Days]]\u2003A\tA [[unclosed B\ncolor :  red \u00A0\n\n"
        + "\n text with a blank line first\r").getBytes(StandardCharsets.UTF_8));
    files.put("repeated-field", "title: One\ntitle: Two\n\nx".getBytes(StandardCharsets.UTF_8));
    files.put("not-utf8", new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xC3, '(', '\n', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'z'});
    files.put("no-header", "just some words\nwithout a header\n".getBytes(StandardCharsets.UTF_8));
    files.put("untitled", "tags: A\n\ntext".getBytes(StandardCharsets.UTF_8));
    files.put("colon-first", ":x: y\ntitle: T\n\nz".getBytes(StandardCharsets.UTF_8));
    files.put("empty", new byte[0]);
    List<String> queries = List.of("text", "tags", "title", "field type", "field color", "field tags");
    var state = new HostSavedState(home);
    List<String> wrong = new java.util.ArrayList<>();
    try (var vm = new io.deskforge.apps.osworld.VmDocumentReader()) {
      assertThat(queries).allSatisfy(q -> assertThat(vm.reader("/x/a.tid", q)).as(q).isPresent());
      for (var f : files.entrySet()) {
        Path file = home.resolve(f.getKey() + ".tid");
        Files.write(file, f.getValue());
        wrong.addAll(vm.disagreements(f.getKey(), file, file.toString(), queries, q -> format.query(state, file.toString(), q)));
      }
      Path saved = home.resolve("saved.tid");
      for (String q : List.of("text", "tags", "title", "field type")) {
        for (var m : format.mutations(saved.toString(), q)) {
          Files.write(saved, files.get("saved"));
          m.apply().accept(state);
          wrong.addAll(vm.disagreements(m.name(), saved, saved.toString(), queries, x -> format.query(state, saved.toString(), x)));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
