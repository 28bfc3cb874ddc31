package io.deskforge.apps.impress;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.office.LibreOffice;
import io.deskforge.desktop.AppLaunch;
import java.util.List;

/**
 * LibreOffice Impress. Tasks edit a .pptx deck (written by {@link PptxFormat} from the seed) and
 * save it; the checker reads the saved file on the host with Apache POI.
 *
 * <p>The launch prepares the user profile first ({@code registrymodifications.xcu}, unless one is
 * there), as Calc's does: no tip of the day, no "what's new" or donation bar, no "keep current
 * format?" question on saving .pptx, no recovery prompt, no lock files beside documents; and for
 * Impress, no template selection at start, no presenter console, no smart quotes (a typed title is
 * exactly what was typed). It runs the X11 ("gen") toolkit, which needs nothing of a desktop session.
 */
public final class Impress implements AppTemplate {
  public static final String NAME = "libreoffice-impress";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "presentations (LibreOffice Impress): slides added, duplicated, deleted, moved and retitled, speaker notes, title alignment, transitions, layouts; saves .pptx files";
  }

  @Override
  public List<String> packages() {
    return List.of("libreoffice-impress", LibreOffice.FONTS);
  }

  @Override
  public AppLaunch launch(List<String> args) {
    return launch(args, true);
  }

  /** The launch with or without this host's profile template. */
  private AppLaunch launch(List<String> args, boolean template) {
    // with no file, a new presentation (with --nodefault, --impress alone opens no window)
    return LibreOffice.launch(NAME, List.of("--impress", "--norestore", "--nologo", "--nolockcheck"), args, args.isEmpty() ? "LibreOffice" : " - LibreOffice Impress$", LibreOffice.profile(Impress.class), template);
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
    return List.of(new MoveSlide(), new DeleteSlide(), new RenameTitles(), new AlignTitles(), new InsertSlide(), new DuplicateSlide(),
        new SpeakerNotes(), new Restructure(), new SlideTransitions(), new TitleSlides());
  }

  @Override
  public List<DocumentFormat> formats() {
    return List.of(new PptxFormat());
  }

  @Override
  public List<String> commodities() {
    return List.of("Presentation software");
  }

}
