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
 * Block (or allow) one permission for one site with the "Add" button of its list on
 * chrome://settings/content/..., drawn from the seed. Chromium keeps the exception in Preferences
 * under {@code profile.content_settings.exceptions.<kind>}, keyed by the site pattern, with
 * {@code setting} 2 for block and 1 for allow. Setup seeds a profile whose list already holds
 * another site with that setting: what a person finds there, and where the expected number is
 * seen. Near misses: the right permission for the wrong site, the right site under another
 * permission, and the dialog cancelled.
 */
final class SitePermission extends SeededFamily {
  static final String ID = "chromium.site-permission";

  /**
   * A permission's settings page: its key in Preferences and in chrome://settings/content/, the
   * page's window title, what it lets a site do (for the instruction), and the Add buttons of its
   * block and allow lists (0 when the list is out of the first screen).
   */
  record Permission(String kind, String title, String does, String doing, int blockAddY, int allowAddY) {
    String page() {
      return "content/" + kind;
    }

    String windowTitle() {
      return "^Settings - " + java.util.regex.Pattern.quote(title) + " - Chromium$";
    }

    int addY(boolean block) {
      return block ? blockAddY : allowAddY;
    }
  }

  static final int ADD_X = 979;
  static final Permission NOTIFICATIONS = new Permission("notifications", "Notifications", "send notifications", "sending notifications", 677, 0);
  static final Permission JAVASCRIPT = new Permission("javascript", "JavaScript", "use JavaScript", "using JavaScript", 483, 595);
  static final Permission SOUND = new Permission("sound", "Sound", "play sound", "playing sound", 499, 611);
  static final Permission POPUPS = new Permission("popups", "Pop-ups and redirects", "send pop-ups and use redirects", "sending pop-ups and using redirects", 483, 595);

  /** What a task asks: a permission and whether to block it; pop-ups are blocked by default, so they are allowed. */
  record Rule(Permission permission, boolean block) {
    String setting() {
      return block ? "2" : "1";
    }
  }

  static final List<Rule> RULES = List.of(
      new Rule(NOTIFICATIONS, true), new Rule(JAVASCRIPT, true), new Rule(SOUND, true), new Rule(POPUPS, false));

  SitePermission() {
    super(ID, Chromium.NAME, "block or allow one permission for one site in Chromium's site settings",
        List.of(
            "In Chromium's site settings, {rule}.",
            "Add {site} to Chromium's list of sites {listed} to {does}.",
            "Using Chromium's settings (Privacy and security, Site settings), make sure {site} is {listed} to {does}."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Sites.Page start = d.pick(Sites.PAGES).in(Sites.site(d));
    Rule rule = d.pick(RULES);
    String site = Sites.drawnSite(d);
    String wrongSite = Sites.drawnSite(d);
    while (wrongSite.equals(site)) wrongSite = Sites.drawnSite(d);
    String listedAlready = "https://" + d.pick(Sites.HOSTS);
    String host = site.substring("https://".length());
    List<Permission> others = RULES.stream().map(Rule::permission)
        .filter(p -> p != rule.permission() && p.addY(rule.block()) != 0).toList();
    Permission wrongPermission = d.pick(others);
    Permission p = rule.permission();
    String verb = rule.block() ? "block" : "allow";
    String instruction = instruction(d, Map.of("site", site,
        "rule", rule.block() ? "block " + site + " from " + p.doing() : "allow " + site + " to " + p.does(),
        "listed", rule.block() ? "not allowed" : "allowed", "does", p.does()));
    String prefs = "{\"profile\": {\"content_settings\": {\"exceptions\": {\"" + p.kind() + "\": {\n"
        + "  \"" + listedAlready + ",*\": {\"setting\": " + rule.setting() + "}\n}}}}}\n";
    String at = "/profile/content_settings/exceptions/" + p.kind() + "/";

    return task(seed)
        .param("site", site).param("permission", p.kind()).param("setting", verb).param("start_page", start.slug())
        .instruction(instruction)
        .fact(Fact.inInstruction("site", site))
        .fact(Fact.inFile("setting", rule.setting(), Chromium.PREFERENCES))
        .setup(start.write())
        .setup(new SetupStep.WriteFile(Chromium.PREFERENCES, prefs))
        .setup(new SetupStep.Launch(Chromium.NAME, List.of(start.url())))
        // the site as typed (https://host) or as a bare host, which Chromium keys without a scheme
        .checker(Checker.any(
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, at + pointerKey(site) + ",*/setting"),
                new Metric.EqualsText(rule.setting(), false, false)),
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, at + pointerKey(host) + ",*/setting"),
                new Metric.EqualsText(rule.setting(), false, false))))
        .solution("chrome://settings/" + p.page() + ": Add beside the " + (rule.block() ? "block" : "allow") + " list, the site typed, Return",
            addSite(start, p, rule.block(), site, true))
        .negative("wrong-site", "adds another site to the right list", addSite(start, p, rule.block(), wrongSite, true))
        .negative("wrong-permission", "adds the site to the same kind of list of another permission (" + wrongPermission.kind() + ")",
            addSite(start, wrongPermission, rule.block(), site, true))
        .negative("dialog-cancelled", "types the site in the Add dialog but cancels it", addSite(start, p, rule.block(), site, false))
        .build();
  }

  /** A site pattern as one RFC 6901 pointer token: '~' and '/' escaped. */
  static String pointerKey(String pattern) {
    return pattern.replace("~", "~0").replace("/", "~1");
  }

  /**
   * The permission's page, Add beside the list, the site typed into the dialog's field, then
   * Return (adds) or Cancel.
   */
  static List<Action> addSite(Sites.Page start, Permission p, boolean block, String site, boolean add) {
    List<Action> out = new ArrayList<>(List.of(Action.waitForWindow(start.windowTitle())));
    out.addAll(ChromiumGui.settings(p.page(), p.windowTitle()));
    out.addAll(addSite(ADD_X, p.addY(block), site, add));
    out.add(Action.waitMs(ChromiumGui.CHANGE_APPLIED_MS));
    return out;
  }

  /** On a settings page already shown: the Add at (x, y), the site typed into the dialog's field, then Return (adds) or Cancel. */
  static List<Action> addSite(int x, int y, String site, boolean add) {
    List<Action> out = new ArrayList<>();
    out.add(Action.click(x, y));
    out.add(Action.waitMs(ChromiumGui.DIALOG_OPEN_MS));
    out.add(Action.click(ChromiumGui.ADD_SITE_FIELD_X, ChromiumGui.ADD_SITE_FIELD_Y));
    out.add(Action.waitMs(300));
    out.add(Action.type(site));
    // the dialog asks the browser process whether the pattern is valid, and its Add takes Return
    // only once the answer is back; 600 ms was once too short in a bench run (the end screenshot:
    // the dialog still open with the site typed), so a person's look at the enabled button is 1.5 s
    out.add(Action.waitMs(1500));
    out.add(add ? Action.key("Return") : Action.click(ChromiumGui.ADD_SITE_CANCEL_X, ChromiumGui.ADD_SITE_CANCEL_Y));
    out.add(Action.waitMs(1000));
    return out;
  }
}
