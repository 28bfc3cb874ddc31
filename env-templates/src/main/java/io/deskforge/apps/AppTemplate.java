package io.deskforge.apps;

import io.deskforge.desktop.AppLaunch;
import java.util.List;

/**
 * One application deskforge can run tasks on. An app is one package under {@code io.deskforge.apps}
 * with a class implementing this interface, listed in {@code META-INF/services}; nothing else in
 * the project changes when an app is added.
 */
public interface AppTemplate {

  /** Short lower-case name used on the command line and in task ids ({@code mousepad}). */
  String name();

  /** What it is, for {@code deskforge apps}. */
  String description();

  /** The Debian packages it needs on top of every desktop's base. */
  List<String> packages();

  /** How to start it with these arguments (files to open), and when it is ready. */
  AppLaunch launch(List<String> args);

  /** The privileged getters its tasks use to read saved state (JSON names, e.g. file_text). */
  List<String> getters();

  /** Its task families. */
  List<TaskFamily> families();

  /**
   * Folders outside the home where the app keeps state its tasks may check and set up (a
   * profile, a database), as absolute desktop paths ending in '/'. The static audit confines a
   * task's getters and setup writes to the home and these; none by default.
   */
  default List<String> stateFolders() {
    return List.of();
  }
}
