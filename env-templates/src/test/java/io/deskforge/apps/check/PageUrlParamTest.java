package io.deskforge.apps.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.task.check.Reading;
import org.junit.jupiter.api.Test;

/** A page_url getter's parameter, read as a form decodes it and as WebArena's parse_qs does. */
class PageUrlParamTest {
  @Test
  void theFirstValueOfTheParameterIsReadDecodedWhateverSurroundsIt() {
    assertThat(PageReader.param("http://127.0.0.1:8080/doku.php?id=budget_notes", "id").text()).isEqualTo("budget_notes");
    assertThat(PageReader.param("http://127.0.0.1:8080/doku.php?s%5B%5D=travel&id=ops%3Abudget+notes#top", "id").text()).isEqualTo("ops:budget notes");
    assertThat(PageReader.param("http://127.0.0.1:8080/doku.php?id=a&id=b", "id").text()).isEqualTo("a");
    assertThat(PageReader.param("http://127.0.0.1:8080/doku.php?do=search&q=x", "id")).isEqualTo(Reading.absent());
    assertThat(PageReader.param("about:blank", "id")).isEqualTo(Reading.absent());
    // a parameter whose name only ends like the one asked for is another parameter
    assertThat(PageReader.param("http://127.0.0.1:8080/doku.php?pageid=a", "id")).isEqualTo(Reading.absent());
  }

  @Test
  void aMalformedEscapeIsUnreadableNotAbsent() {
    assertThat(PageReader.param("http://127.0.0.1:8080/doku.php?id=%zz", "id").unreadable()).contains("malformed parameter");
  }
}
