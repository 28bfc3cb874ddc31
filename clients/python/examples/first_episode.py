"""One episode of the bank's first verified task: click the middle of the screen, say done, print the reward.

    python3 examples/first_episode.py [BASE_URL]     (default http://127.0.0.1:8790)
"""
import sys

import deskforge_gym

client = deskforge_gym.Client(sys.argv[1] if len(sys.argv) > 1 else deskforge_gym.DEFAULT_URL)
task = client.tasks(limit=1)[0]
with client.make(task_id=task["id"], agent="first-episode") as env:
    obs, info = env.reset()
    print("task:", env.instruction)
    env.step({"action": "click", "x": obs["width"] // 2, "y": obs["height"] // 2})
    obs, reward, terminated, truncated, info = env.step({"action": "done"})
    print("reward:", reward, "passed:", info["evaluation"]["passed"])
