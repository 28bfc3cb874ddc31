package io.deskforge.gym.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.gym.action.ActionException;
import io.deskforge.gym.action.ActionSchemas;
import io.deskforge.gym.env.EnvRequest;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymException;
import io.deskforge.gym.env.Observation;
import io.deskforge.gym.env.TaskIndex;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gym over HTTP. Every route is in {@link #routes()}, top to bottom; errors become statuses in
 * {@link #status}, one place. Loopback by default; any other address needs a bearer token.
 *
 * <pre>
 *   GET    /health                      liveness and capacity
 *   GET    /openapi.json                this API, as OpenAPI 3.1
 *   GET    /v1/actions                  how the three action schemas map to deskforge's actions
 *   GET    /v1/tasks                    verified tasks (id, app, family, instruction, difficulty, split)
 *   POST   /v1/envs                     a fresh env from {task_id} or {family, seed}
 *   GET    /v1/envs/{id}                the env's state
 *   POST   /v1/envs/{id}/step           one step body in any schema
 *   POST   /v1/envs/{id}/evaluate       the checker's reward now, pass/fail per check
 *   POST   /v1/envs/{id}/reset          a new episode of the same task in a fresh desktop
 *   DELETE /v1/envs/{id}                end the episode, close the desktop
 *   GET    /v1/envs/{id}/screenshot.png the screen now
 *   GET    /v1/envs/{id}/browser        CDP and WebDriver endpoints of a web env, with the env's token
 *   POST   /reset, POST /step, GET /state  the same, OpenEnv-shaped
 * </pre>
 */
public final class GymServer implements AutoCloseable {
  /** Largest request body accepted (a step body is a few hundred bytes). */
  public static final long MAX_BODY_BYTES = 1 << 20;
  /** Seconds a client is told to wait when every env slot is taken. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final Gym gym;
  private final String token;
  private Javalin app;

  /** One route: method, path, handler. */
  record Route(String method, String path, Handler handler) {}

  public GymServer(Gym gym, String host, String token) {
    this.gym = gym;
    this.token = token == null || token.isBlank() ? null : token;
    if (this.token == null && !isLoopback(host)) {
      throw new IllegalArgumentException("--host " + host + " is reachable from other machines: give --token T "
          + "(clients send Authorization: Bearer T), or serve on 127.0.0.1");
    }
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/health", this::health),
        new Route("GET", "/openapi.json", this::openapi),
        new Route("GET", "/v1/actions", ctx -> ctx.contentType("text/markdown; charset=utf-8").result(ActionSchemas.mappingTable())),
        new Route("GET", "/v1/tasks", this::tasks),
        new Route("POST", "/v1/envs", this::create),
        new Route("GET", "/v1/envs/{id}", ctx -> json(ctx, Wire.state(gym.state(ctx.pathParam("id"))))),
        new Route("POST", "/v1/envs/{id}/step", ctx -> json(ctx, Wire.step(gym.step(ctx.pathParam("id"), body(ctx))))),
        new Route("POST", "/v1/envs/{id}/evaluate", ctx -> json(ctx, Wire.evaluation(gym.evaluate(ctx.pathParam("id"))))),
        new Route("POST", "/v1/envs/{id}/reset", ctx -> json(ctx, Wire.started(gym.reset(ctx.pathParam("id"))))),
        new Route("DELETE", "/v1/envs/{id}", this::delete),
        new Route("GET", "/v1/envs/{id}/screenshot.png", ctx -> ctx.contentType("image/png").result(gym.screenshot(ctx.pathParam("id")))),
        new Route("GET", "/v1/envs/{id}/browser", ctx -> json(ctx, Wire.browser(gym.browser(ctx.pathParam("id"))))),
        // OpenEnv-shaped: one env per call chain, named by env_id (or the only env alive)
        new Route("POST", "/reset", this::openEnvReset),
        new Route("POST", "/step", this::openEnvStep),
        new Route("GET", "/state", ctx -> json(ctx, Wire.state(gym.state(openEnvId(ctx.queryParam("env_id")))))));
  }

  /** "METHOD /path" of every route, for the test that holds the OpenAPI document to them. */
  public static List<String> routeNames() {
    return new GymServer(null, "127.0.0.1", null).routes().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  /** Starts serving on host:port (0 picks a free port). */
  public GymServer start(String host, int port) {
    app = Javalin.create(config -> {
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.jetty.host = host;
      config.jetty.port = port;
      config.startup.showJavalinBanner = false;
      config.routes.before(this::authorize);
      for (Route r : routes()) {
        switch (r.method()) {
          case "GET" -> config.routes.get(r.path(), r.handler());
          case "POST" -> config.routes.post(r.path(), r.handler());
          case "DELETE" -> config.routes.delete(r.path(), r.handler());
          default -> throw new IllegalStateException(r.method());
        }
      }
      config.routes.exception(Exception.class, (e, ctx) -> {
        int status = status(e);
        String field = e instanceof ActionException a ? a.field() : null;
        String message = status == 500 && !(e instanceof GymException) ? "internal error: " + e.getClass().getSimpleName() : e.getMessage();
        if (status == 500) System.err.println("deskforge gym: " + ctx.method() + " " + ctx.path() + ": " + e);
        if (status == 429) ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        ctx.status(status);
        json(ctx, Wire.error(status, message, field));
      });
      config.routes.error(404, "*", ctx -> {
        if (ctx.result() == null) json(ctx, Wire.error(404, "no route " + ctx.method() + " " + ctx.path(), null));
      });
    }).start();
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    if (app != null) app.stop();
  }

  // ------------------------------------------------------------------ errors: one place

  static int status(Exception e) {
    if (e instanceof GymException g) {
      return switch (g.kind()) {
        case BAD_REQUEST -> 400;
        case NOT_FOUND -> 404;
        case CONFLICT -> 409;
        case FULL -> 429;
        case UNAVAILABLE -> 503;
        case FAILED -> 500;
      };
    }
    if (e instanceof ActionException || e instanceof BadRequest) return 400;
    if (e instanceof Unauthorized) return 401;
    return 500;
  }

  /** A request the server itself refuses (unreadable JSON, a wrong field type). */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  static final class Unauthorized extends RuntimeException {
    Unauthorized(String message) {
      super(message);
    }
  }

  // ------------------------------------------------------------------ handlers

  private void authorize(Context ctx) {
    if (token == null) return;
    String given = ctx.header("Authorization");
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      throw new Unauthorized("send Authorization: Bearer <token>, the token the server was started with");
    }
  }

  private void health(Context ctx) {
    ObjectNode n = Wire.JSON.createObjectNode();
    n.put("status", "ok");
    n.put("provider", gym.providerName());
    n.put("envs", gym.size());
    n.put("max_envs", gym.config().maxEnvs());
    json(ctx, n);
  }

  private void openapi(Context ctx) throws Exception {
    try (InputStream in = GymServer.class.getResourceAsStream("openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  private void tasks(Context ctx) {
    TaskIndex.Query q = new TaskIndex.Query(ctx.queryParam("app"), ctx.queryParam("family"), ctx.queryParam("split"),
        ctx.queryParam("difficulty"), intParam(ctx.queryParam("limit"), "limit", 100));
    json(ctx, Wire.tasks(gym.tasks(q)));
  }

  private void create(Context ctx) {
    ctx.status(201);
    json(ctx, Wire.started(gym.create(envRequest(body(ctx)))));
  }

  private void delete(Context ctx) {
    gym.close(ctx.pathParam("id"));
    ctx.status(204);
  }

  private void openEnvReset(Context ctx) {
    JsonNode b = body(ctx);
    if (b.hasNonNull("env_id")) {
      json(ctx, openEnv(Wire.started(gym.reset(b.get("env_id").asText()))));
    } else {
      json(ctx, openEnv(Wire.started(gym.create(envRequest(b)))));
    }
  }

  private void openEnvStep(Context ctx) {
    JsonNode b = body(ctx);
    String id = openEnvId(b.hasNonNull("env_id") ? b.get("env_id").asText() : null);
    // the action alone, in whatever schema: OpenEnv's {"action": {...}} wrapper, or a flat body without our env_id
    JsonNode action;
    if (b.has("action") && b.get("action").isObject()) {
      action = b.get("action");
    } else {
      ObjectNode flat = b.deepCopy();
      flat.remove("env_id");
      action = flat;
    }
    json(ctx, Wire.step(gym.step(id, action)));
  }

  /** OpenEnv's reset answer: observation, reward, done (and our terminated/truncated), plus the env's id. */
  private static ObjectNode openEnv(ObjectNode started) {
    ObjectNode n = Wire.JSON.createObjectNode();
    n.set("observation", started.get("observation"));
    n.putNull("reward");
    n.put("done", false);
    n.put("terminated", false);
    n.put("truncated", false);
    ObjectNode info = n.putObject("info");
    started.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("observation")) info.set(f.getKey(), f.getValue());
    });
    n.put("env_id", started.get("env_id").asText());
    return n;
  }

  private String openEnvId(String given) {
    if (given != null) return given;
    var ids = gym.envIds();
    if (ids.size() == 1) return ids.iterator().next();
    throw new BadRequest("env_id: required when " + ids.size() + " envs are open");
  }

  // ------------------------------------------------------------------ request reading

  static EnvRequest envRequest(JsonNode b) {
    String taskId = text(b, "task_id");
    String family = text(b, "family");
    Long seed = null;
    if (b.hasNonNull("seed")) {
      if (!b.get("seed").canConvertToLong() || !b.get("seed").isIntegralNumber()) throw new BadRequest("seed: must be an integer");
      seed = b.get("seed").asLong();
    }
    Integer width = null, height = null;
    JsonNode res = b.get("resolution");
    if (res != null && !res.isNull()) {
      if (res.isArray() && res.size() == 2 && res.get(0).isInt() && res.get(1).isInt()) {
        width = res.get(0).asInt();
        height = res.get(1).asInt();
      } else if (res.isObject() && res.path("width").isInt() && res.path("height").isInt()) {
        width = res.get("width").asInt();
        height = res.get("height").asInt();
      } else {
        throw new BadRequest("resolution: give [width, height] or {\"width\": W, \"height\": H}");
      }
      if (width < 320 || height < 240 || width > 3840 || height > 2160) {
        throw new BadRequest("resolution: " + width + "x" + height + " is out of range (320x240 to 3840x2160)");
      }
    }
    Set<Observation.Part> parts = null;
    JsonNode obs = b.get("observation");
    if (obs != null && !obs.isNull()) {
      if (!obs.isArray()) throw new BadRequest("observation: give a list such as [\"screenshot\", \"accessibility\"]");
      parts = new LinkedHashSet<>();
      for (JsonNode p : obs) {
        try {
          parts.add(Observation.Part.of(p.asText()));
        } catch (IllegalArgumentException e) {
          throw new BadRequest(e.getMessage());
        }
      }
    }
    Integer maxSteps = null;
    if (b.hasNonNull("max_steps")) {
      if (!b.get("max_steps").isInt()) throw new BadRequest("max_steps: must be an integer");
      maxSteps = b.get("max_steps").asInt();
    }
    return new EnvRequest(taskId, family, seed, width, height, parts, maxSteps, text(b, "agent"));
  }

  private static String text(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw new BadRequest(field + ": must be a string");
    return v.asText();
  }

  static JsonNode body(Context ctx) {
    String raw = ctx.body();
    if (raw.isBlank()) return Wire.JSON.createObjectNode();
    try {
      return Wire.JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static int intParam(String v, String name, int dflt) {
    if (v == null) return dflt;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadRequest(name + ": must be an integer, got '" + v + "'");
    }
  }

  private static void json(Context ctx, JsonNode n) {
    ctx.contentType("application/json").result(n.toString());
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--host " + host + ": unknown host", e);
    }
  }
}
