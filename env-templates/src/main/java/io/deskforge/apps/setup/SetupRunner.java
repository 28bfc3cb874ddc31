package io.deskforge.apps.setup;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.PageSetup;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.ExecResult;
import io.deskforge.task.spec.SetupStep;
import java.time.Duration;
import java.util.List;

/** Applies a task's typed setup steps to a fresh desktop, through its privileged side. */
public final class SetupRunner {
  private final AppCatalog catalog;

  public SetupRunner(AppCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Runs each step in order. A step that fails for the task's own reason (a command exiting
   * non-zero, a path outside the desktop's folders) throws {@link SetupException} naming it; a
   * desktop or app that dies or never gets ready throws {@link DesktopException}.
   */
  public void apply(Desktop desktop, List<SetupStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      SetupStep step = steps.get(i);
      try {
        apply(desktop, step);
      } catch (DesktopException e) {
        throw e; // the desktop or an app failed: infrastructure, not the task
      } catch (RuntimeException e) {
        throw new SetupException("setup[" + i + "] " + step + ": " + e.getMessage(), e);
      }
    }
  }

  private void apply(Desktop desktop, SetupStep step) {
    switch (step) {
      case SetupStep.WriteFile s -> desktop.privileged().writeText(s.path(), s.text());
      case SetupStep.MakeDir s -> desktop.privileged().makeDirectories(s.path());
      case SetupStep.WriteSpreadsheet s ->
          catalog.formats().forPath(s.path(), DocumentFormat.Kind.SPREADSHEET).write(desktop, s.path(), s.rows());
      case SetupStep.WriteDocument s -> catalog.formats().claimingOrThrow(s.path()).write(desktop, s.path(), s.content());
      case SetupStep.Run s -> {
        ExecResult r = s.asRoot()
            ? desktop.privileged().execAsRoot(s.command(), Duration.ofSeconds(60))
            : desktop.privileged().execAsUser(s.command(), Duration.ofSeconds(60));
        if (!r.ok()) throw new IllegalStateException("exit status " + r.exitCode() + ": " + r.stderr().strip());
      }
      case SetupStep.Launch s -> desktop.launch(catalog.get(s.app()).launch(s.args()));
      case SetupStep.Page s -> PageSetup.run(desktop, new GetterReader(catalog).browser(desktop), s);
    }
  }
}
