package io.deskforge.apps.mediawiki;

import io.deskforge.apps.chromium.Chromium;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.SetupStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wiki's member the agent works as: an account made with the wiki's own maintenance script,
 * then logged in through the wiki's login form by a page step from the privileged side (as a
 * person logged in before the task), then the start page opened. Moving and deleting pages takes
 * an account here ({@link MediaWiki#LOCAL_PHP}), so without the login the task cannot be done.
 * The password is drawn from the seed and privileged: the agent is never told it, and the form
 * shows it masked.
 */
final class Accounts {
  private Accounts() {}

  /** The login form's fields and button, and the personal tools' link to the user's page, which only a logged-in session shows. */
  static final String NAME_FIELD = "#wpName1", PASSWORD_FIELD = "#wpPassword1", LOGIN_BUTTON = "#wpLoginAttempt", LOGGED_IN = "#pt-userpage";

  /** A member's name: a word and digits no page text or title holds, so the instruction never states it. */
  static String user(TaskDraw d) {
    return "Member" + d.between(100, 999);
  }

  /** A password of words and digits, drawn from the seed. */
  static String password(TaskDraw d) {
    return d.noun().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "-" + d.between(1000, 9999) + "-"
        + d.adjective().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "-" + d.between(1000, 9999);
  }

  /**
   * Before the wiki's launch: Chromium's profile with its password manager off, as a person who
   * never saves passwords in the browser has it. Without it a login through the form leaves "Save
   * password?" over the page, whose eye button shows the password to the agent.
   */
  static SetupStep noPasswordSaving() {
    return new SetupStep.WriteFile(Chromium.PREFERENCES, "{\"credentials_enable_service\": false, \"profile\": {\"password_manager_enabled\": false}}");
  }

  /**
   * After the wiki's launch: the account made, logged in through Special:UserLogin, and the page
   * {@code start} opened, where the agent begins.
   */
  static List<SetupStep> login(String user, String password, String start) {
    Map<String, String> fill = new LinkedHashMap<>();
    fill.put(NAME_FIELD, user);
    fill.put(PASSWORD_FIELD, password);
    return List.of(
        new SetupStep.Run(List.of("php", "/usr/share/mediawiki/maintenance/createAndPromote.php", "--conf", MediaWiki.ROOT + "/LocalSettings.php",
            user, password), false),
        SetupStep.Page.form(MediaWiki.url("Special:UserLogin", null), fill, LOGIN_BUTTON, LOGGED_IN),
        SetupStep.Page.open(MediaWiki.url(start, null), LOGGED_IN));
  }

  /** The same, for a task drawing its member from {@code d}. */
  static List<SetupStep> login(TaskDraw d, String start) {
    return login(user(d), password(d), start);
  }
}
