package io.deskforge.task.export;

import io.deskforge.task.spec.Checker;
import java.util.List;

/**
 * A web app as WebArena sees it: a site the agent's browser reaches, and how each of the app's
 * checks reads on the live page with WebArena's {@code program_html} (a page address, a JavaScript
 * locator run on it, the contents required of what it selects). An app contributes one through the
 * app catalog ({@link ExportCatalog#webArenaSite}); task-bank names no app.
 *
 * <p>WebArena's {@code exact_match} and {@code must_include} strip, drop surrounding quotes and
 * lower-case both sides before they compare; a check that must tell case apart reads through
 * {@link WebArenaText}, whose form keeps case through that.
 */
public interface WebArenaSite {

  /** The site's name in {@code sites} ({@code "dokuwiki"}). */
  String site();

  /** Whether an agent must be logged in (WebArena's {@code require_login}). */
  boolean requireLogin();

  /** The page the browser shows when the task starts, for the app launched with these arguments. */
  String startUrl(List<String> launchArgs);

  /**
   * One {@code program_html} target that passes on exactly the live states where the check passes,
   * or {@link NoWebForm} saying why there is none.
   */
  ProgramHtml check(Checker.Check check);

  /** WebArena's {@code program_html} entry: the page to open, the locator run on it, what it must select. */
  record ProgramHtml(String url, String locator, RequiredContents required) {}

  /** WebArena's {@code required_contents}: {@code exact_match} or {@code must_include}. */
  sealed interface RequiredContents {
    record ExactMatch(String text) implements RequiredContents {}

    record MustInclude(List<String> texts) implements RequiredContents {
      public MustInclude {
        texts = List.copyOf(texts);
      }
    }
  }

  /** A check with no WebArena form of the same meaning: the task is left out, named with this reason. */
  final class NoWebForm extends IllegalArgumentException {
    public NoWebForm(String why) {
      super(why);
    }
  }
}
