package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;
import io.deskforge.audit.statics.StaticAuditor;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopLimitException;
import io.deskforge.desktop.DesktopLimits;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.desktop.ExecResult;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A hostile agent or task author against the audit: resource exhaustion inside one desktop ends
 * that desktop's work with the limit named while another desktop finishes its audit; state that
 * cannot be read safely fails the check with a reason; getters and setup that name host paths are
 * refused before anything runs.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a regression fails the test, not the machine
class HostileAgentTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  static final List<String> PROVIDERS = DesktopProviders.names();
  @TempDir static Path work;
  static DesktopProvider sandbox;
  static DesktopProvider docker;
  static ReplayAuditor replay;
  static ExecutorService pool;

  @BeforeAll
  static void start() {
    sandbox = DesktopProviders.create("sandbox");
    docker = DesktopProviders.create("docker");
    replay = new ReplayAuditor(sandbox, CATALOG, b -> b.workRoot(work));
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    pool.shutdownNow();
    // an audit left running by a failed test (the Docker engine down) closes its desktops when
    // interrupted; until it has, its folders are mounted under the temp folder JUnit removes next
    pool.awaitTermination(60, TimeUnit.SECONDS);
    sandbox.close();
    docker.close();
  }

  static ExecResult sh(Desktop d, String script, Duration timeout) {
    return d.privileged().execAsUser(List.of("sh", "-c", script), timeout);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aForkBombAMemoryHogAndADiskFillerEndTheirDesktopWithTheLimitNamedWhileAnotherDesktopFinishesItsAudit(String provider)
      throws Exception {
    Future<ReplayAuditor.Outcome> audit = pool.submit(() -> replay.replay(CATALOG.family("xterm.make-directory").sample(7), EvidenceSink.none()));
    DesktopLimits tight = DesktopLimits.parse("processes=64,memory=256m,disk=64m");
    Map<String, String> hostile = new LinkedHashMap<>();
    hostile.put("processes", "f() { f | f & }; f");
    hostile.put("memory", "python3 -c \"x = b'a' * (1 << 30)\"");
    hostile.put("disk", "dd if=/dev/zero of=/home/user/fill bs=1M count=200");
    DesktopProvider p = provider.equals("docker") ? docker : sandbox;
    for (Map.Entry<String, String> h : hostile.entrySet()) {
      try (Desktop d = p.create(CATALOG.desktopFor(List.of("xterm")).workRoot(work).limits(tight).build())) {
        d.start();
        d.ensureAlive();
        sh(d, h.getValue(), Duration.ofSeconds(10));
        assertThatThrownBy(d::ensureAlive).as(h.getKey())
            .isInstanceOf(DesktopLimitException.class)
            .hasMessageContaining(d.id())
            .hasMessageContaining(h.getKey() + ": ");
      }
    }
    ReplayAuditor.Outcome other = audit.get(180, TimeUnit.SECONDS);
    assertThat(other.proved()).as(other.reasons().toString()).isTrue();
  }

  @Test
  void aFifoOrAHugeSparseFileAtTheCheckedPathFailsTheCheckInBoundedTimeWithAReason() {
    try (Desktop d = sandbox.create(CATALOG.desktopFor(List.of("gnumeric")).workRoot(work).build())) {
      d.start();
      ExecResult made = sh(d, "mkfifo /home/user/out.txt /home/user/sheet.gnumeric && truncate -s 2G /home/user/big.txt",
          Duration.ofSeconds(10));
      assertThat(made.ok()).as(made.stderr()).isTrue();
      GetterReader reader = new GetterReader(CATALOG.formats());
      long t0 = System.nanoTime();
      CheckResult fifo = reader.check(d, new Checker.Check(new Getter.FileText("/home/user/out.txt"), new Metric.EqualsText("", true, false)));
      CheckResult big = reader.check(d, new Checker.Check(new Getter.FileText("/home/user/big.txt"), new Metric.Contains("x", false)));
      CheckResult sheet = reader.check(d, new Checker.Check(new Getter.SpreadsheetCell("/home/user/sheet.gnumeric", null, "A1"),
          new Metric.EqualsText("", true, false)));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      assertThat(fifo.passed()).isFalse();
      assertThat(fifo.leaves().get(0).why()).contains("unreadable").contains("not a regular file");
      assertThat(big.passed()).isFalse();
      assertThat(big.leaves().get(0).why()).contains("unreadable").contains("read limit");
      assertThat(sheet.passed()).isFalse();
      assertThat(sheet.leaves().get(0).why()).contains("unreadable").contains("not a regular file");
    }
  }

  @Test
  void getterOrSetupPathsOutsideTheTaskLocationsAreRejectedByTheStaticAuditNamingThePath() {
    StaticAuditor statics = new StaticAuditor(CATALOG);
    for (String path : List.of("/etc/shadow", "/home/user/../../etc/shadow", "/var/lib/deskforge/privileged/answer.txt", "/proc/1/environ")) {
      assertThat(statics.audit(BrokenFamilies.getterOutsideTheHome(3, path))).as(path)
          .anyMatch(r -> r.startsWith("locations: checker leaf 0 reads " + path));
    }
    for (String path : List.of("/etc/cron.d/x", "/home/user/../../root/.bashrc", "/tmp/x")) {
      assertThat(statics.audit(BrokenFamilies.setupWritingOutside(3, path))).as(path)
          .anyMatch(r -> r.startsWith("allowed steps: setup[") && r.contains("writes " + path));
    }
    assertThat(statics.audit(BrokenFamilies.base(3))).isEmpty();
  }

  @Test
  void freeFormSetupCommandsInTasksNoBuiltInFamilyDrewAreRefused() {
    StaticAuditor statics = new StaticAuditor(CATALOG);
    for (String command : List.of("curl -s http://example.com/answer > /home/user/answer.txt || true",
        "echo pwned > /etc/motd || true", "true")) {
      assertThat(statics.audit(BrokenFamilies.setupRunningFirst(3, command))).as(command)
          .anyMatch(r -> r.startsWith("allowed steps: setup[0] runs a free-form command") && r.contains(command));
    }
  }
}
