package io.deskforge.apps.impress;

import io.deskforge.apps.family.TaskDraw;
import java.util.ArrayList;
import java.util.List;

/**
 * The decks Impress tasks start from, drawn from the seed: a title slide naming a project (from the
 * vocabulary: "Copper Lantern Launch") and 4 to 14 content slides whose titles are distinct
 * section names of a business deck, each with 1 to 3 bullets made of vocabulary sentences; some
 * slides have speaker notes. No title is a word of another, so a title names one slide only.
 */
final class Decks {
  private Decks() {}

  static final List<String> SECTIONS = List.of(
      "Agenda", "Goals", "Timeline", "Budget", "Risks", "Team", "Next Steps", "Customer Feedback", "Market Overview",
      "Open Questions", "Milestones", "Metrics", "Hiring Plan", "Lessons Learned", "Competitors", "Roadmap", "Pricing",
      "Partners", "Training", "Support Tickets", "Quarterly Results", "Vendor Review", "Security Audit", "Travel Policy",
      "Office Move", "Product Demo", "Launch Checklist", "Survey Results", "Staffing", "Appendix", "Summary", "Background",
      "Scope", "Dependencies", "Forecast", "Action Items", "Highlights", "Challenges", "Recommendations", "Questions");

  /** Titles for new slides, never among a deck's sections. */
  static final List<String> NEW_TITLES = List.of(
      "Key Decisions", "Success Stories", "Cost Savings", "Status Update", "Release Notes", "Team Changes", "Risk Register",
      "Sales Pipeline", "Project Charter", "Budget Request", "Design Review", "Test Results", "Rollout Plan", "Feedback Themes");

  static DeckSpec draw(TaskDraw d, int contentSlides) {
    List<DeckSpec.Slide> slides = new ArrayList<>();
    String project = TaskDraw.capitalize(d.adjective()) + " " + TaskDraw.capitalize(d.noun()) + " "
        + d.pick(List.of("Launch", "Project", "Program", "Review", "Kickoff", "Update"));
    slides.add(new DeckSpec.Slide("title", project, List.of("Prepared by " + d.person()), null));
    for (String title : d.distinct(SECTIONS, contentSlides)) {
      List<String> body = new ArrayList<>();
      int bullets = d.between(1, 3);
      for (int i = 0; i < bullets; i++) body.add(d.sentence(List.of()).replaceAll("\\.$", ""));
      String notes = d.chance(0.3) ? d.sentence(List.of()) : null;
      slides.add(new DeckSpec.Slide("title_and_content", title, body, notes));
    }
    return new DeckSpec(slides);
  }

  static List<String> titles(DeckSpec deck) {
    return deck.slides().stream().map(DeckSpec.Slide::title).toList();
  }
}
