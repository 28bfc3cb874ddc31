package io.deskforge.apps.writer;

import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LibreOffice Writer as a keyboard user drives it: Ctrl+Home to the document's start, Ctrl+Down
 * to the start of the next paragraph (Shift with it extends the selection); Ctrl+1/2/3 apply
 * Heading 1/2/3, Ctrl+0 Body Text; Ctrl+L/E/R/J align; Ctrl+B bolds the selection; the Find and
 * Replace dialog (Ctrl+H) finds a phrase (selecting it), every occurrence of a word (Find All),
 * or replaces a word everywhere; Shift+F12 and F12 make bulleted and numbered lists; Format >
 * Paragraph sets line spacing; Ctrl+S saves in the file's own format (the profile answers "keep
 * format" for .docx, so no question comes up).
 *
 * <p>Every dialog is waited for by its window's title before keys go to it, and every menu opened
 * by its accelerator as a pop-up window ({@code wait_menu}: depth 2 for its submenu).
 */
final class WriterGui {
  private WriterGui() {}

  static final String FIND_REPLACE = "^Find and Replace$";
  static final String PARAGRAPH = "^Paragraph$";
  /** How long a dialog may take to come on a loaded host (the default wait is 5 s). */
  static final long DIALOG_MS = 20_000;

  static Action dialog(String titleRegex) {
    return new Action.WaitForWindow(titleRegex, DIALOG_MS);
  }

  static String windowTitle(String path) {
    return "^" + Pattern.quote(path.substring(path.lastIndexOf('/') + 1)) + " - LibreOffice Writer$";
  }

  /** The cursor to the start of paragraph n (from 1; paragraphs as the document has them, one per Return). */
  static List<Action> goToParagraph(int n) {
    List<Action> out = new ArrayList<>(List.of(Action.key("ctrl+Home")));
    if (n > 1) out.add(Action.key(repeat("ctrl+Down", n - 1)));
    return out;
  }

  /** Selects paragraphs from..to (from 1): from the start of the first, Ctrl+Shift+Down to the end of each. */
  static List<Action> selectParagraphs(int from, int to) {
    List<Action> out = new ArrayList<>(goToParagraph(from));
    out.add(Action.key(repeat("ctrl+shift+Down", to - from + 1)));
    return out;
  }

  /** Ctrl+1, Ctrl+2 or Ctrl+3: Heading 1-3 on the paragraph with the cursor. */
  static Action heading(int level) {
    if (level < 1 || level > 3) throw new IllegalArgumentException("Writer has shortcuts for Heading 1-3, not " + level);
    return Action.key("ctrl+" + level);
  }

  /** Ctrl+L, Ctrl+E, Ctrl+R or Ctrl+J on the paragraphs with the cursor or the selection. */
  static Action align(String alignment) {
    return Action.key(switch (alignment) {
      case "left" -> "ctrl+l";
      case "center" -> "ctrl+e";
      case "right" -> "ctrl+r";
      case "justify" -> "ctrl+j";
      default -> throw new IllegalArgumentException("no alignment " + alignment);
    });
  }

  /**
   * Shift+F12 (Toggle Unordered List: bullets) or F12 (Toggle Ordered List: numbers) on the
   * paragraphs with the cursor or the selection.
   */
  static Action list(String kind) {
    return Action.key(switch (kind) {
      case "bullet" -> "shift+F12";
      case "numbered" -> "F12";
      default -> throw new IllegalArgumentException("no list kind " + kind);
    });
  }

  /**
   * Find and Replace: the search text typed into its Find box, Find Next (Alt+X) from the
   * document's start, which selects the first occurrence; then the dialog closed.
   */
  static List<Action> select(String phrase) {
    List<Action> out = new ArrayList<>(List.of(Action.key("ctrl+Home")));
    out.addAll(openFindReplace());
    out.add(Action.type(phrase));
    out.add(Action.key("alt+x"));
    out.addAll(closeDialog());
    return out;
  }

