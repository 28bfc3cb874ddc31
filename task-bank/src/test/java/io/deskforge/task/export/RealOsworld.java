package io.deskforge.task.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.json.TaskJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * OSWorld's real task files (the vendored evalsets/osworld, read-only), the reference the export
 * is checked against.
 */
final class RealOsworld {
  private RealOsworld() {}

  static Path folder() {
    return PublicEvalSets.osworld();
  }

  /** Every task file under examples/, parsed. */
  static List<JsonNode> examples() {
    try (Stream<Path> files = Files.walk(folder().resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().map(RealOsworld::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode testAll() {
    return read(folder().resolve("test_all.json"));
  }

  static JsonNode parse(String json) {
    try {
      return TaskJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + json, e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return TaskJson.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }
}
