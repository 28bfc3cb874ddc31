"""The deskforge gym over HTTP, with Python's standard library only.

A :class:`Client` lists verified tasks and makes envs; an :class:`Env` is one desktop running one
task, driven with Gymnasium's ``reset``/``step`` shapes. Every answer the server refuses becomes a
:class:`GymError` carrying the server's status, message and (for a malformed action) the JSON
pointer of the offending field.
"""

import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8790"


class GymError(Exception):
    """An answer of the gym server other than success.

    ``status`` is the HTTP status (400 malformed request or action, 401 missing token, 404 unknown
    env or task, 409 ended or closed episode, 429 every env slot taken, 500, 503); ``message`` the
    server's ``error``; ``field`` the JSON pointer of the offending field when the server names one
    (``""`` meaning the whole body), else None; ``retry_after`` the seconds a 429 asked to wait.
    """

    def __init__(self, status, message, field=None, retry_after=None):
        super().__init__("HTTP %s: %s" % (status, message))
        self.status = status
        self.message = message
        self.field = field
        self.retry_after = retry_after


def _decode_png(d, key):
    """Replaces d[key], a base64 PNG, by its bytes and keeps the text as d[key + '_b64']."""
    if isinstance(d.get(key), str):
        d[key + "_b64"] = d[key]
        d[key] = base64.b64decode(d[key])
    return d


def observation(wire):
    """The server's observation as a dict: ``screenshot`` as PNG bytes (its base64 text in
    ``screenshot_b64``), ``cursor`` [x, y], ``width``, ``height``, and ``windows`` and
    ``accessibility`` when the env was made with them."""
    return _decode_png(dict(wire), "screenshot")


class Client:
    """One gym server. ``token`` is sent as ``Authorization: Bearer <token>``; ``timeout`` is per
    request in seconds (a step that settles a desktop can take several). A 429 (every env slot
    taken) is tried ``max_attempts`` times in all, waiting what its Retry-After says, then raised."""

    def __init__(self, base_url=DEFAULT_URL, token=None, timeout=120, max_attempts=3):
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1, got %r" % (max_attempts,))
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.max_attempts = max_attempts
        self._sleep = time.sleep

    def health(self):
        """``{status, provider, envs, max_envs}``."""
        return self.request("GET", "/health")

    def tasks(self, **filters):
        """Verified tasks as dicts (``id, app, family, instruction, difficulty, reference_steps,
        split``); filters: ``app``, ``family``, ``split``, ``difficulty``, ``limit``."""
        query = urllib.parse.urlencode({k: v for k, v in filters.items() if v is not None})
        return self.request("GET", "/v1/tasks" + ("?" + query if query else ""))["tasks"]

    def make(self, task_id=None, family=None, seed=None, observation=None, max_steps=None, agent=None,
             resolution=None):
        """A fresh env for ``task_id``, or for the verified task of ``family`` drawn with ``seed``.
        ``observation`` lists the parts wanted (``["screenshot", "accessibility", "windows"]``),
        ``resolution`` is ``(width, height)``, ``agent`` names the agent in the bank's episodes."""
        body = {"task_id": task_id, "family": family, "seed": seed, "observation": observation,
                "max_steps": max_steps, "agent": agent,
                "resolution": list(resolution) if resolution is not None else None}
        return Env(self, self.request("POST", "/v1/envs", {k: v for k, v in body.items() if v is not None}))

    def env(self, env_id):
        """The env ``env_id`` already open on the server (made by another process, say). Its first
        ``reset()`` starts a new episode, since its creation's observation is not known here."""
        return Env(self, self.request("GET", "/v1/envs/" + urllib.parse.quote(env_id, safe="")))

    def request(self, method, path, body=None, raw=False):
        """One call: the parsed JSON answer (``raw``: the bytes; None for 204). Raises GymError."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        for attempt in range(1, self.max_attempts + 1):
            req = urllib.request.Request(self.base_url + path, data=data, method=method)
            req.add_header("Accept", "image/png" if raw else "application/json")
            if data is not None:
                req.add_header("Content-Type", "application/json")
            if self.token:
                req.add_header("Authorization", "Bearer " + self.token)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    payload = resp.read()
                    if raw:
                        return payload
                    return json.loads(payload) if payload else None
            except urllib.error.HTTPError as e:
                error = _error(e)
            if error.status != 429 or attempt == self.max_attempts:
                raise error
            self._sleep(error.retry_after if error.retry_after is not None else 1)
        raise AssertionError("unreachable")


def _error(e):
    """The GymError for an HTTPError: the server's JSON error when it sent one, else its text."""
    text = e.read().decode("utf-8", "replace")
    retry_after = None
    header = e.headers.get("Retry-After") if e.headers else None
    if header is not None:
        try:
            retry_after = max(0.0, float(header))
        except ValueError:
            retry_after = None  # an HTTP date: wait the default
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    if isinstance(doc, dict) and "error" in doc:
        return GymError(e.code, doc["error"], doc.get("field"), retry_after)
    return GymError(e.code, text.strip()[:500] or e.reason, None, retry_after)


