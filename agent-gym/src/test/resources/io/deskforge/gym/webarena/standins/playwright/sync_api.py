"""Stand-in for playwright.sync_api: a Page whose goto, evaluate, content and url are answered by
the live page of the task's desktop, through a loopback bridge to Playwright for Java connected to
the desktop's Chromium over CDP. So WebArena's evaluators, unchanged, open their target URLs and
run their locators on the real page, as they do with Playwright for Python.

The bridge's address is in DESKFORGE_WEBARENA_BRIDGE (http://127.0.0.1:PORT)."""
import json
import os
import urllib.request


def _call(path, payload=None):
    url = os.environ["DESKFORGE_WEBARENA_BRIDGE"] + path
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    req = urllib.request.Request(url, data=data, method="GET" if data is None else "POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        answer = json.loads(r.read().decode("utf-8"))
    if "error" in answer:
        # as Playwright for Python raises on a failed navigation or a script that throws
        raise Error(answer["error"])
    return answer["value"]


class Error(Exception):
    pass


class Page:
    """The live page: its URL, navigation, script evaluation and HTML, as Playwright's Page gives them."""

    @property
    def url(self):
        return _call("/url")

    def goto(self, url, **kwargs):
        _call("/goto", {"url": url})

    def evaluate(self, expression, arg=None):
        return _call("/evaluate", {"expression": expression})

    def content(self):
        return _call("/content")


class CDPSession:
    """Only passed through by the evaluators; nothing of it is used."""
