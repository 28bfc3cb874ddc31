"""Runs vm_reader.py's text, unchanged, once per JSON line on standard input ({"arg": ...}) as
`python3 -c PROGRAM ARG` would, and answers {"out": what it printed}: one process for many cases."""
import io
import json
import sys

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
    answers.write(json.dumps({"out": out}) + "\n")
    answers.flush()
