"""Stand-in for WebArena's llms package: only the name evaluation_harness imports."""
