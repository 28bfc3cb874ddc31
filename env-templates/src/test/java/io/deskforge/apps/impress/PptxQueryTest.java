package io.deskforge.apps.impress;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.office.HostSoffice;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.HostSavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.w3c.dom.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code document_query} getter on decks LibreOffice itself saved as .pptx (decks POI wrote,
 * opened and saved again by LibreOffice): each query reads the right value
 * through the catalog's formats, what a slide lacks reads as absent, a malformed query or a file
 * that is no deck fails closed, and each mutation the format offers changes what its query reads.
 */
class PptxQueryTest {
  @TempDir static Path dir;
  static final GetterReader READER = new GetterReader(AppCatalog.load().formats());
  static HostSavedState STATE;
  static String made;
  static String written;
  static String layouts;
  static String inherited;
  static String inheritedRaw;
  static byte[] original;

  @BeforeAll
  static void libreOfficeSavesTheDecks() throws Exception {
    STATE = new HostSavedState(dir);
    // three slides written by POI: a title slide; "Budget", its title right aligned and red, two
    // bullets, notes and a fade; "Hiring", a title only. LibreOffice opens it and saves it again.
    DeckSpec spec = new DeckSpec(List.of(
        new DeckSpec.Slide("title", "Quarterly Review", List.of("Prepared by Ann"), null),
        new DeckSpec.Slide("title_and_content", "Budget", List.of("Costs rise", "Income flat"), "Mention the audit"),
        new DeckSpec.Slide("title_only", "Hiring", List.of(), null)));
    PptxDeck deck = PptxDeck.parse(PptxDeck.write(spec), "made");
    XSLFSlide budget = deck.slide(2);
    for (XSLFTextParagraph p : PptxDeck.titleShape(budget).getTextParagraphs()) {
      p.setTextAlign(TextParagraph.TextAlign.RIGHT);
      for (XSLFTextRun r : p.getTextRuns()) r.setFontColor(new Color(0xC9, 0x21, 0x1E));
    }
    Element root = (Element) budget.getXmlObject().getDomNode();
    String ns = "http://schemas.openxmlformats.org/presentationml/2006/main";
    Element transition = root.getOwnerDocument().createElementNS(ns, "p:transition");
    transition.appendChild(root.getOwnerDocument().createElementNS(ns, "p:fade"));
    root.appendChild(transition);
    Files.createDirectories(dir.resolve("poi"));
    Files.write(dir.resolve("poi/made.pptx"), deck.bytes());
    // a deck as setup writes it, opened and saved again by LibreOffice
    DeckSpec other = new DeckSpec(List.of(
        new DeckSpec.Slide("title", "Copper Lantern Launch", List.of("Prepared by Ann"), null),
        new DeckSpec.Slide("title_and_content", "Agenda", List.of("Welcome", "Numbers"), "Start on time"),
        new DeckSpec.Slide("title_and_content", "Risks", List.of("Supply"), null)));
    Files.write(dir.resolve("poi/written.pptx"), PptxDeck.write(other));
    // POI's own layouts: "Pair" with two contents and a push transition, a blank slide, "Alone" with
    // a title only and an uncover (pull); LibreOffice saves it again
    try (org.apache.poi.xslf.usermodel.XMLSlideShow show = new org.apache.poi.xslf.usermodel.XMLSlideShow()) {
      var master = show.getSlideMasters().get(0);
      XSLFSlide pair = show.createSlide(master.getLayout(org.apache.poi.xslf.usermodel.SlideLayout.TWO_OBJ));
      PptxDeck.titleShape(pair).setText("Pair");
      for (var sh : pair.getShapes()) if (sh instanceof org.apache.poi.xslf.usermodel.XSLFTextShape ts && !PptxDeck.isTitle(sh)) ts.setText("side");
      show.createSlide(master.getLayout(org.apache.poi.xslf.usermodel.SlideLayout.BLANK));
      XSLFSlide alone = show.createSlide(master.getLayout(org.apache.poi.xslf.usermodel.SlideLayout.TITLE_ONLY));
      PptxDeck.titleShape(alone).setText("Alone");
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      show.write(bytes);
      // parsed again: a slide's DOM node is an element only once it was read from a package
      PptxDeck again = PptxDeck.parse(bytes.toByteArray(), "layouts");
      for (var e : List.of(java.util.Map.entry(1, "push"), java.util.Map.entry(3, "pull"))) {
        Element r = (Element) again.slide(e.getKey()).getXmlObject().getDomNode();
        Element tr = r.getOwnerDocument().createElementNS(ns, "p:transition");
        tr.appendChild(r.getOwnerDocument().createElementNS(ns, "p:" + e.getValue()));
        r.appendChild(tr);
      }
      Files.write(dir.resolve("poi/layouts.pptx"), again.bytes());
    }
    // inheritance: the master's titleStyle right aligned and green, the title-only layout's title
    // justified, every other title placeholder's own alignment removed; "Styled" inherits from the
    // master, "Laid" from its layout, "Own" centres its own list style; kept as POI wrote it (each
    // level where POI looks for it) and as LibreOffice saves it again
    try (org.apache.poi.xslf.usermodel.XMLSlideShow show = new org.apache.poi.xslf.usermodel.XMLSlideShow()) {
      var master = show.getSlideMasters().get(0);
      var style = master.getXmlObject().getTxStyles().getTitleStyle();
      var lvl1 = style.isSetLvl1PPr() ? style.getLvl1PPr() : style.addNewLvl1PPr();
      lvl1.setAlgn(org.openxmlformats.schemas.drawingml.x2006.main.STTextAlignType.R);
      var font = lvl1.isSetDefRPr() ? lvl1.getDefRPr() : lvl1.addNewDefRPr();
      if (font.isSetSolidFill()) font.unsetSolidFill();
      font.addNewSolidFill().addNewSrgbClr().setVal(new byte[] {0x1F, 0x6E, 0x43});
      List<org.apache.poi.xslf.usermodel.XSLFSheet> sheets = new java.util.ArrayList<>(List.of(master.getSlideLayouts()));
      sheets.add(master);
      for (var sheet : sheets) {
        for (var sh : sheet.getShapes()) {
          if (!PptxDeck.isTitle(sh)) continue;
          var body = ((org.openxmlformats.schemas.presentationml.x2006.main.CTShape) sh.getXmlObject()).getTxBody();
          var list = body.isSetLstStyle() ? body.getLstStyle() : body.addNewLstStyle();
          var level = list.isSetLvl1PPr() ? list.getLvl1PPr() : list.addNewLvl1PPr();
          if (level.isSetAlgn()) level.unsetAlgn();
          if (level.isSetDefRPr() && level.getDefRPr().isSetSolidFill()) level.getDefRPr().unsetSolidFill();
          if (sheet == master.getLayout(org.apache.poi.xslf.usermodel.SlideLayout.TITLE_ONLY)) {
            level.setAlgn(org.openxmlformats.schemas.drawingml.x2006.main.STTextAlignType.JUST);
          }
        }
      }
      for (String[] t : new String[][] {{"Styled", "TITLE_AND_CONTENT"}, {"Laid", "TITLE_ONLY"}, {"Own", "TITLE_AND_CONTENT"}}) {
        XSLFSlide slide = show.createSlide(master.getLayout(org.apache.poi.xslf.usermodel.SlideLayout.valueOf(t[1])));
        PptxDeck.titleShape(slide).setText(t[0]);
        if (t[0].equals("Own")) {
          var body = ((org.openxmlformats.schemas.presentationml.x2006.main.CTShape) PptxDeck.titleShape(slide).getXmlObject()).getTxBody();
          var list = body.isSetLstStyle() ? body.getLstStyle() : body.addNewLstStyle();
          (list.isSetLvl1PPr() ? list.getLvl1PPr() : list.addNewLvl1PPr()).setAlgn(org.openxmlformats.schemas.drawingml.x2006.main.STTextAlignType.CTR);
        }
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      show.write(bytes);
      Files.write(dir.resolve("poi/inherited.pptx"), bytes.toByteArray());
    }
    Files.createDirectories(dir.resolve("raw"));
    Files.copy(dir.resolve("poi/inherited.pptx"), dir.resolve("raw/inherited.pptx"));
    inheritedRaw = dir.resolve("raw/inherited.pptx").toString();
    // one LibreOffice start saves the four again (a start of its own each cost some 10 s)
    convert(List.of("made", "written", "layouts", "inherited"));
    made = dir.resolve("made.pptx").toString();
    written = dir.resolve("written.pptx").toString();
    layouts = dir.resolve("layouts.pptx").toString();
    inherited = dir.resolve("inherited.pptx").toString();
    original = Files.readAllBytes(Path.of(made));
  }

  /** Each test starts from the deck LibreOffice saved, whatever a mutation before it left. */
  @BeforeEach
  void restore() throws Exception {
    Files.write(Path.of(made), original);
  }

  /** The decks poi/NAME.pptx saved again by LibreOffice as NAME.pptx. */
  private static void convert(List<String> names) throws Exception {
    List<Path> srcs = names.stream().map(n -> dir.resolve("poi/" + n + ".pptx")).toList();
    String out = HostSoffice.convert(srcs, "pptx", dir, dir.resolve("profile"));
    for (String n : names) assertThat(dir.resolve(n + ".pptx")).as("soffice converted poi/" + n + ".pptx: " + out).exists();
  }

  private static Reading ask(String path, String query) {
    return READER.read(STATE, new Getter.DocumentQuery(path, query));
  }

  @Test
  void deckQueriesReadWhatLibreOfficeSaved() {
    assertThat(ask(made, "slides").text()).isEqualTo("3");
    assertThat(ask(made, "titles").items()).containsExactly("Quarterly Review", "Budget", "Hiring");
    assertThat(ask(made, "outline").rows()).containsExactly(List.of("Quarterly Review"), List.of("Budget"), List.of("Hiring"));
    assertThat(ask(written, "titles").items()).containsExactly("Copper Lantern Launch", "Agenda", "Risks");
  }

  @Test
  void slideQueriesReadWhatLibreOfficeSaved() {
    assertThat(ask(made, "slide 2 title").text()).isEqualTo("Budget");
    assertThat(ask(made, "slide 2 body").text()).isEqualTo("Costs rise\nIncome flat");
    assertThat(ask(made, "slide 1 body").text()).isEqualTo("Prepared by Ann");
    assertThat(ask(made, "slide 2 notes").text()).isEqualTo("Mention the audit");
    assertThat(ask(made, "slide 2 title_align").text()).isEqualTo("right");
    assertThat(ask(made, "slide 3 title_align").text()).isIn("left", "center");
    assertThat(ask(made, "slide 2 title_color").text()).isEqualTo("C9211E");
    assertThat(ask(made, "slide 2 transition").text()).isEqualTo("fade");
    assertThat(ask(made, "slide 1 layout").text()).isEqualTo("title");
    assertThat(ask(made, "slide 2 layout").text()).isEqualTo("title_and_content");
    assertThat(ask(made, "slide 3 layout").text()).isEqualTo("title_only");
    assertThat(ask(made, "slide titled Hiring index").text()).isEqualTo("3");
    assertThat(ask(made, "slide titled Budget notes").text()).isEqualTo("Mention the audit");
    assertThat(ask(written, "slide 2 notes").text()).isEqualTo("Start on time");
    assertThat(ask(written, "slide titled Risks body").text()).isEqualTo("Supply");
    assertThat(ask(written, "slide 1 layout").text()).isEqualTo("title");
    assertThat(ask(written, "slide 2 layout").text()).isEqualTo("title_and_content");
    assertThat(ask(layouts, "slide 1 layout").text()).isEqualTo("two_content");
    assertThat(ask(layouts, "slide 2 layout").text()).isEqualTo("blank");
    assertThat(ask(layouts, "slide 3 layout").text()).isEqualTo("title_only");
    assertThat(ask(layouts, "slide 1 transition").text()).isEqualTo("push");
    assertThat(ask(layouts, "slide titled Alone transition").text()).isEqualTo("pull");
  }

  @Test
  void whatASlideDoesNotHaveReadsAsAbsent() {
    assertThat(ask(made, "slide 3 body").present()).as("a title-only slide has no body").isFalse();
    assertThat(ask(made, "slide 3 notes").present()).isFalse();
    assertThat(ask(made, "slide 3 transition").present()).as("LibreOffice's empty transition is none").isFalse();
    assertThat(ask(layouts, "slide 2 transition").present()).isFalse();
    assertThat(ask(made, "slide 9 layout").present()).isFalse();
    assertThat(ask(made, "slide 9 transition").present()).isFalse();
    assertThat(ask(made, "slide 9 title").present()).isFalse();
    assertThat(ask(made, "slide titled Nope index").present()).isFalse();
  }

  @Test
  void aBadQueryAMissingFileOrAFileThatIsNoDeckNeverReadsAsAValue() throws Exception {
    assertThat(ask(made, "slide 2 colour").unreadable()).contains("not a .pptx query");
    assertThat(ask(made, "slide 0 title").unreadable()).contains("count from 1");
    assertThat(ask(dir.resolve("none.pptx").toString(), "slides").present()).isFalse();
    Path junk = dir.resolve("junk.pptx");
    Files.writeString(junk, "not a zip");
    assertThat(ask(junk.toString(), "slides").unreadable()).contains("not a readable .pptx");
    assertThat(READER.check(STATE, Checker.check(new Getter.DocumentQuery(junk.toString(), "slides"), new Metric.EqualsText("3", true, false)))
        .passed()).isFalse();
    DocumentFormat pptx = AppCatalog.load().formats().claiming(made).orElseThrow();
    assertThat(pptx.queryProblem("slide titled Budget index")).isEmpty();
    assertThat(pptx.queryProblem("B3.value")).get().asString().contains("slide N");
  }

  @Test
  void eachMutationChangesWhatItsQueryReads() throws Exception {
    DocumentFormat pptx = AppCatalog.load().formats().claiming(made).orElseThrow();
    for (String query : List.of("slides", "titles", "outline", "slide 2 title", "slide 2 body", "slide 2 notes", "slide 2 title_align",
        "slide 2 title_color", "slide 2 transition", "slide titled Hiring index", "slide titled Budget title_align", "slide 1 layout",
        "slide 2 layout", "slide 3 layout", "slide titled Hiring layout")) {
      Files.write(Path.of(made), original);
      Reading before = ask(made, query);
      List<DocumentFormat.Mutation> mutations = pptx.mutations(made, query);
      assertThat(mutations).as(query).isNotEmpty();
      for (DocumentFormat.Mutation m : mutations) {
        Files.write(Path.of(made), original);
        m.apply().accept(STATE);
        assertThat(ask(made, query)).as(query + ": " + m.name()).isNotEqualTo(before);
      }
    }
    Files.write(Path.of(made), original);
  }

  @Test
  void theFingerprintShowsEverySlideAndIgnoresASaveThatChangedNothing() throws Exception {
    DocumentFormat pptx = AppCatalog.load().formats().claiming(made).orElseThrow();
    String fp = pptx.fingerprint(STATE, made);
    assertThat(fp).contains("Quarterly Review", "Costs rise", "Mention the audit", "fade", "right");
    // the same deck saved again by LibreOffice (new time stamps) looks the same
    Files.createDirectories(dir.resolve("again"));
    Files.copy(Path.of(made), dir.resolve("again/made.pptx"));
    HostSoffice.convert(dir.resolve("again/made.pptx"), "pptx", dir.resolve("again/out"), dir.resolve("profile"));
    assertThat(pptx.fingerprint(STATE, dir.resolve("again/out/made.pptx").toString())).isEqualTo(fp);
  }

  @Test
  void aTransitionNamedByPositionIsOsworldsCheckTransitionAndNothingElseIs() {
    DocumentFormat pptx = AppCatalog.load().formats().claiming(made).orElseThrow();
    var check = pptx.osworldCheck(made, "slide 2 transition", new Metric.EqualsText("fade", true, false)).orElseThrow();
    assertThat(check.func()).isEqualTo("check_transition");
    assertThat(check.expected().path("rules").path("slide_idx").asInt()).isEqualTo(1);
    assertThat(check.expected().path("rules").path("transition_type").asText()).isEqualTo("fade");
    assertThat(check.result().path("type").asText()).isEqualTo("vm_file");
    assertThat(check.result().path("path").asText()).isEqualTo(made);
    // by title (check_transition knows positions only), ignoring case, an effect of another namespace, another query
    assertThat(pptx.osworldCheck(made, "slide titled Budget transition", new Metric.EqualsText("fade", true, false))).isEmpty();
    assertThat(pptx.osworldCheck(made, "slide 2 transition", new Metric.EqualsText("fade", true, true))).isEmpty();
    assertThat(pptx.osworldCheck(made, "slide 2 transition", new Metric.EqualsText("vortex", true, false))).isEmpty();
    assertThat(pptx.osworldCheck(made, "slide 2 layout", new Metric.EqualsText("title", true, false))).isEmpty();
  }

  /** Every query the export's VM reader reads: on both decks, on each mutation's state of the first, and on files that are no deck. */
  static final List<String> VM_QUERIES = List.of("slides", "titles", "outline", "slide 1 title", "slide 2 title", "slide 3 title",
      "slide 1 body", "slide 2 body", "slide 3 body", "slide 1 notes", "slide 2 notes", "slide 3 notes", "slide 9 title", "slide 9 body",
      "slide titled Hiring index", "slide titled Budget index", "slide titled Budget notes", "slide titled Budget body",
      "slide titled Risks body", "slide titled Agenda notes", "slide titled Nope index", "slide titled Budget title",
      "slide 1 layout", "slide 2 layout", "slide 3 layout", "slide 9 layout", "slide 1 transition", "slide 2 transition",
      "slide 3 transition", "slide 9 transition", "slide titled Budget transition", "slide titled Hiring layout", "slide titled Alone transition",
      "slide titled Pair layout", "slide 1 title_align", "slide 2 title_align", "slide 3 title_align", "slide 9 title_align",
      "slide titled Budget title_align", "slide titled Alone title_align", "slide titled Pair title_align", "slide 1 title_color",
      "slide 2 title_color", "slide 3 title_color", "slide 9 title_color", "slide titled Budget title_color", "slide titled Alone title_color",
      "slide titled Laid title_align", "slide titled Own title_align", "slide titled Laid title_color");

  @Test
  void aTitlesAlignmentAndColourAreInheritedFromItsLayoutAndMaster() {
    assertThat(ask(inheritedRaw, "slide titled Styled title_align").text()).as("the master's titleStyle").isEqualTo("right");
    assertThat(ask(inheritedRaw, "slide titled Laid title_align").text()).as("the layout's title placeholder").isEqualTo("justify");
    assertThat(ask(inheritedRaw, "slide titled Own title_align").text()).as("the title's own list style").isEqualTo("center");
    assertThat(ask(inheritedRaw, "slide titled Styled title_color").text()).as("the master's titleStyle").isEqualTo("1F6E43");
  }

  @Test
  void theExportsVmReaderReadsEveryQueryAsDeskforgeDoes() throws Exception {
    DocumentFormat pptx = AppCatalog.load().formats().claiming(made).orElseThrow();
    try (var vm = new io.deskforge.apps.osworld.VmDocumentReader()) {
      assertThat(VM_QUERIES).allSatisfy(q -> assertThat(vm.reader(made, q)).as(q).isPresent());
      List<String> wrong = new java.util.ArrayList<>();
      for (String path : List.of(made, written, layouts, inherited, inheritedRaw)) wrong.addAll(vm.disagreements(path, Path.of(path), path, VM_QUERIES, q -> ask(path, q)));
      for (DocumentFormat.Mutation m : io.deskforge.apps.osworld.VmDocumentReader.mutations(pptx, made, VM_QUERIES)) {
        Files.write(Path.of(made), original);
        try {
          m.apply().accept(STATE);
        } catch (IllegalStateException e) {
          continue; // nothing of that kind to change in this deck
        }
        wrong.addAll(vm.disagreements(m.name(), Path.of(made), made, VM_QUERIES, q -> ask(made, q)));
      }
      Files.write(Path.of(made), original);
      Files.write(dir.resolve("half.pptx"), java.util.Arrays.copyOf(original, original.length / 2));
      Files.writeString(dir.resolve("junk.pptx"), "not a zip");
      Files.createDirectories(dir.resolve("folder.pptx"));
      Files.copy(Path.of(made), dir.resolve("deck.docx"));
      for (String name : List.of("none.pptx", "half.pptx", "junk.pptx", "folder.pptx")) {
        String path = dir.resolve(name).toString();
        wrong.addAll(vm.disagreements(name, Path.of(path), path, List.of("slides", "titles", "slide 1 body", "slide 1 title_align", "slide 1 title_color"),
            q -> ask(path, q)));
      }
      String docx = dir.resolve("deck.docx").toString();
      wrong.addAll(vm.disagreements("a deck named .docx", Path.of(docx), docx, List.of("paragraphs", "paragraph 1 bold"), q -> ask(docx, q)));
      assertThat(wrong).as("queries the VM reader reads otherwise than deskforge").isEmpty();
    }
  }
}
