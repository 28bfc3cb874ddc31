package io.deskforge.task.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskforge.task.check.CheckerEvaluator;
import io.deskforge.task.check.Reading;
import io.deskforge.task.check.StateFiles;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VM reader (vm_reader.py, run by Debian's python3 as OSWorld's VM would) against deskforge's
 * checker: for many files and metrics, the OSWorld metric over what the reader prints (exact_match
 * or check_include_exclude, their one-line rules) decides exactly as CheckerEvaluator decides over
 * what deskforge's getter reads. Cases are the edges where a naive reading differs: CRLF, bytes
 * that are not UTF-8, a byte-order mark, white space Java strips or keeps, case, number syntax,
 * missing files, folders, links (never followed), a FIFO, a file over the read limit.
 */
class VmReaderTest {
  @TempDir static Path dir;
  private static Process python;
  private static PrintWriter toPython;
  private static BufferedReader fromPython;
  private static final OsworldMapping MAPPING = new OsworldMapping(TestCatalog.INSTANCE);
  /** For state files: databases are larger than the texts' small limit, which their tests push against. */
  private static final OsworldMapping STATE_MAPPING = new OsworldMapping(TestCatalog.LARGER_FILES);

  @BeforeAll
  static void startTheReader() throws IOException {
    Path program = dir.resolve("vm_reader.py");
    Files.writeString(program, VmReader.PROGRAM);
    Path harness = dir.resolve("run_reader.py");
    try (InputStream in = VmReaderTest.class.getResourceAsStream("run_reader.py")) {
      Files.copy(in, harness);
    }
    String py = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    python = new ProcessBuilder(py, harness.toString(), program.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    toPython = new PrintWriter(python.getOutputStream(), true, StandardCharsets.UTF_8);
    fromPython = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() throws Exception {
    toPython.close();
    python.waitFor();
  }

  /** What the reader prints for this argument. */
  private static String run(String argument) throws IOException {
    toPython.println(TaskJson.write(Map.of("arg", argument)));
    String line = fromPython.readLine();
    if (line == null) throw new IllegalStateException("the reader's harness died");
    return TaskJson.mapper().readTree(line).get("out").asText();
  }

  /** OSWorld's decision: its metric applied to the reader's output and the rules. */
  private static boolean osworld(OsworldMapping.Leaf leaf) throws IOException {
    String out = run(leaf.result().at("/command/3").asText());
    assertThat(out).as("the reader prints one ASCII line, which OSWorld's server passes unchanged").matches("[ -~]*");
    JsonNode rules = leaf.expected().get("rules");
    if (leaf.func().equals("exact_match")) return out.equals(rules.get("expected").asText());
    assertThat(leaf.func()).isEqualTo("check_include_exclude");
    for (JsonNode i : rules.get("include")) if (!out.contains(i.asText())) return false;
    for (JsonNode x : rules.get("exclude")) if (out.contains(x.asText())) return false;
    return true;
  }

  /** deskforge's decision: CheckerEvaluator over what GetterReader reads from the host's files. */
  private static boolean deskforge(Checker checker) {
    return CheckerEvaluator.evaluate(checker, VmReaderTest::read).passed();
  }

  /**
   * What deskforge's GetterReader reads from a sandbox desktop's home (vm-images' NoFollowTree,
   * which task-bank cannot reach): a link is never followed, a link on the way or a file that is not
   * regular or over the read limit is unreadable; a folder is not text.
   */
  private static Reading read(Getter g) {
    Path p = Path.of(g.path());
    try {
      for (Path q = p.getParent(); q != null && q.startsWith(dir) && !q.equals(dir); q = q.getParent()) {
        if (Files.isSymbolicLink(q)) return Reading.unreadable(q + " is a symbolic link");
      }
      String kind = !Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "absent" : Files.isSymbolicLink(p) ? "link"
          : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file" : "other";
      return switch (g) {
        case Getter.FileText t -> {
          if (kind.equals("absent") || kind.equals("dir")) yield Reading.absent();
          if (!kind.equals("file") || Files.size(p) > TestCatalog.READ_BYTES) yield Reading.unreadable(kind);
          yield Reading.text(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        }
        case Getter.FileExists e -> Reading.flag(!kind.equals("absent") && switch (e.kind() == null ? "any" : e.kind()) {
          case "file" -> !kind.equals("dir");
          case "dir" -> kind.equals("dir");
          default -> true;
        });
        case Getter.DirListing l -> {
          if (!kind.equals("dir")) yield Reading.absent();
          try (Stream<Path> s = Files.list(p)) {
            yield Reading.items(s.map(x -> x.getFileName().toString()).sorted().toList());
          }
        }
        // as GetterReader: a regular file within the limit, its bytes to the very code the desktops' getters call
        case Getter.JsonValue j -> {
          if (kind.equals("absent") || kind.equals("dir")) yield Reading.absent();
          if (!kind.equals("file") || Files.size(p) > TestCatalog.LARGER_FILES.readBytes()) yield Reading.unreadable(kind);
          yield StateFiles.json(Files.readAllBytes(p), j.pointer());
        }
        case Getter.SqliteQuery q -> {
          if (kind.equals("absent") || kind.equals("dir")) yield Reading.absent();
          if (!kind.equals("file") || Files.size(p) > TestCatalog.LARGER_FILES.readBytes()) yield Reading.unreadable(kind);
          Path wal = Path.of(q.path() + "-wal");
          boolean log = Files.exists(wal, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(wal, LinkOption.NOFOLLOW_LINKS);
          if (log && (!Files.isRegularFile(wal, LinkOption.NOFOLLOW_LINKS) || Files.size(wal) > TestCatalog.LARGER_FILES.readBytes())) {
            yield Reading.unreadable("the log");
          }
          yield StateFiles.sqlite(Files.readAllBytes(p), log ? Files.readAllBytes(wal) : null, q.query());
        }
        default -> throw new IllegalArgumentException("not read here: " + g);
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every check on every file; the disagreements, named. */
  private static List<String> disagreements(Map<String, Path> files, List<Metric> metrics) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Path> f : files.entrySet()) {
      for (Metric m : metrics) {
        Checker.Check check = Checker.check(new Getter.FileText(f.getValue().toString()), m);
        boolean ours = deskforge(check);
        boolean theirs = osworld(MAPPING.leaf(check));
        if (ours != theirs) out.add(f.getKey() + " / " + m + ": deskforge " + ours + ", OSWorld " + theirs);
      }
    }
    return out;
  }

  private static Map<String, Path> files(Map<String, byte[]> contents) throws IOException, InterruptedException {
    Map<String, Path> out = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      Path p = dir.resolve("f" + (i++) + ".txt");
      Files.write(p, e.getValue());
      out.put(e.getKey(), p);
    }
    out.put("missing", dir.resolve("no-such-file.txt"));
    Path folder = Files.createDirectories(dir.resolve("a-folder"));
    out.put("a folder", folder);
    Path dangling = dir.resolve("dangling");
    if (!Files.exists(dangling, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
    out.put("a dangling link", dangling);
    Path target = dir.resolve("link-target.txt");
    Files.writeString(target, "pear pie\npear tart\n");
    Path link = dir.resolve("a-link.txt");
    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, target);
    out.put("a link to a file", link);
    Path linkedFolder = dir.resolve("linked-folder");
    if (!Files.exists(linkedFolder, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(linkedFolder, folder);
    Files.writeString(folder.resolve("inside.txt"), "pear pie\npear tart\n");
    out.put("a file through a linked folder", linkedFolder.resolve("inside.txt"));
    out.put("a linked folder", linkedFolder);
    Path big = dir.resolve("big.txt");
    Files.writeString(big, "pear pie\n".repeat((int) TestCatalog.READ_BYTES));
    out.put("a file over the read limit", big);
    Path fifo = dir.resolve("a-fifo");
    if (!Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)) new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    out.put("a FIFO", fifo);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final Map<String, byte[]> TEXTS = new LinkedHashMap<>();

  static {
    TEXTS.put("lf", utf8("pear pie\npear tart\n"));
    TEXTS.put("crlf", utf8("pear pie\r\npear tart\r\n"));
    TEXTS.put("lone cr", utf8("pear pie\rpear tart\r"));
    TEXTS.put("no final newline", utf8("pear pie\npear tart"));
    TEXTS.put("white space around", utf8(" \t pear pie\npear tart\n\n\u2003"));
    TEXTS.put("no-break space", utf8("pear pie\npear tart\u00a0"));
    TEXTS.put("next line (not Java white space)", utf8("pear pie\npear tart\u0085"));
    TEXTS.put("byte-order mark", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'p', 'e', 'a', 'r'});
    TEXTS.put("upper case", utf8("PEAR PIE\nPEAR TART\n"));
    TEXTS.put("not utf-8", new byte[] {'p', 'e', (byte) 0xFF, 'a', 'r', (byte) 0xC3, '(', (byte) 0xED, (byte) 0xA0, (byte) 0x80,
        (byte) 0xF0, (byte) 0x9F, (byte) 0x98, ' ', (byte) 0xE2, (byte) 0x82});
    TEXTS.put("empty", new byte[0]);
    TEXTS.put("unicode", utf8("Ǆ ß İ ı µ ΟΔΟΣ ﬀ 😀 \"quoted\" back\\slash \u0001 \u007f"));
  }

  @Test
  void textMetricsDecideAsDeskforgesOnEveryEdgeOfAText() throws Exception {
    List<Metric> metrics = new ArrayList<>();
    for (String e : List.of("pear pie\npear tart\n", "pear pie\npear tart", "pear pie\r\npear tart\r\n", "PEAR PIE\nPEAR TART\n", "", "pear")) {
      for (boolean trim : new boolean[] {false, true}) {
        for (boolean ic : new boolean[] {false, true}) metrics.add(new Metric.EqualsText(e, trim, ic));
      }
    }
    for (String e : List.of("pear", "PEAR", "pie\npear", "pie\r\npear", "", "tart\n", "\uFFFD", "ar\uFFFD(")) {
      for (boolean ic : new boolean[] {false, true}) {
        metrics.add(new Metric.Contains(e, ic));
        metrics.add(new Metric.NotContains(e, ic));
      }
    }
    metrics.add(new Metric.EqualsText("Ǆ ß İ ı µ ΟΔΟΣ ﬀ 😀 \"quoted\" back\\slash \u0001 \u007f", false, false));
    metrics.add(new Metric.EqualsText("ǆ SS i̇ I Μ οδος FF 😀 \"QUOTED\" BACK\\SLASH \u0001 \u007f", true, true));
    metrics.add(new Metric.EqualsText("ǅ ß i̇ ı μ ΟΔΟΣ ﬀ 😀 \"quoted\" back\\slash \u0001 \u007f", false, true));
    metrics.add(new Metric.Contains("οδος", true));
    metrics.add(new Metric.Contains("ς", true));
    metrics.add(new Metric.Contains("😀 \"q", false));
    metrics.add(new Metric.EqualsText("pe\uFFFDar\uFFFD(\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD", false, false));
    metrics.add(new Metric.EqualsText("\uFEFFpear", true, false));
    assertThat(disagreements(files(TEXTS), metrics)).isEmpty();
  }

  @Test
  void bytesThatAreNotUtf8DecodeAsJavasDecoderDecodesThem() throws Exception {
    // lead, continuation and invalid bytes in random short runs: every way a sequence can break
    int[] bytes = {0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xff};
    java.util.Random random = new java.util.Random(14);
    Map<String, byte[]> texts = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      byte[] b = new byte[1 + random.nextInt(6)];
      for (int j = 0; j < b.length; j++) b[j] = (byte) bytes[random.nextInt(bytes.length)];
      texts.put(java.util.HexFormat.of().formatHex(b), b);
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Path> f : files(texts).entrySet()) {
      if (!texts.containsKey(f.getKey())) continue;
      String decoded = new String(texts.get(f.getKey()), StandardCharsets.UTF_8);
      Checker.Check check = Checker.check(new Getter.FileText(f.getValue().toString()), new Metric.EqualsText(decoded, false, false));
      if (!osworld(MAPPING.leaf(check))) wrong.add(f.getKey());
    }
    assertThat(wrong).as("byte sequences the reader decodes unlike Java").isEmpty();
  }

  @Test
  void numbersAreParsedAsDeskforgesCheckerParsesThem() throws Exception {
    Map<String, byte[]> texts = new LinkedHashMap<>();
    for (String s : List.of("12", " 12\n", "12.0", "+12", "1,2", "12,", "1.2e1", "120E-1", ".12e2", "12.", "١٢", "12 apples", "0x0C",
        "1_2", "Infinity", "NaN", "", "\u00a012", "\u200312\u2003", "\uFEFF12", "1e400", "-12", "11.9999999999", "12\r\n", "1e2147483648")) {
      texts.put("'" + s + "'", utf8(s));
    }
    List<Metric> metrics = List.of(new Metric.NumberWithin(12, 0), new Metric.NumberWithin(12, 1e-6), new Metric.NumberWithin(-12, 0));
    assertThat(disagreements(files(texts), metrics)).isEmpty();
  }

  @Test
  void portableRegexesMatchAsJavasPatternDoes() throws Exception {
    Map<String, byte[]> texts = new LinkedHashMap<>();
    for (String s : List.of("xxx", "x\nx", "abc123", "ABC", "a.b", "tab\there", "émile", "x y", "", "[x]", "a\r\n")) texts.put("'" + s + "'", utf8(s));
    List<Metric> metrics = new ArrayList<>();
    for (String p : List.of("x+", ".*", "x.x", "[a-c]+\\d{3}", "[^x]*", "\\w+", "\\s*", "a\\.b", "(?:ab|AB)C?", "tab\\t\\S+", "\\[x\\]",
        ".{0,2}", "a.*?", "\\d", "[\\w]+", "a\\r\\n", "é?mile|émile")) {
      assertThat(PortableRegex.problem(p)).as(p).isNull();
      metrics.add(new Metric.Matches(p));
    }
    assertThat(disagreements(files(texts), metrics)).isEmpty();
  }

  @Test
  void existenceIsReadAsDeskforgeReadsIt() throws Exception {
    Map<String, Path> paths = files(Map.of("a file", utf8("x")));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Path> p : paths.entrySet()) {
      for (String kind : new String[] {null, "file", "dir"}) {
        for (Metric m : List.of(new Metric.IsTrue(), new Metric.IsFalse(), new Metric.EqualsText("true", false, false))) {
          Checker.Check check = Checker.check(new Getter.FileExists(p.getValue().toString(), kind), m);
          if (deskforge(check) != osworld(MAPPING.leaf(check))) wrong.add(p.getKey() + " kind " + kind + " " + m);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void listingsAreComparedAsSetsOfNamesWhateverTheirOrder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("listing"));
    List<String> names = List.of("b", "a", "B", "ä", "Z z", "😀", "\uFFFD", ".hidden");
    for (String n : names) Files.writeString(folder.resolve(n), "");
    List<String> wrong = new ArrayList<>();
    List<List<String>> expectations = List.of(names, names.reversed(), List.of("a", "b"), List.of(),
        List.of("b", "a", "B", "ä", "Z z", "😀", "\uFFFD", ".hidden", "a"), List.of("b", "a", "B", "ä", "Z z", "😀", "\uFFFD", "x"));
    Path linked = dir.resolve("linked-listing");
    if (!Files.exists(linked, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(linked, folder);
    for (String path : List.of(folder.toString(), dir.resolve("no-such-folder").toString(), linked.toString())) {
      for (List<String> expected : expectations) {
        Checker.Check check = Checker.check(new Getter.DirListing(path), new Metric.SetEquals(expected));
        if (deskforge(check) != osworld(MAPPING.leaf(check))) wrong.add(path + " " + expected);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aNestedCheckerIsEvaluatedWholeAsDeskforgeEvaluatesIt() throws Exception {
    Path file = dir.resolve("nested.txt");
    Files.writeString(file, "pear pie\n");
    Getter text = new Getter.FileText(file.toString());
    Getter missing = new Getter.FileText(dir.resolve("nope").toString());
    List<Checker> nested = List.of(
        Checker.all(Checker.check(text, new Metric.Contains("pear", false)), Checker.check(text, new Metric.NotContains("plum", false))),
        Checker.all(Checker.check(text, new Metric.Contains("pear", false)), Checker.check(missing, new Metric.NotContains("plum", false))),
        Checker.any(Checker.check(missing, new Metric.EqualsText("", false, false)), Checker.check(text, new Metric.Matches("pear.*"))),
        Checker.any(Checker.check(missing, new Metric.NotContains("x", false)), Checker.all(Checker.check(text, new Metric.IsTrue()))));
    for (Checker sub : nested) {
      OsworldMapping.Leaf leaf = MAPPING.part(sub);
      assertThat(osworld(leaf)).as(sub.toString()).isEqualTo(deskforge(sub));
    }
  }

  @Test
  void aMissingFileNeverPassesATextCheckNotEvenAgainstTheEmptyText() throws Exception {
    Path missing = dir.resolve("gone.txt");
    for (Metric m : List.of(new Metric.EqualsText("", false, false), new Metric.EqualsText("", true, true),
        new Metric.NotContains("anything", false), new Metric.Contains("", false), new Metric.Matches(".*"))) {
      assertThat(osworld(MAPPING.leaf(Checker.check(new Getter.FileText(missing.toString()), m)))).as(m.toString()).isFalse();
    }
  }

  /**
   * Checks that pass exactly when the getter reads what deskforge read, and ones that do not: the
   * reader must produce the very same text, flag, items or rows, or read nothing.
   */
  private static List<Metric> probes(Reading r) {
    if (r.text() != null) return List.of(new Metric.EqualsText(r.text(), false, false), new Metric.EqualsText(r.text() + "x", false, false),
        new Metric.Contains(r.text(), false));
    if (r.flag() != null) return List.of(new Metric.IsTrue(), new Metric.IsFalse());
    if (r.items() != null) {
      List<String> more = new ArrayList<>(r.items());
      more.add("x");
      return List.of(new Metric.SetEquals(r.items()), new Metric.SetEquals(more));
    }
    if (r.rows() != null) return List.of(new Metric.RowsEqual(r.rows()), new Metric.RowsEqual(List.of(List.of("x"))));
    return List.of(new Metric.EqualsText("", false, false), new Metric.IsFalse(), new Metric.SetEquals(List.of()), new Metric.NotContains("x", false));
  }

  private static List<String> disagreementsOn(Getter g) throws IOException {
    List<String> out = new ArrayList<>();
    Reading ours = read(g);
    for (Metric m : probes(ours)) {
      Checker.Check check = Checker.check(g, m);
      boolean d = deskforge(check);
      boolean o = osworld(STATE_MAPPING.leaf(check));
      if (d != o) out.add(g + " / " + m + ": deskforge " + d + " (read " + ours.summary() + "), OSWorld " + o);
    }
    return out;
  }

  @Test
  void jsonValuesAreReadAsDeskforgeReadsThemWhateverTheirType() throws Exception {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("prefs", """
        {"homepage": "https://tea.example/ä", "show": true, "hide": false, "count": 3, "big": 123456789012345678901234567890,
         "ratio": 0.1, "third": 0.3333333333333333, "whole": 2.0, "huge": 1e20, "tiny": 1.5e-7, "million": 1234567.0, "ten_million": 1e7,
         "neg": -0.0, "none": null, "list": ["a", "b", 3, true, null, {"k": "v"}], "empty": [], "obj": {"x": [1, 2.5], "s": "q\\"uo\\ted\\n\\u0001 \\u00e9"},
         "a/b": {"c~d": "escaped"}, "0": "zero key", "arr": ["first", "second"]}""");
    docs.put("bom", "\uFEFF{\"a\": \"with a byte-order mark\"}");
    docs.put("trailing", "{\"a\": 1} trailing words");
    docs.put("not json", "{\"a\": ");
    docs.put("nan", "{\"a\": NaN}");
    docs.put("empty", "");
    docs.put("spaces", "  \n ");
    docs.put("top array", "[\"x\", \"y\"]");
    List<String> pointers = List.of("", "/homepage", "/show", "/hide", "/count", "/big", "/ratio", "/third", "/whole", "/huge", "/tiny",
        "/million", "/ten_million", "/neg", "/none", "/list", "/empty", "/obj", "/obj/x", "/obj/x/1", "/obj/s", "/a~1b/c~0d", "/0", "/arr/0",
        "/arr/1", "/arr/2", "/arr/01", "/arr/-", "/missing", "/homepage/deeper", "/a", "no-slash");
    List<String> wrong = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> doc : docs.entrySet()) {
      Path file = dir.resolve("state-" + (i++) + ".json");
      Files.writeString(file, doc.getValue(), StandardCharsets.UTF_8);
      for (String pointer : pointers) wrong.addAll(disagreementsOn(new Getter.JsonValue(file.toString(), pointer)));
    }
    // bytes that are not UTF-8 after the value (Jackson never reads them) and inside it (it does)
    byte[] value = "{\"a\": \"tea\"}".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xFF, (byte) 0xC3, (byte) 0x28};
    Path after = dir.resolve("bytes-after.json");
    Files.write(after, java.nio.ByteBuffer.allocate(value.length + 3).put(value).put(bad).array());
    Path inside = dir.resolve("bytes-inside.json");
    Files.write(inside, java.nio.ByteBuffer.allocate(value.length + 3).put(value, 0, 9).put(bad).put(value, 9, value.length - 9).array());
    for (Path p : List.of(after, inside)) wrong.addAll(disagreementsOn(new Getter.JsonValue(p.toString(), "/a")));
    assertThat(read(new Getter.JsonValue(after.toString(), "/a")).text()).isEqualTo("tea");
    assertThat(read(new Getter.JsonValue(dir.resolve("state-0.json").toString(), "/homepage")).text()).isEqualTo("https://tea.example/ä");
    for (Path odd : List.of(dir.resolve("no-such.json"), Files.createDirectories(dir.resolve("folder.json")))) {
      wrong.addAll(disagreementsOn(new Getter.JsonValue(odd.toString(), "/a")));
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void sqliteRowsAreReadAsDeskforgeReadsThemFromTheDatabaseAndItsWriteAheadLog() throws Exception {
    Path db = dir.resolve("History");
    Path open = dir.resolve("live/History");
    Files.createDirectories(open.getParent());
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
      s.execute("CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT, title TEXT, visit_count INTEGER, score REAL, icon BLOB)");
      s.execute("INSERT INTO urls VALUES (1, 'file:///home/user/sites/tea.html', 'Tea ☕', 2, 1.5, x'68690a'),"
          + " (2, 'https://b.example/', NULL, 0, 100.0, NULL), (3, 'https://c.example/', '', 7, 0.1, NULL),"
          + " (4, 'https://d.example/', 'd', 1, 1e20, NULL), (5, 'https://e.example/', 'e', 1, 0.3333333333333333, NULL)");
    }
    // a live database: rows still in its write-ahead log, as a running browser leaves them
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + open); var s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA wal_autocheckpoint=0");
      s.execute("CREATE TABLE urls (url TEXT)");
      s.execute("INSERT INTO urls VALUES ('https://in-the-log.example/')");
      Path walCopy = dir.resolve("History2-wal");
      Files.copy(Path.of(open + "-wal"), walCopy);
      Files.copy(open, dir.resolve("History2"));
    }
    List<String> wrong = new ArrayList<>();
    for (String q : List.of("SELECT url FROM urls ORDER BY id", "SELECT url, title, visit_count FROM urls ORDER BY id",
        "SELECT score FROM urls ORDER BY id", "SELECT title FROM urls WHERE title IS NULL OR title = ''", "SELECT icon FROM urls WHERE id = 1",
        "SELECT count(*) FROM urls", "SELECT url FROM urls WHERE id > 99", "SELECT sum(score) FROM urls", "SELECT nonsense FROM nowhere",
        "DELETE FROM urls")) {
      wrong.addAll(disagreementsOn(new Getter.SqliteQuery(db.toString(), q)));
    }
    assertThat(read(new Getter.SqliteQuery(db.toString(), "SELECT count(*) FROM urls")).items()).as("the database is read, not refused").containsExactly("5");
    wrong.addAll(disagreementsOn(new Getter.SqliteQuery(dir.resolve("History2").toString(), "SELECT url FROM urls")));
    assertThat(read(new Getter.SqliteQuery(dir.resolve("History2").toString(), "SELECT url FROM urls")).items())
        .as("the row only the log holds").containsExactly("https://in-the-log.example/");
    Path notDb = dir.resolve("NotADatabase");
    Files.writeString(notDb, "plain text");
    wrong.addAll(disagreementsOn(new Getter.SqliteQuery(notDb.toString(), "SELECT 1")));
    wrong.addAll(disagreementsOn(new Getter.SqliteQuery(dir.resolve("Missing").toString(), "SELECT 1")));
    assertThat(wrong).isEmpty();
    assertThat(Files.readAllBytes(db)).as("the read never changes the database").isNotEmpty();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM urls")) {
      assertThat(rs.getInt(1)).as("DELETE ran on a read-only copy, if at all").isEqualTo(5);
    }
  }
}