class Env:
    """One env: a desktop running one verified task, one episode at a time.

    ``step`` and ``reset`` return Gymnasium's tuples; observations are dicts as :func:`observation`
    describes. Use it as a context manager, or call ``close()``, to free the server's slot.
    """

    def __init__(self, client, started):
        self._client = client
        self.env_id = started["env_id"]
        self.closed = False
        self._first = self._started(started)  # None for an env found by its id: no observation yet

    def _started(self, started):
        self.task_id = started.get("task_id")
        self.instruction = started.get("instruction")
        self.max_steps = started.get("max_steps")
        self.episode_id = started.get("episode_id")
        info = {k: v for k, v in started.items() if k != "observation"}
        return (observation(started["observation"]), info) if "observation" in started else None

    def _path(self, suffix=""):
        return "/v1/envs/" + urllib.parse.quote(self.env_id, safe="") + suffix

    def reset(self):
        """``(observation, info)``. The first call returns the observation the env was made with;
        later calls start a new episode of the same task in a fresh desktop (same ``env_id``, new
        ``episode_id``). ``info`` holds ``env_id, task_id, instruction, max_steps, episode_id``."""
        first, self._first = self._first, None
        if first is not None:
            return first
        return self._started(self._client.request("POST", self._path("/reset"), {}))

    def step(self, action):
        """Sends ``action`` as it is (a dict in deskforge's schema, the OpenAI computer tool's or
        Anthropic's; ``{"action": "done"}`` ends the episode and scores it) and returns
        ``(observation, reward, terminated, truncated, info)``. ``info`` has ``step, max_steps,
        schema, status, actions`` and, at the end, ``evaluation``; a zoom's PNG is in ``info["zoom"]``
        as bytes (its base64 text in ``info["zoom_b64"]``)."""
        self._first = None
        r = self._client.request("POST", self._path("/step"), action)
        info = _decode_png(dict(r.get("info") or {}), "zoom")
        return observation(r["observation"]), float(r["reward"]), bool(r["terminated"]), bool(r["truncated"]), info

    def evaluate(self):
        """The checker's verdict now, the episode going on: ``{reward, passed, checks: [{index,
        getter, metric, passed}]}``."""
        return self._client.request("POST", self._path("/evaluate"), {})

    def state(self):
        """``{env_id, task_id, instruction, episode_id, step_count, max_steps, status}``."""
        return self._client.request("GET", self._path())

    def screenshot_png(self):
        """The screen now, as PNG bytes."""
        return self._client.request("GET", self._path("/screenshot.png"), raw=True)

    def browser(self):
        """For an env whose task runs a browser: ``{cdp_url, webdriver_url, token, headers}``, its
        Chrome DevTools Protocol and WebDriver endpoints on the server's loopback and the env's own
        token (send ``headers``: ``Authorization: Bearer <token>``). Playwright:
        ``p.chromium.connect_over_cdp(b["cdp_url"], headers=b["headers"])``. A GymError 404 when
        the task runs no browser."""
        return self._client.request("GET", self._path("/browser"))

    def close(self):
        """Ends the episode and frees the desktop. Calling it again, or on an env the server has
        already closed (idle for too long, say), does nothing."""
        if self.closed:
            return
        try:
            self._client.request("DELETE", self._path())
        except GymError as e:
            if e.status not in (404, 409):
                raise
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        return "Env(%r, task %r%s)" % (self.env_id, self.task_id, ", closed" if self.closed else "")
