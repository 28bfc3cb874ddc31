package io.deskforge.gym;

import io.deskforge.desktop.DesktopProviders;
import io.deskforge.gym.env.Gym;
import io.deskforge.gym.env.GymConfig;
import io.deskforge.gym.server.GymServer;
import io.deskforge.task.bank.TaskBank;
import java.nio.file.Path;

/** A gym server in its own JVM, for the test that kills one: args are the bank file and the desktops' work root. */
public final class GymMain {
  public static void main(String[] args) throws Exception {
    TaskBank bank = TaskBank.open(Path.of(args[0]));
    Gym gym = new Gym(bank, DesktopProviders.create("sandbox"), VerifiedBank.CATALOG, GymConfig.defaults().withWorkRoot(Path.of(args[1]))).start();
    GymServer server = new GymServer(gym, "127.0.0.1", null).start("127.0.0.1", 0);
    System.out.println("port " + server.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
