package io.deskforge.gym.env;

/**
 * A request the gym cannot serve, with the kind that decides its HTTP status (the server maps
 * kinds to statuses in one place). Messages name the env, task or field and never hold a
 * privileged value.
 */
public final class GymException extends RuntimeException {

  /** Why a request failed. */
  public enum Kind {
    /** The request is malformed (400). */
    BAD_REQUEST,
    /** No such env or task (404). */
    NOT_FOUND,
    /** The env has ended or is closed (409). */
    CONFLICT,
    /** Every env slot is taken (429, with Retry-After). */
    FULL,
    /** A desktop could not be started or died (503). */
    UNAVAILABLE,
    /** The task's setup failed in a fresh desktop (500). */
    FAILED
  }

  private final Kind kind;

  public GymException(Kind kind, String message) {
    this(kind, message, null);
  }

  public GymException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
