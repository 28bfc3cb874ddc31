package io.deskforge.apps.writer;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.office.LibreOffice;
import io.deskforge.desktop.AppLaunch;
import java.util.ArrayList;
import java.util.List;

/**
 * LibreOffice Writer. Tasks edit a .docx document (written by {@link DocxFormat} from the seed)
 * and save it; the checker reads the saved file on the host with Apache POI, or, where the task
 * saves another format, the .odt with the ODF Toolkit ({@link OdtFormat}) or the exported PDF with
 * PDFBox ({@link PdfFormat}).
 *
 * <p>The launch prepares the user profile first ({@code registrymodifications.xcu}, unless one is
 * there), as Calc's does: no tip of the day, no "what's new" or donation bar, no "keep current
 * format?" question on saving .docx, no recovery prompt, no lock files beside documents; and no
 * autocorrection or word completion, so that text typed is the text saved. It runs the X11 ("gen")
 * toolkit, which needs nothing of a desktop session.
 */
public final class Writer implements AppTemplate {
  public static final String NAME = "libreoffice-writer";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "word processor (LibreOffice Writer): paragraph styles, alignment, spacing, lists, find and replace; saves .docx files, saves as OpenDocument text, exports PDF";
  }

  @Override
  public List<String> packages() {
    return List.of("libreoffice-writer", LibreOffice.FONTS);
  }

  @Override
  public AppLaunch launch(List<String> args) {
    return launch(args, true);
  }

  /** The launch with or without this host's profile template. */
  private AppLaunch launch(List<String> args, boolean template) {
    // with no file, a new empty document (--nodefault would open no window at all)
    List<String> options = new ArrayList<>(List.of("--writer", "--norestore", "--nologo", "--nolockcheck"));
    if (!args.isEmpty()) options.add("--nodefault");
    return LibreOffice.launch(NAME, options, args, " - LibreOffice Writer$", LibreOffice.profile(Writer.class), template);
  }

  /** Without the profile template built from this host's LibreOffice. */
  @Override
  public AppLaunch portableLaunch(List<String> args) {
    return launch(args, false);
  }

  @Override
  public List<String> getters() {
    return List.of("document_query", "file_exists");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new HeadingStyles(), new AlignParagraphs(), new ReplaceWord(), new BoldPhrases(), new LineSpacing(), new PageSetup(),
        new InsertTable(), new MakeList(), new FormatEveryOccurrence(), new PageNumbers(),
        new ExportPdf(), new SaveAsOdt());
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new DocxFormat(), new OdtFormat(), new PdfFormat());
  }

  @Override
  public List<String> commodities() {
    return List.of("Word processing software");
  }

}
