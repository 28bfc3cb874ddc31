"""Stand-in for Playwright for Python (no Debian package): see sync_api."""