  /**
   * Find and Replace: the search text typed into its Find box, Find All (Alt+A), which selects
   * every occurrence in the document at once; then the dialog closed, the selection kept, so that
   * a format key applies to all of them. The cursor goes to the document's start first: with a
   * selection of several parts (an earlier Find All's) the dialog opens with "Current selection
   * only" ticked, and Find All would search those parts alone.
   */
  static List<Action> selectAll(String text) {
    List<Action> out = new ArrayList<>(List.of(Action.key("ctrl+Home")));
    out.addAll(openFindReplace());
    out.add(Action.type(text));
    out.add(Action.key("alt+a"));
    out.add(Action.waitMs(300));
    out.addAll(closeDialog());
    return out;
  }

  /** Find and Replace: the word in Find, the replacement in Replace (Alt+P), Replace All (Alt+L), Close. */
  static List<Action> replaceAll(String word, String replacement) {
    List<Action> out = new ArrayList<>(openFindReplace());
    out.add(Action.type(word));
    out.add(Action.key("alt+p"));
    out.add(Action.key("ctrl+a"));
    out.add(Action.type(replacement));
    out.add(Action.key("alt+l"));
    out.add(Action.waitMs(300));
    out.addAll(closeDialog());
    return out;
  }

  /**
   * Ctrl+H, the dialog waited for, then a moment for it to take the keyboard focus into its Find
   * box (mapped is not yet focused: on a loaded host keys typed at once went nowhere), whose text
   * is then selected to be typed over.
   */
  private static List<Action> openFindReplace() {
    return List.of(Action.key("ctrl+h"), dialog(FIND_REPLACE), Action.waitMs(600), Action.key("ctrl+a"));
  }

  /**
   * Escape, then Writer idle: the document takes the focus back when Writer gets to it, and on a
   * loaded host a format key sent after a fixed 300 ms went nowhere (a phrase left plain).
   */
  private static List<Action> closeDialog() {
    return List.of(Action.key("Escape"), Action.waitMs(300), Action.waitForIdle());
  }

  /**
   * Format > Paragraph (Alt+O, A), its first tab (Indents &amp; Spacing), the Line spacing list
   * reached by Tab, set by Home and Down (Single, 1.15 Lines, 1.5 Lines, Double), OK by Return.
   */
  static List<Action> lineSpacing(String spacing) {
    int downs = switch (spacing) {
      case "1" -> 0;
      case "1.15" -> 1;
      case "1.5" -> 2;
      case "2" -> 3;
      default -> throw new IllegalArgumentException("no line spacing " + spacing);
    };
    // the menu's item is taken only once the menu is up (under CI load a fixed 700 ms was once too
    // short and the Paragraph dialog never came), and the dialog may take up to DIALOG_MS
    List<Action> out = new ArrayList<>(List.of(Action.key("alt+o"), Action.waitForMenu(1), Action.key("a"), Action.key("Return"),
        dialog(PARAGRAPH)));
    // the dialog builds its tab pages after it is mapped: the Tabs must start from its first field
    out.add(Action.waitMs(1000));
    out.add(Action.key(repeat("Tab", LINE_SPACING_TABS)));
    out.add(Action.key("Home"));
    if (downs > 0) out.add(Action.key(repeat("Down", downs)));
    out.add(Action.key("Return"));
    out.add(Action.waitMs(300));
    return out;
  }

  /** Tab presses from the Paragraph dialog's first field to its Line spacing list. */
  static final int LINE_SPACING_TABS = 7;

  static final String PAGE_STYLE = "^Page Style";
  static final String INSERT_TABLE = "^Insert Table$";

