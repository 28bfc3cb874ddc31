package io.deskforge.gym.action;

/**
 * A step body that cannot be performed: malformed, in no known schema, or asking for an action
 * deskforge cannot do. The message names the field (a JSON pointer such as {@code /action/x}) and
 * what is wrong; the server answers it with 400.
 */
public class ActionException extends IllegalArgumentException {
  private final String field;

  public ActionException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The JSON pointer of the offending field, {@code ""} for the whole body. */
  public String field() {
    return field;
  }
}
