package io.deskforge.desktop;

/**
 * A file in a desktop that the host refuses or fails to read or write: missing, a link, a FIFO or
 * device, over the read limit, or not done within the time limit. The desktop itself is fine; the
 * state it holds is what is wrong, so a checker reading it fails closed with this message as its
 * reason rather than counting as an infrastructure failure.
 */
public class UnreadableFileException extends RuntimeException {
  public UnreadableFileException(String message) {
    super(message);
  }

  public UnreadableFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
