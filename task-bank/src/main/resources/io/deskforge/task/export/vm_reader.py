# deskforge's getters, read on the VM and normalised so that OSWorld's exact_match and
# check_include_exclude compare exactly as deskforge's checker does. Argument: one JSON object.
# Prints one line-free value: a normal form ("..." JSON text, |tokens|, [JSON list], true/false),
# or "(absent)" / "(unreadable: why)", which equal no expected value: reads fail closed.
import codecs, decimal, itertools, json, math, os, posixpath, re, shutil, sqlite3, stat, subprocess, sys, tempfile, time, zipfile
import xml.etree.ElementTree as ET

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
    if k == "absent" or (t in ("file_text", "json_value", "sqlite_query", "document_query") and k == "dir"):
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
    if t == "document_query":
        return document_query(file_bytes(p, g), g)
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


# ---------------------------------------------------------------- document_query: .docx, .pptx, .xlsx, .odt, .pdf
# The format's Java query parsed the query and sent its parts ("q"); each reading below follows what
# the Java reader (Apache POI, and DocxDocument / PptxDeck / XlsxWorkbook over it) reads, and fails
# closed ("unreadable") on structures it does not follow POI through (content controls, footnotes,
# alternate content, shared or array formulas, numbers shown through a format).
WN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PN = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
AN = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RN = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CN = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


class Package:  # an OPC package: parts by name, relationships by id order (as POI's TreeMap keeps them)
    def __init__(self, data):
        import io
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())
        for i in self.zip.infolist():  # POI's ZipSecureFile: past 100 KiB, an entry inflating over 100 times is a zip bomb
            if i.file_size > 100 * 1024 and i.compress_size < 0.01 * i.file_size:
                raise Unreadable("the part %s inflates too far: a zip bomb" % i.filename)

    def xml(self, name):
        if name not in self.names:
            raise Unreadable("the part %s is missing" % name)
        return ET.fromstring(self.zip.read(name))

    def rels(self, part):  # [(type, target part, id)], sorted by id
        d, b = posixpath.split(part)
        name = posixpath.join(d, "_rels", b + ".rels")
        if name not in self.names:
            return []
        out = []
        for r in self.xml(name).iter(REL):
            if r.get("TargetMode") == "External":
                continue
            t = r.get("Target", "")
            out.append((r.get("Type", ""), posixpath.normpath(t[1:] if t.startswith("/") else posixpath.join(d, t)), r.get("Id", "")))
        return sorted(out, key=lambda x: x[2])

    def main(self, root_tag, what):
        parts = [t for ty, t, i in self.rels("") if ty.endswith("/relationships/officeDocument")]
        if not parts:
            raise Unreadable("not a readable %s: no main part" % what)
        root = self.xml(parts[0])
        if root.tag != root_tag:
            raise Unreadable("not a readable %s: its main part is %s" % (what, root.tag))
        return parts[0], root


def kid(parent, name):  # DocxDocument.child: the first child of this name, or None
    if parent is None:
        return None
    for e in parent:
        if e.tag == name:
            return e
    return None


def kids(e):  # an element's children; none of an element that is not there
    return [] if e is None else list(e)


def wa(e, name):  # DOM's getAttributeNS: "" when absent
    return e.get(WN + name, "")


def is_on(v):  # DocxDocument.isOn: absent or empty means on
    return v in ("", "true", "1", "on")


def blank(s):
    return s.strip(WS) == ""


def java_plain(d):  # DocxDocument.plain / BigDecimal.stripTrailingZeros().toPlainString()
    if d == 0:
        return "0"
    return format(d.normalize(decimal.Context(prec=100)), "f")


def java_decimal(s):  # new BigDecimal(String): its syntax only
    if not NUMBER.fullmatch(s):
        raise Unreadable("not a number: '%s'" % s)
    return decimal.Decimal(s)


