"""Prints every import in the .py files under the given folders that is not of Python's standard
library, the client itself, or a relative one, except an import of gymnasium inside a try whose
handler catches ImportError. Prints nothing when the client needs nothing outside the standard library."""
import ast
import pathlib
import sys

OWN = {"deskforge_gym"}
OPTIONAL = {"gymnasium"}


def guarded(node, parents):
    """Whether node sits in the body of a try that catches ImportError or ModuleNotFoundError."""
    child = node
    for parent in parents:
        if isinstance(parent, ast.Try) and child in parent.body:
            for h in parent.handlers:
                names = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
                if any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names):
                    return True
        child = parent
    return False


def walk(node, parents):
    yield node, parents
    for child in ast.iter_child_nodes(node):
        yield from walk(child, [node] + parents)


files = sorted(p for d in sys.argv[1:] for p in pathlib.Path(d).rglob("*.py"))
if not files:
    sys.exit("no .py file under " + " ".join(sys.argv[1:]))
for path in files:
    for node, parents in walk(ast.parse(path.read_text(encoding="utf-8"), str(path)), []):
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules = [node.module]
        else:
            continue
        for m in modules:
            top = m.split(".")[0]
            if top in sys.stdlib_module_names or top in OWN:
                continue
            if top in OPTIONAL and guarded(node, parents):
                continue
            print("%s:%d: import %s" % (path, node.lineno, m))
print("checked %d files" % len(files), file=sys.stderr)
