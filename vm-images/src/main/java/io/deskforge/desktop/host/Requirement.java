package io.deskforge.desktop.host;

import java.util.List;

/** Something a provider needs on the host; {@link Doctor} checks it and, as root, installs it. */
public sealed interface Requirement {

  String describe();

  /** A Debian package, with why it is needed. */
  record DebianPackage(String name, String neededFor) implements Requirement {
    @Override
    public String describe() {
      return "Debian package " + name + " (" + neededFor + ")";
    }
  }

  /** Unprivileged user namespaces, which bubblewrap needs to sandbox without being setuid. */
  record UserNamespaces() implements Requirement {
    @Override
    public String describe() {
      return "user namespaces (kernel setting user.max_user_namespaces > 0)";
    }
  }

  /** A running Docker engine reachable on its socket. */
  record DockerEngine() implements Requirement {
    @Override
    public String describe() {
      return "a running Docker engine (dockerd)";
    }
  }

  /**
   * An npm package ({@code name@version}) installed globally under /usr/local, where a sandbox
   * desktop sees it with the rest of /usr, with why it is needed.
   */
  record NpmPackage(String spec, String neededFor) implements Requirement {
    @Override
    public String describe() {
      return "npm package " + spec + " (" + neededFor + ")";
    }
  }

  /** A desktop image: the debootstrap base plus these Debian packages and these npm packages. */
  record DockerImage(String tag, String name, List<String> packages, List<String> npmPackages) implements Requirement {
    public DockerImage {
      packages = List.copyOf(packages);
      npmPackages = npmPackages == null ? List.of() : List.copyOf(npmPackages);
    }

    /** An image of Debian packages alone. */
    public DockerImage(String tag, String name, List<String> packages) {
      this(tag, name, packages, List.of());
    }

    @Override
    public String describe() {
      List<String> all = new java.util.ArrayList<>(packages);
      npmPackages.forEach(n -> all.add("npm:" + n));
      return "Docker image " + tag + (all.isEmpty() ? "" : " (" + String.join(" ", all) + ")");
    }
  }
}
