package io.deskforge.apps.chromium;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turn on "Send a 'Do Not Track' request" (chrome://settings/cookies, confirmed in its dialog) and
 * one more protection on chrome://settings/security drawn from the seed, and let one drawn site
 * (a sign-in that needs them) keep third-party cookies, with the Add of the same cookies page.
 * Checked in Preferences: {@code enable_do_not_track}, the drawn protection's key, and the site's
 * cookie exception (pattern {@code *,https://site}, setting 1 = allow). Setup seeds a profile whose
 * list already allows another site, which is where the expected 1 is seen. The other security
 * setting is the near miss of the wrong toggle.
 */
final class DoNotTrack extends SeededFamily {
  static final String ID = "chromium.do-not-track";

  /** A protection on the Security page: how the instruction names it, where it is clicked, its Preferences key. */
  record Protection(String label, int x, int y, String pointer) {}

  static final List<Protection> PROTECTIONS = List.of(
      new Protection("Always use secure connections", ChromiumGui.SECURE_CONNECTIONS_X, ChromiumGui.SECURE_CONNECTIONS_Y,
          "/https_first_balanced_mode_enabled"),
      new Protection("Enhanced protection (Safe Browsing)", ChromiumGui.ENHANCED_PROTECTION_X, ChromiumGui.ENHANCED_PROTECTION_Y,
          "/safebrowsing/enhanced"));

  static final String THIRD_PARTY_COOKIES_TITLE = "^Settings - Third-party cookies - Chromium$";
  static final String SECURITY_TITLE = "^Settings - Security - Chromium$";

  /** The Add of "Sites allowed to use third-party cookies" on chrome://settings/cookies. */
  static final int COOKIES_ADD_X = 979, COOKIES_ADD_Y = 761;

  DoNotTrack() {
    super(ID, Chromium.NAME, "turn on Do Not Track and one more privacy protection, keeping third-party cookies for one site",
        List.of(
            "In Chromium's privacy settings, turn on sending a \"Do Not Track\" request with browsing traffic, and also turn on \"{protection}\". "
                + "Our sign-in at {site} needs third-party cookies, so add it to the sites allowed to use them.",
            "Make Chromium send \"Do Not Track\" with my browsing traffic and switch on {protection} in its security settings; "
                + "then allow third-party cookies for {site} only.",
            "I'd like more privacy in Chromium: enable the \"Do Not Track\" request and the \"{protection}\" setting. "
                + "Keep {site} working by allowing it to use third-party cookies."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Sites.Page start = d.pick(Sites.PAGES).in(Sites.site(d));
    Protection protection = d.pick(PROTECTIONS);
    Protection other = PROTECTIONS.get(1 - PROTECTIONS.indexOf(protection));
    String site = Sites.drawnSite(d);
    String allowedAlready = "https://" + d.pick(Sites.HOSTS);
    String instruction = instruction(d, Map.of("protection", protection.label(), "site", site));
    String prefs = "{\"profile\": {\"content_settings\": {\"exceptions\": {\"cookies\": {\n"
        + "  \"*," + allowedAlready + "\": {\"setting\": 1}\n}}}}}\n";
    String at = "/profile/content_settings/exceptions/cookies/*,";

    return task(seed)
        .param("protection", protection.label()).param("start_page", start.slug())
        .instruction(instruction)
        .fact(Fact.inInstruction("protection", protection.label()))
        .fact(Fact.inInstruction("site", site))
        .fact(Fact.inFile("allow-setting", "1", Chromium.PREFERENCES))
        .setup(start.write())
        .setup(new SetupStep.WriteFile(Chromium.PREFERENCES, prefs))
        .setup(new SetupStep.Launch(Chromium.NAME, List.of(start.url())))
        .checker(Checker.all(
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, "/enable_do_not_track"), new Metric.IsTrue()),
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, protection.pointer()), new Metric.IsTrue()),
            // the site as typed (https://host) or as a bare host
            Checker.any(
                Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, at + SitePermission.pointerKey(site) + "/setting"),
                    new Metric.EqualsText("1", false, false)),
                Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, at + SitePermission.pointerKey(site.substring("https://".length())) + "/setting"),
                    new Metric.EqualsText("1", false, false)))))
        .solution("chrome://settings/security: the drawn protection; chrome://settings/cookies: the Do Not Track switch, Confirm",
            privacy(start, protection, true, site))
        .negative("wrong-toggle", "turns on Do Not Track and the other protection of the Security page, allows the site",
            privacy(start, other, true, site))
        .negative("cancelled", "turns on the protection, flips Do Not Track but cancels its confirmation, allows the site",
            privacy(start, protection, false, site))
        .negative("no-cookie-exception", "turns on Do Not Track and the protection but never allows the site", privacy(start, protection, true, null))
        .build();
  }

  /**
   * The protection on the Security page, then the Do Not Track switch, whose dialog is confirmed or
   * cancelled, then the site (null: none) added to those allowed third-party cookies.
   */
  static List<Action> privacy(Sites.Page start, Protection protection, boolean confirm, String site) {
    List<Action> out = new ArrayList<>(List.of(Action.waitForWindow(start.windowTitle())));
    out.addAll(ChromiumGui.settings("security", SECURITY_TITLE));
    out.add(Action.click(protection.x(), protection.y()));
    out.add(Action.waitMs(1000));
    out.addAll(ChromiumGui.settings("cookies", THIRD_PARTY_COOKIES_TITLE));
    out.add(Action.click(ChromiumGui.DNT_SWITCH_X, ChromiumGui.DNT_SWITCH_Y));
    out.add(Action.waitMs(ChromiumGui.DIALOG_OPEN_MS));
    out.add(confirm ? Action.click(ChromiumGui.DNT_CONFIRM_X, ChromiumGui.DNT_CONFIRM_Y)
        : Action.click(ChromiumGui.DNT_CANCEL_X, ChromiumGui.DNT_CANCEL_Y));
    out.add(Action.waitMs(1000));
    if (site != null) out.addAll(SitePermission.addSite(COOKIES_ADD_X, COOKIES_ADD_Y, site, true));
    out.add(Action.waitMs(ChromiumGui.CHANGE_APPLIED_MS));
    return out;
  }
}
