package io.deskforge.desktop.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.HostFolders;
import io.deskforge.desktop.host.Packages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop images: a base imported from a debootstrap root file system (no registry is
 * needed), and one image per app built from {@code desktop.Dockerfile} on top. Tags carry a hash
 * of what went in, so a changed package list builds a new image and an unchanged one is reused.
 */
public final class DockerImages {
  private DockerImages() {}

  public static final String BASE_REPOSITORY = "deskforge/base";
  private static final String RECIPE_VERSION = "1";

  /** The Debian release of the base: this host's, so the sandbox and Docker run the same packages. */
  public static String suite() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("VERSION_CODENAME=")) return line.substring(17).replace("\"", "").strip();
      }
    } catch (IOException e) {
      // not Debian-like: fall through
    }
    return "bookworm";
  }

  public static String mirror() {
    String env = System.getenv("DESKFORGE_DEBIAN_MIRROR");
    return env == null || env.isBlank() ? "http://deb.debian.org/debian" : env;
  }

  public static String baseTag() {
    return BASE_REPOSITORY + ":" + suite() + "-" + hash(RECIPE_VERSION, String.join(",", Packages.base()));
  }

  public static String appTag(String name, List<String> packages) {
    return appTag(name, packages, List.of());
  }

  /** The tag of an image with these Debian and npm packages; without npm packages, the same tag as before npm packages existed. */
  public static String appTag(String name, List<String> packages, List<String> npmPackages) {
    String recipe = dockerfile(npmPackages);
    return "deskforge/desktop-" + name + ":" + (npmPackages.isEmpty()
        ? hash(baseTag(), String.join(",", new TreeSet<>(packages)), recipe)
        : hash(baseTag(), String.join(",", new TreeSet<>(packages)), recipe, String.join(",", new TreeSet<>(npmPackages))));
  }

  public static boolean exists(DockerClient docker, String tag) {
    try {
      docker.inspectImageCmd(tag).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Builds whatever of the base and the app image is missing; says what it does on {@code progress}. */
  public static String ensure(DockerClient docker, String name, List<String> packages, Consumer<String> progress) {
    return ensure(docker, name, packages, List.of(), progress);
  }

  /** As {@link #ensure(DockerClient, String, List, Consumer)}, the app image with these npm packages too. */
  public static String ensure(DockerClient docker, String name, List<String> packages, List<String> npmPackages, Consumer<String> progress) {
    if (!exists(docker, baseTag())) buildBase(docker, progress);
    String tag = appTag(name, packages, npmPackages);
    if (!exists(docker, tag)) buildApp(docker, name, packages, npmPackages, progress);
    return tag;
  }

  /** debootstrap (minbase plus the base packages) into a temporary folder, then import it. */
  public static void buildBase(DockerClient docker, Consumer<String> progress) {
    String tag = baseTag();
    Path rootfs;
    try {
      rootfs = Files.createTempDirectory("deskforge-rootfs-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      progress.accept("debootstrap " + suite() + " (minbase + " + Packages.base().size() + " packages) from " + mirror());
      List<String> cmd = List.of("debootstrap", "--variant=minbase", "--include=" + String.join(",", Packages.base()),
          suite(), rootfs.toString(), mirror());
      run(cmd, progress, "debootstrap");
      try (var debs = Files.newDirectoryStream(rootfs.resolve("var/cache/apt/archives"), "*.deb")) {
        for (Path deb : debs) Files.delete(deb); // downloaded packages: not needed in the image
      }
      progress.accept("docker import " + tag);
      Process tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "--numeric-owner", "-cf", "-", ".")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String[] parts = tag.split(":", 2);
      try (InputStream in = tar.getInputStream()) {
        DockerEngine.importImage(in, parts[0], parts[1]);
      }
      if (tar.waitFor() != 0) throw new DesktopException("tar of the base root file system failed");
    } catch (IOException e) {
      throw new DesktopException("building the base image " + tag + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException("interrupted while building " + tag, e);
    } finally {
      deleteQuietly(rootfs);
    }
  }

  public static void buildApp(DockerClient docker, String name, List<String> packages, Consumer<String> progress) {
    buildApp(docker, name, packages, List.of(), progress);
  }

  /** The app image: its Debian packages, then its npm packages under /usr/local as doctor --install installs them on a host ({@link #stageNpm}). */
  public static void buildApp(DockerClient docker, String name, List<String> packages, List<String> npmPackages, Consumer<String> progress) {
    String tag = appTag(name, packages, npmPackages);
    progress.accept("docker build " + tag + " (" + String.join(" ", packages)
        + (npmPackages.isEmpty() ? "" : "; npm " + String.join(" ", npmPackages)) + ")");
    Path dir = null;
    try {
      dir = Files.createTempDirectory("deskforge-image-");
      Files.writeString(dir.resolve("Dockerfile"), dockerfile(npmPackages));
      if (!npmPackages.isEmpty()) stageNpm(dir, npmPackages, progress);
      var build = docker.buildImageCmd(dir.toFile())
          .withBuildArg("BASE", baseTag())
          .withBuildArg("PACKAGES", String.join(" ", packages));
      String image = build
          .withTags(Set.of(tag))
          .withPull(false)
          .withRemove(true)
          .withForcerm(true)
          .exec(new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
              if (item.getStream() != null && !item.getStream().isBlank()) progress.accept("  " + item.getStream().strip());
              super.onNext(item);
            }
          })
          .awaitImageId();
      progress.accept("built " + tag + " (" + image + ")");
    } catch (IOException e) {
      throw new DesktopException("building image " + tag + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new DesktopException("building image " + tag + " failed: " + DockerEngine.rootMessage(e), e);
    } finally {
      if (dir != null) deleteQuietly(dir);
    }
  }

  static String dockerfile() {
    return resource("desktop.Dockerfile");
  }

  /**
   * The npm packages, installed by this host's npm as {@code doctor --install} installs them, but
   * into a prefix in the build context ({@code npm-prefix/}: lib/node_modules and the bin links),
   * which the image copies over /usr/local. The host's npm reaches the registry as the host is set
   * up to (its proxy, its certificates), which a build container is not, and the image then holds
   * the very files a sandbox desktop runs. A scratch cache is used and removed.
   */
  private static void stageNpm(Path context, List<String> specs, Consumer<String> progress) throws IOException {
    Path cache = Files.createTempDirectory("deskforge-npm-cache-");
    try {
      List<String> cmd = new ArrayList<>(List.of("npm", "install", "--global", "--prefix", context.resolve("npm-prefix").toString(),
          "--cache", cache.toString(), "--no-audit", "--no-fund"));
      cmd.addAll(specs);
      progress.accept("installing npm packages on the host for the image: " + String.join(" ", specs));
      run(cmd, progress, "npm install (staging " + String.join(" ", specs) + " for the image)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException("interrupted while installing npm packages " + specs, e);
    } finally {
      deleteQuietly(cache);
    }
  }

  /** The recipe: desktop.Dockerfile, and the npm step after it when there are npm packages to install. */
  static String dockerfile(List<String> npmPackages) {
    return npmPackages.isEmpty() ? dockerfile() : dockerfile() + resource("npm.Dockerfile");
  }

  private static String resource(String file) {
    try (InputStream in = DockerImages.class.getResourceAsStream("/io/deskforge/desktop/image/" + file)) {
      if (in == null) throw new IllegalStateException(file + " is missing from the vm-images jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(List<String> cmd, Consumer<String> progress, String what) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> last = new ArrayList<>();
    try (var lines = p.inputReader().lines()) {
      lines.forEach(l -> {
        last.add(l);
        if (last.size() > 20) last.remove(0);
        if (l.startsWith("I: Retrieving") || l.startsWith("I: Base system") || l.startsWith("E:") || l.startsWith("W:")) {
          progress.accept("  " + l);
        }
      });
    }
    if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new DesktopException(what + " failed (exit " + p.exitValue() + "): " + String.join(" | ", last));
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      HostFolders.deleteTree(dir);
    } catch (IOException e) {
      System.err.println("deskforge: could not remove " + dir + ": " + e.getMessage());
    }
  }

  private static String hash(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        md.update(p.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
