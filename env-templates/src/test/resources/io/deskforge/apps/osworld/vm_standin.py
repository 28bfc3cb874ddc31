"""A loopback stand-in for the server OSWorld runs inside its VM (server/main.py), for OSWorld's own
controllers and getters to talk to. It serves the endpoints they call for deskforge's exported
tasks with the same request and response shapes, and runs commands here, in the home it is given
(the test runs it in a mount namespace where that home is /home/user, as the desktop user):

- POST /execute, /setup/execute: as OSWorld's execute_command (shlex for a string without shell,
  ~/ expanded, subprocess.run with text=True and a 120 s time-out; 500 with a message when that
  raises, for example on output that is not valid text);
- POST /setup/launch: as OSWorld's launch_app, except that the program is only looked up on the
  PATH, not started: the stand-in has no display for a GUI app (a missing program answers 500, as
  Popen's FileNotFoundError does there);
- POST /file: as OSWorld's get_file, the file at the form's file_path (~ and $VARS expanded, links
  followed, as Flask's send_file opens it) as an attachment; 404 when missing, 500 when it cannot
  be read (a folder, no permission), 400 without file_path; for the vm_file getter of the
  document checks that go to OSWorld's own metrics;
- GET /screenshot (a placeholder PNG: there is no screen), /accessibility, /platform.

Every request is logged as one JSON line (endpoint, command, return code) so the test can check
that setup really worked and that nothing else was asked; any other endpoint answers 404 and is
logged as unknown. Usage: vm_standin.py LOG_FILE; prints the port it listens on, and exits when
its standard input closes (the test holds it open: if the test dies, so does the stand-in).
"""
import json
import os
import shlex
import shutil
import struct
import subprocess
import sys
import threading
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = open(sys.argv[1], "a", encoding="utf-8")
LOCK = threading.Lock()


def log(entry):
    with LOCK:
        LOG.write(json.dumps(entry) + "\n")
        LOG.flush()


def png():  # 1x1 black PNG
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def command_of(data):  # as OSWorld's server reads "command" and "shell"
    shell = data.get("shell", False)
    command = data.get("command", "" if shell else [])
    if isinstance(command, str) and not shell:
        command = shlex.split(command)
    for i, arg in enumerate(command):
        if arg.startswith("~/"):
            command[i] = os.path.expanduser(arg)
    return command, shell


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, kind="application/json"):
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        return json.loads(raw) if raw else {}

    def do_GET(self):
        if self.path == "/screenshot":
            log({"endpoint": self.path})
            return self.reply(200, png(), "image/png")
        if self.path == "/accessibility":
            log({"endpoint": self.path})
            return self.reply(200, {"AT": ""})
        if self.path == "/platform":
            log({"endpoint": self.path})
            return self.reply(200, "Linux", "text/html")
        log({"endpoint": self.path, "method": "GET", "unknown": True})
        self.reply(404, {"error": "the stand-in does not serve " + self.path})

    def do_POST(self):
        if self.path in ("/execute", "/setup/execute"):
            return self.execute()
        if self.path == "/setup/launch":
            return self.launch()
        if self.path == "/file":
            return self.file()
        log({"endpoint": self.path, "method": "POST", "unknown": True})
        self.reply(404, {"error": "the stand-in does not serve " + self.path})

    def execute(self):
        data = self.body()
        command, shell = command_of(data)
        try:
            result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, shell=shell, text=True, timeout=120)
        except Exception as e:  # as OSWorld's server: any failure, decoding included, is a 500
            log({"endpoint": self.path, "command": command, "exception": str(e)})
            return self.reply(500, {"status": "error", "message": str(e)})
        log({"endpoint": self.path, "command": command, "returncode": result.returncode, "error": result.stderr[-2000:]})
        self.reply(200, {"status": "success", "output": result.stdout, "error": result.stderr, "returncode": result.returncode})

    def file(self):
        n = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(n).decode("utf-8") if n else "")
        if "file_path" not in form:
            log({"endpoint": self.path, "status": 400})
            return self.reply(400, {"error": "file_path is required"})
        path = os.path.expandvars(os.path.expanduser(form["file_path"][0]))
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            log({"endpoint": self.path, "path": path, "status": 404})
            return self.reply(404, {"error": "File not found"})
        except OSError as e:  # Flask answers an exception in a view with a 500
            log({"endpoint": self.path, "path": path, "status": 500, "exception": str(e)})
            return self.reply(500, "Internal Server Error", "text/html")
        log({"endpoint": self.path, "path": path, "status": 200})
        self.reply(200, data, "application/octet-stream")

    def launch(self):
        data = self.body()
        command, shell = command_of(data)
        program = shutil.which(command.split()[0] if shell else command[0])
        log({"endpoint": self.path, "command": command, "found": program is not None})
        if program is None:
            return self.reply(500, {"status": "error", "message": "[Errno 2] No such file or directory: %r" % command[0]})
        self.reply(200, "{:} launched successfully".format(command if shell else " ".join(command)), "text/html")


def exit_with_the_test():
    sys.stdin.read()
    os._exit(0)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=exit_with_the_test, daemon=True).start()
print(server.server_address[1], flush=True)
server.serve_forever()
