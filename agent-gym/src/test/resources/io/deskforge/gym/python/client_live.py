"""PythonClientTest's script against a live gym: prints one JSON report of what the client saw.

    client_live.py BASE_URL TOKEN_URL TOKEN TASK_ID SOLUTION_JSON_FILE
"""
import base64
import json
import sys

import deskforge_gym as dg

base, token_url, token, task_id, solution_file = sys.argv[1:6]
with open(solution_file, encoding="utf-8") as f:
    solution = json.load(f)
PNG = b"\x89PNG\r\n\x1a\n"
out = {"have_gymnasium": dg.HAVE_GYMNASIUM}


def error(call):
    """What GymError a call raised, as a dict (None when it raised nothing)."""
    try:
        call()
    except dg.GymError as e:
        return {"status": e.status, "message": e.message, "field": e.field}
    return None


try:
    dg.GymnasiumEnv(None)
except ImportError as e:
    out["gymnasium_env_error"] = str(e)

client = dg.Client(base)
out["health"] = client.health()["status"]
tasks = client.tasks()
out["task_ids"] = [t["id"] for t in tasks]
card = next(t for t in tasks if t["id"] == task_id)
out["by_family"] = [t["id"] for t in client.tasks(family=card["family"], split=card["split"], limit=1)]

# the reference solution earns 1, then the same env's next episode starts unsolved
with client.make(task_id=task_id, agent="python-client") as env:
    obs, info = env.reset()
    out["instruction"] = env.instruction
    out["task_id"] = env.task_id
    out["screenshot_is_png"] = obs["screenshot"].startswith(PNG)
    out["b64_kept"] = base64.b64decode(obs["screenshot_b64"]) == obs["screenshot"]
    out["size"] = [obs["width"], obs["height"]]
    out["cursor"] = obs["cursor"]
    out["info_keys"] = sorted(info)
    first_episode = env.episode_id
    out["rewards_before_done"] = [env.step(a)[1] for a in solution]
    out["evaluate_before_done"] = env.evaluate()
    obs, reward, terminated, truncated, info = env.step({"action": "done"})
    out["solved"] = {"reward": reward, "terminated": terminated, "truncated": truncated,
                     "passed": info["evaluation"]["passed"], "status": info["status"], "step": info["step"]}
    out["step_after_done"] = error(lambda: env.step({"action": "done"}))
    out["screenshot_png_after_done"] = env.screenshot_png().startswith(PNG)
    obs, info = env.reset()
    out["reset"] = {"new_episode": info["episode_id"] != first_episode and env.episode_id == info["episode_id"],
                    "same_env": info["env_id"] == env.env_id, "screenshot_is_png": obs["screenshot"].startswith(PNG),
                    "state": env.state(), "evaluate": env.evaluate()}
    found = client.env(env.env_id)
    out["found_by_id"] = [found.task_id, found.instruction, found.episode_id == env.episode_id]
out["closed_after_with"] = env.closed

# another env: done at once earns 0; a malformed action is a 400 naming its field
env = client.make(task_id=task_id, observation=["screenshot", "windows"], max_steps=5)
out["windows_observed"] = isinstance(env.reset()[0].get("windows"), list)
out["malformed"] = error(lambda: env.step({"actions": [{"action": "click", "x": "left", "y": 2}]}))
obs, reward, terminated, truncated, info = env.step({"action": "done"})
out["done_at_once"] = {"reward": reward, "terminated": terminated, "passed": info["evaluation"]["passed"]}
env.close()
env.close()
out["step_after_close"] = error(lambda: env.step({"action": "done"}))

out["unknown_env"] = error(lambda: client.env("no-such-env"))
out["unknown_task"] = error(lambda: client.make(task_id="no-such-task"))
out["bad_limit"] = error(lambda: client.tasks(limit=0))
out["no_token"] = error(lambda: dg.Client(token_url).health())
out["with_token"] = dg.Client(token_url, token=token).health()["status"]
print(json.dumps(out))