class Docx:
    def __init__(self, data):
        self.pkg = Package(data)
        self.part, root = self.pkg.main(WN + "document", ".docx document")
        self.body = kid(root, WN + "body")
        if self.body is None:
            raise Unreadable("not a readable .docx document: no body")
        self.rels = self.pkg.rels(self.part)
        styles = [t for ty, t, i in self.rels if ty.endswith("/relationships/styles")]
        self.styles = self.pkg.xml(styles[0]) if styles else None
        self.style_list = [] if self.styles is None else [s for s in self.styles if s.tag == WN + "style"]
        numbering = [t for ty, t, i in self.rels if ty.endswith("/relationships/numbering")]
        self.numbering = self.pkg.xml(numbering[0]) if numbering else None

    # runs: XWPFParagraph's runs in document order (in links, simple fields, tracked changes, smart tags)
    def runs(self, p):
        out = []
        for o in p:
            if o.tag == WN + "r":
                out.append(o)
            elif o.tag in (WN + "hyperlink", WN + "fldSimple", WN + "ins", WN + "del", WN + "moveFrom", WN + "moveTo"):
                for x in o:
                    if x.tag == WN + "r":
                        out.append(x)
                    elif x.tag in (WN + "ins", WN + "del", WN + "smartTag", WN + "sdt"):
                        raise Unreadable("nested runs in %s are not read on the VM" % o.tag)
            elif o.tag == WN + "smartTag":
                out.extend(self.runs(o))
            elif o.tag == WN + "sdt":
                raise Unreadable("a content control is not read on the VM")
        return out

    @staticmethod
    def run_text(r):  # XWPFRun.toString
        out = []
        for o in r:
            t = o.tag
            if t in (WN + "t", WN + "delText", WN + "delInstrText"):
                out.append(o.text or "")
            elif t in (WN + "tab", WN + "ptab"):
                out.append("\t")
            elif t in (WN + "br", WN + "cr"):
                out.append("\n")
            elif t in (WN + "footnoteReference", WN + "endnoteReference", WN + "ruby", WN + "sym", WN + "noBreakHyphen", WN + "softHyphen") \
                    or (t == WN + "fldChar" and kid(o, WN + "ffData") is not None):
                raise Unreadable("%s in a run is not read on the VM" % t)
        return "".join(out)

    def text(self, p):  # XWPFParagraph.getText: deleted runs left out
        return "".join(self.run_text(r) for r in self.runs(p) if kid(r, WN + "delText") is None)

    def paragraphs(self):
        return [p for p in self.body if p.tag == WN + "p" and not blank(self.text(p))]

    def containing(self, text):
        for p in self.paragraphs():
            if text in self.text(p):
                return p
        return None

    def style_node(self, sid):
        if self.styles is None or sid is None:
            return None
        for s in self.style_list:
            if s.get(WN + "styleId") == sid:
                return s
        return None

    def default_style_id(self):
        if self.styles is None:
            return "Normal"
        for s in self.style_list:
            if wa(s, "type") == "paragraph" and is_on(wa(s, "default")):
                return s.get(WN + "styleId")
        return "Normal"

    def style_id(self, p):
        ps = kid(kid(p, WN + "pPr"), WN + "pStyle")
        sid = None if ps is None else ps.get(WN + "val")
        return sid if sid is not None and not blank(sid) else self.default_style_id()

    def style_name(self, p):
        sid = self.style_id(p)
        s = self.style_node(sid)
        n = None if s is None else kid(s, WN + "name")
        name = n.get(WN + "val") if n is not None and n.get(WN + "val") is not None else sid
        return name[:1].upper() + name[1:]

    def chain(self, sid):  # a style and those it is based on, each once
        seen = set()
        while sid is not None and sid not in seen:
            seen.add(sid)
            s = self.style_node(sid)
            if s is None:
                return
            yield s
            b = kid(s, WN + "basedOn")
            sid = None if b is None else wa(b, "val")

    def defaults(self):
        return None if self.styles is None else kid(self.styles, WN + "docDefaults")

    def para_prop(self, p, name, attr=None):
        has = lambda e: e if e is None or attr is None or (WN + attr) in e.attrib else None
        own = has(kid(kid(p, WN + "pPr"), name))
        if own is not None:
            return own
        for s in self.chain(self.style_id(p)):
            e = has(kid(kid(s, WN + "pPr"), name))
            if e is not None:
                return e
        return has(kid(kid(kid(self.defaults(), WN + "pPrDefault"), WN + "pPr"), name))

    def style_run_prop(self, sid, name):
        for s in self.chain(sid):
            e = kid(kid(s, WN + "rPr"), name)
            if e is not None:
                return e
        return None

    def default_run_prop(self, name):
        return kid(kid(kid(self.defaults(), WN + "rPrDefault"), WN + "rPr"), name)

    def alignment(self, p):
        jc = self.para_prop(p, WN + "jc")
        v = "left" if jc is None else wa(jc, "val")
        return {"center": "center", "right": "right", "end": "right"}.get(v) or \
            ("justify" if v in ("both", "distribute", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute") else "left")

    def line_spacing(self, p):
        sp = self.para_prop(p, WN + "spacing", "line")
        if sp is None:
            return "1"
        line, rule = java_decimal(wa(sp, "line")), wa(sp, "lineRule")
        two = lambda x: x.quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP, context=decimal.Context(prec=100))
        with decimal.localcontext(decimal.Context(prec=100)):
            if rule in ("", "auto"):
                return java_plain(two(line / 240))
            return ("exactly " if rule == "exact" else "at least ") + java_plain(two(line / 20)) + "pt"

    def default_font(self):
        f = self.default_run_prop(WN + "rFonts")
        return "Times New Roman" if f is None or wa(f, "ascii") == "" else wa(f, "ascii")

    def run_font(self, p, r):
        rpr = kid(r, WN + "rPr")
        own = kid(rpr, WN + "rFonts")
        if own is not None and wa(own, "ascii") != "":
            return wa(own, "ascii")
        rs = kid(rpr, WN + "rStyle")
        if rs is not None:
            via = self.style_run_prop(wa(rs, "val"), WN + "rFonts")
            if via is not None and wa(via, "ascii") != "":
                return wa(via, "ascii")
        via = self.style_run_prop(self.style_id(p), WN + "rFonts")
        return wa(via, "ascii") if via is not None and wa(via, "ascii") != "" else self.default_font()

    def font(self, p):
        for r in self.runs(p):
            if not blank(self.run_text(r)):
                return self.run_font(p, r)
        f = self.style_run_prop(self.style_id(p), WN + "rFonts")
        return self.default_font() if f is None else wa(f, "ascii")

    def run_flag(self, p, r, flag):
        rpr = kid(r, WN + "rPr")
        own = kid(rpr, WN + flag)
        if own is not None:
            return is_on(wa(own, "val"))
        rs = kid(rpr, WN + "rStyle")
        if rs is not None:
            via = self.style_run_prop(wa(rs, "val"), WN + flag)
            if via is not None:
                return is_on(wa(via, "val"))
        via = self.style_run_prop(self.style_id(p), WN + flag)
        if via is not None:
            return is_on(wa(via, "val"))
        d = self.default_run_prop(WN + flag)
        return d is not None and is_on(wa(d, "val"))

    def every_run(self, p, flag):  # DocxDocument.bold / italic
        seen = False
        for r in self.runs(p):
            if blank(self.run_text(r)):
                continue
            seen = True
            if not self.run_flag(p, r, flag):
                return False
        return seen

    def runs_of(self, text):  # the paragraph and its runs covering the text's first occurrence, or None
        for p in self.paragraphs():
            if text not in self.text(p):
                continue
            seen, spans = "", []
            for r in self.runs(p):
                start = len(seen)
                seen += self.run_text(r)
                spans.append((start, len(seen), r))
            at = seen.find(text)
            if at < 0:
                continue
            return p, [r for a, b, r in spans if b > at and a < at + len(text)]
        return None

    def runs_of_all(self, text):  # DocxDocument.runsOfAll: for each occurrence in each paragraph, the runs covering it
        out = []
        if text == "":
            return out
        for p in self.paragraphs():
            seen, spans = "", []
            for r in self.runs(p):
                start = len(seen)
                seen += self.run_text(r)
                spans.append((start, len(seen), r))
            at = seen.find(text)
            while at >= 0:
                out.append((p, [r for a, b, r in spans if b > at and a < at + len(text)]))
                at = seen.find(text, at + len(text))
        return out

    def list_kind(self, p):  # DocxDocument.listKind: bullet, numbered or none
        def val(e):
            return None if e is None else wa(e, "val")
        num_pr = kid(kid(p, WN + "pPr"), WN + "numPr")
        num_id = None if num_pr is None else val(kid(num_pr, WN + "numId"))
        ilvl = None if num_pr is None else val(kid(num_pr, WN + "ilvl"))
        for s in self.chain(self.style_id(p)):
            if num_id is not None and ilvl is not None:
                break
            via = kid(kid(s, WN + "pPr"), WN + "numPr")
            if via is not None:
                if num_id is None:
                    num_id = val(kid(via, WN + "numId"))
                if ilvl is None:
                    ilvl = val(kid(via, WN + "ilvl"))
        if num_id is None or blank(num_id) or num_id == "0":
            return "none"
        f = self.number_format(num_id.strip(WS), "0" if ilvl is None or blank(ilvl) else ilvl.strip(WS))
        if f is None or f == "none":
            return "none"
        return "bullet" if f == "bullet" else "numbered"

    def number_format(self, num_id, ilvl):  # DocxDocument.numberFormat
        if self.numbering is None or not re.fullmatch(r"[0-9]+", num_id):
            return None
        num = None
        for n in self.numbering:
            if n.tag == WN + "num" and re.fullmatch(r"[0-9]+", wa(n, "numId")) and int(wa(n, "numId")) == int(num_id):
                num = n
                break
        if num is None:
            return None
        for e in num:
            if e.tag == WN + "lvlOverride" and wa(e, "ilvl") == ilvl:
                f = kid(kid(e, WN + "lvl"), WN + "numFmt")
                if f is not None:
                    return wa(f, "val")
        a = kid(num, WN + "abstractNumId")
        aid = None if a is None else wa(a, "val").strip(WS)
        if aid is None or not re.fullmatch(r"[0-9]+", aid):
            return None
        for an in self.numbering:
            if an.tag == WN + "abstractNum" and re.fullmatch(r"[0-9]+", wa(an, "abstractNumId")) and int(wa(an, "abstractNumId")) == int(aid):
                for e in an:
                    if e.tag == WN + "lvl" and wa(e, "ilvl") == ilvl:
                        f = kid(e, WN + "numFmt")
                        return "decimal" if f is None else wa(f, "val")
                return None
        return None

    def tables(self):
        return [t for t in self.body if t.tag == WN + "tbl"]

    def table_rows(self, t):
        return [["".join(self.text(p) for p in c if p.tag == WN + "p").strip(WS) for c in row if c.tag == WN + "tc"]
                for row in t if row.tag == WN + "tr"]

    def header_or_footer_text(self, header):
        kind = "header" if header else "footer"
        by_id = {i: t for ty, t, i in self.rels if ty.endswith("/relationships/" + kind)}
        first = None
        sect = kid(self.body, WN + "sectPr")
        for ref in ([] if sect is None else [e for e in sect if e.tag == WN + kind + "Reference"]):
            if wa(ref, "type") not in ("first", "even"):
                first = by_id.get(ref.get(RN + "id"))
        parts = ([first] if first else []) + [t for ty, t, i in self.rels if ty.endswith("/relationships/" + kind) and t != first]
        if not parts:
            return None
        root = self.pkg.xml(parts[0])
        return "\n".join(self.text(p) for p in root if p.tag == WN + "p").strip(WS)

    PAGE_FIELD = re.compile(r"[ \t\n\x0b\f\r]*PAGE\b", re.A)

    def has_page_field(self, header):  # DocxDocument.hasPageField: a PAGE field (complex or simple) in any header (footer) part
        kind = "header" if header else "footer"
        for ty, t, i in self.rels:
            if not ty.endswith("/relationships/" + kind):
                continue
            for e in self.pkg.xml(t).iter():
                if e.tag == WN + "instrText" and self.PAGE_FIELD.match(e.text or ""):
                    return True
                if (WN + "instr") in e.attrib and self.PAGE_FIELD.match(e.get(WN + "instr")):
                    return True
        return False

    def orientation(self):
        sz = kid(kid(self.body, WN + "sectPr"), WN + "pgSz")
        if sz is None:
            return "portrait"
        w, h = wa(sz, "w"), wa(sz, "h")
        if w and h:
            return "landscape" if java_decimal(w) > java_decimal(h) else "portrait"
        return "landscape" if wa(sz, "orient") == "landscape" else "portrait"

    def query(self, q):  # DocxQuery.read
        k, prop = q["kind"], q.get("property")
        if k == "paragraphs":
            return "items", [self.text(p) for p in self.paragraphs()]
        if k == "text":
            return "text", "\n".join(self.text(p) for p in self.paragraphs())
        if k in ("paragraph", "containing"):
            ps = self.paragraphs()
            p = self.containing(q["text"]) if k == "containing" else (ps[q["index"] - 1] if q["index"] <= len(ps) else None)
            if p is None:
                return "absent", None
            if prop in ("bold", "italic"):
                return "flag", self.every_run(p, "b" if prop == "bold" else "i")
            if prop == "list":
                return "text", self.list_kind(p)
            return "text", {"text": self.text, "style": self.style_name, "alignment": self.alignment,
                            "line_spacing": self.line_spacing, "font": self.font}[prop](p)
        if k == "find":
            found = self.runs_of(q["text"])
            if found is None:
                return "absent", None
            p, runs = found
            return "flag", bool(runs) and all(self.run_flag(p, r, "b" if prop == "bold" else "i") for r in runs)
        if k == "find all":
            found = self.runs_of_all(q["text"])
            if not found:
                return "absent", None
            flag = "b" if prop == "bold" else "i"
            return "flag", all(bool(runs) and all(self.run_flag(p, r, flag) for r in runs) for p, runs in found)
        if k == "tables":
            return "text", str(len(self.tables()))
        if k == "table":
            ts = self.tables()
            return ("rows", self.table_rows(ts[q["index"] - 1])) if q["index"] <= len(ts) else ("absent", None)
        if k in ("header", "footer") and prop == "page_number":
            return "flag", self.has_page_field(k == "header")
        if k == "page numbers":
            return "items", [w for w in ("header", "footer") if self.has_page_field(w == "header")]
        if k in ("header", "footer") and prop == "text":
            t = self.header_or_footer_text(k == "header")
            return ("absent", None) if t is None else ("text", t)
        if k == "page orientation":
            return "text", self.orientation()
        raise Unreadable("the query %s is not read on the VM" % k)


class Pptx:
    def __init__(self, data):
        self.pkg = Package(data)
        part, root = self.pkg.main(PN + "presentation", ".pptx presentation")
        by_id = {i: t for ty, t, i in self.pkg.rels(part)}
        lst = kid(root, PN + "sldIdLst")
        self.slides = []
        for s in kids(lst):  # a slide whose part is missing is skipped, as POI skips it
            if s.tag == PN + "sldId" and s.get(RN + "id") in by_id:
                self.slides.append(by_id[s.get(RN + "id")])

    def shapes(self, part):  # the text shapes (p:sp) of a slide's or notes' shape tree
        tree = kid(kid(self.pkg.xml(part), PN + "cSld"), PN + "spTree")
        if tree is None:
            raise Unreadable("a slide without a shape tree")
        if any(e.tag == MC + "AlternateContent" for e in tree):
            raise Unreadable("alternate content on a slide is not read on the VM")
        return [e for e in tree if e.tag == PN + "sp"]

    @staticmethod
    def placeholder(sp):  # XSLFTextShape.getPlaceholder as an OOXML type: None, or title, body, obj, ...
        ph = kid(kid(kid(sp, PN + "nvSpPr"), PN + "nvPr"), PN + "ph")
        if ph is None or ("type" not in ph.attrib and "idx" not in ph.attrib):
            return None
        return ph.get("type", "obj")

    @staticmethod
    def paragraphs(sp):  # each a:p's text, as XSLFTextParagraph.getText (its runs' and fields' raw text)
        out = []
        for p in [e for e in kids(kid(sp, PN + "txBody")) if e.tag == AN + "p"]:
            text = []
            for r in p:
                if r.tag in (AN + "r", AN + "fld"):
                    t = kid(r, AN + "t")
                    text.append("null" if t is None else t.text or "")
                elif r.tag == AN + "br":
                    raise Unreadable("a line break in a paragraph is not read on the VM")
            out.append("".join(text))
        return out

    def title(self, part):
        for sp in self.shapes(part):
            if self.placeholder(sp) in ("title", "ctrTitle"):
                return " ".join(t for t in (x.strip(WS) for x in self.paragraphs(sp)) if t)
        return ""

    def body(self, part):
        out = []
        for sp in self.shapes(part):
            if self.placeholder(sp) in ("title", "ctrTitle", "sldNum", "dt", "ftr", "hdr"):
                continue
            out.extend(t for t in (x.strip(WS) for x in self.paragraphs(sp)) if t)
        return out

    def notes(self, part):
        notes = [t for ty, t, i in self.pkg.rels(part) if ty.endswith("/relationships/notesSlide")]
        if not notes:
            return None
        paras = []
        for sp in self.shapes(notes[-1]):
            if self.placeholder(sp) == "body":
                paras.extend(x.strip(WS) for x in self.paragraphs(sp))
        text = "\n".join(paras).strip(WS)
        return text or None

    def layout(self, part):  # PptxDeck.layout: from the placeholders the slide's own text shapes hold
        title = subtitle = False
        content = 0
        for sp in self.shapes(part):
            ph = kid(kid(kid(sp, PN + "nvSpPr"), PN + "nvPr"), PN + "ph")
            if ph is None:
                continue
            t = ph.get("type", "obj")  # a bare <p:ph/>, which POI types as none, counts as content there too
            if t in ("title", "ctrTitle"):
                title = True
            elif t == "subTitle":
                subtitle = True
            elif t in ("body", "obj"):
                content += 1
        if title and subtitle and content == 0:
            return "title"
        if title and not subtitle and content in (0, 1, 2):
            return ("title_only", "title_and_content", "two_content")[content]
        if not title and not subtitle and content == 0:
            return "blank"
        return "other"

    def transition(self, part):  # PptxDeck.transition: the first p:transition anywhere (a choice's too), its first child's local name
        for t in self.pkg.xml(part).iter(PN + "transition"):
            for c in t:
                return c.tag.rsplit("}", 1)[-1]
            return None
        return None

    # The title's alignment and colour, inherited as POI's property fetchers inherit a paragraph's and
    # a run's properties: the paragraph's own (and, for a run, its own, then the paragraph's defRPr),
    # then the title shape's list style at the paragraph's level, then the layout's placeholder of
    # the same idx (else type), then the master's title placeholder, then the master's titleStyle at
    # that level or the nearest below it
    def sheet_rel(self, part, kind):  # POI's getSlideLayout / getSlideMaster: the first such relationship
        for ty, t, i in self.pkg.rels(part):
            if ty.endswith("/relationships/" + kind):
                return t
        raise Unreadable("%s has no %s" % (part, kind))

    def by_placeholder(self, part):  # XSLFSheet's placeholder maps: by idx, by type, later shapes winning
        by_idx, by_type = {}, {}
        for sp in self.shapes(part):
            ph = kid(kid(kid(sp, PN + "nvSpPr"), PN + "nvPr"), PN + "ph")
            if ph is None:
                continue
            if "idx" in ph.attrib:
                by_idx[int(ph.get("idx"))] = sp
            if "type" in ph.attrib:
                by_type[ph.get("type")] = sp
        return by_idx, by_type

    @staticmethod
    def list_level(sp, level):  # the shape's p:txBody/a:lstStyle/a:lvlNpPr
        return kid(kid(kid(sp, PN + "txBody"), AN + "lstStyle"), AN + "lvl%dpPr" % (level + 1))

    def inherited(self, slide, sp, level):  # the title's inherited paragraph properties, in POI's order
        yield self.list_level(sp, level)
        ph = kid(kid(kid(sp, PN + "nvSpPr"), PN + "nvPr"), PN + "ph")
        layout = self.sheet_rel(slide, "slideLayout")
        by_idx, by_type = self.by_placeholder(layout)
        shape = by_idx.get(int(ph.get("idx"))) if "idx" in ph.attrib else None
        if shape is None and "type" in ph.attrib:
            shape = by_type.get(ph.get("type"))
        if shape is not None:
            yield self.list_level(shape, level)
        master = self.sheet_rel(layout, "slideMaster")
        shape = self.by_placeholder(master)[1].get("title")  # a title's placeholder type on the master
        if shape is not None:
            yield self.list_level(shape, level)
        styles = kid(kid(self.pkg.xml(master), PN + "txStyles"), PN + "titleStyle")
        for n in range(level, -1, -1):
            found = kid(styles, AN + "lvl%dpPr" % (n + 1))
            if found is not None:
                yield found
                return

    def title_paragraph(self, slide):  # the title shape and its first paragraph, or None
        sp = next((x for x in self.shapes(slide) if self.placeholder(x) in ("title", "ctrTitle")), None)
        ps = [e for e in kids(kid(sp, PN + "txBody")) if e.tag == AN + "p"]
        return (sp, ps[0]) if ps else (None, None)

    @staticmethod
    def level(p):
        return int(kid(p, AN + "pPr").get("lvl", "0")) if kid(p, AN + "pPr") is not None else 0

    ALIGN = {"l": "left", "ctr": "center", "r": "right", "just": "justify", "justLow": "justify", "dist": "justify", "thaiDist": "justify"}

    def title_align(self, slide):  # PptxDeck.titleAlign: XSLFTextParagraph.getTextAlign of the first paragraph
        sp, p = self.title_paragraph(slide)
        if p is None:
            return None
        for props in itertools.chain([kid(p, AN + "pPr")], self.inherited(slide, sp, self.level(p))):  # lazily, as POI looks
            if props is not None and "algn" in props.attrib:
                if props.get("algn") not in self.ALIGN:
                    raise Unreadable("an alignment %s" % props.get("algn"))
                return self.ALIGN[props.get("algn")]
        return "left"

    def title_color(self, slide):  # PptxDeck.titleColor: XSLFTextRun.getFontColor of the first run with text
        sp, first = self.title_paragraph(slide)
        if first is None:
            return None
        style = kid(kid(sp, PN + "style"), AN + "fontRef")
        if style is not None and len(style):
            raise Unreadable("a title's colour from its shape style is not read on the VM")
        for p in [e for e in kids(kid(sp, PN + "txBody")) if e.tag == AN + "p"]:
            for r in p:
                if r.tag not in (AN + "r", AN + "fld") or kid(r, AN + "t") is None or blank(kid(r, AN + "t").text or ""):
                    continue
                inherited = (kid(x, AN + "defRPr") for x in self.inherited(slide, sp, self.level(p)))
                for props in itertools.chain([kid(r, AN + "rPr"), kid(kid(p, AN + "pPr"), AN + "defRPr")], inherited):
                    for fill in kids(props):
                        name = fill.tag[len(AN):] if fill.tag.startswith(AN) else None
                        if name in ("gradFill", "blipFill"):
                            return None  # a paint, but no solid colour
                        if name != "solidFill":
                            continue  # noFill, pattFill and grpFill give no paint there: POI looks further
                        c = next(iter(fill), None)
                        if c is not None and c.tag == AN + "sysClr" and "lastClr" in c.attrib:
                            c = c.get("lastClr")
                        elif c is not None and c.tag == AN + "srgbClr":
                            c = c.get("val", "")
                        else:
                            raise Unreadable("a colour other than an RGB one is not read on the VM")
                        if not re.fullmatch(r"[0-9A-Fa-f]{6}", c):
                            raise Unreadable("a colour %s" % c)
                        return c.upper()
                return None
        return None

    def query(self, q):  # PptxQuery.read
        prop = q["property"]
        titles = [self.title(s) for s in self.slides]
        if prop == "slides":
            return "text", str(len(self.slides))
        if prop == "titles":
            return "items", titles
        if prop == "outline":
            return "rows", [[t] for t in titles]
        if q.get("titled") is not None:
            n = next((i + 1 for i, t in enumerate(titles) if t.strip(WS) == q["titled"].strip(WS)), 0)
        else:
            n = q["index"] if q["index"] <= len(self.slides) else 0
        if n == 0:
            return "absent", None
        slide = self.slides[n - 1]
        if prop == "index":
            return "text", str(n)
        if prop == "title":
            return "text", titles[n - 1]
        if prop == "body":
            body = self.body(slide)
            return ("text", "\n".join(body)) if body else ("absent", None)
        if prop == "notes":
            notes = self.notes(slide)
            return ("absent", None) if notes is None else ("text", notes)
        if prop == "layout":
            return "text", self.layout(slide)
        if prop == "transition":
            t = self.transition(slide)
            return ("absent", None) if t is None else ("text", t)
        if prop in ("title_align", "title_color"):
            t = self.title_align(slide) if prop == "title_align" else self.title_color(slide)
            return ("absent", None) if t is None else ("text", t)
        raise Unreadable("the slide property %s is not read on the VM" % prop)


XLSX_ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "(no error)",
               "~CIRCULAR~REF~", "~FUNCTION~NOT~IMPLEMENTED~")


