"""A Python client of the deskforge gym: verified computer-use tasks in real desktops, over HTTP.

Standard library only. ``GymnasiumEnv`` subclasses ``gymnasium.Env`` when Gymnasium is installed;
without it this package imports all the same and ``GymnasiumEnv`` raises ImportError when made.
"""

from .client import DEFAULT_URL, Client, Env, GymError, observation

try:
    import gymnasium
except ImportError:
    gymnasium = None

__all__ = ["DEFAULT_URL", "Client", "Env", "GymError", "GymnasiumEnv", "HAVE_GYMNASIUM", "observation"]

HAVE_GYMNASIUM = gymnasium is not None

if HAVE_GYMNASIUM:

    class GymnasiumEnv(gymnasium.Env):
        """A deskforge :class:`Env` as a ``gymnasium.Env``.

        The task is the wrapped env's: ``reset(seed=...)`` seeds ``np_random`` only and starts a
        new episode of the same task. Observations are dicts (``screenshot`` PNG bytes, ``cursor``,
        ``width``, ``height``, ...) and actions are dicts in any of the server's three schemas,
        checked by the server (a malformed one raises GymError 400), so both spaces are plain
        ``gymnasium.spaces.Space()``: they neither sample nor check. No rendering: the screenshot
        is in every observation.
        """

        metadata = {"render_modes": []}

        def __init__(self, env):
            super().__init__()
            self.env = env
            self.observation_space = gymnasium.spaces.Space()
            self.action_space = gymnasium.spaces.Space()

        def reset(self, *, seed=None, options=None):
            super().reset(seed=seed)
            return self.env.reset()

        def step(self, action):
            return self.env.step(action)

        def close(self):
            self.env.close()

else:

    class GymnasiumEnv:
        """Stands in for the Gymnasium wrapper when ``gymnasium`` is not installed."""

        def __init__(self, *args, **kwargs):
            raise ImportError("deskforge_gym.GymnasiumEnv needs gymnasium (pip install gymnasium); "
                              "deskforge_gym.Env has the same reset/step without it")
