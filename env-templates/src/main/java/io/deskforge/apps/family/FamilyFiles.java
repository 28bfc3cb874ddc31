package io.deskforge.apps.family;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.deskforge.apps.family.FamilyFileException.Problem;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.json.TaskValidator;
import io.deskforge.task.spec.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads family files into {@link DataFamily DataFamilies}, or says exactly what is wrong with
 * them, each problem naming the file and the JSON pointer of the field: the JSON syntax, the
 * published schema ({@link #SCHEMA_RESOURCE}), that every {@code {slot}} names a parameter
 * declared before it, and a trial draw of a few seeds whose tasks must fill the task spec's schema
 * and rules. Files are {@code *.family.json}; a folder is searched recursively, in name order.
 */
public final class FamilyFiles {
  /** Where the family schema is published, on the classpath and under env-templates/src/main/resources. */
  public static final String SCHEMA_RESOURCE = "/io/deskforge/apps/family/family.schema.json";
  /** The ending of a family file's name. */
  public static final String SUFFIX = ".family.json";
  /** The family files shipped in this jar, one resource path a line. */
  static final String SHIPPED_INDEX = "/io/deskforge/apps/family/shipped-families.txt";
  /** Seeds drawn when a file is loaded, so that a broken template fails at load and not in the middle of a run. */
  static final int TRIAL_SEEDS = 3;

  private static final JsonSchema SCHEMA = loadSchema();
  private static final ObjectReader READER = TaskJson.mapper().readerFor(JsonNode.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private FamilyFiles() {}

  private static JsonSchema loadSchema() {
    try (InputStream in = FamilyFiles.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) throw new IllegalStateException("the family schema " + SCHEMA_RESOURCE + " is not on the classpath");
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
      schema.initializeValidators();
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the family schema " + SCHEMA_RESOURCE, e);
    }
  }

  /** The family of one file's text; {@code source} names it in problems. */
  public static DataFamily read(String json, String source) {
    List<Problem> problems = new ArrayList<>();
    DataFamily family = check(json, source, problems);
    if (!problems.isEmpty()) throw new FamilyFileException(problems);
    return family;
  }

  /** The problems of one file's text, none when it is a usable family. */
  public static List<Problem> problems(String json, String source) {
    List<Problem> problems = new ArrayList<>();
    check(json, source, problems);
    return problems;
  }

  /**
   * The families of these paths: a file, or a folder searched for {@code *.family.json}. Every
   * problem of every file is reported at once.
   */
  public static List<DataFamily> load(List<Path> paths) {
    List<Problem> problems = new ArrayList<>();
    List<DataFamily> out = new ArrayList<>();
    for (Path p : paths) {
      for (Path f : files(p, problems)) {
        String text;
        try {
          text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
          problems.add(new Problem(f.toString(), "", "cannot read: " + e.getMessage()));
          continue;
        }
        DataFamily family = check(text, f.toString(), problems);
        if (family != null) out.add(family);
      }
    }
    if (!problems.isEmpty()) throw new FamilyFileException(problems);
    return out;
  }

  /** The family files shipped in env-templates (the ports of Java families), from the classpath. */
  public static List<DataFamily> shipped() {
    List<DataFamily> out = new ArrayList<>();
    for (String resource : resourceLines(SHIPPED_INDEX)) out.add(read(resource(resource), resource.substring(1)));
    return out;
  }

  private static List<Path> files(Path p, List<Problem> problems) {
    if (Files.isRegularFile(p)) return List.of(p);
    if (!Files.isDirectory(p)) {
      problems.add(new Problem(p.toString(), "", "no such file or folder"));
      return List.of();
    }
    try (Stream<Path> s = Files.walk(p)) {
      List<Path> found = s.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
          .sorted(Comparator.comparing(Path::toString)).toList();
      if (found.isEmpty()) problems.add(new Problem(p.toString(), "", "no *" + SUFFIX + " file in this folder"));
      return found;
    } catch (IOException | UncheckedIOException e) {
      problems.add(new Problem(p.toString(), "", "cannot list: " + e.getMessage()));
      return List.of();
    }
  }

  private static DataFamily check(String json, String source, List<Problem> problems) {
    JsonNode root;
    try {
      root = READER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      problems.add(new Problem(source, "", "malformed JSON" + where + ": " + e.getOriginalMessage()));
      return null;
    }
    if (root == null || root.isMissingNode()) {
      problems.add(new Problem(source, "", "empty document: expected a family object"));
      return null;
    }
    int before = problems.size();
    for (ValidationMessage m : SCHEMA.validate(root)) problems.add(schemaProblem(source, m));
    if (problems.size() > before) {
      problems.subList(before, problems.size()).sort(Comparator.comparing(Problem::pointer));
      return null;
    }
    checkSlots(root, source, problems);
    if (problems.size() > before) return null;
    DataFamily family = new DataFamily(source, hash(json), root);
    for (long seed = 0; seed < TRIAL_SEEDS; seed++) {
      TaskSpec task;
      try {
        task = family.sample(seed);
      } catch (FamilyFileException e) {
        problems.addAll(e.problems());
        return null;
      } catch (RuntimeException e) {
        problems.add(new Problem(source, "", "seed " + seed + ": the draw fails: " + e));
        return null;
      }
      for (io.deskforge.task.json.Problem p : TaskValidator.get().problems(task)) {
        // a family without a solution waits for the solver phase: its candidates lack one (and its difficulty) by design
        if (!family.hasSolution() && (p.path().equals("$.solution") || p.path().equals("$.difficulty"))) continue;
        problems.add(new Problem(source, "", "seed " + seed + ": the drawn task is invalid at " + p.path() + ": " + p.message()));
      }
      if (problems.size() > before) return null;
    }
    return family;
  }

  private static Problem schemaProblem(String source, ValidationMessage m) {
    String at = m.getInstanceLocation().toString();
    return switch (m.getType()) {
      case "required" -> new Problem(source, at + "/" + DataFamily.escape(m.getProperty()), "is required but missing");
      case "additionalProperties" -> new Problem(source, at + "/" + DataFamily.escape(m.getProperty()),
          "unknown field '" + m.getProperty() + "' (see " + SCHEMA_RESOURCE.substring(1) + " for the fields of this object)");
      default -> new Problem(source, at, m.getError().replaceFirst("^\\S+: ", ""));
    };
  }

  /**
   * Every {slot} names a parameter: in a parameter, one declared before it; anywhere else, any.
   * distinct_from names earlier parameters too, and parameter names are unique.
   */
  private static void checkSlots(JsonNode root, String source, List<Problem> problems) {
    Set<String> declared = new HashSet<>();
    JsonNode parameters = root.path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      String at = "/parameters/" + i;
      checkStrings(p, at, declared, source, problems);
      String name = p.get("name").asText();
      if (!declared.add(name)) problems.add(new Problem(source, at + "/name", "parameter '" + name + "' is declared twice"));
    }
    for (String field : List.of("phrasings", "params", "facts", "setup", "checker", "solution", "negatives")) {
      JsonNode n = root.get(field);
      if (n != null) checkStrings(n, "/" + field, declared, source, problems);
    }
  }

  private static final Set<String> LITERAL_FIELDS = Set.of("name", "gen", "op", "vocabulary", "join", "values", "header");

  private static void checkStrings(JsonNode n, String at, Set<String> declared, String source, List<Problem> problems) {
    if (n.isTextual()) {
      for (String slot : DataFamily.slotsIn(n.asText())) {
        if (!declared.contains(slot)) {
          problems.add(new Problem(source, at, "{" + slot + "} is not a parameter" + (at.startsWith("/parameters") ? " declared before this one" : "")
              + "; parameters: " + declared));
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) checkStrings(n.get(i), at + "/" + i, declared, source, problems);
    } else if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        String child = at + "/" + DataFamily.escape(e.getKey());
        if (at.startsWith("/parameters") && e.getKey().equals("distinct_from")) {
          for (int i = 0; i < e.getValue().size(); i++) {
            String slot = e.getValue().get(i).asText();
            if (!declared.contains(slot)) problems.add(new Problem(source, child + "/" + i, "'" + slot + "' is not a parameter declared before this one"));
          }
        } else if (!(at.startsWith("/parameters") && LITERAL_FIELDS.contains(e.getKey()))) {
          checkStrings(e.getValue(), child, declared, source, problems);
        }
      });
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> resourceLines(String resource) {
    return resource(resource).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static String resource(String name) {
    try (InputStream in = FamilyFiles.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("resource " + name + " is missing from the env-templates jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
