package io.deskforge.apps.chromium;

import io.deskforge.task.spec.SetupStep;
import java.util.List;

/**
 * Realistic sites the families draw from. A local page is served as a file (there is no network
 * beyond loopback in a desktop); a web address is only ever typed as text, never loaded.
 */
final class Sites {
  private Sites() {}

  /** A page written to ~/sites/{site}/{slug}.html by setup; the vocabulary's pages have no site yet. */
  record Page(String site, String slug, String title, String heading) {
    Page(String slug, String title, String heading) {
      this(null, slug, title, heading);
    }

    /** The same page in a site folder (a person's saved copies of one site). */
    Page in(String siteFolder) {
      return new Page(siteFolder, slug, title, heading);
    }

    String path() {
      return "/home/user/sites/" + site + "/" + slug + ".html";
    }

    String url() {
      return "file://" + path();
    }

    /** The window title once Chromium shows it. */
    String windowTitle() {
      return "^" + java.util.regex.Pattern.quote(title) + " - Chromium$";
    }

    SetupStep write() {
      return new SetupStep.WriteFile(path(), "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
          + "</title></head>\n<body><h1>" + heading + "</h1>\n<p>" + title + ": a page kept for reading offline.</p></body></html>\n");
    }
  }

  static final List<Page> PAGES = List.of(
      new Page("tea-recipes", "Tea Recipes", "Green and black tea, brewed right"),
      new Page("city-library", "City Library Opening Hours", "Opening hours"),
      new Page("bike-repair", "Bike Repair Guide", "Fixing a flat tyre"),
      new Page("train-times", "Regional Train Timetable", "Weekday departures"),
      new Page("garden-journal", "Garden Journal", "What to plant in spring"),
      new Page("tax-checklist", "Tax Return Checklist", "Documents to gather"),
      new Page("bread-baking", "Sourdough Bread Baking", "Feeding the starter"),
      new Page("hiking-trails", "Mountain Hiking Trails", "Trails by difficulty"),
      new Page("team-wiki", "Team Wiki Home", "Welcome to the team wiki"),
      new Page("recycling-rules", "Recycling Rules", "What goes in which bin"),
      new Page("museum-tickets", "Museum Ticket Prices", "Admission and opening days"),
      new Page("chess-openings", "Chess Openings Explained", "The Italian Game"));

  /** Hosts of web addresses typed as text (a home page, say); never loaded, so no network is needed. */
  static final List<String> HOSTS = List.of(
      "www.wikipedia.org", "news.ycombinator.com", "www.bbc.com", "www.theguardian.com", "duckduckgo.com",
      "github.com", "www.openstreetmap.org", "www.gutenberg.org", "archive.org", "www.mozilla.org",
      "docs.python.org", "www.debian.org", "en.wiktionary.org", "www.w3.org", "intranet.example.com");

  /** A web address on one of the hosts with a drawn path: https://github.com/lantern/quiet-otter. */
  static String address(io.deskforge.apps.family.TaskDraw d) {
    return "https://" + d.pick(HOSTS) + "/" + d.noun() + "/" + d.fileStem();
  }

  /** Top-level domains of drawn sites. */
  static final List<String> DOMAINS = List.of("com", "org", "net", "io", "news", "shop");

  /** A site such as https://copper-lantern.org, its name drawn (the address is only typed as text). */
  static String drawnSite(io.deskforge.apps.family.TaskDraw d) {
    return "https://" + d.fileStem() + "." + d.pick(DOMAINS);
  }

  /** A folder of saved pages under ~/sites/, drawn. */
  static String site(io.deskforge.apps.family.TaskDraw d) {
    return d.fileStem();
  }
}
