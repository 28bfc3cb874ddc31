package io.deskforge.desktop;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One TCP connection to a port on a desktop's loopback ({@link Privileged#connect}), carried by a
 * relay process inside the desktop: what is written goes to the port, what the port sends is read.
 * Closing it ends the relay and with it the connection.
 */
public final class DesktopStream implements AutoCloseable {
  /**
   * The relay, run by the desktop's python3 (in every desktop: the accessibility reader needs it):
   * connects to 127.0.0.1:argv[1], copies standard input to the socket (half-closing it at the
   * input's end) and the socket to standard output, and exits when the socket ends.
   */
  static final String RELAY = String.join("\n",
      "import os, socket, sys, threading",
      "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))",
      "def up():",
      "    while True:",
      "        b = os.read(0, 65536)",
      "        if not b: break",
      "        s.sendall(b)",
      "    try: s.shutdown(socket.SHUT_WR)",
      "    except OSError: pass",
      "threading.Thread(target=up, daemon=True).start()",
      "while True:",
      "    b = s.recv(65536)",
      "    if not b: break",
      "    while b: b = b[os.write(1, b):]",
      "");

  private final Process process;

  DesktopStream(Process process) {
    this.process = process;
  }

  /** What the port sends; ends when the connection does. */
  public InputStream in() {
    return process.getInputStream();
  }

  /** Goes to the port; closing it half-closes the connection. */
  public OutputStream out() {
    return process.getOutputStream();
  }

  public boolean isOpen() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
