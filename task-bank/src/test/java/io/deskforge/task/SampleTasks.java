package io.deskforge.task;

import io.deskforge.task.action.Action;
import io.deskforge.task.spec.AuditReport;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Difficulty;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.Privileged;
import io.deskforge.task.spec.Provenance;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import io.deskforge.task.spec.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Tasks shaped like the ones the families generate, together using every setup step, getter,
 * metric, checker, grounding and action, so that tests over them cover the whole format.
 */
public final class SampleTasks {
  private SampleTasks() {}

  /** A text edit in mousepad: write_file, launch; file_text with equals and contains. */
  public static TaskSpec replaceWord(String word) {
    String original = word + " pie\n" + word + " tart\n";
    String expected = "pear pie\npear tart\n";
    return new TaskSpec(null, "mousepad.replace-word", "mousepad", List.of(),
        "In ~/notes.txt replace every '" + word + "' with 'pear' and save.", word.length(),
        Map.of("word", word, "file", "notes.txt"),
        Privileged.of(
            Fact.inFile("original", original, "/home/user/notes.txt"),
            Fact.inInstruction("word", word),
            Fact.inInstruction("replacement", "pear"),
            Fact.derived("expected", expected, Derivation.REPLACE_ALL, "original", "word", "replacement")),
        List.of(new SetupStep.WriteFile("/home/user/notes.txt", original),
            new SetupStep.Launch("mousepad", List.of("/home/user/notes.txt"))),
        Checker.all(
            Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.EqualsText(expected, false, false)),
            Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.Contains("pear", false)),
            Checker.check(new Getter.FileText("/home/user/notes.txt"), new Metric.NotContains(word, false))),
        Trajectory.of("reference", "replace with the dialog", Action.key("ctrl+r"), Action.waitForWindow("Find and Replace"),
            Action.type(word + "\tpear"), Action.key("alt+a"), Action.key("Escape ctrl+s")),
        List.of(Trajectory.noOp(), Trajectory.of("not saved", "replaces but does not save", Action.key("ctrl+r"),
            Action.type(word + "\tpear"), Action.key("alt+a"))),
        Difficulty.ofSteps(5), Provenance.of("template"), null).withContentId();
  }

  /** A sum in a spreadsheet: make_dir, write_spreadsheet, run, launch; cell and range getters. */
  public static TaskSpec spreadsheetSum(long seed) {
    String a = Long.toString(10 + seed);
    String b = Long.toString(20 + seed);
    String sum = Long.toString(30 + 2 * seed);
    String file = "/home/user/Documents/sales-" + seed + ".xlsx";
    return new TaskSpec(null, "gnumeric.sum-column", "gnumeric", List.of("files"),
        "In " + file + " put the sum of A1:A2 into A3 and save.", seed,
        Map.of("rows", "2"),
        Privileged.of(
            Fact.inFile("a", a, file),
            Fact.inFile("b", b, file),
            Fact.derived("sum", sum, Derivation.SUM, "a", "b")),
        List.of(new SetupStep.MakeDir("/home/user/Documents"),
            new SetupStep.WriteSpreadsheet(file, List.of(List.of(a), List.of(b))),
            new SetupStep.Run(List.of("touch", "/home/user/.ready"), false),
            new SetupStep.Run(List.of("chmod", "a+r", file), true),
            new SetupStep.Launch("gnumeric", List.of(file))),
        Checker.any(
            Checker.check(new Getter.SpreadsheetCell(file, null, "A3"), new Metric.NumberWithin(30 + 2.0 * seed, 0.001)),
            Checker.all(
                Checker.check(new Getter.SpreadsheetRange(file, "Sheet1", "A1:A3"),
                    new Metric.RowsEqual(List.of(List.of(a), List.of(b), List.of(sum)))),
                Checker.check(new Getter.SpreadsheetCell(file, "Sheet1", "A3"), new Metric.EqualsText(sum, true, true)))),
        Trajectory.of("reference", null, Action.click(80, 140), Action.type("=SUM(A1:A2)\n"), Action.key("ctrl+s"),
            Action.waitMs(300)),
        List.of(Trajectory.noOp(), Trajectory.of("wrong cell", "sums into B3", Action.click(160, 140),
            Action.type("=SUM(A1:A2)\n"), Action.key("ctrl+s"))),
        Difficulty.ofSteps(4), new Provenance("template", null, null, null, Map.of("families", "1")), null).withContentId();
  }

  /** Files in a file manager: dir_listing, file_exists, regex, is_true/is_false, the mouse actions. */
  public static TaskSpec moveFile(String name) {
    String dir = "/home/user/inbox";
    return new TaskSpec(null, "files.move-file", "files", List.of(),
        "Move " + name + " from ~/inbox to ~/archive.", 3L, Map.of("name", name),
        Privileged.of(Fact.inInstruction("name", name), Fact.derived("listing", name + "\n", Derivation.LINES, "name")),
        List.of(new SetupStep.MakeDir(dir), new SetupStep.MakeDir("/home/user/archive"),
            new SetupStep.WriteFile(dir + "/" + name, "x"), new SetupStep.Launch("files", List.of())),
        Checker.all(
            Checker.check(new Getter.DirListing("/home/user/archive"), new Metric.SetEquals(List.of(name))),
            Checker.check(new Getter.FileExists(dir + "/" + name, "file"), new Metric.IsFalse()),
            Checker.check(new Getter.FileExists("/home/user/archive", null), new Metric.IsTrue()),
            Checker.check(new Getter.FileText("/home/user/archive/" + name), new Metric.Matches("x+"))),
        new Trajectory("reference", "drag to the archive", List.of(Action.waitForWindow("inbox"),
            new Action.Move(100, 100), new Action.DoubleClick(100, 100), new Action.RightClick(120, 130),
            new Action.Scroll(300, 300, 0, 3), new Action.Drag(100, 100, 400, 300), Action.waitMs(200),
            new Action.MiddleClick(10, 10), new Action.TripleClick(20, 20), new Action.MouseDown(30, 30, "left"),
            new Action.MouseUp(40, 40, "left"), new Action.HoldKey("shift", 100), Action.waitForMenu(0),
            Action.waitForIdle(), new Action.ClickUntilWindow(50, 60, "^Move to$", 4000, 20_000))),
        List.of(Trajectory.noOp()), Difficulty.ofSteps(12), Provenance.of("template"), null).withContentId();
  }

  /** A browser's profile: json_value (Bookmarks, Preferences) and sqlite_query (History), read on OSWorld's VM by the reader. */
  public static TaskSpec browserBookmark(String name) {
    String profile = "/home/user/.config/chromium/Default/";
    String url = "file:///home/user/sites/tea.html";
    return new TaskSpec(null, "chromium.bookmark-page", "chromium", List.of(),
        "Bookmark " + url + " as \"" + name + "\" in the Bookmarks bar.", 7L, Map.of("name", name),
        Privileged.of(Fact.inInstruction("name", name), Fact.inInstruction("url", url)),
        List.of(new SetupStep.WriteFile("/home/user/sites/tea.html", "<title>Tea</title>"),
            new SetupStep.Launch("chromium", List.of(url))),
        Checker.all(
            Checker.check(new Getter.JsonValue(profile + "Bookmarks", "/roots/bookmark_bar/children/0/name"),
                new Metric.EqualsText(name, false, false)),
            Checker.check(new Getter.JsonValue(profile + "Preferences", "/bookmark_bar/show_on_all_tabs"), new Metric.IsFalse()),
            Checker.check(new Getter.SqliteQuery(profile + "History", "SELECT url FROM urls WHERE url = '" + url + "'"),
                new Metric.SetEquals(List.of(url)))),
        Trajectory.of("reference", "the star, the name, Done", Action.click(1171, 63), Action.waitMs(2000),
            Action.type(name), Action.click(1129, 271), Action.waitMs(3500)),
        List.of(Trajectory.noOp(), Trajectory.of("title kept", "keeps the page title", Action.click(1171, 63),
            Action.waitMs(2000), Action.click(1129, 271))),
        Difficulty.ofSteps(5), Provenance.of("template"), null).withContentId();
  }

  /** A styled workbook written from a description, and a cell's formula and weight asked of its format. No OSWorld form yet. */
  public static TaskSpec formulaColumn() {
    String path = "/home/user/orders.xlsx";
    com.fasterxml.jackson.databind.node.ObjectNode content = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    content.putArray("rows").add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("Qty").add("Price"))
        .add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("3").add("4.5"));
    return new TaskSpec(null, "libreoffice-calc.formula", "libreoffice-calc", List.of(),
        "In orders.xlsx, put the formula =A2*B2 in C2 and make it bold.", 3L, Map.of(),
        Privileged.of(Fact.inInstruction("formula", "=A2*B2")),
        List.of(new SetupStep.WriteDocument(path, content), new SetupStep.Launch("libreoffice-calc", List.of(path))),
        Checker.all(
            Checker.check(new Getter.DocumentQuery(path, "C2.formula"), new Metric.EqualsText("=A2*B2", true, false)),
            Checker.check(new Getter.DocumentQuery(path, "C2.bold"), new Metric.IsTrue())),
        Trajectory.of("reference", "Name Box, formula, bold, save", Action.key("ctrl+shift+t"), Action.type("C2\n=A2*B2\n"),
            Action.key("ctrl+b"), Action.key("ctrl+s")),
        List.of(Trajectory.noOp()), Difficulty.ofSteps(4), Provenance.of("template"), null).withContentId();
  }

  /**
   * A wiki page to open, read on the browser's live page (its address's id, the shown page's text,
   * a local storage key and a session cookie): a WebArena form, no OSWorld one.
   */
  public static TaskSpec openWikiPage(String page) {
    String line = "The travel budget is owned by Ada.";
    return new TaskSpec(null, "dokuwiki.find-page", "dokuwiki", List.of(),
        "Open the wiki page that says who owns the travel budget.", 5L, Map.of("page", page),
        Privileged.of(Fact.inFile("page", page, "/home/user/.dokuwiki/data/pages/start.txt"),
            Fact.inFile("line", line, "/home/user/.dokuwiki/data/pages/" + page + ".txt"), Fact.inInstruction("budget", "travel")),
        List.of(new SetupStep.WriteFile("/home/user/.dokuwiki/data/pages/" + page + ".txt", line),
            new SetupStep.WriteFile("/home/user/.dokuwiki/data/pages/start.txt", "  * [[" + page + "]]"),
            new SetupStep.Launch("dokuwiki", List.of())),
        Checker.all(
            Checker.check(new Getter.PageUrl("id"), new Metric.EqualsText(page, true, false)),
            Checker.check(new Getter.PageText("#dokuwiki__top.mode_show .page"), new Metric.Contains(line, true)),
            Checker.check(new Getter.LocalStorage("theme"), new Metric.EqualsText("dark", true, false)),
            Checker.check(new Getter.Cookie("http://127.0.0.1:8080/", "DokuWiki"), new Metric.Matches(".+"))),
        Trajectory.of("reference", "the page's address typed", Action.key("ctrl+l"), Action.type("127.0.0.1:8080/doku.php?id=" + page + "\n"),
            new Action.WaitForWindow("^" + page + " ", 30_000)),
        List.of(Trajectory.noOp()), Difficulty.ofSteps(3), Provenance.of("template"), null).withContentId();
  }

  /** The password {@link #loggedInWiki} logs in with: privileged. */
  public static final String WIKI_PASSWORD = "lantern-4417-quiet-8093";

  /**
   * A wiki page to move as a member: the account made, logged in by a page step (form, session
   * cookie, local storage), the start page opened by another. A WebArena form with require_login,
   * no OSWorld one (OSWorld's setup fills no web form).
   */
  public static TaskSpec loggedInWiki() {
    Map<String, String> fill = new java.util.LinkedHashMap<>();
    fill.put("#wpName1", "Member417");
    fill.put("#wpPassword1", WIKI_PASSWORD);
    String login = "http://127.0.0.1:8080/index.php?title=Special:UserLogin";
    return new TaskSpec(null, "mediawiki.move-page", "mediawiki", List.of(),
        "Move the wiki page \"Garden club\" to \"Garden society\".", 7L, Map.of("from", "Garden club", "to", "Garden society"),
        Privileged.of(Fact.inInstruction("to", "Garden society")),
        List.of(new SetupStep.WriteFile("/home/user/.mediawiki/seed/Garden club.txt", "Seeds on Fridays."),
            new SetupStep.Launch("mediawiki", List.of("Garden club")),
            new SetupStep.Run(List.of("php", "/usr/share/mediawiki/maintenance/createAndPromote.php", "Member417", WIKI_PASSWORD), false),
            new SetupStep.Page(login, fill, "#wpLoginAttempt", "#pt-userpage", Map.of("mw-tour", "done"), Map.of("wikiTheme", "night")),
            SetupStep.Page.open("http://127.0.0.1:8080/index.php?title=Garden_club", "#pt-userpage")),
        Checker.check(new Getter.SqliteQuery("/home/user/.mediawiki/data/wiki.sqlite",
            "SELECT replace(page_title, '_', ' ') FROM page WHERE page_namespace = 0 AND page_is_redirect = 0 AND page_title IN ('Garden_society')"),
            new Metric.SetEquals(List.of("Garden society"))),
        Trajectory.of("reference", "the move form by its address", Action.key("ctrl+l"),
            Action.type("127.0.0.1:8080/index.php?title=Special:MovePage/Garden_club\n"), new Action.WaitForWindow("^Move ", 30_000)),
        List.of(Trajectory.noOp()), Difficulty.ofSteps(3), Provenance.of("template"), null).withContentId();
  }

  /** The samples and those without an OSWorld form: every variant of the format. */
  public static List<TaskSpec> everyVariant() {
    List<TaskSpec> out = new java.util.ArrayList<>(all());
    out.add(browserBookmark("Tea shop"));
    out.add(formulaColumn());
    out.add(openWikiPage("budget_notes"));
    out.add(loggedInWiki());
    return out;
  }

  /** Every sample that has an OSWorld form, with varied parameters. */
  public static List<TaskSpec> all() {
    return List.of(replaceWord("apple"), replaceWord("plum"), spreadsheetSum(1), spreadsheetSum(42),
        moveFile("report.txt"), moveFile("a b.odt"));
  }

  /** The task with an audit that proved it: static and replay stages, all passed. */
  public static TaskSpec verified(TaskSpec task, String... evidence) {
    return task.withAudit(new AuditReport(Verdict.VERIFIED, List.of(),
        List.of(new AuditReport.Stage("static", true, null, 3, null),
            new AuditReport.Stage("replay.initial", true, "checker fails at the start", 400, null),
            new AuditReport.Stage("replay.solution", true, "checker passes", 900,
                io.deskforge.task.json.TaskJson.tree(Map.of("file_text", "pear pie"))),
            new AuditReport.Stage("replay.negative:no-op", true, null, 300, null)),
        List.of(evidence), 1600, "sandbox", "2025-01-01T00:00:00Z"));
  }

  public static TaskSpec rejected(TaskSpec task, String reason) {
    return task.withAudit(new AuditReport(Verdict.REJECTED, List.of(reason),
        List.of(new AuditReport.Stage("replay.initial", false, reason, 400, null)), List.of(), 500, "sandbox", null));
  }

  public static TaskSpec error(TaskSpec task, String reason) {
    return task.withAudit(new AuditReport(Verdict.ERROR, List.of(reason), List.of(), List.of(), 20, "sandbox", null));
  }
}
