"""Runs OSWorld's own code, unedited, on exported tasks: DesktopEnv.reset() (which resolves every
evaluator function and getter by name, then runs each config step through SetupController's
_<type>_setup) and DesktopEnv.evaluate(), against the loopback stand-in of the VM's server.

Usage: osworld_driver.py OSWORLD_CODE PORT HOME CACHE. Reads one JSON request a line on standard
input and answers one JSON line on standard output:
  {"op": "reset", "task": "<example file>"}  ->  {"ok": true} | {"ok": false, "error": "<traceback>"}
  {"op": "evaluate"}                          ->  {"ok": true, "score": <float>} | {"ok": false, ...}
OSWorld's own prints and logs go to standard error.

What is not OSWorld's here, and why:
- the package `desktop_env.providers` (not in the copy of OSWorld's code): a provider whose VM is
  the stand-in; reverting to the snapshot empties the stand-in's home;
- modules that OSWorld's code imports at load time, that Debian has no package for, and that no
  code path of these tasks calls (printed at start): empty stubs that raise if anything of theirs
  is ever used. Every module Debian packages is the real one.
"""
import atexit
import importlib
import importlib.abc
import importlib.machinery
import json
import os
import shutil
import sys
import tempfile
import traceback
import types

OSWORLD, PORT, HOME, CACHE = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
NOT_IN_DEBIAN = ["gymnasium", "playwright", "pydrive", "rapidfuzz", "borb", "easyocr", "pdfplumber", "pptx",
                 "formulas", "imagehash", "librosa", "fastdtw"]

protocol = os.fdopen(os.dup(1), "w", buffering=1)
sys.stdout = sys.stderr


class Stubs(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, names):
        self.names = set(names)

    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in self.names:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        module = types.ModuleType(spec.name)
        module.__path__ = []

        def missing(attr):
            if attr.startswith("__"):
                raise AttributeError(attr)

            def used(*args, **kwargs):
                raise RuntimeError("%s.%s is a stub (not in Debian) and was used" % (spec.name, attr))
            return type(attr, (), {"__init__": used, "__call__": used})
        module.__getattr__ = missing
        return module

    def exec_module(self, module):
        pass


stubbed = []
for name in NOT_IN_DEBIAN:
    try:
        importlib.import_module(name)
    except ImportError:
        stubbed.append(name)
sys.meta_path.insert(0, Stubs(stubbed))
print("osworld_driver: stubbed modules Debian lacks:", ", ".join(stubbed), file=sys.stderr)

# OSWorld's code is the package desktop_env; its folder has no __init__.py, so it imports as a
# namespace package through a link named desktop_env
root = tempfile.mkdtemp(prefix="osworld-import-")
atexit.register(shutil.rmtree, root, True)
os.symlink(OSWORLD, os.path.join(root, "desktop_env"))
sys.path.insert(0, root)


class StandInProvider:
    """The VM is the stand-in: it is always running, at 127.0.0.1:PORT."""

    def start_emulator(self, path_to_vm, headless, os_type):
        pass

    def get_ip_address(self, path_to_vm):
        return "127.0.0.1:%d:9222:8006:8080" % PORT

    def revert_to_snapshot(self, path_to_vm, snapshot_name):
        for entry in os.listdir(HOME):
            p = os.path.join(HOME, entry)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p)
            else:
                os.unlink(p)
        return path_to_vm

    def save_state(self, path_to_vm, snapshot_name):
        pass

    def stop_emulator(self, path_to_vm):
        pass


providers = types.ModuleType("desktop_env.providers")
providers.create_vm_manager_and_provider = lambda provider_name, region: (None, StandInProvider())
sys.modules["desktop_env.providers"] = providers

from desktop_env.desktop_env import DesktopEnv  # noqa: E402  (OSWorld's, unedited)

env = DesktopEnv(provider_name="standin", path_to_vm="standin", action_space="pyautogui",
                 require_a11y_tree=False, cache_dir=CACHE)
# where each third-party module OSWorld's code loaded comes from (Debian's are in dist-packages)
loaded = {name: getattr(m, "__file__", None) or "(stub)" for name, m in sorted(sys.modules.items())
          if "." not in name and name in {"requests", "requests_toolbelt", "lxml", "cssselect", "yaml", "docx", "openpyxl",
                                          "pandas", "numpy", "bs4", "PIL", "fitz", "odf", "skimage", "cv2", "mutagen", "pypdf",
                                          "PyPDF2", "xmltodict", "scipy", "acoustid"} | set(NOT_IN_DEBIAN)}
protocol.write(json.dumps({"ok": True, "stubbed": stubbed, "loaded": loaded}) + "\n")

for line in sys.stdin:
    request = json.loads(line)
    try:
        if request["op"] == "reset":
            with open(request["task"], encoding="utf-8") as f:
                env.reset(task_config=json.load(f))
            answer = {"ok": True}
        elif request["op"] == "evaluate":
            # a file the VM cannot send (missing, a folder) is asked for retry_times times, 5 s apart:
            # the same answer sooner, without changing what OSWorld's code decides
            env.controller.retry_interval = 0.05
            answer = {"ok": True, "score": float(env.evaluate())}
        else:
            answer = {"ok": False, "error": "unknown op " + request["op"]}
    except BaseException:
        answer = {"ok": False, "error": traceback.format_exc()}
    protocol.write(json.dumps(answer) + "\n")
