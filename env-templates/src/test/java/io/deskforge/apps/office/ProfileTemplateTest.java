package io.deskforge.apps.office;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deskforge.apps.calc.Calc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile template with the host's real LibreOffice: what it holds, that it is the same each time, and when it is rebuilt. */
class ProfileTemplateTest {
  private static final String CALC = LibreOffice.profile(Calc.class);

  @TempDir Path tmp;

  /** A desktop here gets the template; an exported task's launch never carries this host's build. */
  @Test
  void theExportedLaunchHasNoTemplateAndTheDesktopsLaunchHasOne() {
    assumeTrue(ProfileTemplate.key(ProfileTemplate.INSTALLATION, CALC).isPresent(), "LibreOffice is not installed on this host");
    io.deskforge.apps.AppCatalog catalog = io.deskforge.apps.AppCatalog.load();
    for (String app : java.util.List.of("libreoffice-calc", "libreoffice-writer", "libreoffice-impress")) {
      java.util.List<String> args = java.util.List.of("/home/user/Documents/a");
      java.util.List<String> here = catalog.get(app).launch(args).command();
      java.util.List<String> exported = catalog.get(app).portableLaunch(args).command();
      assertEquals(exported, catalog.launchCommand(app, args).subList(2, catalog.launchCommand(app, args).size()),
          app + ": the export runs the portable command, after env and its variables");
      assertFalse(here.get(6).isEmpty(), app + ": the desktop's launch carries the template");
      assertEquals("", exported.get(6), app + ": the exported launch carries this host's template");
      assertEquals(here.subList(0, 6), exported.subList(0, 6));
      assertEquals(here.subList(7, here.size()), exported.subList(7, exported.size()));
    }
  }

  @Test
  void twoBuildsGiveTheSameBytesAndNoTraceOfATask() throws Exception {
    assumeTrue(ProfileTemplate.key(ProfileTemplate.INSTALLATION, CALC).isPresent(), "LibreOffice is not installed on this host");
    Set<Path> before = officeTemps();
    Path a = ProfileTemplate.archive(tmp.resolve("a"), ProfileTemplate.INSTALLATION, CALC).orElseThrow();
    Path b = ProfileTemplate.archive(tmp.resolve("b"), ProfileTemplate.INSTALLATION, CALC).orElseThrow();
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "two fresh builds differ, so two desktops would get different profiles");
    Set<Path> left = new HashSet<>(officeTemps());
    left.removeAll(before);
    assertEquals(Set.of(), left, "the builds left LibreOffice's temp folders in the host's temp folder");
    try (Stream<Path> s = Files.list(tmp.resolve("a"))) {
      assertEquals(Set.of(a.getFileName().toString(), a.getFileName().toString().replace(".tar.gz", ".sha256")),
          s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "the cache holds the archive and its sum only");
    }

    Path user = Files.createDirectories(tmp.resolve("user"));
    Process p = new ProcessBuilder("tar", "-xzf", a.toString(), "-C", user.toString()).inheritIO().start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "the archive does not unpack");
    String xcu = Files.readString(user.resolve("registrymodifications.xcu"));
    assertTrue(xcu.contains("<prop oor:name=\"ShowTipOfTheDay\" oor:op=\"fuse\"><value>false</value>"), "the app's own settings are kept");
    assertTrue(xcu.contains("ooSetupInstCompleted"), "the first-start work is done");
    assertTrue(Files.isRegularFile(user.resolve("extensions/buildid")), "extensions are registered");
    assertEquals("", ProfileTemplate.leftovers(user));
  }

  @Test
  void leftoversOfATaskAreNamed() throws Exception {
    Path user = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(user.resolve("registrymodifications.xcu"), CALC);
    assertEquals("", ProfileTemplate.leftovers(user));
    Files.writeString(user.resolve("registrymodifications.xcu"), CALC.replace("</oor:items>",
        "<item oor:path=\"/org.openoffice.Office.Histories/Histories/org.openoffice.Office.Histories:HistoryInfo['PickList']/OrderList\"/></oor:items>"));
    assertTrue(ProfileTemplate.leftovers(user).contains("recent-documents"));
    Files.writeString(user.resolve("registrymodifications.xcu"), CALC);
    Files.createDirectories(user.resolve("backup"));
    assertTrue(ProfileTemplate.leftovers(user).endsWith("backup"));
  }

  @Test
  void aChangedKeyOrACorruptArchiveIsRebuilt() throws Exception {
    assumeTrue(ProfileTemplate.key(ProfileTemplate.INSTALLATION, CALC).isPresent(), "LibreOffice is not installed on this host");
    Path root = tmp.resolve("cache");
    Path first = ProfileTemplate.archive(root, ProfileTemplate.INSTALLATION, CALC).orElseThrow();
    byte[] good = Files.readAllBytes(first);

    String other = CALC.replace("<prop oor:name=\"Tip\" oor:op=\"fuse\"><value>false</value>", "<prop oor:name=\"Tip\" oor:op=\"fuse\"><value>true</value>");
    assertNotEquals(CALC, other);
    Path second = ProfileTemplate.archive(root, ProfileTemplate.INSTALLATION, other).orElseThrow();
    assertNotEquals(first, second, "another xcu must key another template");
    assertTrue(Files.readString(unpackXcu(second)).contains("<prop oor:name=\"Tip\" oor:op=\"fuse\"><value>true</value>"));

    Files.write(first, new byte[] {31, -117, 8, 0, 0});
    assertFalse(io.deskforge.apps.template.HostTemplates.intact(first, root.resolve(first.getFileName().toString().replace(".tar.gz", ".sha256"))));
    Path again = ProfileTemplate.archive(root, ProfileTemplate.INSTALLATION, CALC).orElseThrow();
    assertEquals(first, again);
    assertArrayEquals(good, Files.readAllBytes(again), "a corrupt archive was trusted instead of rebuilt");
  }

  @Test
  void anotherInstallationIsAnotherKeyAndNoneIsNoTemplate() throws Exception {
    Path fake = Files.createDirectories(tmp.resolve("program"));
    assertEquals(Optional.empty(), ProfileTemplate.key(fake, CALC), "no LibreOffice, no template");
    Files.writeString(fake.resolve("versionrc"), "[Version]\nbuildid=41(Build:1)\n");
    Path soffice = Files.writeString(fake.resolve("soffice"), "#!/bin/sh\nexit 1\n");
    soffice.toFile().setExecutable(true);
    assumeTrue(ProfileTemplate.key(ProfileTemplate.INSTALLATION, CALC).isPresent(), "LibreOffice is not installed on this host");
    assertNotEquals(ProfileTemplate.key(ProfileTemplate.INSTALLATION, CALC), ProfileTemplate.key(fake, CALC));
  }

  /** LibreOffice's {@code lu*.tmp} folders in the temp folder this JVM's children get by default. */
  private static Set<Path> officeTemps() throws Exception {
    String tmpdir = System.getenv("TMPDIR");
    try (Stream<Path> s = Files.list(Path.of(tmpdir == null || tmpdir.isBlank() ? "/tmp" : tmpdir))) {
      return s.filter(p -> p.getFileName().toString().matches("lu\\w+\\.tmp")).collect(Collectors.toSet());
    }
  }

  private Path unpackXcu(Path archive) throws Exception {
    Path user = Files.createDirectories(tmp.resolve("unpacked-" + archive.getFileName()));
    Process p = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", user.toString()).inheritIO().start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
    return user.resolve("registrymodifications.xcu");
  }
}
