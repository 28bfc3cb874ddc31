# deskforge's getters, read on the VM and normalised so that OSWorld's exact_match and
# check_include_exclude compare exactly as deskforge's checker does. Argument: one JSON object.
# Prints one line-free value: a normal form ("..." JSON text, |tokens|, [JSON list], true/false),
# or "(absent)" / "(unreadable: why)", which equal no expected value: reads fail closed.
import codecs, decimal, json, math, os, re, shutil, sqlite3, stat, subprocess, sys, tempfile, time

# Java's Character.isWhitespace, which String.strip() removes (no-break spaces are not in it)
WS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u2028\u2029\u205f\u3000"
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


class Unreadable(Exception):
    pass


def java_utf8(e):  # as Java's new String(bytes, UTF_8): one U+FFFD for each malformed unit Java sees;
    b, i = e.object, e.start  # Java groups ED with a surrogate's second byte (A0-BF) and a continuation
    if b[i] == 0xED and i + 1 < len(b) and 0xA0 <= b[i + 1] <= 0xBF:
        return "\ufffd", i + (3 if i + 2 < len(b) and 0x80 <= b[i + 2] <= 0xBF else 2)
    return "\ufffd", e.end


codecs.register_error("java", java_utf8)


def csv_rows(s):  # deskforge's Csv.parse: RFC 4180 as ssconvert writes it
    rows, row, field, quoted, seen, i = [], [], [], False, False, 0
    while i < len(s):
        c, seen = s[i], True
        if quoted:
            if c == '"' and s[i + 1:i + 2] == '"':
                field.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                field.append(c)
        elif c == '"':
            quoted = True
        elif c == ",":
            row.append("".join(field))
            field = []
        elif c in "\r\n":
            if c == "\r" and s[i + 1:i + 2] == "\n":
                i += 1
            row.append("".join(field))
            rows.append(row)
            row, field, seen = [], [], False
        else:
            field.append(c)
        i += 1
    if seen:
        row.append("".join(field))
        rows.append(row)
    return rows


def kind(p):  # as deskforge's host reads a desktop: a link is never followed, a link on the way is refused
    parts = [x for x in p.split("/") if x]
    at = ""
    for i, name in enumerate(parts):
        at += "/" + name
        try:
            mode = os.lstat(at).st_mode
        except FileNotFoundError:
            return "absent"
        if i == len(parts) - 1:
            return "link" if stat.S_ISLNK(mode) else "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"
        if stat.S_ISLNK(mode):
            raise Unreadable(at + " is a symbolic link; it is not followed")
        if not stat.S_ISDIR(mode):
            raise Unreadable(at + " is not a folder")
    return "dir"


def regular(p, k, g):  # only a regular file within the read limit is read, or handed to a program
    if k != "file":
        raise Unreadable(p + (" is a symbolic link" if k == "link" else " is not a regular file"))
    if os.lstat(p).st_size > g["max_bytes"]:
        raise Unreadable(p + " is over the %d-byte read limit" % g["max_bytes"])


