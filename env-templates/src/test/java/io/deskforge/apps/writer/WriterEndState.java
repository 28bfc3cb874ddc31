package io.deskforge.apps.writer;

import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * LibreOffice Writer driven as {@link WriterGui} does, modelled on the opened .docx with POI. The
 * cursor is a body paragraph: Ctrl+Home, Ctrl+End and Ctrl+Down move it, Ctrl+Shift+Down selects
 * whole paragraphs, Ctrl+L/E/R/J align and Ctrl+1-3 give Heading 1-3 to the cursor's paragraph
 * or the selection. Find and Replace (Ctrl+H) finds the typed text after the cursor (Alt+X, the
 * match selected) or replaces every occurrence in the body (Alt+L), matching case as the
 * families' expected texts do; Ctrl+B toggles bold on the selection, Shift+Ctrl+Left takes its
 * last word off, typed text replaces it. Format > Paragraph's line spacing list (Home, Downs:
 * Single, 1.15, 1.5, Double), Format > Page Style's Landscape, Header on and Footer on,
 * Ctrl+Page Up/Down into the header or footer, Insert &gt; Page Number there (Alt+I, P P, Return: a
 * PAGE field), and Table > Insert Table (columns, rows, then the
 * cells typed with Tab between them) are the dialogs' effects. Return at the end makes a paragraph
 * that typed text goes into; Shift+End at a paragraph's start selects it. Text typed at a
 * paragraph's start (Ctrl+Home, Ctrl+Down) goes before its text, and Return there splits the
 * paragraph at the cursor, both halves keeping its paragraph properties. Ctrl+S writes the
 * document; Save As (Ctrl+Shift+S) writes it where typed, as OpenDocument text converted by
 * LibreOffice when its file type was turned (Home in the list); File &gt; Export As &gt; Export as
 * PDF (Alt+F, E, E; Return in PDF Options) writes the document as it is, saved or not, as the PDF
 * LibreOffice itself exports, at the path typed into the Export dialog; work never saved is lost.
 */
