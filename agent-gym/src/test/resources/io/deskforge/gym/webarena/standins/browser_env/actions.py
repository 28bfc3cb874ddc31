"""Stand-in for browser_env.actions: an Action is a dict (WebArena's is a TypedDict)."""
Action = dict
