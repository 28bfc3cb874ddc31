package io.deskforge.task.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  @JsonSubTypes.Type(value = SetupStep.Page.class, name = "page"),
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

  /**
   * Drives the running browser of the task's apps from the privileged side, over its DevTools
   * Protocol, as a Playwright script would: {@code cookies} set for {@code url}, then {@code url}
   * opened in the active tab and waited for until loaded, {@code localStorage} set on its origin (and
   * the page loaded again, so that its scripts read them), each field of {@code fill} filled in order
   * (CSS selector to value), {@code click} clicked, and {@code waitFor} (a CSS selector) waited for.
   * It runs after the browser is launched: what a person did before the task starts, such as
   * logging in (MediaWiki: {@code #wpName1}, {@code #wpPassword1}, click {@code #wpLoginAttempt},
   * wait for {@code #pt-userpage}) or opening the start page.
   *
   * <p>Every value it fills or sets is privileged (a password, a session token): the agent never
   * sees it, the static audit rejects an instruction that states one, and {@link #toString} shows
   * only its length, so error messages and logs do not carry it.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Page(String url, Map<String, String> fill, String click, String waitFor, Map<String, String> localStorage,
      Map<String, String> cookies) implements SetupStep {
    public Page {
      fill = ordered(fill);
      localStorage = ordered(localStorage);
      cookies = ordered(cookies);
    }

    /** Opens a page and waits until it has loaded. */
    public static Page open(String url, String waitFor) {
      return new Page(url, null, null, waitFor, null, null);
    }

    /** Fills a form on the page (selector to value, in order), clicks a button and waits for what it leads to. */
    public static Page form(String url, Map<String, String> fill, String click, String waitFor) {
      return new Page(url, fill, click, waitFor, null, null);
    }

    /** Whether it does more than open a page: fills, clicks or sets state a browser keeps. */
    public boolean interacts() {
      return !fill.isEmpty() || click != null || !localStorage.isEmpty() || !cookies.isEmpty();
    }

    /** The privileged values it fills or sets. */
    public List<String> values() {
      List<String> out = new java.util.ArrayList<>(fill.values());
      out.addAll(localStorage.values());
      out.addAll(cookies.values());
      return out;
    }

    private static Map<String, String> ordered(Map<String, String> m) {
      return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    @Override
    public String toString() {
      return "Page[url=" + url + ", fill=" + masked(fill) + ", click=" + click + ", waitFor=" + waitFor
          + ", localStorage=" + masked(localStorage) + ", cookies=" + masked(cookies) + "]";
    }

    private static String masked(Map<String, String> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append("=<").append(v == null ? 0 : v.length()).append(" chars>"));
      return b.append('}').toString();
    }
  }
}