public final class WriterEndState implements EndStateModel {
  private static final List<String> SPACINGS = List.of("1", "1.15", "1.5", "2");

  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    String file = EndStateModel.openedFile(task);
    new Session(task, trajectory, DocxDocument.parse(home.readFile(file), file).poi(), home, file).run();
  }

  /** One run of the trajectory: the document, the cursor, the selection and the dialog open. */
  private static final class Session {
    final TaskSpec task;
    final Trajectory trajectory;
    final XWPFDocument doc;
    final ScratchHome home;
    final String file;
    int at;
    int selectedTo = -1; // whole paragraphs at..selectedTo selected
    int[] found; // paragraph, start, end of the text selected by Find Next
    List<int[]> foundAll; // paragraph, start, end of each occurrence selected by Find All
    String dialog = "";
    String field = "find";
    String find = "";
    String replace = "";
    int spacing;
    boolean landscape;
    boolean header;
    boolean footer;
    String editing = ""; // "header" or "footer" while Ctrl+Page Up/Down is in one
    int tableColumns;
    int tableRows;
    XWPFTable table; // the table being typed into, its cell at tableCell (row by row)
    int tableCell;
    boolean typing; // the cursor in the empty paragraph Return made at the end: typed text goes into it
    String saveAs = ""; // the path typed into Save As
    String exportTo = ""; // the path typed into Export (as PDF)
    int insertItem; // P presses in the Insert menu: Page Break, Special Character, Page Number
    int offset = -1; // where the cursor is in paragraph at: 0 its start, -1 not modelled (its end)
    boolean odt; // Save As's file type turned to ODF Text Document (Home in its list)
    boolean typeList; // Save As's focus on its file type list (Tab from the name box)
    boolean nameStart; // the name box's cursor at its start (Home there): typed text goes before

    Session(TaskSpec task, Trajectory trajectory, XWPFDocument doc, ScratchHome home, String file) {
      this.task = task;
      this.trajectory = trajectory;
      this.doc = doc;
      this.home = home;
      this.file = file;
    }

    void run() {
      for (Action a : trajectory.actions()) {
        switch (a) {
          case Action.Key k -> {
            for (String key : k.keys().split(" ")) key(key);
          }
          case Action.Type t -> type(t.text());
          default -> throw EndStateModel.unmodelled(task, trajectory, a);
        }
      }
    }

    void key(String key) {
      switch (dialog) {
        case "find" -> findKey(key);
        case "menu" -> {
          if (key.equals("a")) dialog = "menu-paragraph";
          else throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Format menu");
        }
        case "menu-paragraph" -> {
          if (!key.equals("Return")) throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Format menu");
          dialog = "paragraph";
        }
        case "paragraph" -> {
          switch (key) {
            case "Tab" -> { }
            case "Home" -> spacing = 0;
            case "Down" -> spacing = Math.min(spacing + 1, SPACINGS.size() - 1);
            case "Return" -> {
              double lines = Double.parseDouble(SPACINGS.get(spacing));
              for (XWPFParagraph p : selection()) p.setSpacingBetween(lines, LineSpacingRule.AUTO);
              dialog = "";
            }
            default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Paragraph dialog");
          }
        }
        case "page" -> {
          switch (key) {
            case "ctrl+Page_Down", "space" -> { }
            case "alt+a" -> landscape = true;
            case "alt+d" -> header = true;
            case "alt+f" -> footer = true;
            case "Return" -> {
              pageStyle();
              dialog = "";
            }
            default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Page Style dialog");
          }
        }
        case "table" -> {
          switch (key) {
            case "alt+c" -> field = "columns";
            case "alt+r" -> field = "rows";
            case "ctrl+a" -> { }
            case "Return" -> {
              insertTable();
              dialog = "cells";
            }
            default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Insert Table dialog");
          }
        }
        case "cells" -> {
          if (key.equals("Tab")) {
            if (++tableCell >= tableRows * tableColumns) throw EndStateModel.unmodelled(task, trajectory, "Tab from a table's last cell");
          } else {
            dialog = "";
            table = null;
            textKey(key);
          }
        }
        case "insert-menu" -> {
          switch (key) {
            case "p" -> insertItem++;
            case "Return" -> {
              if (insertItem != 2) throw EndStateModel.unmodelled(task, trajectory, "item " + insertItem + " of the Insert menu's P items");
              pageField();
              dialog = "";
            }
            default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Insert menu");
          }
        }
        case "file-menu", "export-menu" -> {
          if (!key.equals("e")) throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the " + dialog);
          dialog = dialog.equals("file-menu") ? "export-menu" : "pdf-options";
        }
        case "pdf-options" -> {
          if (!key.equals("Return")) throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in PDF Options");
          dialog = "export";
          exportTo = "";
          nameStart = false;
        }
        case "export" -> {
          switch (key) {
            case "ctrl+a" -> nameStart = false;
            case "Home" -> nameStart = true;
            case "Return" -> {
              exportPdf();
              dialog = "";
            }
            default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Export dialog");
          }
        }
        case "saveas" -> {
          switch (key) {
            case "ctrl+a" -> nameStart = false;
            case "Tab" -> typeList = true;
            case "Home" -> {
              if (typeList) odt = true;
              else nameStart = true;
            }
            case "Return" -> {
              saveAs();
              dialog = "";
            }
            default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the Save As dialog");
          }
        }
        default -> textKey(key);
      }
    }

    void textKey(String key) {
      List<XWPFParagraph> ps = doc.getParagraphs();
      if (key.equals("ctrl+Home") || key.equals("ctrl+End") || key.equals("ctrl+Down") || key.equals("ctrl+shift+Down")) foundAll = null;
      if (key.equals("ctrl+Home") || key.equals("ctrl+End") || key.equals("ctrl+Down")) selectedTo = -1;
      if (!key.equals("Return")) typing = false;
      if (!key.equals("Return")) offset = key.equals("ctrl+Home") || key.equals("ctrl+Down") ? 0 : -1;
      switch (key) {
        case "ctrl+Home" -> {
          at = 0;
          found = null;
        }
        case "ctrl+End" -> {
          at = ps.size() - 1;
          found = null;
        }
        case "ctrl+Down" -> {
          at = Math.min(at + 1, ps.size() - 1);
          found = null;
        }
        case "alt+f" -> dialog = "file-menu";
        case "alt+i" -> {
          dialog = "insert-menu";
          insertItem = 0;
        }
        case "ctrl+shift+Down" -> {
          selectedTo = selectedTo < 0 ? at : Math.min(selectedTo + 1, ps.size() - 1);
          found = null;
        }
        case "ctrl+l", "ctrl+e", "ctrl+r", "ctrl+j" -> {
          ParagraphAlignment to = switch (key) {
            case "ctrl+e" -> ParagraphAlignment.CENTER;
            case "ctrl+r" -> ParagraphAlignment.RIGHT;
            case "ctrl+j" -> ParagraphAlignment.BOTH;
            default -> ParagraphAlignment.LEFT;
          };
          for (XWPFParagraph p : selection()) p.setAlignment(to);
        }
        case "ctrl+1", "ctrl+2", "ctrl+3" -> {
          for (XWPFParagraph p : selection()) p.setStyle("Heading" + key.substring(5));
        }
        case "ctrl+b" -> format("b");
        case "ctrl+i" -> format("i");
        case "F12", "shift+F12" -> {
          if (found != null || foundAll != null) throw EndStateModel.unmodelled(task, trajectory, "a list on found text");
          List<XWPFParagraph> on = selection();
          DocxDocument view = DocxDocument.parse(bytes(), file);
          for (XWPFParagraph p : on) {
            XWPFParagraph q = view.poi().getParagraphs().get(doc.getParagraphs().indexOf(p));
            if (!view.listKind(q).equals("none")) throw EndStateModel.unmodelled(task, trajectory, "key " + key + " on a list");
          }
          list(on, key.equals("shift+F12"));
        }
        case "shift+ctrl+Left" -> {
          if (found == null) throw EndStateModel.unmodelled(task, trajectory, "Shift+Ctrl+Left without a found text");
          String text = ps.get(found[0]).getText().substring(found[1], found[2]);
          int cut = text.stripTrailing().lastIndexOf(' ');
          found = new int[] {found[0], found[1], found[1] + (cut < 0 ? 0 : cut + 1)};
        }
        case "ctrl+h" -> {
          dialog = "find";
          field = "find";
        }
        case "alt+o" -> dialog = "menu";
        case "alt+shift+p" -> dialog = "page";
        case "ctrl+F12" -> {
          dialog = "table";
          field = "";
        }
        case "ctrl+Page_Up", "ctrl+Page_Down" -> {
          String to = key.equals("ctrl+Page_Up") ? "header" : "footer";
          editing = editing.equals(to) ? "" : to;
        }
        case "Return" -> {
          if (offset > 0 && found == null && selectedTo < 0) {
            splitAtCursor();
            return;
          }
          if (at != ps.size() - 1) throw EndStateModel.unmodelled(task, trajectory, "Return inside the text");
          doc.createParagraph();
          at = doc.getParagraphs().size() - 1;
          typing = true;
        }
        case "shift+End" -> {
          // from a paragraph's start (Ctrl+Home), its whole text selected
          if (found != null || selectedTo >= 0) throw EndStateModel.unmodelled(task, trajectory, "Shift+End from inside a paragraph");
          found = new int[] {at, 0, ps.get(at).getText().length()};
        }
        case "ctrl+shift+s" -> {
          dialog = "saveas";
          odt = false;
          typeList = false;
          nameStart = false;
        }
        case "Escape" -> { }
        case "ctrl+s" -> save();
        default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key);
      }
    }

    void findKey(String key) {
      switch (key) {
        case "ctrl+a" -> { }
        case "alt+p" -> field = "replace";
        case "alt+x" -> {
          found = findAfterCursor();
          foundAll = null;
        }
        case "alt+a" -> {
          foundAll = findAll();
          found = null;
          if (foundAll.isEmpty()) foundAll = null;
        }
        case "alt+l" -> replaceAll();
        case "Escape" -> dialog = "";
        default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in Find and Replace");
      }
    }

    void type(String text) {
      switch (dialog) {
        case "find" -> {
          if (field.equals("find")) find = text;
          else replace = text;
        }
        case "table" -> {
          if (field.equals("columns")) tableColumns = Integer.parseInt(text);
          else if (field.equals("rows")) tableRows = Integer.parseInt(text);
          else throw EndStateModel.unmodelled(task, trajectory, "typing in the Insert Table dialog");
        }
        case "cells" -> {
          String[] cells = text.split("\t", -1);
          for (int i = 0; i < cells.length; i++) {
            if (i > 0 && ++tableCell >= tableRows * tableColumns) throw EndStateModel.unmodelled(task, trajectory, "Tab from a table's last cell");
            if (!cells[i].isEmpty()) table.getRow(tableCell / tableColumns).getCell(tableCell % tableColumns).setText(cells[i]);
          }
        }
        case "saveas" -> saveAs = nameStart ? text + saveAs : text;
        case "export" -> exportTo = nameStart ? text + exportTo : text;
        case "" -> {
          if (typing && editing.isEmpty()) {
            doc.getParagraphs().get(at).createRun().setText(text);
          } else if (!editing.isEmpty()) {
            XWPFHeaderFooter h = editing.equals("header") ? policy().getDefaultHeader() : policy().getDefaultFooter();
            if (h == null) return; // no header or footer to type into: the keys go nowhere
            XWPFParagraph p = h.getParagraphs().isEmpty() ? h.createParagraph() : h.getParagraphs().getLast();
            p.createRun().setText(text);
          } else if (found == null && selectedTo < 0 && offset >= 0) {
            // at a paragraph's start: before its text, in its first run's formatting
            if (offset > 0) throw EndStateModel.unmodelled(task, trajectory, "typing twice inside a paragraph");
            XWPFParagraph p = doc.getParagraphs().get(at);
            XWPFRun r = p.insertNewRun(0);
            if (p.getRuns().size() > 1 && p.getRuns().get(1).getCTR().isSetRPr()) {
              r.getCTR().setRPr((org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr) p.getRuns().get(1).getCTR().getRPr().copy());
            }
            r.setText(text, 0);
            offset = text.length();
          } else if (found != null) {
            List<XWPFRun> runs = isolate(doc.getParagraphs().get(found[0]), found[1], found[2]);
            runs.getFirst().setText(text, 0);
            for (XWPFRun r : runs.subList(1, runs.size())) r.setText("", 0);
            found = null;
          } else {
            throw EndStateModel.unmodelled(task, trajectory, "typing into the text without a selection");
          }
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, "typing in the " + dialog + " dialog");
      }
    }

    List<XWPFParagraph> selection() {
      List<XWPFParagraph> ps = doc.getParagraphs();
      if (found != null) return List.of(ps.get(found[0]));
      if (selectedTo < 0) return List.of(ps.get(at));
      return ps.subList(Math.min(at, selectedTo), Math.max(at, selectedTo) + 1);
    }

    /** Ctrl+B or Ctrl+I: bold (flag b) or italic (i) on the selected text unless all of it has it already, then off. */
    void format(String flag) {
      List<XWPFRun> runs = new ArrayList<>();
      if (foundAll != null) {
        for (int[] f : foundAll) runs.addAll(isolate(doc.getParagraphs().get(f[0]), f[1], f[2]));
      } else if (found != null) {
        runs.addAll(isolate(doc.getParagraphs().get(found[0]), found[1], found[2]));
      } else {
        for (XWPFParagraph p : selection()) runs.addAll(p.getRuns());
      }
      // whether each run is bold as the document shows it (its style chain too): read from a copy, run by run
      DocxDocument view = DocxDocument.parse(bytes(), file);
      List<XWPFParagraph> mine = doc.getParagraphs();
      List<XWPFParagraph> theirs = view.poi().getParagraphs();
      boolean all = !runs.isEmpty();
      for (XWPFRun r : runs) {
        XWPFParagraph p = (XWPFParagraph) r.getParent();
        XWPFParagraph q = theirs.get(mine.indexOf(p));
        if (!view.runFlag(q, q.getRuns().get(p.getRuns().indexOf(r)), flag)) all = false;
      }
      for (XWPFRun r : runs) {
        if (flag.equals("b")) r.setBold(!all);
        else r.setItalic(!all);
      }
    }

    /** Find All: every occurrence of the Find text in the body, case-blind: paragraph, start, end of each. */
    List<int[]> findAll() {
      List<int[]> out = new ArrayList<>();
      List<XWPFParagraph> ps = doc.getParagraphs();
      String needle = find.toLowerCase(java.util.Locale.ROOT);
      for (int i = 0; i < ps.size(); i++) {
        String text = ps.get(i).getText().toLowerCase(java.util.Locale.ROOT);
        for (int k = text.indexOf(needle); k >= 0 && !needle.isEmpty(); k = text.indexOf(needle, k + needle.length())) {
          out.add(new int[] {i, k, k + needle.length()});
        }
      }
      return out;
    }

    /** F12 or Shift+F12: the paragraphs made the items of one new numbered or bulleted list. */
    void list(List<XWPFParagraph> items, boolean bullet) {
      org.apache.poi.xwpf.usermodel.XWPFNumbering numbering = doc.getNumbering() != null ? doc.getNumbering() : doc.createNumbering();
      BigInteger next = BigInteger.ONE;
      for (org.apache.poi.xwpf.usermodel.XWPFAbstractNum a : numbering.getAbstractNums()) {
        BigInteger id = a.getCTAbstractNum().getAbstractNumId();
        if (id != null && id.compareTo(next) >= 0) next = id.add(BigInteger.ONE);
      }
      var ct = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum.Factory.newInstance();
      ct.setAbstractNumId(next);
      for (int l = 0; l < 9; l++) {
        var lvl = ct.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(l));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(bullet ? org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.BULLET
            : org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL);
        lvl.addNewLvlText().setVal(bullet ? "\u2022" : "%" + (l + 1) + ".");
      }
      BigInteger abstractId = numbering.addAbstractNum(new org.apache.poi.xwpf.usermodel.XWPFAbstractNum(ct, numbering));
      BigInteger numId = BigInteger.ONE;
      for (var n : numbering.getNums()) {
        BigInteger id = n.getCTNum().getNumId();
        if (id != null && id.compareTo(numId) >= 0) numId = id.add(BigInteger.ONE);
      }
      numbering.addNum(abstractId, numId);
      for (XWPFParagraph p : items) {
        p.setNumID(numId);
        p.setNumILvl(BigInteger.ZERO);
      }
    }

    /** The first occurrence of the Find text after the cursor's paragraph start: paragraph, start, end; null when none. */
    int[] findAfterCursor() {
      List<XWPFParagraph> ps = doc.getParagraphs();
      for (int i = at; i < ps.size(); i++) {
        int k = ps.get(i).getText().indexOf(find);
        if (k >= 0) return new int[] {i, k, k + find.length()};
      }
      return null;
    }

    void replaceAll() {
      for (XWPFParagraph p : doc.getParagraphs()) {
        int from = 0;
        int k;
        while ((k = p.getText().indexOf(find, from)) >= 0) {
          List<XWPFRun> runs = isolate(p, k, k + find.length());
          runs.getFirst().setText(replace, 0);
          for (XWPFRun r : runs.subList(1, runs.size())) r.setText("", 0);
          from = k + replace.length();
        }
      }
    }

    /** The runs covering [start, end) of the paragraph's text, split at both ends so that they cover exactly that. */
    static List<XWPFRun> isolate(XWPFParagraph p, int start, int end) {
      split(p, end);
      split(p, start);
      List<XWPFRun> out = new ArrayList<>();
      int pos = 0;
      for (XWPFRun r : p.getRuns()) {
        int len = DocxDocument.text(r).length();
        if (pos >= start && pos + len <= end && len > 0) out.add(r);
        pos += len;
      }
      return out;
    }

    /** Splits the run that spans the offset in two, each keeping the run's properties. */
    static void split(XWPFParagraph p, int offset) {
      int pos = 0;
      List<XWPFRun> runs = p.getRuns();
      for (int i = 0; i < runs.size(); i++) {
        XWPFRun r = runs.get(i);
        String t = DocxDocument.text(r);
        if (offset > pos && offset < pos + t.length()) {
          XWPFRun after = p.insertNewRun(i + 1);
          if (r.getCTR().isSetRPr()) after.getCTR().setRPr((org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr) r.getCTR().getRPr().copy());
          after.setText(t.substring(offset - pos), 0);
          r.setText(t.substring(0, offset - pos), 0);
          return;
        }
        pos += t.length();
      }
    }

    org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy policy() {
      var policy = doc.getHeaderFooterPolicy();
      return policy != null ? policy : doc.createHeaderFooterPolicy();
    }

    /** OK in Page Style: the page turned landscape (its size swapped), a header and a footer turned on. */
    void pageStyle() {
      CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
      if (landscape) {
        if (!sect.isSetPgSz()) sect.addNewPgSz();
        org.w3c.dom.Element size = DocxDocument.child(sect.getDomNode(), "pgSz");
        String w = size.getAttributeNS(DocxDocument.W, "w");
        String h = size.getAttributeNS(DocxDocument.W, "h");
        BigInteger a = new BigInteger(w.isEmpty() ? "12240" : w);
        BigInteger b = new BigInteger(h.isEmpty() ? "15840" : h);
        size.setAttributeNS(DocxDocument.W, "w:w", a.max(b).toString());
        size.setAttributeNS(DocxDocument.W, "w:h", a.min(b).toString());
        size.setAttributeNS(DocxDocument.W, "w:orient", "landscape");
      }
      if (header && policy().getDefaultHeader() == null) doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
      if (footer && policy().getDefaultFooter() == null) doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
    }

    /** Insert in Insert Table: an empty table of the columns and rows after the cursor's paragraph at the end, the cursor in its first cell; the cells are then typed with Tab between them (and between rows). */
    void insertTable() {
      if (at != doc.getParagraphs().size() - 1) throw EndStateModel.unmodelled(task, trajectory, "a table inserted before the end");
      table = doc.createTable(tableRows, tableColumns);
      tableCell = 0;
      doc.createParagraph();
    }

    /**
     * Insert &gt; Page Number in the header or footer being edited: a PAGE field as LibreOffice
     * saves it in .docx (begin, the instruction, separate, the number shown, end).
     */
    void pageField() {
      if (editing.isEmpty()) throw EndStateModel.unmodelled(task, trajectory, "a page number in the text");
      XWPFHeaderFooter h = editing.equals("header") ? policy().getDefaultHeader() : policy().getDefaultFooter();
      if (h == null) return; // no header or footer to put it in
      XWPFParagraph p = h.getParagraphs().isEmpty() ? h.createParagraph() : h.getParagraphs().getLast();
      p.createRun().getCTR().addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.BEGIN);
      p.createRun().getCTR().addNewInstrText().setStringValue(" PAGE ");
      p.createRun().getCTR().addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.SEPARATE);
      p.createRun().setText("1");
      p.createRun().getCTR().addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.END);
    }

    /** Return with the cursor inside paragraph at: the text before the cursor becomes a paragraph of its own before it, with its properties. */
    void splitAtCursor() {
      XWPFParagraph p = doc.getParagraphs().get(at);
      split(p, offset);
      org.apache.xmlbeans.XmlCursor cursor = p.getCTP().newCursor();
      XWPFParagraph before = doc.insertNewParagraph(cursor);
      cursor.dispose();
      if (p.getCTP().isSetPPr()) before.getCTP().setPPr((org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr) p.getCTP().getPPr().copy());
      int pos = 0;
      while (!p.getRuns().isEmpty() && pos < offset) {
        XWPFRun r = p.getRuns().getFirst();
        pos += DocxDocument.text(r).length();
        before.createRun().getCTR().set(r.getCTR().copy());
        p.removeRun(0);
      }
      at = doc.getParagraphs().indexOf(p);
      offset = 0;
    }

    /** Export as PDF: the document as it is now converted by LibreOffice itself, at the path typed. */
    void exportPdf() {
      if (exportTo.isEmpty()) throw EndStateModel.unmodelled(task, trajectory, "Export without a name typed");
      try {
        Files.write(home.host(exportTo), convert("pdf"));
        home.chown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The modelled document converted to another format by LibreOffice itself (soffice --headless). */
    byte[] convert(String format) {
      try {
        java.nio.file.Path tmp = Files.createTempDirectory("writer-convert-");
        try {
          java.nio.file.Path docx = tmp.resolve("document.docx");
          Files.write(docx, bytes());
          io.deskforge.apps.office.HostSoffice.convert(docx, format, tmp, tmp.resolve("profile"));
          java.nio.file.Path out = tmp.resolve("document." + format);
          if (!Files.exists(out)) {
            throw new IllegalStateException("soffice could not convert the modelled document to ." + format);
          }
          return Files.readAllBytes(out);
        } finally {
          try (var walk = Files.walk(tmp)) {
            for (java.nio.file.Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    byte[] bytes() {
      try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
        doc.write(out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Save As: as ODF Text Document, the modelled .docx converted by LibreOffice itself (soffice
     * --headless) and put at the typed path; with the file type left at Word, the .docx written
     * under the typed name with .docx added, as Writer's automatic file name extension does.
     */
    void saveAs() {
      if (saveAs.isEmpty()) throw EndStateModel.unmodelled(task, trajectory, "Save As without a name typed");
      try {
        Files.write(home.host(odt ? saveAs : saveAs + ".docx"), odt ? convert("odt") : bytes());
        home.chown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void save() {
      try {
        Files.write(home.host(file), bytes());
        home.chown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
