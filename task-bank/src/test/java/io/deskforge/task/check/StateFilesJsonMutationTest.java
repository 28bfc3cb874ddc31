package io.deskforge.task.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checker mutations of JSON state change the value a json_value getter reads, not the first place its text occurs. */
class StateFilesJsonMutationTest {
  static final String PREFS = "{\"account\":\"13440850107454123\",\"profile\":{\"content_settings\":{\"exceptions\":{\"sound\":"
      + "{\"https://a.org,*\":{\"setting\":2},\"https://b.org,*\":{\"last_modified\":\"132\",\"setting\":2}}}}}}";
  static final String B = "/profile/content_settings/exceptions/sound/https:~1~1b.org,*/setting";
  static final String A = "/profile/content_settings/exceptions/sound/https:~1~1a.org,*/setting";

  @Test
  void aNumberAtThePointerIsReplacedByANumberAndNothingElseChanges() {
    String mutated = StateFiles.withJsonValueReplaced(PREFS, List.of(B), "2", "3").orElseThrow();
    assertThat(StateFiles.json(mutated.getBytes(), B).text()).isEqualTo("3");
    assertThat(StateFiles.json(mutated.getBytes(), A).text()).isEqualTo("2");
    assertThat(mutated).contains("\"setting\":3").contains("13440850107454123").contains("\"132\"");
  }

  @Test
  void theFirstPointerThatReadsTheValueIsChangedAndPointersReadingAnotherValueAreSkipped() {
    String mutated = StateFiles.withJsonValueReplaced(PREFS, List.of("/account", "/missing/x", A, B), "2", "3").orElseThrow();
    assertThat(StateFiles.json(mutated.getBytes(), A).text()).isEqualTo("3");
    assertThat(StateFiles.json(mutated.getBytes(), B).text()).isEqualTo("2");
  }

  @Test
  void aStringStaysAString() {
    String mutated = StateFiles.withJsonValueReplaced("{\"download\":{\"dir\":\"/home/user/Work\"}}", List.of("/download/dir"),
        "/home/user/Work", "/home/user/Worl").orElseThrow();
    assertThat(mutated).isEqualTo("{\"download\":{\"dir\":\"/home/user/Worl\"}}");
  }

  @Test
  void noPointerReadingTheValueOrNoJsonGivesNothing() {
    assertThat(StateFiles.withJsonValueReplaced(PREFS, List.of(B), "7", "8")).isEmpty();
    assertThat(StateFiles.withJsonValueReplaced("not json {", List.of(B), "2", "3")).isEmpty();
    assertThat(StateFiles.withJsonValueReplaced(PREFS, List.of(""), "2", "3")).isEmpty();
  }
}
