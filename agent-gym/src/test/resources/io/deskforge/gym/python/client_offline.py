"""PythonClientTest's script for what a live gym does not show on demand: 429s retried as the
Retry-After header says, the token sent, a non-JSON error, and GymnasiumEnv over a stand-in
gymnasium module (Gymnasium is not installed). A scripted server on 127.0.0.1 answers; prints one
JSON report."""
import base64
import json
import sys
import threading
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# a stand-in gymnasium with the parts GymnasiumEnv uses, so its guarded import succeeds
gymnasium = types.ModuleType("gymnasium")
gymnasium.spaces = types.ModuleType("gymnasium.spaces")
gymnasium.spaces.Space = type("Space", (), {})


class _Env:
    def reset(self, *, seed=None, options=None):
        self.seeds = getattr(self, "seeds", []) + [seed]


gymnasium.Env = _Env
sys.modules["gymnasium"] = gymnasium
sys.modules["gymnasium.spaces"] = gymnasium.spaces

import deskforge_gym as dg  # noqa: E402  (after the stand-in)

PNG = b"\x89PNG\r\n\x1a\nstand-in"
OBS = {"width": 800, "height": 600, "screenshot": base64.b64encode(PNG).decode(), "cursor": [1, 2]}
STARTED = {"env_id": "e1", "task_id": "t1", "instruction": "do it", "max_steps": 5, "episode_id": "ep1", "observation": OBS}
busy = {"left": 0}
seen = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, doc, headers=()):
        body = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        seen.append(["GET", self.path, self.headers.get("Authorization")])
        if self.path == "/health":
            self.answer(200, {"status": "ok"})
        else:
            self.answer(502, b"<html>bad gateway</html>")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"null")
        seen.append(["POST", self.path, self.headers.get("Authorization"), body])
        if self.path == "/v1/envs":
            if busy["left"] > 0:
                busy["left"] -= 1
                self.answer(429, {"status": 429, "error": "all 1 envs are in use"}, [("Retry-After", "7")])
            else:
                self.answer(201, STARTED)
        elif self.path == "/v1/envs/e1/step":
            done = body == {"action": "done"}
            self.answer(200, {"observation": OBS, "reward": 1.0 if done else 0, "terminated": done, "truncated": False,
                              "done": done, "info": {"step": 1, "max_steps": 5, "schema": "deskforge", "status": "done",
                                                     "actions": [], "zoom": base64.b64encode(PNG).decode()}})
        elif self.path == "/v1/envs/e1/reset":
            self.answer(200, dict(STARTED, episode_id="ep2"))
        else:
            self.answer(404, {"status": 404, "error": "no route"})

    def do_DELETE(self):
        seen.append(["DELETE", self.path, self.headers.get("Authorization")])
        self.answer(204, b"")


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = "http://127.0.0.1:%d" % server.server_address[1]
out = {"have_gymnasium": dg.HAVE_GYMNASIUM}


def client(**kw):
    c = dg.Client(url, token="s3cret", **kw)
    c._sleep = lambda s: waits.append(s)
    return c


waits = []
busy["left"] = 2
env = client().make(task_id="t1")
out["retried"] = {"waits": waits, "creates": sum(1 for s in seen if s[1] == "/v1/envs"), "env_id": env.env_id}

waits, seen[:] = [], []
busy["left"] = 5
try:
    client(max_attempts=2).make(task_id="t1")
except dg.GymError as e:
    out["exhausted"] = {"status": e.status, "retry_after": e.retry_after, "message": e.message, "waits": waits,
                        "creates": len(seen)}
busy["left"] = 0

try:
    client().request("GET", "/not-json")
except dg.GymError as e:
    out["not_json"] = {"status": e.status, "message": e.message, "field": e.field}

seen[:] = []
genv = dg.GymnasiumEnv(client().make(task_id="t1"))
obs, info = genv.reset(seed=3)
obs2, reward, terminated, truncated, info2 = genv.step({"action": "done"})
obs3, info3 = genv.reset()
genv.close()
genv.close()
out["gymnasium"] = {"seeds": genv.seeds, "first_episode": info["episode_id"], "screenshot": obs["screenshot"] == PNG,
                    "step": [reward, terminated, truncated, info2["zoom"] == PNG], "second_episode": info3["episode_id"],
                    "spaces": [type(genv.observation_space).__name__, type(genv.action_space).__name__],
                    "calls": [s[:2] for s in seen], "tokens": sorted({s[2] for s in seen})}
server.shutdown()
print(json.dumps(out))
