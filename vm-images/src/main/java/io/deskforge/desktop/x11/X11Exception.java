package io.deskforge.desktop.x11;

import java.io.IOException;

/** The X server refused a request, did not answer in time, or the connection to it broke. */
public final class X11Exception extends IOException {
  private final boolean connectionLost;
  private final boolean timedOut;

  public X11Exception(String message, boolean connectionLost, Throwable cause) {
    this(message, connectionLost, false, cause);
  }

  public X11Exception(String message, boolean connectionLost, boolean timedOut, Throwable cause) {
    super(message, cause);
    this.connectionLost = connectionLost;
    this.timedOut = timedOut;
  }

  /**
   * True when the server did not answer in time (a client holding a server grab, a server
   * stopped): the connection is then out of step and refuses every later request.
   */
  public boolean timedOut() {
    return timedOut;
  }

  /** True when the server is gone (socket closed), as opposed to one request failing. */
  public boolean connectionLost() {
    return connectionLost;
  }
}
