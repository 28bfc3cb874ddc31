package io.deskforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The libraries that log through Log4j's API (POI, reading and writing office documents) reach the
 * CLI's SLF4J logger, as the rest do, rather than printing "could not find a logging provider", which
 * Log4j's status logger wrote to stdout, ahead of a command's {@code --json} output.
 */
class LoggingTest {
  @Test
  void log4jApiLogsThroughSlf4j() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.test").warn("a warning from POI");
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    assertThat(stdout.toString(StandardCharsets.UTF_8)).as("stdout, where --json output goes").isEmpty();
    assertThat(org.apache.logging.log4j.LogManager.getFactory().getClass().getName())
        .isEqualTo("org.apache.logging.slf4j.SLF4JLoggerContextFactory");
    String said = captured.toString(StandardCharsets.UTF_8);
    assertThat(said).doesNotContain("could not find a logging provider").contains("WARN org.apache.poi.test - a warning from POI");
  }
}
