package io.deskforge.task.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.deskforge.task.SampleTasks;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Difficulty;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Grounding;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.Privileged;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import io.deskforge.task.spec.Verdict;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published schema and the records must agree: what TaskJson writes validates, and every
 * variant and field of the records has its place in the schema (so a new variant or field without
 * a schema entry fails the build).
 */
class TaskSchemaTest {
  private static final JsonNode SCHEMA = parse(TaskValidator.schemaText());
  private static final JsonNode DEFS = SCHEMA.get("$defs");

  /** Each polymorphic base: its schema definition, and the prefix of its variants' definitions. */
  private static final Map<Class<?>, String> BASES = Map.of(
      SetupStep.class, "setup_step",
      Getter.class, "getter",
      Metric.class, "metric",
      Checker.class, "checker",
      Grounding.class, "grounding",
      Action.class, "action");

  private static final Map<String, String> VARIANT_PREFIX = Map.of(
      "setup_step", "setup_", "getter", "getter_", "metric", "metric_", "checker", "checker_",
      "grounding", "grounding_", "action", "action_");

  /** Plain records and their schema definitions. */
  private static final Map<Class<?>, String> RECORDS = Map.of(
      TaskSpec.class, "task",
      Privileged.class, "privileged",
      Fact.class, "fact",
      Trajectory.class, "trajectory",
      Difficulty.class, "difficulty",
      Provenance.class, "provenance",
      AuditReport.class, "audit_report",
      AuditReport.Stage.class, "stage");

  @Test
  void everySampleTaskAsWrittenValidates() {
    for (TaskSpec task : SampleTasks.everyVariant()) {
      assertThat(TaskValidator.get().problems(task)).as(task.id()).isEmpty();
      assertThat(TaskValidator.get().problems(SampleTasks.verified(task, "t/start.png"))).as(task.id()).isEmpty();
      assertThat(TaskValidator.get().problems(SampleTasks.rejected(task, "checker passes at the start"))).isEmpty();
      assertThat(TaskValidator.get().problems(SampleTasks.error(task, "desktop died"))).isEmpty();
    }
  }

  @Test
  void writtenTasksReadBackEqual() {
    for (TaskSpec task : SampleTasks.everyVariant()) {
      TaskSpec audited = SampleTasks.verified(task, "t/end.png");
      assertThat(TaskValidator.get().read(TaskJson.writePretty(audited), "sample")).isEqualTo(audited);
    }
  }

  @Test
  void samplesUseEveryVariant() {
    Set<Class<?>> used = new HashSet<>();
    for (TaskSpec task : SampleTasks.everyVariant()) collectClasses(task, used);
    for (Class<?> base : BASES.keySet()) {
      for (JsonSubTypes.Type t : base.getAnnotation(JsonSubTypes.class).value()) {
        assertThat(used).as("a sample task uses %s '%s'", base.getSimpleName(), t.name()).contains(t.value());
      }
    }
  }

  @Test
  void everySubtypeNameHasItsSchemaBranch() {
    for (var base : BASES.entrySet()) {
      String discriminator = base.getKey().getAnnotation(JsonTypeInfo.class).property();
      JsonNode def = DEFS.get(base.getValue());
      assertThat(def).as("$defs.%s", base.getValue()).isNotNull();
      Set<String> names = Arrays.stream(base.getKey().getAnnotation(JsonSubTypes.class).value())
          .map(JsonSubTypes.Type::name).collect(Collectors.toSet());
      assertThat(texts(def.at("/properties/" + discriminator + "/enum")))
          .as("the %s enum of $defs.%s", discriminator, base.getValue()).containsExactlyInAnyOrderElementsOf(names);
      Set<String> branches = new HashSet<>();
      for (JsonNode branch : def.get("allOf")) {
        String name = branch.at("/if/properties/" + discriminator + "/const").asText();
        branches.add(name);
        assertThat(branch.at("/then/$ref").asText()).isEqualTo("#/$defs/" + VARIANT_PREFIX.get(base.getValue()) + name);
      }
      assertThat(branches).as("if/then branches of $defs.%s", base.getValue()).containsExactlyInAnyOrderElementsOf(names);
    }
  }

  @Test
  void everyVariantDefinitionHasExactlyTheRecordFields() {
    for (var base : BASES.entrySet()) {
      String discriminator = base.getKey().getAnnotation(JsonTypeInfo.class).property();
      for (JsonSubTypes.Type t : base.getKey().getAnnotation(JsonSubTypes.class).value()) {
        String defName = VARIANT_PREFIX.get(base.getValue()) + t.name();
        JsonNode def = DEFS.get(defName);
        assertThat(def).as("$defs.%s for %s", defName, t.value().getSimpleName()).isNotNull();
        assertThat(def.at("/properties/" + discriminator + "/const").asText()).isEqualTo(t.name());
        Set<String> expected = new HashSet<>(jsonFields(t.value()));
        expected.add(discriminator);
        assertFields(defName, def, t.value(), expected);
      }
    }
  }

  @Test
  void everyRecordDefinitionHasExactlyTheRecordFields() {
    for (var r : RECORDS.entrySet()) {
      JsonNode def = DEFS.get(r.getValue());
      assertThat(def).as("$defs.%s", r.getValue()).isNotNull();
      assertFields(r.getValue(), def, r.getKey(), new HashSet<>(jsonFields(r.getKey())));
    }
  }

  @Test
  void enumsListEveryValue() {
    assertThat(texts(DEFS.at("/verdict/enum")))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Verdict.values()).map(Verdict::json).toList());
    assertThat(texts(DEFS.at("/grounding_derived/properties/op/enum")))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Derivation.values()).map(Derivation::json).toList());
  }

  /** Properties equal the record's JSON fields; every primitive field is required (binding needs it). */
  private static void assertFields(String defName, JsonNode def, Class<?> type, Set<String> expected) {
    Set<String> properties = new HashSet<>();
    def.get("properties").fieldNames().forEachRemaining(properties::add);
    assertThat(properties).as("properties of $defs.%s vs fields of %s", defName, type.getSimpleName())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(def.get("additionalProperties").asBoolean(true)).as("$defs.%s rejects unknown fields", defName).isFalse();
    Set<String> required = texts(def.get("required"));
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getType().isPrimitive()) {
        assertThat(required).as("$defs.%s requires primitive %s", defName, snake(c.getName())).contains(snake(c.getName()));
      }
    }
  }

  private static List<String> jsonFields(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(c -> snake(c.getName())).toList();
  }

  private static String snake(String name) {
    return new PropertyNamingStrategies.SnakeCaseStrategy().translate(name);
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
    out.remove(null);
    return out;
  }

  private static void collectClasses(TaskSpec task, Set<Class<?>> out) {
    task.setup().forEach(s -> out.add(s.getClass()));
    List<Checker> todo = new ArrayList<>(List.of(task.checker()));
    while (!todo.isEmpty()) {
      Checker c = todo.removeLast();
      out.add(c.getClass());
      switch (c) {
        case Checker.Check leaf -> {
          out.add(leaf.getter().getClass());
          out.add(leaf.metric().getClass());
        }
        case Checker.AllOf all -> todo.addAll(all.of());
        case Checker.AnyOf any -> todo.addAll(any.of());
      }
    }
    task.privileged().facts().forEach(f -> out.add(f.grounding().getClass()));
    task.solution().actions().forEach(a -> out.add(a.getClass()));
    task.negatives().forEach(n -> n.actions().forEach(a -> out.add(a.getClass())));
  }

  private static JsonNode parse(String json) {
    try {
      return TaskJson.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