def utf_decode(s):  # XSSFRichTextString.utfDecode: _xHHHH_ escapes
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s)


def rst_text(si):  # XSSFRichTextString.getString of a CT_Rst: its t, else its runs' t
    runs = [r for r in si if r.tag == SN + "r"]
    if not runs:
        t = kid(si, SN + "t")
        return utf_decode("" if t is None else t.text or "")
    return utf_decode("".join("null" if kid(r, SN + "t") is None else kid(r, SN + "t").text or "" for r in runs))


class Xlsx:
    def __init__(self, data):
        self.pkg = Package(data)
        part, root = self.pkg.main(SN + "workbook", ".xlsx workbook")
        rels = self.pkg.rels(part)
        by_id = {i: t for ty, t, i in rels}
        sheets = kid(root, SN + "sheets")
        self.sheets = [(s.get("name", ""), by_id.get(s.get(RN + "id"))) for s in ([] if sheets is None else sheets) if s.tag == SN + "sheet"]
        if any(p is None for n, p in self.sheets):
            raise Unreadable("a sheet's part is missing")
        styles = [t for ty, t, i in rels if ty.endswith("/relationships/styles")]
        self.styles = self.pkg.xml(styles[0]) if styles else None
        strings = [t for ty, t, i in rels if ty.endswith("/relationships/sharedStrings")]
        sst = self.pkg.xml(strings[0]) if strings else None
        self.strings = [] if sst is None else [rst_text(si) for si in sst if si.tag == SN + "si"]

    def sheet(self, name):  # POI's getSheet: the first of that name, ignoring case
        if not self.sheets:
            raise Unreadable("the workbook has no sheet")
        if name is None:
            return self.pkg.xml(self.sheets[0][1])
        for n, part in self.sheets:
            if case_key(n) == case_key(name):
                return self.pkg.xml(part)
        raise Unreadable("the workbook has no sheet named '%s'" % name)

    @staticmethod
    def cell(sheet, column, row):  # the cell element, or None; later duplicates win, as in POI's maps
        data = kid(sheet, SN + "sheetData")
        if any(f.get("t") in ("array", "shared") for f in sheet.iter(SN + "f")):
            raise Unreadable("array and shared formulas are not read on the VM")
        found = None
        for r in ([] if data is None else data):
            if r.tag != SN + "row":
                continue
            if "r" not in r.attrib:
                raise Unreadable("a row without its number")
            if int(r.get("r")) - 1 != row:
                continue
            found = None
            for c in r:
                if c.tag != SN + "c":
                    continue
                if "r" not in c.attrib:
                    raise Unreadable("a cell without its reference")
                m = re.fullmatch(r"([A-Z]{1,3})([0-9]+)", c.get("r"))
                if not m:
                    raise Unreadable("a cell reference %s" % c.get("r"))
                col = 0
                for ch in m.group(1):
                    col = col * 26 + ord(ch) - 64
                if col - 1 == column:
                    found = c
        return found

    def xf(self, c):  # the cell's cellXfs entry
        if self.styles is None:
            raise Unreadable("a workbook without styles")
        xfs = [x for x in kids(kid(self.styles, SN + "cellXfs")) if x.tag == SN + "xf"]
        i = int(c.get("s", "0")) if c is not None else 0
        if not 0 <= i < len(xfs):
            raise Unreadable("the style %d is missing" % i)
        return xfs[i]

    def font(self, c):
        x = self.xf(c)
        if "fontId" in x.attrib:
            i = int(x.get("fontId"))
        else:
            sx = [e for e in kids(kid(self.styles, SN + "cellStyleXfs")) if e.tag == SN + "xf"]
            j = int(x.get("xfId", "0"))
            if not 0 <= j < len(sx):
                raise Unreadable("the cell style %d is missing" % j)
            i = int(sx[j].get("fontId", "0"))
        fonts = [f for f in kids(kid(self.styles, SN + "fonts")) if f.tag == SN + "font"]
        if not 0 <= i < len(fonts):
            raise Unreadable("the font %d is missing" % i)
        return fonts[i]

    def own_format(self, i):  # the workbook's numFmt code of this id, or None; a later one of the same id wins, as in POI's map
        code = None
        for f in kids(kid(self.styles, SN + "numFmts")):
            if f.tag == SN + "numFmt" and int(f.get("numFmtId", "-1")) == i:
                if "formatCode" not in f.attrib:
                    raise Unreadable("the number format %d has no code" % i)
                code = f.get("formatCode")
        return code

    def general(self, c):  # whether the cell's number format is General (or none POI knows)
        i = int(self.xf(c).get("numFmtId", "0"))
        code = self.own_format(i)
        return code.lower() == "general" if code is not None else i == 0 or i >= 50

    # the built-in number formats (ECMA-376 18.8.30) by the text POI's BuiltinFormats gives each,
    # the reserved 23-36 by its placeholders
    BUILTIN_FORMATS = dict(enumerate([
        "General", "0", "0.00", "#,##0", "#,##0.00", '"$"#,##0_);("$"#,##0)', '"$"#,##0_);[Red]("$"#,##0)',
        '"$"#,##0.00_);("$"#,##0.00)', '"$"#,##0.00_);[Red]("$"#,##0.00)', "0%", "0.00%", "0.00E+00", "# ?/?",
        "# ??/??", "m/d/yy", "d-mmm-yy", "d-mmm", "mmm-yy", "h:mm AM/PM", "h:mm:ss AM/PM", "h:mm", "h:mm:ss",
        "m/d/yy h:mm"] + ["reserved-0x%02X" % i for i in range(0x17, 0x25)]))
    BUILTIN_FORMATS.update(enumerate([
        "#,##0_);(#,##0)", "#,##0_);[Red](#,##0)", "#,##0.00_);(#,##0.00)", "#,##0.00_);[Red](#,##0.00)",
        '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
        '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)', '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
        "mm:ss", "[h]:mm:ss", "mm:ss.0", "##0.0E+0", "@"], start=37))

    def number_format(self, c):  # XlsxWorkbook.numberFormat: POI's getDataFormatString, the workbook's own code first
        if c is None:
            return "General"
        i = int(self.xf(c).get("numFmtId", "0"))
        code = self.own_format(i)
        if code is None:
            code = self.BUILTIN_FORMATS.get(i)
        if code is None:
            raise Unreadable("the number format %d is neither the workbook's nor a built-in one" % i)
        return code

    def show(self, c):  # XlsxWorkbook.show
        if c is None:
            return ""
        t, v, f = c.get("t", "n"), kid(c, SN + "v"), kid(c, SN + "f")
        formula = f is not None and f.get("t") != "dataTable"
        vt = None if v is None else v.text or ""
        if t == "n":
            if vt is None and not formula:
                return ""
            d = 0.0 if not vt else float(vt)
            if not self.general(c):
                raise Unreadable("a number shown through a format is not read on the VM")
            return xlsx_plain(d)
        if t == "e":
            if vt not in XLSX_ERRORS:
                raise Unreadable("an unknown error value")
            return vt
        if t == "b":
            return "TRUE" if vt == "1" else "FALSE"
        if t == "s" and not formula:
            return self.strings[int(vt)]
        if t == "inlineStr" and not formula:
            i = kid(c, SN + "is")
            return rst_text(i) if i is not None else utf_decode(vt or "")
        if t in ("str", "s", "inlineStr"):
            return utf_decode(vt or "")
        raise Unreadable("an illegal cell type " + t)

    def sheet_part(self, name):  # the sheet's part name, found as sheet() finds the sheet
        if not self.sheets:
            raise Unreadable("the workbook has no sheet")
        if name is None:
            return self.sheets[0]
        for n, part in self.sheets:
            if case_key(n) == case_key(name):
                return n, part
        raise Unreadable("the workbook has no sheet named '%s'" % name)

    # XDDFChart.getChartSeries: the plot area's chart groups by kind in this order, not the file's
    CHART_KINDS = ["areaChart", "area3DChart", "barChart", "bar3DChart", "doughnutChart", "lineChart", "line3DChart",
                   "pieChart", "pie3DChart", "radarChart", "scatterChart", "surfaceChart", "surface3DChart"]

    def chart_groups(self, name):  # [(kind, group element)] of every chart on the sheet, as XlsxWorkbook.charts walks them
        sheet_name, part = self.sheet_part(name)
        self.sheet(name)  # a sheet part that is no XML fails as POI's parse does
        out = []
        for ty, drawing, i in self.pkg.rels(part):
            if not ty.endswith("/relationships/drawing"):
                continue
            for cty, chart, ci in self.pkg.rels(drawing):
                if not cty.endswith("/relationships/chart"):
                    continue
                plot = kid(kid(self.pkg.xml(chart), CN + "chart"), CN + "plotArea")
                for k in self.CHART_KINDS:
                    for g in kids(plot):
                        if g.tag == CN + k:
                            out.append((k[:-len("Chart")].lower(), g))
            break  # POI keeps the sheet's first drawing
        return sheet_name, out

    def chart_ranges(self, name):  # XlsxWorkbook.chartRanges: each series' values reference, as a person writes it
        sheet_name, groups = self.chart_groups(name)
        out = []
        for k, g in groups:
            for ser in kids(g):
                if ser.tag != CN + "ser":
                    continue
                val = kid(ser, CN + ("yVal" if k == "scatter" else "val"))
                ref = kid(val, CN + "numRef") if kid(val, CN + "numRef") is not None else kid(val, CN + "strRef")
                f = kid(ref, CN + "f")
                if f is None or f.text is None:
                    continue
                r = f.text.replace("$", "")
                bang = r.rfind("!")
                if bang >= 0:
                    sh = r[:bang]
                    if len(sh) > 1 and sh.startswith("'") and sh.endswith("'"):
                        sh = sh[1:-1].replace("''", "'")
                    if sh == sheet_name:
                        r = r[bang + 1:]
                out.append(r)
        return out

    def conditional_fill(self, q):  # XlsxWorkbook.conditionalFill, for "cell value is" rules with number operands only
        sheet = self.sheet(q.get("sheet"))
        c = self.cell(sheet, q["column"], q["row"])
        if c is None:
            return "none"
        rules = []
        for cf in sheet.iter(SN + "conditionalFormatting"):
            if not any(in_range(r, q["column"], q["row"]) for r in cf.get("sqref", "").split()):
                continue
            rules.extend(cf.findall(SN + "cfRule"))
        if not rules:
            return "none"
        if c.get("t", "n") != "n" or kid(c, SN + "v") is None or not (kid(c, SN + "v").text or ""):
            raise Unreadable("a conditional format on a cell that holds no number is not evaluated on the VM")
        x = float(kid(c, SN + "v").text)
        dxfs = [d for d in kids(kid(self.styles, SN + "dxfs"))] if self.styles is not None else []
        for rule in sorted(rules, key=lambda r: int(r.get("priority", "0"))):
            if rule.get("type") != "cellIs":
                raise Unreadable("a conditional format rule of type %s is not evaluated on the VM" % rule.get("type"))
            try:
                ops = [float(f.text) for f in rule.findall(SN + "formula")]
            except (TypeError, ValueError):
                raise Unreadable("a conditional format rule whose operand is no number is not evaluated on the VM")
            op = rule.get("operator")
            test = {"greaterThan": lambda: x > ops[0], "lessThan": lambda: x < ops[0], "greaterThanOrEqual": lambda: x >= ops[0],
                    "lessThanOrEqual": lambda: x <= ops[0], "equal": lambda: x == ops[0], "notEqual": lambda: x != ops[0],
                    "between": lambda: min(ops[0], ops[1]) <= x <= max(ops[0], ops[1]),
                    "notBetween": lambda: not min(ops[0], ops[1]) <= x <= max(ops[0], ops[1])}.get(op)
            if test is None or len(ops) < (2 if op in ("between", "notBetween") else 1):
                raise Unreadable("a conditional format rule with operator %s is not evaluated on the VM" % op)
            if not test():
                continue
            i = rule.get("dxfId")
            if i is None:
                continue
            if not 0 <= int(i) < len(dxfs):
                raise Unreadable("the differential format %s is missing" % i)
            pattern = kid(kid(dxfs[int(i)], SN + "fill"), SN + "patternFill")
            color = kid(pattern, SN + "bgColor")
            if color is None:
                color = kid(pattern, SN + "fgColor")
            if color is None:
                continue
            if "rgb" not in color.attrib:
                raise Unreadable("a theme or indexed colour is not read on the VM")
            return color.get("rgb")[-6:].upper()
        return "none"

    def query(self, q):  # XlsxQuery.read
        prop = q["property"]
        if prop == "sheets":
            return "items", [n for n, p in self.sheets]
        if prop == "charts":
            return "items", [k for k, g in self.chart_groups(q.get("sheet"))[1]]
        if prop == "chart_ranges":
            return "items", self.chart_ranges(q.get("sheet"))
        if prop == "conditional_fill":
            return "text", self.conditional_fill(q)
        c = self.cell(self.sheet(q.get("sheet")), q["column"], q["row"])
        if prop == "value":
            return "text", self.show(c)
        if prop == "formula":
            f = None if c is None else kid(c, SN + "f")
            return ("absent", None) if f is None or f.get("t") == "dataTable" else ("text", "=" + (f.text or ""))
        if prop in ("bold", "italic"):
            if c is None:
                return "flag", False
            b = kid(self.font(c), SN + ("b" if prop == "bold" else "i"))
            return "flag", b is not None and b.get("val", "true") in ("true", "1")
        if prop == "number_format":
            return "text", self.number_format(c)
        if prop == "font":
            n = kid(self.font(c), SN + "name")
            return "text", "Calibri" if n is None else n.get("val")
        raise Unreadable("the cell property %s is not read on the VM" % prop)


