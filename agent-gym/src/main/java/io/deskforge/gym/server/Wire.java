package io.deskforge.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.gym.env.Evaluation;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.Observation;
import io.deskforge.gym.env.StepResult;
import io.deskforge.gym.env.TaskIndex;
import io.deskforge.task.json.TaskJson;
import java.util.Base64;
import java.util.List;

/**
 * The JSON the server sends: built field by field from public values only (ids, the instruction,
 * observations, rewards, pass/fail per checker leaf), never by serializing a task, so nothing
 * privileged can ride along.
 */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();

  private Wire() {}

  static ObjectNode observation(Observation o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("width", o.width());
    n.put("height", o.height());
    if (o.screenshotPng() != null) n.put("screenshot", Base64.getEncoder().encodeToString(o.screenshotPng()));
    n.putArray("cursor").add(o.cursor()[0]).add(o.cursor()[1]);
    if (o.windows() != null) {
      ArrayNode ws = n.putArray("windows");
      o.windows().forEach(w -> ws.addObject().put("title", w.title()).put("class", w.windowClass()).put("x", w.x()).put("y", w.y())
          .put("width", w.width()).put("height", w.height()).put("focused", w.focused()));
    }
    if (o.accessibility() != null) n.set("accessibility", JSON.valueToTree(o.accessibility()));
    return n;
  }

  /** The env's browser endpoints and its token, with the header clients send it in. */
  static ObjectNode browser(Gym.BrowserAccess b) {
    ObjectNode n = JSON.createObjectNode();
    n.put("cdp_url", b.cdpUrl());
    n.put("webdriver_url", b.webDriverUrl());
    n.put("token", b.token());
    n.putObject("headers").put("Authorization", "Bearer " + b.token());
    return n;
  }

  static ObjectNode started(Gym.Started s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("env_id", s.envId());
    n.put("task_id", s.taskId());
    n.put("instruction", s.instruction());
    n.put("max_steps", s.maxSteps());
    n.put("episode_id", s.episodeId());
    n.set("observation", observation(s.observation()));
    return n;
  }

  static ObjectNode step(StepResult r) {
    ObjectNode n = JSON.createObjectNode();
    n.set("observation", observation(r.observation()));
    n.put("reward", r.reward());
    n.put("terminated", r.terminated());
    n.put("truncated", r.truncated());
    n.put("done", r.terminated() || r.truncated()); // OpenEnv's name for either
    ObjectNode info = n.putObject("info");
    info.put("step", r.step());
    info.put("max_steps", r.maxSteps());
    info.put("schema", r.schema());
    info.put("status", r.status());
    info.set("actions", TaskJson.actionsTree(r.actions()));
    if (r.zoomPng() != null) info.put("zoom", Base64.getEncoder().encodeToString(r.zoomPng()));
    if (r.evaluation() != null) info.set("evaluation", evaluation(r.evaluation()));
    return n;
  }

  static ObjectNode evaluation(Evaluation e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("reward", e.reward());
    n.put("passed", e.passed());
    ArrayNode leaves = n.putArray("checks");
    e.leaves().forEach(l -> leaves.addObject().put("index", l.index()).put("getter", l.getter()).put("metric", l.metric()).put("passed", l.passed()));
    return n;
  }

  static ObjectNode state(Gym.EnvState s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("env_id", s.envId());
    n.put("task_id", s.taskId());
    n.put("instruction", s.instruction());
    n.put("episode_id", s.episodeId());
    n.put("step_count", s.step());
    n.put("max_steps", s.maxSteps());
    n.put("status", s.status());
    return n;
  }

  static ObjectNode tasks(List<TaskIndex.Card> cards) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode a = n.putArray("tasks");
    for (TaskIndex.Card c : cards) {
      a.addObject().put("id", c.id()).put("app", c.app()).put("family", c.family()).put("instruction", c.instruction())
          .put("difficulty", c.difficulty()).put("reference_steps", c.referenceSteps()).put("split", c.split());
    }
    n.put("count", cards.size());
    return n;
  }

  static ObjectNode error(int status, String message, String field) {
    ObjectNode n = JSON.createObjectNode();
    n.put("status", status);
    n.put("error", message);
    if (field != null) n.put("field", field);
    return n;
  }
}
