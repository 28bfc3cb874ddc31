package io.deskforge.gym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.gym.action.ActionSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The documents that describe the gym say what the code does. */
class AgentGymReadmeTest {

  @Test
  void theReadmesMappingTableIsTheOneTheCodeMaps() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int begin = readme.indexOf("<!-- mapping table: begin -->\n");
    int end = readme.indexOf("<!-- mapping table: end -->");
    assertThat(begin).as("the README marks its mapping table").isNotNegative();
    assertThat(readme.substring(begin + "<!-- mapping table: begin -->\n".length(), end)).isEqualTo(ActionSchemas.mappingTable());
  }

  @Test
  void theOpenApiDocumentHasEveryRouteAndNoOther() throws Exception {
    JsonNode doc;
    try (var in = io.deskforge.gym.server.GymServer.class.getResourceAsStream("openapi.json")) {
      doc = Http.JSON.readTree(in);
    }
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    Set<String> served = new TreeSet<>(io.deskforge.gym.server.GymServer.routeNames());
    assertThat(documented).isEqualTo(served);
  }
}
