package io.deskforge.audit;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real audit (static audit, sandbox provider, replay) on a host where no desktop can start: the
 * desktops' work folder would be inside a regular file, so creating a desktop's folders fails, as
 * it does when the disk is full or the folder is gone. Every replay is an infrastructure failure,
 * and no desktop is needed to see what the pipeline does with one.
 */
final class BrokenInfrastructure {
  private BrokenInfrastructure() {}

  static final AppCatalog CATALOG = AppCatalog.load();

  /** The audit, with its work in {@code dir} and evidence staged in {@code staging}. */
  static TaskAuditor auditor(Path dir, Path staging) throws IOException {
    Path notAFolder = dir.resolve("not-a-folder");
    if (!Files.exists(notAFolder)) Files.writeString(notAFolder, "a file where the desktops' folder should be");
    ReplayAuditor replay = new ReplayAuditor(DesktopProviders.create("sandbox"), CATALOG,
        b -> b.workRoot(notAFolder.resolve("desktops")));
    return new TaskAuditor(new StaticAuditor(CATALOG), List.of(), replay, staging);
  }
}
