package io.deskforge.desktop.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.MissingRequirementException;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.HostFolders;
import io.deskforge.desktop.host.Requirement;
import java.util.List;
import java.util.Map;

/**
 * Desktops as Docker containers (one each) through docker-java: no network, the desktop user's
 * uid, the same init script and folder layout as the sandbox. Images come from {@link
 * DockerImages}; a missing image is an error that says how to build it, not a silent build.
 */
public final class DockerProvider implements DesktopProvider {
  public static final String NAME = "docker";
  public static final String LABEL_DESKTOP = "io.deskforge.desktop";
  static final String LABEL_OWNER = "io.deskforge.owner";

  private DockerClient docker;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public synchronized Desktop create(DesktopConfig config) {
    if (docker == null) {
      docker = DockerEngine.connect();
      reapStale(config);
    }
    String image = DockerImages.appTag(config.imageName(), config.packages(), config.npmPackages());
    if (!DockerImages.exists(docker, image)) {
      throw new MissingRequirementException("Docker image " + image + " for " + config.imageName()
          + " is missing; build it with: deskforge images build (or deskforge doctor --install, as root)");
    }
    return new DockerDesktop(config, docker, image);
  }

  @Override
  public List<Requirement> requirements(DesktopConfig config) {
    return List.of(
        new Requirement.DebianPackage("docker.io", "the Docker engine"),
        new Requirement.DebianPackage("debootstrap", "building the base image without a registry"),
        new Requirement.DockerEngine(),
        new Requirement.DockerImage(DockerImages.appTag(config.imageName(), config.packages(), config.npmPackages()), config.imageName(),
            config.packages(), config.npmPackages()));
  }

  /** Removes containers and folders of deskforge processes on this host that died without closing. */
  private void reapStale(DesktopConfig config) {
    HostFolders.reapStale(config.workRoot());
    String host = hostName();
    List<Container> ours = docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(LABEL_OWNER)).exec();
    for (Container c : ours) {
      Map<String, String> labels = c.getLabels();
      String owner = labels == null ? null : labels.get(LABEL_OWNER);
      if (owner == null || !owner.startsWith(host + ":")) continue;
      long pid = Long.parseLong(owner.substring(host.length() + 1));
      if (ProcessHandle.of(pid).isEmpty()) {
        try {
          docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
          System.err.println("deskforge: could not remove stale container " + c.getId() + ": " + e.getMessage());
        }
      }
    }
  }

  static String hostName() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  static String owner() {
    return hostName() + ":" + ProcessHandle.current().pid();
  }

  @Override
  public synchronized void close() {
    if (docker != null) DockerEngine.closeQuietly(docker);
    docker = null;
  }
}
