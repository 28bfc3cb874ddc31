package io.deskforge.apps.chromium;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.TaskFamily;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every trajectory of the apps used in Chromium gives the address bar its keys as {@link
 * AddressBar} does: after a click on the bar, Ctrl+L comes before any typed text. A click alone
 * left the keys with the page on a loaded host (AddressBar's comment), so a family that types an
 * address after a bare click reintroduces that failure.
 */
class AddressBarTest {
  static final List<String> APPS = List.of("chromium", "dokuwiki", "mediawiki", "tiddlywiki", "jupyter");

  @Test
  void everyAddressTypedIntoTheBarFollowsCtrlL() {
    List<String> bare = new ArrayList<>();
    int opened = 0;
    for (TaskFamily family : AppCatalog.load().families(APPS)) {
      for (long seed = 1000; seed < 1003; seed++) {
        TaskSpec task = family.sample(seed);
        List<Trajectory> all = new ArrayList<>(task.negatives());
        all.add(0, task.solution());
        for (Trajectory t : all) {
          boolean barClicked = false;
          for (Action a : t.actions()) {
            if (a instanceof Action.Click c && c.y() == AddressBar.Y && c.x() > 130 && c.x() < 1150) {
              barClicked = true;
            } else if (a instanceof Action.Key k && k.keys().equals("ctrl+l")) {
              if (barClicked) opened++;
              barClicked = false;
            } else if (a instanceof Action.Type typed && barClicked) {
              bare.add(family.id() + " seed " + seed + " " + t.name() + ": types '" + typed.text() + "' after a bare click on the bar");
              barClicked = false;
            } else if (!(a instanceof Action.Key) && !a.onlyWaits()) {
              barClicked = false; // ctrl+a and the like keep the keys where the click put them
            }
          }
        }
      }
    }
    assertThat(bare).isEmpty();
    assertThat(opened).as("addresses opened with the bar across the families").isGreaterThan(100);
  }
}
