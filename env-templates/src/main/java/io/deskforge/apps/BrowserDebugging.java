package io.deskforge.apps;

import java.util.List;

/**
 * How agents drive a browser app the way Playwright and Selenium do, inside the desktop: the
 * browser's Chrome DevTools Protocol port on the desktop's loopback (the browser is launched
 * listening there), and the WebDriver server that attaches to it. Nothing outside the desktop
 * reaches either port; the gym relays them, behind an env's token ({@link AppTemplate#browser()}).
 *
 * @param cdpPort the browser's remote debugging port on the desktop's 127.0.0.1
 * @param webDriverPort where {@code webDriverCommand} listens on the desktop's 127.0.0.1
 * @param webDriverCommand the WebDriver server (chromedriver), run as the desktop user on demand
 */
public record BrowserDebugging(int cdpPort, int webDriverPort, List<String> webDriverCommand) {
  public BrowserDebugging {
    webDriverCommand = List.copyOf(webDriverCommand);
  }

  /** "127.0.0.1:9222", the address a WebDriver session attaches to ({@code goog:chromeOptions.debuggerAddress}). */
  public String debuggerAddress() {
    return "127.0.0.1:" + cdpPort;
  }
}