  /**
   * Format > Page Style (Alt+Shift+P) on its tabs, reached by Ctrl+Page Down from the first
   * (Organizer): Page, where Alt+A focuses Landscape and Space selects it; Header, where Alt+D
   * turns the header on; Footer, where Alt+F turns the footer on; OK by Return.
   */
  static List<Action> pageStyle(boolean landscape, boolean header, boolean footer) {
    List<Action> out = new ArrayList<>(List.of(Action.key("alt+shift+p"), dialog(PAGE_STYLE), Action.waitMs(1000)));
    out.add(Action.key("ctrl+Page_Down"));
    if (landscape) out.add(Action.key("alt+a space"));
    out.add(Action.key(repeat("ctrl+Page_Down", 3)));
    if (header) out.add(Action.key("alt+d"));
    out.add(Action.key("ctrl+Page_Down"));
    if (footer) out.add(Action.key("alt+f"));
    out.add(Action.key("Return"));
    out.add(Action.waitMs(500));
    return out;
  }

  /**
   * In the page header (Ctrl+Page Up) or footer (Ctrl+Page Down), after the text typed there,
   * Insert > Page Number: a PAGE field, the number of each page; then back to the text. Page
   * Break, Special Character and Page Number share the letter P in the Insert menu, so a P only
   * moves the highlight to the next of them; the menu opens on Page Break, so P twice reaches
   * Page Number, which Return takes (three times went round to Page Break).
   */
  static List<Action> pageNumberInto(boolean header, String before) {
    String key = header ? "ctrl+Page_Up" : "ctrl+Page_Down";
    List<Action> out = new ArrayList<>(List.of(Action.key(key)));
    if (!before.isEmpty()) out.add(Action.type(before));
    out.add(Action.key("alt+i"));
    out.add(Action.waitForMenu(1));
    out.add(Action.key("p p"));
    out.add(Action.key("Return"));
    out.add(Action.waitMs(500));
    out.add(Action.key(key));
    return out;
  }

  /** Types into the page header (Ctrl+Page Up goes there from the text and back), or the footer (Ctrl+Page Down). */
  static List<Action> typeInto(boolean header, String text) {
    String key = header ? "ctrl+Page_Up" : "ctrl+Page_Down";
    return List.of(Action.key(key), Action.type(text), Action.key(key));
  }

  /**
   * At the document's end, a new paragraph and Table > Insert Table (Ctrl+F12): Columns (Alt+C)
   * and Rows (Alt+R) typed, Insert by Return; then the cells typed row by row, Tab between them
   * and Tab from a row's last cell to the next row's first.
   */
  static List<Action> insertTableAtEnd(List<List<String>> rows) {
    int cols = rows.getFirst().size();
    List<Action> out = new ArrayList<>(List.of(Action.key("ctrl+End"), Action.key("Return"), Action.key("ctrl+F12"),
        dialog(INSERT_TABLE), Action.waitMs(600)));
    out.add(Action.key("alt+c"));
    out.add(Action.key("ctrl+a"));
    out.add(Action.type(Integer.toString(cols)));
    out.add(Action.key("alt+r"));
    out.add(Action.key("ctrl+a"));
    out.add(Action.type(Integer.toString(rows.size())));
    out.add(Action.key("Return"));
    out.add(Action.waitMs(500));
    for (int r = 0; r < rows.size(); r++) {
      if (r > 0) out.add(Action.key("Tab"));
      out.add(Action.type(String.join("\t", rows.get(r))));
    }
    return out;
  }

  static final String PDF_OPTIONS = "^PDF Options$";
  static final String EXPORT = "^Export$";
  static final String SAVE_AS = "^Save [Aa]s$";

  /**
   * File &gt; Export As &gt; Export as PDF (Alt+F, E, E: the menu and its submenu opened by their
   * mnemonics), the PDF Options dialog taken as it is (Return: Export, with every page), then the
   * file dialog: the path typed into its file name box over the proposed name ({@link #typePath}), Return. The
   * PDF is written before the dialog closes; the document's window is waited for again.
   */
  static List<Action> exportPdf(String docPath, String pdfPath) {
    List<Action> out = new ArrayList<>(List.of(Action.key("alt+f"), Action.waitForMenu(1), Action.key("e"), Action.waitForMenu(2),
        Action.key("e"), dialog(PDF_OPTIONS), Action.waitMs(1000), Action.key("Return"),
        dialog(EXPORT), Action.waitMs(800), Action.key("ctrl+a")));
    out.addAll(typePath(pdfPath));
    out.addAll(List.of(Action.key("Return"), Action.waitForWindow(windowTitle(docPath)), Action.waitMs(1500)));
    return out;
  }

