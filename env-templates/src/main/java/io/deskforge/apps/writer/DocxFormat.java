package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import io.deskforge.task.export.ExportCatalog;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * .docx documents as LibreOffice Writer saves them, read on the host with Apache POI from the saved
 * bytes (no converter runs on the agent's file), asked one property at a time in {@link DocxQuery}'s
 * language. Written from a {@code write_document} step's content by POI ({@link DocxContent}),
 * staged into the desktop as base64 and decoded there by the desktop user, so the file is the
 * user's and an export runs the same plan.
 */
public final class DocxFormat implements DocumentFormat {
  private static final String DECODE = "base64 -d \"$1\" > \"$2.deskforge-tmp\" && mv \"$2.deskforge-tmp\" \"$2\"";

  @Override
  public Kind kind() {
    return Kind.TEXT_DOCUMENT;
  }

  @Override
  public List<String> extensions() {
    return List.of("docx");
  }

  @Override
  public String guide() {
    return DocxQuery.GUIDE;
  }

  @Override
  public ExportCatalog.FilePlan contentPlan(String path, JsonNode content, String scratch) {
    String staged = scratch + "/document.b64";
    String b64 = Base64.getEncoder().encodeToString(DocxContent.build(content));
    return new ExportCatalog.FilePlan(Map.of(staged, b64), List.of(List.of("sh", "-c", DECODE, "sh", staged, path)));
  }

  /** The document of a saved state, or null when the file is missing. */
  public static DocxDocument document(SavedState state, String path) {
    if (!state.exists(path)) return null;
    state.requireReadableFile(path);
    return DocxDocument.parse(state.readFile(path), path);
  }

  /** See {@link DocxQuery} for the queries; a file that is no .docx document reads as unreadable. */
  @Override
  public Reading query(SavedState state, String path, String query) {
    DocxQuery q;
    try {
      q = DocxQuery.parse(query);
    } catch (IllegalArgumentException e) {
      return Reading.unreadable(e.getMessage());
    }
    return q.read(DocxDocument.parse(state.readFile(path), path));
  }

  @Override
  public Optional<String> queryProblem(String query) {
    try {
      DocxQuery.parse(query);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** See {@link DocxQuery#vmQuery}. */
  @Override
  public Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery(String query) {
    return queryProblem(query).isPresent() ? Optional.empty() : DocxQuery.parse(query).vmQuery();
  }

  @Override
  public List<Mutation> mutations(String path, String query) {
    return queryProblem(query).isPresent() ? List.of() : DocxQuery.parse(query).mutations(path);
  }

  /**
   * What a person sees, without what a save adds (time stamps, rsids): each body paragraph with its
   * style, alignment, line spacing and its bold stretches marked (and its list, when it is an item of one), each table's cells, the header
   * and footer with their page fields, the page's orientation.
   */
  @Override
  public String fingerprint(SavedState state, String path) {
    DocxDocument doc = document(state, path);
    if (doc == null) return "(missing)";
    StringBuilder out = new StringBuilder();
    for (IBodyElement e : doc.poi().getBodyElements()) {
      if (e instanceof XWPFParagraph p && !p.getText().isBlank()) {
        out.append("p ").append(doc.styleName(p)).append(" | ").append(doc.alignment(p)).append(" | ").append(doc.lineSpacing(p)).append(" | ");
        for (XWPFRun r : p.getRuns()) {
          String t = DocxDocument.text(r);
          out.append(doc.runFlag(p, r, "b") && !t.isBlank() ? "**" + t + "**" : t);
        }
        String list = doc.listKind(p);
        if (!list.equals("none")) out.append(" [").append(list).append(']');
        out.append('\n');
      } else if (e instanceof XWPFTable t) {
        out.append("table ").append(DocxDocument.rows(t)).append('\n');
      }
    }
    out.append("header ").append(doc.headerOrFooterText(true)).append(doc.hasPageField(true) ? " +page" : "").append('\n');
    out.append("footer ").append(doc.headerOrFooterText(false)).append(doc.hasPageField(false) ? " +page" : "").append('\n');
    out.append("page ").append(doc.orientation()).append('\n');
    return out.toString();
  }
}
