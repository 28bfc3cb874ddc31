package io.deskforge.creator.llm;

import io.deskforge.model.ScriptedChat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.creator.pipeline.Pipeline;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Family replies and pipelines the LLM creator's tests share, and the command line's tests of `create`. */
public final class Fixtures {
  public static final String MODEL = "test-model";
  static final AppCatalog CATALOG = AppCatalog.load();
  public static final String NEW_ID = "mousepad.append-line.llm";

  private Fixtures() {}

  /** The shipped append-line port under a new id: a family whose tasks verify. */
  public static String goodFamily() throws Exception {
    ObjectNode f = appendLine();
    return TaskJson.write(f);
  }

  /** The same family, but its instruction gives away the expected file content: the static audit's leak scan rejects it. */
  public static String leakingFamily() throws Exception {
    ObjectNode f = appendLine();
    f.putArray("phrasings").add("Make {file} read exactly this, then save: {expected}");
    return TaskJson.write(f);
  }

  /** A family object with a field the schema does not know. */
  public static String unknownFieldFamily() throws Exception {
    ObjectNode f = appendLine();
    f.put("difficulty_level", 3);
    return TaskJson.write(f);
  }

  private static ObjectNode appendLine() throws Exception {
    try (InputStream in = Fixtures.class.getResourceAsStream("/io/deskforge/apps/mousepad/families/append-line.family.json")) {
      ObjectNode f = (ObjectNode) TaskJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      f.remove("$schema");
      f.put("family", NEW_ID);
      f.put("description", "append a given line at the end of a text file, then save");
      return f;
    }
  }

  public static LlmConfig.Builder config(ScriptedChat chat) {
    return LlmConfig.builder(chat.baseUrl(), MODEL).maxRetries(0).seeds(1).inputUsdPer1M(2.5).outputUsdPer1M(10);
  }

  /**
   * The real pipeline (static audit, replay auditor, bank); {@code provider} with {@code workRoot}
   * for the desktops. Tests without a desktop give a work root inside a regular file, so a replay
   * could only fail as infrastructure; they never reach one.
   */
  public static Pipeline pipeline(TaskBank bank, DesktopProvider provider, Path workRoot) {
    ReplayAuditor replay = new ReplayAuditor(provider, CATALOG, b -> b.workRoot(workRoot));
    Path staging = Pipeline.stagingFolder(bank.file());
    return new Pipeline(bank, new TaskAuditor(new StaticAuditor(CATALOG), List.of(), replay, staging), staging);
  }

  static Path notAFolder(Path dir) throws Exception {
    return Files.writeString(dir.resolve("not-a-folder"), "no desktop in this test").resolve("desktops");
  }

  /** {@code shared/gdp} (O*NET and BLS files) in the nearest folder above the working directory that has one, else null. */
  public static Path sharedGdp() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path gdp = p.resolve("shared/gdp");
      if (Files.isDirectory(gdp.resolve("onet"))) return gdp;
    }
    return null;
  }

  /** The text of every message of one recorded request, joined. */
  public static String text(JsonNode request) {
    StringBuilder b = new StringBuilder();
    for (JsonNode m : request.get("messages")) {
      JsonNode c = m.get("content");
      if (c.isTextual()) b.append(c.asText()).append('\n');
      else for (JsonNode part : c) if (part.has("text")) b.append(part.get("text").asText()).append('\n');
    }
    return b.toString();
  }

  /** The last message of one recorded request. */
  public static String last(JsonNode request) {
    JsonNode messages = request.get("messages");
    JsonNode c = messages.get(messages.size() - 1).get("content");
    return c.isTextual() ? c.asText() : c.toString();
  }
}
