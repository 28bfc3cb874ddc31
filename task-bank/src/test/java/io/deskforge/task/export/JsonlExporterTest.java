package io.deskforge.task.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.task.SampleTasks;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskValidator;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlExporterTest {
  @TempDir Path dir;

  private TaskBank bankWithEvidence() throws Exception {
    TaskBank bank = TaskBank.open(dir.resolve("bank/tasks.db"));
    Path start = Files.write(dir.resolve("start.png"), new byte[] {7, 7});
    Path end = Files.write(dir.resolve("end.png"), new byte[] {8});
    for (TaskSpec t : SampleTasks.all()) bank.record(SampleTasks.verified(t, start.toString(), end.toString()));
    bank.record(SampleTasks.error(SampleTasks.replaceWord("broken"), "desktop died"));
    return bank;
  }

  @Test
  void oneVerifiedTaskPerLineReadingBackAsTheBanksTask() throws Exception {
    Path out = dir.resolve("export");
    try (TaskBank bank = bankWithEvidence()) {
      Export export = new JsonlExporter().exportVerified(bank, out);
      List<TaskSpec> read = TaskValidator.get().readFile(out.resolve("tasks.jsonl"));
      assertThat(export.tasks()).isEqualTo(read.size()).isEqualTo(SampleTasks.all().size());
      assertThat(export.files()).first().isEqualTo(Path.of("tasks.jsonl"));
      export.files().forEach(f -> assertThat(out.resolve(f)).isRegularFile());
      assertThat(Files.readAllLines(out.resolve("tasks.jsonl"))).hasSize(SampleTasks.all().size());
      for (TaskSpec t : read) {
        TaskSpec inBank = bank.get(t.id()).orElseThrow();
        assertThat(t.withAudit(null)).isEqualTo(inBank.withAudit(null));
        assertThat(t.audit().stages()).isEqualTo(inBank.audit().stages());
      }
    }
  }

  @Test
  void evidencePathsAreRelativeToTheJsonlFileAndTheFilesAreThere() throws Exception {
    Path out = dir.resolve("export");
    try (TaskBank bank = bankWithEvidence()) {
      new JsonlExporter().exportVerified(bank, out);
    }
    for (TaskSpec t : TaskValidator.get().readFile(out.resolve("tasks.jsonl"))) {
      assertThat(t.audit().evidence()).hasSize(2).allSatisfy(p -> {
        assertThat(p).startsWith("evidence/" + t.id() + "/");
        assertThat(Path.of(p).isAbsolute()).isFalse();
        assertThat(out.resolve(p)).isRegularFile();
      });
      assertThat(out.resolve(t.audit().evidence().getFirst())).hasBinaryContent(new byte[] {7, 7});
    }
  }

  @Test
  void exportingAgainReplacesTheFile() throws Exception {
    Path out = dir.resolve("export");
    try (TaskBank bank = bankWithEvidence()) {
      new JsonlExporter().exportVerified(bank, out);
      String first = Files.readString(out.resolve("tasks.jsonl"));
      new JsonlExporter().exportVerified(bank, out);
      assertThat(Files.readString(out.resolve("tasks.jsonl"))).isEqualTo(first);
    }
  }

  @Test
  void aMissingEvidenceFileFailsTheExportNamingIt() throws Exception {
    try (TaskBank bank = bankWithEvidence()) {
      TaskSpec t = bank.tasks(io.deskforge.task.spec.Verdict.VERIFIED).getFirst();
      Path gone = bank.evidenceFile(t.audit().evidence().getFirst());
      Files.delete(gone);
      assertThatThrownBy(() -> new JsonlExporter().exportVerified(bank, dir.resolve("export")))
          .hasMessageContaining(gone.toString()).hasMessageContaining("missing");
    }
  }

  @Test
  void formatsAreFoundByName() {
    assertThat(Exporter.of("jsonl", TestCatalog.INSTANCE)).isInstanceOf(JsonlExporter.class);
    assertThat(Exporter.of("osworld", TestCatalog.INSTANCE)).isInstanceOf(OsworldExporter.class);
    assertThat(Exporter.of("webarena", TestCatalog.INSTANCE)).isInstanceOf(WebArenaExporter.class);
    assertThat(Exporter.formats()).containsExactly("jsonl", "osworld", "webarena");
    assertThatThrownBy(() -> Exporter.of("browsergym", TestCatalog.INSTANCE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[jsonl, osworld, webarena]");
  }
}
