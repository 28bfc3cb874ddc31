package io.deskforge.task.check;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads structured state files an app keeps (JSON settings, SQLite databases) from their bytes, as
 * the {@code json_value} and {@code sqlite_query} getters do. What cannot be parsed reads as
 * unreadable, so a check on it fails closed. Pure functions of the bytes, kept beside the checker:
 * the desktops' getters call them, and the OSWorld export's VM reader is tested against them.
 */
public final class StateFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StateFiles() {}

  /** The value at the pointer of a JSON document; see {@link io.deskforge.task.spec.Getter.JsonValue}. */
  public static Reading json(byte[] bytes, String pointer) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      return Reading.unreadable("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null) return Reading.unreadable("an empty JSON file");
    JsonPointer at;
    try {
      at = JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      return Reading.unreadable("not a JSON pointer: '" + pointer + "'");
    }
    JsonNode node = root.at(at);
    if (node.isMissingNode() || node.isNull()) return Reading.absent();
    if (node.isBoolean()) return Reading.flag(node.booleanValue());
    if (node.isTextual()) return Reading.text(node.textValue());
    if (node.isNumber()) return Reading.text(node.asText());
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode e : node) items.add(e.isTextual() ? e.textValue() : e.toString());
      return Reading.items(items);
    }
    return Reading.text(node.toString());
  }

  /** The rows of a read-only query on a copy of a SQLite file; see {@link io.deskforge.task.spec.Getter.SqliteQuery}. */
  public static Reading sqlite(byte[] bytes, byte[] wal, String query) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("deskforge-sqlite-");
      Path db = dir.resolve("state.db");
      Files.write(db, bytes);
      if (wal != null) Files.write(dir.resolve("state.db-wal"), wal);
      Properties props = new Properties();
      props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, props);
          Statement s = c.createStatement()) {
        s.setQueryTimeout(10);
        try (ResultSet rs = s.executeQuery(query)) {
          int n = rs.getMetaData().getColumnCount();
          List<List<String>> rows = new ArrayList<>();
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) row.add(rs.getString(i) == null ? "" : rs.getString(i));
            rows.add(row);
          }
          return n == 1 ? Reading.items(rows.stream().map(r -> r.get(0)).toList()) : Reading.rows(rows);
        }
      }
    } catch (SQLException e) {
      return Reading.unreadable("SQLite could not answer '" + query + "': " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }

  /**
   * A JSON document with the value the first of {@code pointers} reads, when that value is
   * {@code value} (a string, or a number as its JSON text), replaced by {@code replacement} of the
   * same kind; empty when no pointer reads it or the text is no JSON. Checker mutations use it to
   * change the value a {@code json_value} getter reads rather than the first place its text occurs:
   * a setting such as 2 occurs in many numbers of a browser's Preferences.
   */
  public static java.util.Optional<String> withJsonValueReplaced(String json, List<String> pointers, String value, String replacement) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    if (root == null) return java.util.Optional.empty();
    for (String pointer : pointers) {
      JsonPointer at;
      try {
        at = JsonPointer.compile(pointer);
      } catch (IllegalArgumentException e) {
        continue;
      }
      JsonNode node = root.at(at);
      boolean text = node.isTextual() && node.textValue().equals(value);
      boolean number = node.isNumber() && node.asText().equals(value);
      if (!text && !number || at.head() == null) continue;
      JsonNode newValue;
      try {
        newValue = text ? JSON.getNodeFactory().textNode(replacement) : JSON.getNodeFactory().numberNode(new java.math.BigDecimal(replacement));
      } catch (NumberFormatException e) {
        newValue = JSON.getNodeFactory().textNode(replacement);
      }
      JsonNode parent = root.at(at.head());
      if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode o) o.set(at.last().getMatchingProperty(), newValue);
      else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) a.set(at.last().getMatchingIndex(), newValue);
      else continue;
      return java.util.Optional.of(root.toString());
    }
    return java.util.Optional.empty();
  }
}
