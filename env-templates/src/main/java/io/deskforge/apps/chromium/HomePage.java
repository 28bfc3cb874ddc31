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
 * Set a custom home page and show the Home button, in chrome://settings/appearance. Checked in
 * the profile's Preferences: the button shown, the home page not the New Tab page, and the address.
 */
final class HomePage extends SeededFamily {
  static final String ID = "chromium.home-page";
  /** How long the address field's validation of the typed address may take to answer on a loaded host. */
  static final long HOME_VALIDATE_MS = 2000;

  HomePage() {
    super(ID, Chromium.NAME, "set a custom home page and show the Home button",
        List.of(
            "In Chromium's settings, show the Home button and make {address} the home page it opens.",
            "Set Chromium's home page to {address} and turn on the Home button in the toolbar.",
            "I want a Home button in Chromium that takes me to {address}. Set that up."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Sites.Page start = d.pick(Sites.PAGES).in(Sites.site(d));
    String address = Sites.address(d);
    String wrong = Sites.address(d);
    while (wrong.equals(address)) wrong = Sites.address(d);
    String instruction = instruction(d, Map.of("address", address));

    return task(seed)
        .param("address", address).param("start_page", start.slug())
        .instruction(instruction)
        .fact(Fact.inInstruction("address", address))
        .setup(start.write())
        .setup(new SetupStep.Launch(Chromium.NAME, List.of(start.url())))
        .checker(Checker.all(
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, "/browser/show_home_button"), new Metric.IsTrue()),
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, "/homepage_is_newtabpage"), new Metric.IsFalse()),
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, "/homepage"), new Metric.EqualsText(address, false, false))))
        .solution("chrome://settings/appearance: the Show home button switch, the custom address typed, Tab to commit it",
            home(start, address, false))
        .negative("button-only", "shows the Home button but leaves it opening the New Tab page", buttonOnly(start))
        .negative("wrong-address", "shows the Home button with another address", home(start, wrong, false))
        .negative("button-off-again", "types the address but turns the Home button off again", home(start, address, true))
        .build();
  }

  private static List<Action> appearance(Sites.Page start) {
    List<Action> out = new ArrayList<>(List.of(Action.waitForWindow(start.windowTitle())));
    out.addAll(ChromiumGui.settings("appearance", "^Settings - Appearance - Chromium$"));
    out.add(Action.click(ChromiumGui.HOME_SWITCH_X, ChromiumGui.HOME_SWITCH_Y));
    out.add(Action.waitMs(700)); // the choice of home page unfolds under the switch
    return out;
  }

  static List<Action> home(Sites.Page start, String address, boolean switchOffAfter) {
    List<Action> out = appearance(start);
    out.add(Action.click(ChromiumGui.HOME_CUSTOM_RADIO_X, ChromiumGui.HOME_CUSTOM_RADIO_Y));
    // the address field takes focus only once the radio's choice has been applied; typed earlier, the
    // address went nowhere on a loaded host (CI: Preferences kept no homepage), so give it time, then
    // focus the field and replace whatever it holds
    out.add(Action.waitMs(600));
    out.add(Action.click(ChromiumGui.HOME_ADDRESS_X, ChromiumGui.HOME_ADDRESS_Y));
    out.add(Action.waitMs(400));
    out.add(Action.key("ctrl+a"));
    out.add(Action.type(address));
    // the field checks each typed prefix with the browser (validateStartupPage) and, on leaving it,
    // throws the text away if the last answer said invalid: "https:/" is, so a Tab sent before the
    // answers for the whole address came back left no homepage on a loaded host (CI)
    out.add(Action.waitMs(HOME_VALIDATE_MS));
    out.add(Action.key("Tab")); // the field saves on leaving it
    out.add(Action.waitMs(300));
    if (switchOffAfter) {
      out.add(Action.click(ChromiumGui.HOME_SWITCH_X, ChromiumGui.HOME_SWITCH_Y));
      out.add(Action.waitMs(300));
    }
    out.add(Action.waitMs(ChromiumGui.CHANGE_APPLIED_MS));
    return out;
  }

  static List<Action> buttonOnly(Sites.Page start) {
    List<Action> out = appearance(start);
    out.add(Action.waitMs(ChromiumGui.CHANGE_APPLIED_MS));
    return out;
  }
}
