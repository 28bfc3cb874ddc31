package io.deskforge.apps.chromium;

/**
 * The web apps' servers (DokuWiki, MediaWiki, Jupyter, TiddlyWiki), each started by its launcher
 * script on the desktop's loopback before Chromium opens it.
 */
public final class LoopbackServer {
  private LoopbackServer() {}

  /**
   * A line of a {@code sh} launcher that waits until something listens on {@code $PORT} of
   * 127.0.0.1, trying every 10 ms for at most {@code seconds}; if nothing does, it prints {@code app:
   * the server never listened} and the server's {@code log} and fails the launch. The seconds are
   * now real ones: the loop before counted tries, each of which took 30-60 ms under load.
   *
   * <p>One bash process does all the tries: the connect is bash's own {@code /dev/tcp} and the pause
   * a {@code read} that times out on a pipe nobody writes. The loop this replaces started a bash and
   * a {@code sleep} per try, about 20 ms of CPU each time here, CPU taken from the server it waited
   * for (measured: 100 such tries cost 2.2 CPU-s, 100 of these 0.01).
   *
   * <p>Chromium is not started beside the server: tried with a local page that opened the app's page
   * once the server answered, a cold start took 0.4-1.2 CPU-s more and was no faster (TiddlyWiki 4.1
   * and 4.8 s against 3.7-4.0 s, Jupyter 4.2 s against 3.4-3.6 s, 5 runs each): on two cores the
   * browser's start already keeps both busy.
   */
  public static String awaitPort(String app, String log, int seconds) {
    return """
        bash -c 'exec 9<> <(:); i=0
          until { : 3<>"/dev/tcp/127.0.0.1/$0"; } 2>/dev/null; do
            i=$((i+1)); [ "$i" -lt "$1" ] || exit 1; read -t 0.01 -u 9 || :
          done' "$PORT" %d || { echo "%s: the server never listened"; cat "%s"; exit 1; }
        """.formatted(seconds * 100, app, log);
  }
}
