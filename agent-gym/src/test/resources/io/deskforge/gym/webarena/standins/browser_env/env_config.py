"""Stand-in for browser_env.env_config: WebArena's sites, which the helper functions of other
sites' tasks use; none is reachable here, and no exported task names them."""
ACCOUNTS = {}
GITLAB = REDDIT = SHOPPING = SHOPPING_ADMIN = WIKIPEDIA = MAP = HOMEPAGE = ""
