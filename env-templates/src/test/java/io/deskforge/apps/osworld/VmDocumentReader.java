package io.deskforge.apps.osworld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The export's VM reader (task-bank's vm_reader.py, unchanged, on Debian's python3 as OSWorld's VM
 * runs it) asked a format's document queries beside deskforge's own reading of the same file, so a
 * test can demand that both read the same: the same text, flag, items or rows, absent where
 * deskforge reads absent, and never a value where deskforge cannot read one. One python process
 * answers many queries, each run as {@code python3 -c PROGRAM ARG} would run it.
 */
public final class VmDocumentReader implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HARNESS = """
      import io, json, sys
      code = compile(open(sys.argv[1], encoding="utf-8").read(), "vm_reader.py", "exec")
      answers = sys.stdout
      for line in sys.stdin:
          sys.argv = ["-c", json.loads(line)["arg"]]
          sys.stdout = io.StringIO()
          try:
              exec(code, {"__name__": "__main__"})
              out = sys.stdout.getvalue()
          finally:
              sys.stdout = answers
          answers.write(json.dumps({"out": out}) + "\\n")
          answers.flush()
      """;

  private final AppCatalog catalog = AppCatalog.load();
  private final Path dir;
  private final Process python;
  private final PrintWriter in;
  private final BufferedReader out;

  public VmDocumentReader() {
    try {
      dir = Files.createTempDirectory("vm-document-reader-");
      Path program = dir.resolve("vm_reader.py");
      try (InputStream s = VmDocumentReader.class.getResourceAsStream("/io/deskforge/task/export/vm_reader.py")) {
        if (s == null) throw new IllegalStateException("vm_reader.py is not on the test class path (task-bank)");
        Files.write(program, s.readAllBytes());
      }
      Files.writeString(dir.resolve("harness.py"), HARNESS);
      String py = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
      python = new ProcessBuilder(py, dir.resolve("harness.py").toString(), program.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      in = new PrintWriter(python.getOutputStream(), true, StandardCharsets.UTF_8);
      out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The format claiming the path's reader argument for this query, or empty when the VM reader has none. */
  public Optional<ObjectNode> reader(String path, String query) {
    return catalog.formats().claiming(path).flatMap(f -> f.vmQuery(query));
  }

  /**
   * What the reader prints for this query on the host file, in the normal form {@code as} (text,
   * flag, items, rows), read as deskforge's getter would read {@code path}'s format.
   */
  public String read(Path file, String path, String query, String as) {
    ObjectNode reader = reader(path, query).orElseThrow(() -> new IllegalArgumentException("no VM reader for '" + query + "'"));
    ObjectNode arg = JSON.createObjectNode();
    ObjectNode g = arg.putObject("read").put("type", "document_query").put("path", file.toString()).put("query", query)
        .put("max_bytes", catalog.readLimits().bytes()).put("timeout", 60.0);
    g.set("format", reader.get("format"));
    g.set("q", reader.get("q"));
    arg.put("as", as);
    try {
      in.println(JSON.writeValueAsString(JSON.createObjectNode().put("arg", JSON.writeValueAsString(arg))));
      String line = out.readLine();
      if (line == null) throw new IllegalStateException("the reader's harness died");
      return JSON.readTree(line).get("out").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Where the VM reader and deskforge's reading ({@code java}) of these queries on the file differ:
   * one line each, naming the state, the query and both readings; empty when they agree.
   */
  public List<String> disagreements(String state, Path file, String path, List<String> queries, Function<String, Reading> java) {
    List<String> out = new ArrayList<>();
    // deskforge's readings first, on every core: each parses the file anew, and they were most of
    // the time of the tests that read many queries of many states (the VM reader is one process)
    List<Reading> readings = queries.parallelStream().map(java).toList();
    for (int i = 0; i < queries.size(); i++) {
      String query = queries.get(i);
      Reading r = readings.get(i);
      String as = r.flag() != null ? "flag" : r.items() != null ? "items" : r.rows() != null ? "rows" : "text";
      String got = read(file, path, query, as);
      String problem = disagreement(r, got);
      if (problem != null) out.add(state + ", '" + query + "': deskforge read " + r + ", the VM reader " + got + " (" + problem + ")");
    }
    return out;
  }

  private static String disagreement(Reading r, String got) {
    if (r.unreadable() != null) return got.startsWith("(unreadable") ? null : "deskforge could not read it";
    if (!r.present()) return got.equals("(absent)") ? null : "deskforge read it as absent";
    if (got.startsWith("(")) return "the VM reader read no value";
    try {
      if (r.flag() != null) return got.equals(r.flag().toString()) ? null : "another flag";
      JsonNode n = JSON.readTree(got);
      if (r.text() != null) return n.isTextual() && n.asText().equals(r.text()) ? null : "another text";
      if (r.items() != null) {
        List<String> mine = new ArrayList<>();
        n.forEach(x -> mine.add(x.asText()));
        List<String> theirs = new ArrayList<>(r.items());
        mine.sort(null);
        theirs.sort(null);
        return mine.equals(theirs) ? null : "other items";
      }
      List<List<String>> rows = new ArrayList<>();
      n.forEach(row -> {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.asText()));
        rows.add(cells);
      });
      return rows.equals(r.rows()) ? null : "other rows";
    } catch (IOException e) {
      return "not JSON";
    }
  }

  /** The mutations of each query, applied one at a time: the states a checker of those queries must tell apart. */
  public static List<DocumentFormat.Mutation> mutations(DocumentFormat format, String path, List<String> queries) {
    List<DocumentFormat.Mutation> out = new ArrayList<>();
    for (String q : queries) out.addAll(format.mutations(path, q));
    return out;
  }

  @Override
  public void close() {
    in.close();
    try {
      python.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ScratchHome.delete(dir);
  }
}
