package io.deskforge.apps.family;

import java.util.List;

/**
 * A family file that cannot be used, with every problem found: each names the file and the JSON
 * pointer of the field ({@code notes.family.json: /checker/getter/type: ...}). An
 * IllegalArgumentException, so the command line prints it without a stack trace.
 */
public final class FamilyFileException extends IllegalArgumentException {
  private final List<Problem> problems;

  public FamilyFileException(List<Problem> problems) {
    super(String.join("\n", problems.stream().map(Problem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /** One problem of a family file: the file, the JSON pointer of the field ("" for the whole document), what is wrong. */
  public record Problem(String file, String pointer, String message) {
    @Override
    public String toString() {
      return file + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + message;
    }
  }
}
