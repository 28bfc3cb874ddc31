"""Stand-in for WebArena's browser_env package (its environment, which needs Playwright and
gymnasium): only the names evaluation_harness imports."""
