package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.util.CompressArchiveUtil;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build context `doctor --install` and `images build` send to Docker, packed on the CLI's own
 * classpath (the one the deskforge jar is made of). With commons-lang3 3.14 there, as odfdom asked,
 * commons-compress 1.28 threw NoSuchMethodError on the first entry and no image was ever built.
 */
class ImageContextTest {
  @TempDir Path dir;

  @Test
  void theDockerBuildContextIsPackedAsATar() throws Exception {
    Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    // a long name takes the PAX header path, where the old classpath failed
    Path deep = Files.createDirectories(dir.resolve("x".repeat(60)).resolve("y".repeat(60)));
    Path script = Files.writeString(deep.resolve("setup-with-a-long-name.sh"), "true\n");
    File packed = CompressArchiveUtil.archiveTARFiles(dir.toFile(), List.of(dockerfile.toFile(), script.toFile()), "context");
    List<String> names = new java.util.ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(packed.toPath())))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
    } finally {
      Files.deleteIfExists(packed.toPath());
    }
    assertThat(names).contains("Dockerfile").anyMatch(n -> n.endsWith("setup-with-a-long-name.sh") && n.length() > 100);
  }
}