def in_range(ref, column, row):  # whether an A1 range (or cell) of a sqref covers the cell (0-based)
    def parse(a):
        m = re.fullmatch(r"\$?([A-Z]{1,3})\$?([0-9]+)", a)
        if not m:
            raise Unreadable("a range %s" % ref)
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        return col - 1, int(m.group(2)) - 1
    ends = [parse(e) for e in ref.split(":")]
    (c0, r0), (c1, r1) = ends[0], ends[-1]
    return min(c0, c1) <= column <= max(c0, c1) and min(r0, r1) <= row <= max(r0, r1)


def xlsx_plain(d):  # XlsxWorkbook.plain: 15 significant digits, no trailing zeros, never an exponent
    if d != d or math.isinf(d):
        return java_double(d)
    n = decimal.Context(prec=15, rounding=decimal.ROUND_HALF_UP).plus(decimal.Decimal(d))
    return java_plain(n)


# .odt: the reading of OdtFormat (the ODF Toolkit's odfdom) over content.xml and styles.xml
ON_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ON_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
ODT_MIME = "application/vnd.oasis.opendocument.text"


class Odt:
    def __init__(self, data):
        import io
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        mime = z.read("mimetype").decode("ascii").strip(WS) if "mimetype" in names else None
        if mime != ODT_MIME:  # a Word file under the .odt name: never a value
            raise Unreadable("no OpenDocument text: its mimetype entry is " + ("missing" if mime is None else "'%s'" % mime))
        self.content = ET.fromstring(z.read("content.xml"))
        self.styles = ET.fromstring(z.read("styles.xml")) if "styles.xml" in names else None

    @staticmethod
    def text(p):  # OdfTextExtractor: text, text:s as spaces, text:tab, text:line-break; the paragraph's final breaks dropped
        out = []

        def walk(e):
            if e.text:
                out.append(e.text)
            for c in e:
                if c.tag == ON_TEXT + "s":
                    out.append(" " * int(c.get(ON_TEXT + "c", "1")))
                elif c.tag == ON_TEXT + "tab":
                    out.append("\t")
                elif c.tag == ON_TEXT + "line-break":
                    out.append("\n")
                elif c.tag in (ON_TEXT + "note", "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation"):
                    raise Unreadable("a note or comment in a paragraph, which the reader does not follow odfdom through")
                else:
                    walk(c)
                if c.tail:
                    out.append(c.tail)
        walk(p)
        return "".join(out).rstrip("\r\n")

    def paragraphs(self):  # the body's text:p and text:h with text, in document order, not looking inside them
        out = []

        def collect(e):
            for c in e:
                if c.tag in (ON_TEXT + "p", ON_TEXT + "h"):
                    if self.text(c).strip(WS):
                        out.append(c)
                else:
                    collect(c)
        collect(self.content)
        return out

    @staticmethod
    def style(root, name):
        if root is None:
            return None
        for s in root.iter(ON_STYLE + "style"):
            if s.get(ON_STYLE + "name", "") == name and s.get(ON_STYLE + "family", "") == "paragraph":
                return s
        return None

    def style_name(self, p):  # an automatic style stands for its parent; the display name, else _20_ as a space
        name = p.get(ON_TEXT + "style-name", "")
        auto = self.style(self.content, name)
        if auto is not None and (ON_STYLE + "parent-style-name") in auto.attrib:
            name = auto.get(ON_STYLE + "parent-style-name")
        named = self.style(self.styles, name)
        if named is not None and (ON_STYLE + "display-name") in named.attrib:
            return named.get(ON_STYLE + "display-name")
        return "Default Paragraph Style" if name == "" else name.replace("_20_", " ")

    def query(self, q):  # OdtFormat.query
        ps, n = self.paragraphs(), q["paragraph"]
        if n == 0:
            texts = [self.text(p) for p in ps]
            return ("items", texts) if q["what"] == "paragraphs" else ("text", "\n".join(texts))
        if n > len(ps):
            return "absent", None
        p = ps[n - 1]
        return "text", self.text(p) if q["what"] == "text" else self.style_name(p)


