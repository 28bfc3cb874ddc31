package io.deskforge.task.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One typed step that prepares a desktop before the agent sees it. Steps are data, not code: the
 * static auditor can tell exactly what a task sets up. Paths are absolute inside the desktop; the
 * desktop user's home is {@code /home/user}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SetupStep.WriteFile.class, name = "write_file"),
  @JsonSubTypes.Type(value = SetupStep.MakeDir.class, name = "make_dir"),
  @JsonSubTypes.Type(value = SetupStep.WriteSpreadsheet.class, name = "write_spreadsheet"),
  @JsonSubTypes.Type(value = SetupStep.WriteDocument.class, name = "write_document"),
  @JsonSubTypes.Type(value = SetupStep.Run.class, name = "run"),
  @JsonSubTypes.Type(value = SetupStep.Launch.class, name = "launch"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface SetupStep {

  /** Writes a text file owned by the desktop user. */
  record WriteFile(String path, String text) implements SetupStep {}

  record MakeDir(String path) implements SetupStep {}

  /**
   * Writes a spreadsheet whose format follows the file extension (.gnumeric, .xlsx, .ods, .csv).
   * Each cell is a literal value or a formula starting with '='.
   */
  record WriteSpreadsheet(String path, List<List<String>> rows) implements SetupStep {}

  /**
   * Writes a document (a text document, a presentation, a workbook with styles) from a
   * description the format that claims the file's extension reads: each format documents the
   * content it takes ({@code {"paragraphs": [...]}}, {@code {"slides": [...]}}), so a new format
   * needs no new step. The file is the desktop user's.
   */
  record WriteDocument(String path, JsonNode content) implements SetupStep {}

  /** Runs a command in the desktop, as the desktop user unless {@code asRoot}. */
  record Run(List<String> command, boolean asRoot) implements SetupStep {}

  /** Launches an application of the catalog with arguments and waits until it is ready. */
  record Launch(String app, List<String> args) implements SetupStep {
    public Launch {
      args = args == null ? List.of() : List.copyOf(args);
    }
  }
}
