"""Scores one WebArena config the way WebArena's run.py does after an episode: its own
evaluator_router(config)(trajectory, config, page, client), the code unchanged from
DESKFORGE_WEBARENA_CODE, the page the live one of the desktop (playwright stand-in).

usage: webarena_score.py STANDINS WEBARENA_CODE CONFIG [ANSWER]
prints {"score": float, "modules": {name: file}} on one line."""
import json
import sys

standins, code, config = sys.argv[1:4]
answer = sys.argv[4] if len(sys.argv) > 4 else ""
# WebArena's code first, then the stand-ins for what Debian does not package; real packages
# (nltk, requests) come from Debian's dist-packages, after both
sys.path[0:0] = [code, standins]

from evaluation_harness import evaluator_router  # noqa: E402
from playwright.sync_api import CDPSession, Page  # noqa: E402
import evaluation_harness.evaluators  # noqa: E402
import nltk  # noqa: E402

# WebArena's run.py ends every trajectory with a stop action whose answer string_match reads
trajectory = [{"observation": {}, "info": {}}, {"action_type": 17, "answer": answer}]
score = evaluator_router(config)(trajectory, config, Page(), CDPSession())
print(json.dumps({"score": score, "modules": {
    "evaluation_harness.evaluators": evaluation_harness.evaluators.__file__,
    "nltk": nltk.__file__,
}}))
