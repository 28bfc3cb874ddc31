package io.deskforge.audit;

import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of broken tasks share: a replay auditor over the broken families' catalog, on
 * sandbox desktops in a folder of the test class's own, closed after the class.
 */
abstract class SandboxReplay {
  @TempDir static Path work;
  static DesktopProvider provider;
  static ReplayAuditor replay;

  @BeforeAll
  static void startSandboxReplay() {
    provider = DesktopProviders.create("sandbox");
    replay = new ReplayAuditor(provider, BrokenFamilies.CATALOG, b -> b.workRoot(work));
  }

  @AfterAll
  static void stopSandboxReplay() {
    provider.close();
  }
}
