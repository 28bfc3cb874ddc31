package io.deskforge.apps.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.setup.SetupException;
import io.deskforge.apps.setup.SetupRunner;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.SetupStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page setup step on a real MediaWiki in a sandbox desktop: its login form filled and sent
 * through Playwright over CDP from outside leaves the browser logged in (the wiki's own page says
 * so, and the wiki's session cookie is the browser's; the browser offers no "Save password?"), and a selector that matches nothing fails
 * the setup with an error naming the step and the selector, never the password.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PageSetupOnDesktopTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final String USER = "Ada";
  static final String PASSWORD = "quiet-otter-7319-lantern";
  @TempDir Path work;

  @Test
  void aLoginStepLeavesTheBrowserLoggedInAndABadSelectorIsNamed() {
    List<SetupStep> setup = new ArrayList<>(Accounts.login(USER, PASSWORD, "Main Page"));
    setup.addFirst(new SetupStep.Launch(MediaWiki.NAME, List.of()));
    setup.addFirst(Accounts.noPasswordSaving());
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(CATALOG.desktopFor(List.of(MediaWiki.NAME)).workRoot(work).accessibility(false).build())) {
      d.start();
      GetterReader reader = new GetterReader(CATALOG);
      // before: an anonymous visitor
      new SetupRunner(CATALOG).apply(d, setup.subList(0, 2));
      assertThat(reader.read(d, new Getter.PageText("#pt-userpage")).present()).isFalse();

      new SetupRunner(CATALOG).apply(d, setup.subList(2, setup.size()));
      // the wiki's own page: the personal tools name the user, on the page the last step opened
      assertThat(reader.read(d, new Getter.PageText("#pt-userpage")).text()).isEqualTo(USER);
      assertThat(reader.read(d, new Getter.PageUrl("title")).text()).isEqualTo("Main_Page");
      // the wiki's session, as the browser keeps it
      // no "Save password?" over the page, whose eye button would show the password to the agent
      assertThat(reader.check(d, io.deskforge.task.spec.Checker.check(
          new Getter.JsonValue(io.deskforge.apps.chromium.Chromium.PREFERENCES, "/credentials_enable_service"),
          new io.deskforge.task.spec.Metric.IsFalse())).passed()).isTrue();
      Reading name = reader.read(d, new Getter.Cookie("http://127.0.0.1:8080/", "wikiUserName"));
      assertThat(name.text()).isEqualTo(USER);

      // a form field that is not there: the step, the part and the selector named, the value not
      SetupStep.Page bad = SetupStep.Page.form(MediaWiki.url("Special:UserLogin", null),
          Map.of("#wpNoSuchField", PASSWORD), "#wpLoginAttempt", "#pt-userpage");
      assertThatThrownBy(() -> new SetupRunner(CATALOG).apply(d, List.of(bad)))
          .isInstanceOf(SetupException.class)
          .hasMessageContaining("setup[0]")
          .hasMessageContaining("fill selector '#wpNoSuchField' matches no element")
          .hasMessageNotContaining(PASSWORD);
      // a page that is not there
      assertThatThrownBy(() -> new SetupRunner(CATALOG).apply(d, List.of(SetupStep.Page.open("http://127.0.0.1:8080/nothing-here.php", null))))
          .isInstanceOf(SetupException.class).hasMessageContaining("http://127.0.0.1:8080/nothing-here.php answered HTTP 404");
    }
  }
}
