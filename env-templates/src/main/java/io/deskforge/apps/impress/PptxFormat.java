package io.deskforge.apps.impress;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.UnreadableFileException;
import io.deskforge.task.check.Reading;
import io.deskforge.task.export.ExportCatalog;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xslf.usermodel.XSLFSlide;

/**
 * .pptx presentations as LibreOffice Impress saves them, read on the host with Apache POI from the
 * saved bytes (no converter runs on the agent's file). Written from a {@link DeckSpec} by POI,
 * staged into the desktop as base64 and decoded there by the desktop user, so the file is the
 * user's and an export runs the same plan. Queries: see {@link PptxQuery}.
 */
public final class PptxFormat implements DocumentFormat {
  private static final String DECODE = "base64 -d \"$1\" > \"$2.deskforge-tmp\" && mv \"$2.deskforge-tmp\" \"$2\"";

  @Override
  public Kind kind() {
    return Kind.PRESENTATION;
  }

  @Override
  public List<String> extensions() {
    return List.of("pptx");
  }

  @Override
  public String guide() {
    return PptxQuery.GUIDE;
  }

  /** The deck of a saved state, or null when the file is missing; bytes that are no presentation throw as unreadable. */
  public static PptxDeck deck(SavedState state, String path) {
    if (!state.exists(path)) return null;
    state.requireReadableFile(path);
    return PptxDeck.parse(state.readFile(path), path);
  }

  @Override
  public ExportCatalog.FilePlan contentPlan(String path, JsonNode content, String scratch) {
    DeckSpec deck = DeckSpec.parse(content);
    String staged = scratch + "/deck.b64";
    String b64 = Base64.getEncoder().encodeToString(PptxDeck.write(deck));
    return new ExportCatalog.FilePlan(Map.of(staged, b64), List.of(List.of("sh", "-c", DECODE, "sh", staged, path)));
  }

  /** See {@link PptxQuery}; a file that is no presentation reads as unreadable. */
  @Override
  public Reading query(SavedState state, String path, String query) {
    PptxQuery q;
    try {
      q = PptxQuery.parse(query);
    } catch (IllegalArgumentException e) {
      return Reading.unreadable(e.getMessage());
    }
    try {
      return q.read(PptxDeck.parse(state.readFile(path), path));
    } catch (UnreadableFileException e) {
      return Reading.unreadable(e.getMessage());
    }
  }

  @Override
  public Optional<String> queryProblem(String query) {
    try {
      PptxQuery.parse(query);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** See {@link PptxQuery#osworldCheck}: OSWorld's check_transition for a slide's transition named by its position. */
  @Override
  public Optional<ExportCatalog.OsworldCheck> osworldCheck(String path, String query, io.deskforge.task.spec.Metric metric) {
    return queryProblem(query).isPresent() ? Optional.empty() : PptxQuery.parse(query).osworldCheck(path, metric);
  }

  /** See {@link PptxQuery#vmQuery}. */
  @Override
  public Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery(String query) {
    return queryProblem(query).isPresent() ? Optional.empty() : PptxQuery.parse(query).vmQuery();
  }

  @Override
  public List<Mutation> mutations(String path, String query) {
    return queryProblem(query).isPresent() ? List.of() : PptxQuery.parse(query).mutations(path);
  }

  /** Every slide as a person sees it: layout, title, body, notes, title alignment and colour, transition. */
  @Override
  public String fingerprint(SavedState state, String path) {
    PptxDeck deck;
    try {
      deck = deck(state, path);
    } catch (UnreadableFileException e) {
      return "(unreadable)";
    }
    if (deck == null) return "(missing)";
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (XSLFSlide s : deck.show().getSlides()) {
      out.append("# slide ").append(++n).append(" [").append(PptxDeck.layout(s)).append("] ").append(PptxDeck.title(s))
          .append(" (").append(PptxDeck.titleAlign(s)).append(", ").append(PptxDeck.titleColor(s)).append(", ")
          .append(PptxDeck.transition(s)).append(")\n");
      for (String p : PptxDeck.body(s)) out.append("- ").append(p).append('\n');
      String notes = PptxDeck.notes(s);
      if (notes != null) out.append("notes: ").append(notes).append('\n');
    }
    return out.toString();
  }
}
