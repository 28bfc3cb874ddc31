package io.deskforge.cli;

import io.deskforge.apps.AppCatalog;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.docker.DockerEngine;
import io.deskforge.desktop.docker.DockerImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "images", mixinStandardHelpOptions = true,
    description = "Docker desktop images.", subcommands = {ImagesCommand.Build.class, ImagesCommand.ListImages.class})
final class ImagesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = {"Builds the desktop images that are missing and reuses those that exist: the base from a",
          "debootstrap root file system (docker import, no registry needed; needs root and debootstrap),",
          "then one image per app with its Debian packages."})
  static final class Build implements Callable<Integer> {
    @Option(names = "--app", split = ",", paramLabel = "APP", description = "Apps to build images for. Default: all apps.")
    List<String> apps;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      AppCatalog catalog = AppCatalog.load();
      PrintWriter err = spec.commandLine().getErr();
      try (var docker = DockerEngine.connect()) {
        for (String app : apps == null ? catalog.names() : apps) {
          DesktopConfig config = catalog.desktopFor(List.of(app)).build();
          boolean had = DockerImages.exists(docker, DockerImages.appTag(config.imageName(), config.packages(), config.npmPackages()));
          String tag = DockerImages.ensure(docker, config.imageName(), config.packages(), config.npmPackages(), line -> {
            err.println(line);
            err.flush();
          });
          spec.commandLine().getOut().println((had ? "reused " : "built  ") + tag);
        }
      }
      spec.commandLine().getOut().flush();
      return Deskforge.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Shows each app's image tag and whether it exists.")
  static final class ListImages implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      AppCatalog catalog = AppCatalog.load();
      PrintWriter out = spec.commandLine().getOut();
      try (var docker = DockerEngine.connect()) {
        out.printf("%-8s %s%n", DockerImages.exists(docker, DockerImages.baseTag()) ? "present" : "missing", DockerImages.baseTag());
        for (String app : catalog.names()) {
          DesktopConfig config = catalog.desktopFor(List.of(app)).build();
          String tag = DockerImages.appTag(config.imageName(), config.packages(), config.npmPackages());
          out.printf("%-8s %s%n", DockerImages.exists(docker, tag) ? "present" : "missing", tag);
        }
      }
      out.flush();
      return Deskforge.OK;
    }
  }
}
