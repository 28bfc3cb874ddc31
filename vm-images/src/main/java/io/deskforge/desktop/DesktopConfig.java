package io.deskforge.desktop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a desktop is made: screen size, accessibility, the image (name and Debian packages, used by
 * the Docker provider and checked by the sandbox), timeouts, where host-side folders go and the
 * desktop's resource limits.
 */
public record DesktopConfig(
    int width,
    int height,
    boolean accessibility,
    String imageName,
    List<String> packages,
    Duration startTimeout,
    Path workRoot,
    DesktopLimits limits,
    java.util.Map<String, String> environment,
    java.util.Map<String, String> commandEnvironment,
    List<String> systemFolders,
    List<String> npmPackages,
    java.util.Map<String, Path> hostCaches) {

  public DesktopConfig {
    if (width < 320 || height < 240 || width > 7680 || height > 4320) {
      throw new IllegalArgumentException("resolution " + width + "x" + height + " is out of range (320x240 to 7680x4320)");
    }
    packages = List.copyOf(packages);
    if (limits == null) limits = DesktopLimits.DEFAULT;
    environment = environment == null ? java.util.Map.of() : java.util.Map.copyOf(environment);
    commandEnvironment = commandEnvironment == null ? java.util.Map.of() : java.util.Map.copyOf(commandEnvironment);
    systemFolders = systemFolders == null ? List.of() : List.copyOf(systemFolders);
    for (String f : systemFolders) checkSystemFolder(f);
    npmPackages = npmPackages == null ? List.of() : List.copyOf(npmPackages);
    for (String n : npmPackages) checkNpmPackage(n);
    hostCaches = hostCaches == null ? java.util.Map.of() : java.util.Map.copyOf(hostCaches);
    hostCaches.forEach(DesktopConfig::checkHostCache);
    if (imageName == null || !imageName.matches("[a-z0-9][a-z0-9.-]*")) {
      throw new IllegalArgumentException("image name '" + imageName + "' must be lower-case letters, digits, '.' or '-'");
    }
  }

  /** The configuration before system folders were added, for callers that build it whole. */
  public DesktopConfig(int width, int height, boolean accessibility, String imageName, List<String> packages, Duration startTimeout,
      Path workRoot, DesktopLimits limits, java.util.Map<String, String> environment, java.util.Map<String, String> commandEnvironment) {
    this(width, height, accessibility, imageName, packages, startTimeout, workRoot, limits, environment, commandEnvironment, List.of());
  }

  /** The configuration before npm packages were added, for callers that build it whole. */
  public DesktopConfig(int width, int height, boolean accessibility, String imageName, List<String> packages, Duration startTimeout,
      Path workRoot, DesktopLimits limits, java.util.Map<String, String> environment, java.util.Map<String, String> commandEnvironment,
      List<String> systemFolders) {
    this(width, height, accessibility, imageName, packages, startTimeout, workRoot, limits, environment, commandEnvironment, systemFolders,
        List.of());
  }

  /** The configuration before host caches were added, for callers that build it whole. */
  public DesktopConfig(int width, int height, boolean accessibility, String imageName, List<String> packages, Duration startTimeout,
      Path workRoot, DesktopLimits limits, java.util.Map<String, String> environment, java.util.Map<String, String> commandEnvironment,
      List<String> systemFolders, List<String> npmPackages) {
    this(width, height, accessibility, imageName, packages, startTimeout, workRoot, limits, environment, commandEnvironment, systemFolders,
        npmPackages, java.util.Map.of());
  }

  /** The same configuration with other environments for apps and for commands. */
  public DesktopConfig withEnvironments(java.util.Map<String, String> environment, java.util.Map<String, String> commandEnvironment) {
    return new DesktopConfig(width, height, accessibility, imageName, packages, startTimeout, workRoot, limits, environment,
        commandEnvironment, systemFolders, npmPackages, hostCaches);
  }

  /**
   * An npm package is {@code name@version} with an exact version ({@code tiddlywiki@5.4.1}, a scope
   * allowed), so that every host and image runs the same code and the doctor can tell whether the
   * installed one is it; nothing an npm command line would read as an option, a path or a URL.
   */
  static void checkNpmPackage(String spec) {
    if (spec == null || !spec.matches("(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*@[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?")) {
      throw new IllegalArgumentException("npm package '" + spec + "' must be name@version with an exact version (tiddlywiki@5.4.1)");
    }
  }

  /**
   * A system folder is where a package keeps files outside /usr and /etc that its app reads (Debian's
   * dokuwiki keeps its templates and plugins in /var/lib/dokuwiki): under /var/lib or /opt, absolute,
   * without '.' or '..' parts, so that it can never show the host's homes, secrets or run state.
   */
  static void checkSystemFolder(String folder) {
    if (folder == null || !folder.matches("/(var/lib|opt)(/[A-Za-z0-9_+-][A-Za-z0-9._+-]*)+")
        || folder.contains("/../") || folder.endsWith("/..") || folder.contains("/./") || folder.endsWith("/.")) {
      throw new IllegalArgumentException("system folder '" + folder + "' must be an absolute folder under /var/lib or /opt");
    }
  }

  /**
   * A host cache is a folder the host made once for every desktop (an app's compiled code), shown
   * read-only at {@link DesktopPaths#HOST_CACHES}/name: a name of lower-case letters, digits and
   * '-', so it is one folder there; the host folder an absolute, normalized path.
   */
  static void checkHostCache(String name, Path folder) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("host cache name '" + name + "' must be lower-case letters, digits and '-'");
    }
    if (folder == null || !folder.isAbsolute() || !folder.normalize().equals(folder) || folder.getNameCount() < 2) {
      throw new IllegalArgumentException("host cache '" + name + "' must be an absolute folder below the root, not '" + folder + "'");
    }
  }

  /**
   * The host caches that are folders now, by name in order: the ones a desktop starting now shows
   * (a missing one is left out, as {@link Builder#hostCaches} says).
   */
  public java.util.SortedMap<String, Path> presentHostCaches() {
    java.util.SortedMap<String, Path> present = new java.util.TreeMap<>();
    hostCaches.forEach((name, folder) -> {
      if (java.nio.file.Files.isDirectory(folder)) present.put(name, folder);
    });
    return present;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The folder under which each desktop gets its own host-side folder. */
  public static Path defaultWorkRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "deskforge-desktops");
  }

  public static final class Builder {
    private int width = 1280;
    private int height = 800;
    private boolean accessibility = true;
    private String imageName = "desktop";
    private final List<String> packages = new ArrayList<>();
    private Duration startTimeout = Duration.ofSeconds(30);
    private Path workRoot = defaultWorkRoot();
    private DesktopLimits limits = DesktopLimits.fromEnvironment();
    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, String> commandEnvironment = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> systemFolders = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> npmPackages = new java.util.LinkedHashSet<>();
    private final java.util.Map<String, Path> hostCaches = new java.util.LinkedHashMap<>();

    public Builder resolution(int width, int height) {
      this.width = width;
      this.height = height;
      return this;
    }

    /** AT-SPI for the accessibility tree; off saves a bus and a registry per desktop. */
    public Builder accessibility(boolean on) {
      this.accessibility = on;
      return this;
    }

    /** The image the Docker provider uses: a name and the Debian packages on top of the base. */
    public Builder image(String name, List<String> packages) {
      this.imageName = name;
      this.packages.clear();
      this.packages.addAll(packages);
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    public Builder workRoot(Path root) {
      this.workRoot = root;
      return this;
    }

    /** Per-desktop resource limits; {@code DESKFORGE_DESKTOP_LIMITS} over the defaults unless set. */
    public Builder limits(DesktopLimits limits) {
      this.limits = limits;
      return this;
    }

    /**
     * Variables added to the environment of everything run inside as the desktop user (apps,
     * setup commands): a time zone, a shifted clock for a determinism check.
     */
    public Builder environment(java.util.Map<String, String> variables) {
      this.environment.putAll(variables);
      return this;
    }

    /** Variables added for commands run inside as the desktop user (setup commands), not for apps. */
    public Builder commandEnvironment(java.util.Map<String, String> variables) {
      this.commandEnvironment.putAll(variables);
      return this;
    }

    /**
     * Host folders outside /usr and /etc that the apps' packages install files in and the apps
     * read (see {@link DesktopConfig#checkSystemFolder}). A sandbox shows them read-only at the
     * same path; a Docker image has them from its packages.
     */
    public Builder systemFolders(java.util.Collection<String> folders) {
      folders.forEach(DesktopConfig::checkSystemFolder);
      this.systemFolders.addAll(folders);
      return this;
    }

    /**
     * npm packages ({@code name@version}) the apps need beyond the Debian packages: the sandbox
     * checks that they are installed under /usr/local, a Docker image installs them.
     */
    public Builder npmPackages(java.util.Collection<String> specs) {
      specs.forEach(DesktopConfig::checkNpmPackage);
      this.npmPackages.addAll(specs);
      return this;
    }

    /**
     * Host folders shown read-only in the desktop at {@link DesktopPaths#HOST_CACHES}/name (see
     * {@link DesktopConfig#checkHostCache}): what the host built once for all desktops, such as an
     * app's compiled code. A folder missing when the desktop starts is left out; the app must work
     * without it.
     */
    public Builder hostCaches(java.util.Map<String, Path> caches) {
      caches.forEach(DesktopConfig::checkHostCache);
      this.hostCaches.putAll(caches);
      return this;
    }

    public DesktopConfig build() {
      return new DesktopConfig(width, height, accessibility, imageName, packages, startTimeout, workRoot, limits, environment,
          commandEnvironment, List.copyOf(systemFolders), List.copyOf(npmPackages), java.util.Map.copyOf(hostCaches));
    }
  }
}