# .pdf: the reading of PdfFormat (PDFBox's text, one page at a time) with PyMuPDF, which the task's
# config installs (python3-fitz): each page's lines stripped as Java's strip(), white space runs as
# Java's \s+ collapsed to one space, blank lines dropped, the lines joined by one space
JAVA_SPACE = re.compile(r"[ \t\n\x0b\f\r]+")


class Pdf:
    def __init__(self, data):
        if not data.startswith(b"%PDF-"):  # a Word file or text under the .pdf name: never a value
            raise Unreadable("no PDF: it does not start with %PDF-")
        try:
            import fitz
        except ImportError:
            raise Unreadable("PyMuPDF (python3-fitz) is not installed on the VM")
        fitz.TOOLS.mupdf_display_errors(False)
        try:
            with fitz.open(stream=data, filetype="pdf") as doc:
                if doc.needs_pass:
                    raise Unreadable("the PDF is encrypted")
                if doc.is_repaired and doc.page_count == 0:  # PDFBox finds no root object there, and does not parse it
                    raise Unreadable("does not parse as a PDF: no pages found in what is left of it")
                self.pages = []
                for page in doc:
                    lines = [JAVA_SPACE.sub(" ", x.strip(WS)) for x in re.split(r"\r\n|\r|\n", page.get_text())]
                    self.pages.append(" ".join(x for x in lines if x))
        except RuntimeError as e:  # fitz's FileDataError and every other MuPDF error
            raise Unreadable("does not parse as a PDF: %s" % e)

    def query(self, q):  # PdfFormat.read
        if q["what"] == "pages":
            return "text", str(len(self.pages))
        if q["page"] == 0:
            return "text", " ".join(p for p in self.pages if p)
        return ("absent", None) if q["page"] > len(self.pages) else ("text", self.pages[q["page"] - 1])