def read(g):  # (kind, value) as deskforge's GetterReader reads the getter
    p, t = g["path"], g["type"]
    k = kind(p)
    if t == "file_exists":
        want = g.get("kind")
        return "flag", k != "absent" and (k == "dir" if want == "dir" else k != "dir" if want == "file" else True)
    if t == "dir_listing":
        return ("items", os.listdir(p)) if k == "dir" else ("absent", None)
    if k == "absent" or (t in ("file_text", "json_value", "sqlite_query") and k == "dir"):
        return "absent", None
    regular(p, k, g)
    if t == "file_text":
        return "text", file_bytes(p, g).decode("utf-8", "java")
    if t == "json_value":
        return json_value(file_bytes(p, g), g["pointer"])
    if t == "sqlite_query":
        wal = p + "-wal"
        kw = kind(wal)
        if kw not in ("absent", "dir"):
            regular(wal, kw, g)
        return sqlite_query(file_bytes(p, g), file_bytes(wal, g) if kw not in ("absent", "dir") else None, g["query"], g["timeout"])
    r = subprocess.run(g["csv"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=g["timeout"])
    if r.returncode != 0:
        raise Unreadable("the spreadsheet reader exited with %d" % r.returncode)
    rows = csv_rows(r.stdout.decode("utf-8", "java"))
    c0, r0, c1, r1 = g["cells"]
    got = [[rows[y][x] if y < len(rows) and x < len(rows[y]) else "" for x in range(c0, c1 + 1)] for y in range(r0, r1 + 1)]
    return ("text", got[0][0]) if t == "spreadsheet_cell" else ("rows", got)


def file_bytes(p, g):  # the bytes of a regular file, never through a link, within the read limit
    fd = os.open(p, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        data = f.read(g["max_bytes"] + 1)
    if len(data) > g["max_bytes"]:
        raise Unreadable(p + " is over the %d-byte read limit" % g["max_bytes"])
    return data


def java_double(x):  # Java's Double.toString, which Jackson's asText and toString print a double with
    if x != x:
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0.0" if math.copysign(1, x) < 0 else "0.0"
    d = decimal.Decimal(repr(x)).normalize()  # the shortest digits that round-trip, as Java 19+ chooses them
    if 1e-3 <= abs(x) < 1e7:
        t = format(d, "f")
        return t if "." in t else t + ".0"
    sign, digits, exp = d.as_tuple()
    ds = "".join(map(str, digits))
    return ("-" if sign else "") + ds[0] + "." + (ds[1:] or "0") + "E" + str(len(ds) - 1 + exp)


def jackson(v):  # Jackson's JsonNode.toString: compact, non-ASCII kept, control characters as \u00XX
    if v is None:
        return "null"
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return java_double(v)
    if isinstance(v, str):
        out = []
        for c in v:
            o = ord(c)
            out.append({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}.get(c)
                       or ("\\u%04X" % o if o < 0x20 else c))
        return '"' + "".join(out) + '"'
    if isinstance(v, list):
        return "[" + ",".join(jackson(x) for x in v) + "]"
    return "{" + ",".join(jackson(k) + ":" + jackson(x) for k, x in v.items()) + "}"


def no_constant(name):
    raise ValueError("not JSON: " + name)


def json_value(data, pointer):  # deskforge's StateFiles.json: Jackson's tree, RFC 6901 pointer
    try:  # as Jackson's readTree: the encoding detected, the first value read, and what follows it never looked at
        text = data.decode(json.detect_encoding(data), "surrogateescape").lstrip(" \t\r\n")
        root, end = json.JSONDecoder(parse_constant=no_constant).raw_decode(text)
    except ValueError as e:
        raise Unreadable("not JSON: %s" % e)
    if re.search("[\udc80-\udcff]", text[:end]):  # bytes that are not text, inside the value Jackson reads
        raise Unreadable("not JSON: bytes that are not UTF-8")
    if pointer != "" and not pointer.startswith("/"):
        raise Unreadable("not a JSON pointer: '%s'" % pointer)
    node = root
    for token in pointer.split("/")[1:] if pointer else []:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and re.fullmatch(r"0|[1-9][0-9]{0,9}", token) and int(token) < len(node):
            node = node[int(token)]
        else:
            return "absent", None
    if node is None:
        return "absent", None
    if node is True or node is False:
        return "flag", node
    if isinstance(node, str):
        return "text", node
    if isinstance(node, (int, float)):
        return "text", jackson(node)
    if isinstance(node, list):
        return "items", [x if isinstance(x, str) else jackson(x) for x in node]
    return "text", jackson(node)


def sqlite_text(v):  # what SQLite's sqlite3_column_text gives, as deskforge's JDBC getString reads it
    if v is None:
        return ""
    if isinstance(v, float):
        t = "%.15g" % v  # SQLite's "%!.15g": 15 digits, a ".0" on whole numbers
        if re.fullmatch(r"-?[0-9]+", t):
            t += ".0"
        elif re.fullmatch(r"-?[0-9]+e[-+][0-9]+", t):
            t = t.replace("e", ".0e")
        return t
    if isinstance(v, bytes):
        return v.decode("utf-8", "java")
    return str(v)


def sqlite_query(data, wal, query, timeout):  # deskforge's StateFiles.sqlite: a read-only query on a copy
    d = tempfile.mkdtemp(prefix="deskforge-sqlite-")
    try:
        with open(os.path.join(d, "state.db"), "wb") as f:
            f.write(data)
        if wal is not None:
            with open(os.path.join(d, "state.db-wal"), "wb") as f:
                f.write(wal)
        try:
            # the copy opens read-write, so that SQLite can replay its log, and refuses every write
            c = sqlite3.connect(os.path.join(d, "state.db"))
            try:
                c.execute("PRAGMA query_only = ON")
                deadline = time.monotonic() + min(10, timeout)
                c.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10000)
                cur = c.execute(query)
                n = len(cur.description or [])
                rows = [[sqlite_text(v) for v in r] for r in cur.fetchall()]
            finally:
                c.close()
        except sqlite3.Error as e:
            raise Unreadable("SQLite could not answer '%s': %s" % (query, e))
        return ("items", [r[0] for r in rows]) if n == 1 else ("rows", rows)
    finally:
        shutil.rmtree(d, ignore_errors=True)


def text_of(kind, value):
    return value if kind == "text" else ("true" if value else "false") if kind == "flag" else None


def case_key(s):  # equalsIgnoreCase: each code point as Java's toLowerCase(toUpperCase(c))
    out = []
    for c in s:
        u = c.upper() if len(c.upper()) == 1 else c
        low = u.lower()
        out.append("i" if u == "\u0130" else low if len(low) == 1 else u)
    return "".join(out)


def tokens(s):  # one |-delimited token a code point: substrings stay substrings, and only those
    return "|" + "".join((c if c.isascii() and c.isalnum() else "%02x" % ord(c)) + "|" for c in s)


def number(s):  # deskforge's CheckerEvaluator.number: strip, drop commas, BigDecimal's syntax
    t = s.strip(WS).replace(",", "")
    m = NUMBER.fullmatch(t)
    if not m or (m.group(2) and abs(int(m.group(2)[1:])) > 2 ** 31 - 1):
        return None
    return float(t)


def value(leaf):  # the normal form of what the getter reads, as leaf["as"] says
    kind, v = read(leaf["read"])
    norm, text = leaf["as"], text_of(kind, v)
    if norm == "text":
        if text is None:
            return "(absent)"
        text = text.strip(WS) if leaf.get("trim") else text
        return json.dumps(case_key(text) if leaf.get("ignore_case") else text)
    if norm == "tokens":
        return "(absent)" if text is None else tokens(text.lower() if leaf.get("ignore_case") else text)
    if norm == "flag":
        return ("true" if v else "false") if kind == "flag" else "(absent)"
    if norm == "items":
        return json.dumps(sorted(v), separators=(",", ":")) if kind == "items" else "(absent)"
    if norm == "rows":
        return json.dumps(v, separators=(",", ":")) if kind == "rows" else "(absent)"
    if norm == "regex":
        return "true" if text is not None and re.fullmatch(leaf["pattern"], text, re.S | re.A) else "false"
    if norm == "number":
        n = None if text is None else number(text)
        return "true" if n is not None and abs(n - leaf["number"]) <= leaf["tolerance"] else "false"
    raise ValueError("unknown normal form " + norm)


def passes(c):  # a nested all/any, evaluated as deskforge's CheckerEvaluator does
    if "all" in c:
        return all([passes(x) for x in c["all"]])
    if "any" in c:
        return any([passes(x) for x in c["any"]])
    got = value(c)
    if "include" in c:
        return all(x in got for x in c["include"]) and not any(x in got for x in c["exclude"])
    return got == c["expected"]


try:
    a = json.loads(sys.argv[1])
    out = ("true" if passes(a["check"]) else "false") if "check" in a else value(a)
except (OSError, Unreadable, subprocess.SubprocessError, UnicodeError, RecursionError) as e:
    out = "(unreadable: %s)" % str(e).replace("|", "/")
sys.stdout.write(out)
