"""Stand-in for llms.providers.openai_utils: fuzzy_match and ua_match ask an LLM; no exported
task uses them, so a call is an error rather than a guess."""


def generate_from_openai_chat_completion(*args, **kwargs):
    raise RuntimeError("no LLM here: an exported task must not use fuzzy_match or ua_match")