  /**
   * A path goes into a file dialog's name box file name first, then Home and its folder before it.
   * The box completes what is typed at its end from the folder shown, ignoring case, and keeps the
   * completion's case: with a draft donkey-window.docx beside ~/Documents, "/home/user/Do" became
   * "/home/user/do" (the draft's name proposed), and the save failed ("Path to the file does not
   * exist"; 2 seeds in 20 of save-as-odt). Typed before text already there, nothing is completed.
   */
  private static List<Action> typePath(String path) {
    int slash = path.lastIndexOf('/') + 1;
    return List.of(Action.type(path.substring(slash)), Action.key("Home"), Action.type(path.substring(0, slash)));
  }

  /**
   * File &gt; Save As (Ctrl+Shift+S), the path typed into the file name box ({@link #typePath}); in OpenDocument
   * Text when {@code odt} (the file type list, first entry), else in the type the document has; then
   * Save, and the window waited for under the new name.
   */
  static List<Action> saveAs(String path, boolean odt) {
    return saveAs(path, odt, windowTitle(path));
  }

  /**
   * Save As with the file type left as the document's own (Word), the path typed with another
   * extension: what Writer then names the file is its business (the automatic extension may add
   * .docx), so the window is waited for under any name starting with the typed one.
   */
  static List<Action> saveAsKeepingType(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return saveAs(path, false, "^" + Pattern.quote(name) + ".* - LibreOffice Writer$");
  }

  private static List<Action> saveAs(String path, boolean odt, String titleAfter) {
    List<Action> out = new ArrayList<>(List.of(Action.key("ctrl+shift+s"), dialog(SAVE_AS), Action.waitMs(800), Action.key("ctrl+a")));
    out.addAll(typePath(path));
    if (odt) out.addAll(List.of(Action.key(repeat("Tab", SAVE_AS_TYPE_TABS)), Action.key("Home"), Action.waitMs(300)));
    out.add(Action.key("Return"));
    out.add(new Action.WaitForWindow(titleAfter, DIALOG_MS));
    return out;
  }

  /** Tab presses from the Save As dialog's file name box to its file type list. */
  static final int SAVE_AS_TYPE_TABS = 1;

  /** A line of its own at the document's end: Ctrl+End, Return, the text. */
  static List<Action> appendLine(String text) {
    return List.of(Action.key("ctrl+End"), Action.key("Return"), Action.type(text));
  }

  /**
   * The small edit the save-elsewhere families ask before saving: a closing line at the end and,
   * when {@code newTitle} is not null, the title typed anew; with how a person does it, for a
   * solution's description.
   */
  static List<Action> closingEdit(String line, String newTitle) {
    List<Action> out = new ArrayList<>(appendLine(line));
    if (newTitle != null) out.addAll(retypeFirst(newTitle));
    return out;
  }

  static String closingEditHow(boolean retitle) {
    return "the line typed at the end (Ctrl+End, Return)" + (retitle ? ", the title typed over (Ctrl+Home, Shift+End)" : "");
  }

  /** The first paragraph's text typed over (Ctrl+Home, Shift+End selects it; its style stays). */
  static List<Action> retypeFirst(String text) {
    return List.of(Action.key("ctrl+Home"), Action.key("shift+End"), Action.type(text));
  }

  static List<Action> save(String path) {
    return List.of(Action.key("ctrl+s"), Action.waitForWindow(windowTitle(path)));
  }

  static String repeat(String key, int n) {
    return String.join(" ", Collections.nCopies(n, key));
  }
}
