"""Stand-in for browser_env.utils: a StateInfo is a dict (WebArena's is a TypedDict)."""
StateInfo = dict
