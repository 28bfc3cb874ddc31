package io.deskforge.task.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.deskforge.task.spec.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one JSON configuration of deskforge's data: snake_case names, unknown fields rejected. */
public final class TaskJson {
  private TaskJson() {}

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private static final ObjectMapper CANONICAL = MAPPER.copy()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static String writePretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<java.util.List<io.deskforge.task.action.Action>> ACTIONS =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  /**
   * A list of actions as JSON, each with its name: written with the list's element type, which a
   * plain {@link #write} of a {@code List} loses to erasure.
   */
  public static String writeActions(java.util.List<io.deskforge.task.action.Action> actions) {
    try {
      return MAPPER.writerFor(ACTIONS).writeValueAsString(actions);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write actions as JSON", e);
    }
  }

  /** {@link #writeActions} as a tree. */
  public static JsonNode actionsTree(java.util.List<io.deskforge.task.action.Action> actions) {
    try {
      return MAPPER.readTree(writeActions(actions));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads what {@link #writeActions} wrote. */
  public static java.util.List<io.deskforge.task.action.Action> readActions(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, ACTIONS);
  }

  /** family-hash: 16 hex digits of SHA-256 over the canonical JSON of the task's content. */
  public static String contentId(TaskSpec task) {
    TaskSpec content = task.withId(null).withAudit(null).withProvenance(null);
    try {
      byte[] canonical = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
      String family = task.family() == null ? "task" : task.family();
      return family + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash task " + task.family(), e);
    }
  }
}