class Tid:  # TiddlyWiki's .tid files, as deskforge's Tiddler.parse reads them
    def __init__(self, data):
        s = data.decode("utf-8", "java").replace("\r\n", "\n")
        if s.startswith("\ufeff"):
            s = s[1:]
        self.fields, at = {}, 0
        while at < len(s):
            end = s.find("\n", at)
            line = s[at:] if end < 0 else s[at:end]
            at = len(s) if end < 0 else end + 1
            if line == "":
                break
            colon = line.find(":")
            if colon <= 0:
                raise Unreadable("no .tid file: a header line has no field name")
            self.fields[line[:colon].strip(WS)] = line[colon + 1:].strip(WS)
        if "title" not in self.fields:
            raise Unreadable("no .tid file: it has no title field")
        self.text = s[min(at, len(s)):]

    @staticmethod
    def titles(value):  # Tiddler.parseList: words, [[a title with spaces]] bracketed; empty and repeated ones dropped
        out, i = [], 0
        while i < len(value):
            if value[i] in WS:
                i += 1
            elif value.startswith("[[", i):
                end = value.find("]]", i + 2)
                end = len(value) if end < 0 else end
                out.append(value[i + 2:end])
                i = min(len(value), end + 2)
            else:
                end = i
                while end < len(value) and value[end] not in WS:
                    end += 1
                out.append(value[i:end])
                i = end
        return [t for k, t in enumerate(out) if t and t not in out[:k]]

    def query(self, q):  # TidFormat.query
        if q["what"] == "text":
            return "text", self.text
        if q["what"] == "tags":
            return "items", self.titles(self.fields.get("tags", ""))
        if q["what"] == "title":
            return "text", self.fields.get("title", "")
        v = self.fields.get(q["field"])
        return ("absent", None) if v is None else ("text", v)


def document_query(data, g):
    try:
        doc = {"docx": Docx, "pptx": Pptx, "xlsx": Xlsx, "odt": Odt, "pdf": Pdf, "tid": Tid}[g["format"]](data)
        return doc.query(g["q"])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ET.ParseError, KeyError, IndexError, ValueError, TypeError, EOFError) as e:
        raise Unreadable("not a readable document: %s: %s" % (type(e).__name__, e))


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
