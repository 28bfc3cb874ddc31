package io.deskforge.gym;

import io.deskforge.apps.AppCatalog;
import io.deskforge.audit.TaskAuditor;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bank filled the way generate fills it: each task audited for real (static and replay) in
 * sandboxed desktops, recorded with its verdict. {@link #shared()} builds one per test JVM (the
 * audits cost about ten seconds a task) for the gym's test classes to share.
 */
public final class VerifiedBank {
  public static final AppCatalog CATALOG = AppCatalog.load();
  /** One family per app, and a task whose input file an agent could delete (the collateral test). */
  public static final List<String> FAMILIES = List.of("mousepad.type-text", "xterm.write-file", "gnumeric.enter-value", "xterm.count-lines");

  private static Shared shared;

  private VerifiedBank() {}

  /** The shared bank: its file, the desktops' work root, the provider and the verified tasks (one per family of {@link #FAMILIES}). */
  public record Shared(Path data, Path desktops, TaskBank bank, DesktopProvider provider, List<TaskSpec> tasks) {
    public TaskSpec task(String family) {
      return tasks.stream().filter(t -> t.family().equals(family)).findFirst().orElseThrow();
    }
  }

  public static synchronized Shared shared() {
    if (shared != null) return shared;
    try {
      Path data = Files.createTempDirectory("deskforge-gym-bank");
      Path desktops = Files.createTempDirectory("deskforge-gym-desktops");
      DesktopProvider provider = DesktopProviders.create("sandbox");
      TaskBank bank = TaskBank.open(data.resolve("bank.sqlite"));
      List<TaskSpec> tasks = fill(bank, provider, desktops, FAMILIES, 1);
      shared = new Shared(data, desktops, bank, provider, tasks);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        bank.close();
        provider.close();
        deleteTree(data);
        deleteTree(desktops);
      }));
      return shared;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Audits the first seed from {@code seed} on of each family that verifies, and records it;
   * returns the verified tasks. {@code desktops} is the desktops' work root.
   */
  public static List<TaskSpec> fill(TaskBank bank, DesktopProvider provider, Path desktops, List<String> families, long seed) {
    TaskAuditor auditor = new TaskAuditor(new StaticAuditor(CATALOG), List.of(),
        new ReplayAuditor(provider, CATALOG, b -> b.workRoot(desktops)), bank.file().resolveSibling("staging"));
    List<TaskSpec> out = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (String family : families) {
      for (long s = seed; s < seed + 3; s++) {
        TaskSpec task = CATALOG.family(family).sample(s);
        AuditReport report = auditor.audit(task);
        bank.record(task.withAudit(report));
        if (report.verdict() == Verdict.VERIFIED) {
          out.add(bank.get(task.id()).orElseThrow());
          break;
        }
        why.add(family + " seed " + s + ": " + report.verdict() + " " + report.reasons());
      }
    }
    if (out.size() != families.size()) throw new IllegalStateException("not every family gave a verified task: " + why);
    return out;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
