package io.deskforge.gym.action;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.action.Action;
import io.deskforge.task.json.TaskJson;
import java.util.ArrayList;
import java.util.List;

/** Reads a step body. (Deskforge's own schema only, until the computer-tool schemas land.) */
public final class ActionSchemas {
  private ActionSchemas() {}

  /** The env's screen and pointer, for validating coordinates and for actions without them. */
  public record Screen(int width, int height, int pointerX, int pointerY) {}

  public static ParsedStep parse(JsonNode body, Screen screen) {
    if (body == null || body.isNull()) throw new ActionException("", "the body is empty");
    List<GymCommand> out = new ArrayList<>();
    JsonNode list = body.has("actions") ? body.get("actions") : null;
    if (list != null) {
      for (int i = 0; i < list.size(); i++) out.add(command(list.get(i), "/actions/" + i));
    } else if (body.has("action") && body.get("action").isObject()) {
      out.add(command(body.get("action"), "/action"));
    } else {
      out.add(command(body, ""));
    }
    return new ParsedStep("deskforge", out);
  }

  public static String mappingTable() {
    return "| schema | action | deskforge |\n|---|---|---|\n";
  }

  private static GymCommand command(JsonNode node, String at) {
    String name = node.path("action").asText("");
    switch (name) {
      case "done":
        return new GymCommand.Terminate(true);
      case "fail":
        return new GymCommand.Terminate(false);
      case "screenshot":
        return new GymCommand.Observe("screenshot");
      default:
        try {
          return new GymCommand.Perform(TaskJson.mapper().treeToValue(node, Action.class));
        } catch (Exception e) {
          throw new ActionException(at, e.getMessage());
        }
    }
  }
}
