package io.deskforge.desktop.ready;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.WindowInfo;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ready.httpOk's probe, run by bash on the host against a real HTTP server (inside a desktop the
 * same command runs in the desktop's network namespace), and the system folders a desktop may show.
 */
class HttpReadyTest {

  /** A target whose commands run on the host, with no windows and an app that stays alive. */
  static ReadyTarget hostTarget() {
    return new ReadyTarget() {
      @Override
      public String describe() {
        return "host";
      }

      @Override
      public List<WindowInfo> windows() {
        return List.of();
      }

      @Override
      public void activate(WindowInfo window) {}

      @Override
      public boolean appAlive() {
        return true;
      }

      @Override
      public String appExit() {
        return "running";
      }

      @Override
      public long appCpuNanos() {
        return 0;
      }

      @Override
      public boolean fileExists(String desktopPath) {
        return false;
      }

      @Override
      public boolean commandSucceeds(List<String> command, Duration timeout) {
        try {
          Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
          if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            return false;
          }
          return p.exitValue() == 0;
        } catch (Exception e) {
          return false;
        }
      }
    };
  }

  static HttpServer server(int status) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/", x -> {
      byte[] body = ("path " + x.getRequestURI()).getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(x.getRequestURI().getPath().equals("/ok") ? status : 404, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    s.start();
    return s;
  }

  @Test
  void readyWhenTheServerAnswers200() throws Exception {
    HttpServer s = server(200);
    try {
      Ready.httpOk(s.getAddress().getPort(), "/ok?id=start").waitUntilReady(hostTarget(), Duration.ofSeconds(5));
    } finally {
      s.stop(0);
    }
  }

  @Test
  void notReadyOnAnotherStatusOrWithNoServer() throws Exception {
    HttpServer s = server(200);
    int port = s.getAddress().getPort();
    try {
      assertThatThrownBy(() -> Ready.httpOk(port, "/missing").waitUntilReady(hostTarget(), Duration.ofMillis(300)))
          .isInstanceOf(DesktopException.class).hasMessageContaining("HTTP 200 from 127.0.0.1:" + port + "/missing");
    } finally {
      s.stop(0);
    }
    assertThatThrownBy(() -> Ready.httpOk(port, "/ok").waitUntilReady(hostTarget(), Duration.ofMillis(300)))
        .isInstanceOf(DesktopException.class);
  }

  @Test
  void aBadPortOrPathIsRefused() {
    assertThatThrownBy(() -> Ready.httpOk(0, "/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ready.httpOk(80, "no-slash")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ready.httpOk(80, "/a b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void systemFoldersAreFoldersUnderVarLibOrOptOnly() {
    assertThat(DesktopConfig.builder().systemFolders(List.of("/var/lib/dokuwiki", "/opt/app")).build().systemFolders())
        .containsExactly("/var/lib/dokuwiki", "/opt/app");
    for (String bad : List.of("/", "/var/lib", "/home/user", "/root", "/var/lib/../../etc", "var/lib/x", "/var/lib/x/..", "/proc/1", "/var/lib/a b")) {
      assertThatThrownBy(() -> DesktopConfig.builder().systemFolders(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
