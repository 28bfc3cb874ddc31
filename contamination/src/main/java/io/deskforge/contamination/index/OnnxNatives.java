package io.deskforge.contamination.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ONNX Runtime's native libraries, loaded from deskforge's cache instead of a fresh copy in the
 * temp folder. ONNX Runtime 1.20 copies its two libraries out of its jar into a new
 * {@code onnxruntime-java*} folder at every start and only marks them for deletion at exit, the
 * folder last, so the folder is deleted first while still full and stays behind, empty after a
 * normal exit and with 16 MB in it after a kill. Told where the libraries are (the
 * {@code onnxruntime.native.path} property), it copies nothing: its folder stays empty and goes
 * at exit.
 *
 * <p>The libraries are copied once into {@code $XDG_CACHE_HOME/deskforge/onnxruntime/<hash>/} (or
 * under {@code ~/.cache}), named by the SHA-256 of the jar's bytes of them, so another ONNX Runtime
 * gets a folder of its own; each file is written under a private name and renamed into place, so
 * two processes starting at once never load half a file. A property set by the user is left as
 * it is, and a platform whose libraries the jar does not carry keeps ONNX Runtime's own loading.
 */
final class OnnxNatives {
  static final String PROPERTY = "onnxruntime.native.path";
  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

  private OnnxNatives() {}

  /** Points ONNX Runtime at the cached libraries, copying them there first if needed; before ONNX Runtime loads. */
  static synchronized void useCache() {
    if (System.getProperty(PROPERTY) != null) return;
    String platform = platform();
    if (platform == null) return;
    Map<String, byte[]> libraries = new LinkedHashMap<>();
    MessageDigest digest = sha256();
    for (String library : LIBRARIES) {
      String file = System.mapLibraryName(library);
      try (InputStream in = OnnxNatives.class.getResourceAsStream("/ai/onnxruntime/native/" + platform + "/" + file)) {
        if (in == null) return;
        byte[] bytes = in.readAllBytes();
        digest.update(file.getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        libraries.put(file, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read ONNX Runtime's " + file + " from its jar", e);
      }
    }
    Path dir = cacheRoot().resolve("onnxruntime").resolve(HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> library : libraries.entrySet()) {
        Path target = dir.resolve(library.getKey());
        if (Files.isRegularFile(target) && Files.size(target) == library.getValue().length) continue;
        Path part = Files.createTempFile(dir, "." + library.getKey(), ".part");
        try {
          Files.write(part, library.getValue());
          Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(part);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy ONNX Runtime's native libraries into " + dir + ": " + e.getMessage(), e);
    }
    System.setProperty(PROPERTY, dir.toString());
  }

  /** The jar's folder name for this platform ({@code linux-x64}), as ONNX Runtime names it; null when it carries none. */
  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : null;
    String a = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64" : arch.startsWith("aarch64") ? "aarch64" : null;
    return o == null || a == null ? null : o + "-" + a;
  }

  /** {@code $XDG_CACHE_HOME/deskforge}, or {@code ~/.cache/deskforge}. */
  static Path cacheRoot() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
    return base.resolve("deskforge");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
