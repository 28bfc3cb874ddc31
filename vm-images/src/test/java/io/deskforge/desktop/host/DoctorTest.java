package io.deskforge.desktop.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorTest {

  @Test
  void reportsAMissingPackageByNameWithTheCommandThatInstallsIt() {
    // GNU hello is a real Debian package that nothing here installs
    List<Doctor.Finding> findings = Doctor.check(List.of(
        new Requirement.DebianPackage("bubblewrap", "the sandbox"),
        new Requirement.DebianPackage("hello", "a test")));
    assertThat(findings).hasSize(2);
    Doctor.Finding bubblewrap = findings.get(0);
    Doctor.Finding hello = findings.get(1);
    assertThat(bubblewrap.ok()).isTrue();
    assertThat(hello.ok()).isFalse();
    assertThat(hello.requirement().describe()).contains("hello");
    assertThat(hello.fix()).isEqualTo("apt-get install -y --no-install-recommends hello");
  }

  @Test
  void aPackageThatDoesNotExistIsMissingToo() {
    List<Doctor.Finding> findings = Doctor.check(List.of(new Requirement.DebianPackage("deskforge-no-such-package", "a test")));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.ok()).isFalse();
      assertThat(f.fix()).endsWith("deskforge-no-such-package");
    });
  }

  /**
   * Image builds run side by side: one that ends in an Error (as the NoSuchMethodError of a wrong
   * commons-lang3 did) fails doctor, naming it, and does not stop the others.
   */
  @Test
  void anImageBuildThatThrowsAnErrorFailsTheInstall() {
    java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
    java.util.Map<String, Runnable> jobs = new java.util.LinkedHashMap<>();
    jobs.put("mousepad's image", built::incrementAndGet);
    jobs.put("xterm's image", () -> {
      throw new NoSuchMethodError("SystemProperties.getUserName");
    });
    jobs.put("gnumeric's image", built::incrementAndGet);
    assertThatThrownBy(() -> Doctor.allOrFail(jobs))
        .isInstanceOf(io.deskforge.desktop.DesktopException.class)
        .hasMessageContaining("1 of 3 failed")
        .hasMessageContaining("xterm's image: java.lang.NoSuchMethodError: SystemProperties.getUserName");
    assertThat(built.get()).isEqualTo(2);
  }

  @Test
  void imageBuildsThatAllSucceedPass() throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
    Doctor.allOrFail(java.util.Map.of("a", built::incrementAndGet, "b", built::incrementAndGet));
    assertThat(built.get()).isEqualTo(2);
  }
}
