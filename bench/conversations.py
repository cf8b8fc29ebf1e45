"""Conversation benchmark: the realistic multi-turn set (tests/conversations/) through the
bot; prints turn success per kind, conversations fully right, and the share of in-domain
turns answered "I didn't get that".

    .venv/bin/python bench/conversations.py                  # tuning part, in-process
    .venv/bin/python bench/conversations.py --heldback       # + the held-back fifth
    .venv/bin/python bench/conversations.py --url http://localhost:5005   # a running server
    .venv/bin/python bench/conversations.py --failures       # each wrong tuning turn

In-process (the default) it loads the newest model in models/ (or --model) for the NLU and
runs the action's code directly: the same parse, the same knowledge/, no HTTP. With --url it
talks to a real server over REST. Failures of the held-back part are printed only with
--heldback --failures: read them after tuning, never before.
"""
import argparse
import asyncio
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Dict, Sequence, Tuple

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conversation_set import (KINDS, PARTS, described, run,  # noqa: E402
                                    set_of, share_not_understood)

Say = Callable[[str, str], str]  # (conversation id, text) -> reply text


def rest_bot(url: str) -> Say:
    def say(sender: str, text: str) -> str:
        response = requests.post(f"{url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=60)
        response.raise_for_status()
        return "\n".join(m.get("text", "") for m in response.json())
    return say


def in_process_parts(model: Path) -> Tuple[Callable[[str], Any], Callable[[Any], str]]:
    """(text -> the Message the NLU reads from it, a knowledge.conversation Turn -> the text
    a channel shows), in-process: the model's NLU and the domain's fixed responses."""
    import logging

    import structlog
    from rasa.core.agent import Agent

    from actions.converse import FIXED_RESPONSES
    from actions.intents import message_from_parse

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    logging.getLogger("rasa").setLevel(logging.WARNING)
    agent = Agent.load(str(model))
    loop = asyncio.new_event_loop()
    responses = yaml.safe_load((ROOT / "domain.yml").read_text())["responses"]

    def parse(text: str) -> Any:
        return message_from_parse(loop.run_until_complete(agent.parse_message(text)))

    def shown(turn: Any) -> str:
        return "\n".join(responses[FIXED_RESPONSES[r.fixed]][0]["text"] if r.fixed else r.text
                         for r in turn.replies)
    return parse, shown


def in_process_bot(model: Path) -> Say:
    from knowledge.conversation import respond

    parse, shown = in_process_parts(model)
    states: Dict[str, dict] = {}

    def say(sender: str, text: str) -> str:
        turn = respond(parse(text), states.get(sender))
        states[sender] = turn.state
        return shown(turn)
    return say


Counts = Tuple[Counter, Counter, int, int, float, Counter, Counter]


def measure(part: str, say: Say, show: bool, sets: Sequence[str]) -> Counts:
    """(right per kind, turns per kind, conversations fully right, conversations,
    share of in-domain turns not understood, right per set, turns per set) of one part."""
    results = run(part, say, sets)
    right, total, right_in_set, in_set = Counter(), Counter(), Counter(), Counter()
    wrong_conversations = {r.conversation for r in results if r.problems}
    for result in results:
        total[result.turn.kind] += 1
        right[result.turn.kind] += not result.problems
        in_set[set_of(result.conversation)] += 1
        right_in_set[set_of(result.conversation)] += not result.problems
    if show:
        print(described(results))
    conversations = len({r.conversation for r in results})
    return (right, total, conversations - len(wrong_conversations), conversations,
            share_not_understood(results), right_in_set, in_set)


def report(part: str, results: Counts) -> None:
    right, total, whole, conversations, not_got, right_in_set, in_set = results
    turns = sum(total.values())
    print(f"\n== {part}: {sum(right.values())}/{turns} turns right "
          f"({sum(right.values()) / max(turns, 1):.1%}); {whole}/{conversations} "
          f"conversations fully right; \"didn't get that\" on {not_got:.1%} of in-domain "
          f"turns")
    for kind in KINDS:
        if total[kind]:
            print(f"  {kind:<20} {right[kind]:>3}/{total[kind]:<3} {right[kind] / total[kind]:.0%}")
    print("  by set: " + ", ".join(f"{name.upper()} {right_in_set[name]}/{in_set[name]}"
                                   for name in sorted(in_set)))


def newest_model() -> Path:
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        sys.exit("no model in models/: run `make train` first (or pass --model / --url)")
    return models[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running Rasa server (REST channel)")
    parser.add_argument("--model", type=Path, help="model for the in-process NLU")
    parser.add_argument("--heldback", action="store_true", help="also the held-back part")
    parser.add_argument("--failures", action="store_true", help="print each wrong turn")
    parser.add_argument("--sets", default="", help="only these sets, by letter: --sets k,l")
    args = parser.parse_args()
    say = rest_bot(args.url) if args.url else in_process_bot(args.model or newest_model())
    parts = PARTS if args.heldback else PARTS[:1]
    sets = [name.strip().lower() for name in args.sets.split(",") if name.strip()]
    results = {part: measure(part, say, args.failures and (part == "tuning" or args.heldback),
                             sets)
               for part in parts}
    for part, found in results.items():
        report(part, found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
