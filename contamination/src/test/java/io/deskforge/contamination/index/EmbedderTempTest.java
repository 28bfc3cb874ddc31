package io.deskforge.contamination.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the embedding model leaves nothing in the temp folder once its process has exited: ONNX
 * Runtime's native libraries come from deskforge's cache, not from a copy in an
 * {@code onnxruntime-java*} folder. Run in a child JVM of its own (ONNX Runtime loads once per
 * process, and this JVM may have loaded it already) whose {@code java.io.tmpdir} and cache are
 * this test's folders, so other runs on the host do not blur the count.
 */
class EmbedderTempTest {
  @TempDir Path dir;

  /** The child: embeds one sentence and exits normally. */
  public static void main(String[] args) {
    System.out.println("dimensions " + Embedder.shared().embed("open the spreadsheet").length);
  }

  @Test
  void aProcessThatEmbedsLeavesNoOnnxRuntimeFolderInTheTempFolder() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    assertThat(child(tmp, cache)).contains("dimensions " + Embedder.DIMENSIONS);
    assertThat(list(tmp)).as("left in the child's temp folder").isEmpty();
    Path libs;
    try (Stream<Path> s = Files.list(cache.resolve("deskforge/onnxruntime"))) {
      libs = s.findFirst().orElseThrow();
    }
    assertThat(list(libs)).extracting(p -> p.getFileName().toString()).contains("libonnxruntime.so", "libonnxruntime4j_jni.so");

    // a second process uses the cached libraries as they are
    long written = Files.getLastModifiedTime(libs.resolve("libonnxruntime.so")).toMillis();
    assertThat(child(tmp, cache)).contains("dimensions " + Embedder.DIMENSIONS);
    assertThat(Files.getLastModifiedTime(libs.resolve("libonnxruntime.so")).toMillis()).isEqualTo(written);
    assertThat(list(tmp)).as("left in the child's temp folder").isEmpty();
  }

  private static String child(Path tmp, Path cache) throws Exception {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", classpath, EmbedderTempTest.class.getName())
        .redirectErrorStream(true);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static List<Path> list(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }
}
