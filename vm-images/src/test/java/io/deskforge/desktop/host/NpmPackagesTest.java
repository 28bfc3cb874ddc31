package io.deskforge.desktop.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.desktop.DesktopConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmPackagesTest {
  @TempDir Path prefix;

  private void install(String name, String version) throws Exception {
    Path dir = Files.createDirectories(prefix.resolve("lib/node_modules").resolve(name));
    Files.writeString(dir.resolve("package.json"), "{\n  \"name\": \"" + name + "\",\n  \"version\": \"" + version + "\"\n}\n");
  }

  @Test
  void aPackageCountsAsInstalledOnlyAtTheExactVersionAsked() throws Exception {
    install("tiddlywiki", "5.3.0");
    install("@scope/tool", "1.2.3");
    assertThat(NpmPackages.missing(List.of("tiddlywiki@5.4.1", "@scope/tool@1.2.3", "absent@0.1.0"), prefix))
        .containsExactly("tiddlywiki@5.4.1", "absent@0.1.0");
    install("tiddlywiki", "5.4.1");
    assertThat(NpmPackages.missing(List.of("tiddlywiki@5.4.1"), prefix)).isEmpty();
  }

  @Test
  void theDoctorReportsAMissingNpmPackageWithTheCommandThatInstallsIt() {
    List<Doctor.Finding> findings = Doctor.check(List.of(new Requirement.NpmPackage("deskforge-no-such-package@1.0.0", "a test")));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.ok()).isFalse();
      assertThat(f.detail()).isEqualTo("not installed under /usr/local");
      assertThat(f.requirement().describe()).isEqualTo("npm package deskforge-no-such-package@1.0.0 (a test)");
      assertThat(f.fix()).isEqualTo("npm install --global --prefix /usr/local --no-audit --no-fund deskforge-no-such-package@1.0.0");
    });
  }

  @Test
  void anImageWithNpmPackagesHasATagOfItsOwnAndOthersKeepTheirs() {
    List<String> debs = List.of("nodejs", "chromium");
    String plain = io.deskforge.desktop.docker.DockerImages.appTag("tiddlywiki", debs);
    assertThat(io.deskforge.desktop.docker.DockerImages.appTag("tiddlywiki", debs, List.of())).isEqualTo(plain);
    String with = io.deskforge.desktop.docker.DockerImages.appTag("tiddlywiki", debs, List.of("tiddlywiki@5.4.1"));
    assertThat(with).isNotEqualTo(plain).startsWith("deskforge/desktop-tiddlywiki:")
        .isNotEqualTo(io.deskforge.desktop.docker.DockerImages.appTag("tiddlywiki", debs, List.of("tiddlywiki@5.4.2")));
  }

  @Test
  void aDesktopTakesOnlyNpmPackagesWithAnExactVersion() {
    assertThat(DesktopConfig.builder().npmPackages(List.of("tiddlywiki@5.4.1", "@scope/tool@1.0.0-rc.1")).build().npmPackages())
        .containsExactly("tiddlywiki@5.4.1", "@scope/tool@1.0.0-rc.1");
    for (String bad : List.of("tiddlywiki", "tiddlywiki@latest", "tiddlywiki@^5.4.1", "--registry=http://x@1.0.0", "../evil@1.0.0",
        "git+https://example.org/x.git@1.0.0")) {
      assertThatThrownBy(() -> DesktopConfig.builder().npmPackages(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
