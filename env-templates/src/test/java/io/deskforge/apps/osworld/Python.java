package io.deskforge.apps.osworld;

import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's python3, which runs OSWorld's code and the stand-in (not another interpreter on the PATH). */
final class Python {
  private Python() {}

  static final String DEBIAN = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
}
