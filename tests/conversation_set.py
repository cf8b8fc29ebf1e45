"""The realistic conversation set (tests/conversations/): loading it and checking a reply.

Each user turn carries the facts its reply must contain (`expect`) and what it must not
(`reject`). Literals match case-insensitively; a listed school's full name also matches its
common short name (the reply may say "Penn" in a comparison); an item {any: [...]} matches
if one of them does. Markers: "@not_in_source" (the reply says plainly that the source does
not list or give it), "@no_dollar_figure" (no dollar amount at all), "@asks" (the reply asks
a question). Every in-domain reply must also be non-empty, not "didn't get that", and free
of tracebacks and Python reprs.

tuning/ was written before the bot was tuned and guides the work; heldback/ (one fifth,
written by a separate author from the source document alone) is never read while tuning and
is reported on its own.
"""
import re
from concurrent.futures import ThreadPoolExecutor
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, List, Sequence, Tuple

import yaml

SET_DIR = Path(__file__).resolve().parent / "conversations"
PARTS = ("tuning", "heldback")
NOT_UNDERSTOOD = "didn't get that"
KINDS = ("single", "self_description", "pointing_back", "carry_over", "change_one_thing",
         "count", "rank_number", "range_pair_relative", "unlisted", "in_focus", "correction",
         "chitchat", "off_topic")
_NOT_IN_SOURCE = re.compile(
    r"not among|source (gives|lists|has|shows|names) no|does not (show|say|include|list|give|"
    r"cover|name|hold)|(lists|gives|has) no\b|not listed|no figures?|isn't (in|among)|"
    r"doesn't (list|give|say|show)", re.IGNORECASE)
_DOLLARS = re.compile(r"\$\s?\d")
_BROKEN = re.compile(r"Traceback|\{'|'\}|\bNone\b|\{[a-z_]+\}")


@dataclass(frozen=True)
class Turn:
    user: str
    kind: str
    in_domain: bool
    expect: Tuple[Any, ...]
    reject: Tuple[str, ...]


@dataclass(frozen=True)
class Conversation:
    id: str
    part: str
    turns: Tuple[Turn, ...]


def load(part: str) -> List[Conversation]:
    conversations = []
    for path in sorted((SET_DIR / part).glob("*.yml")):
        for record in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            turns = tuple(Turn(str(t["user"]), t["kind"], bool(t["in_domain"]),
                               tuple(t.get("expect") or ()), tuple(t.get("reject") or ()))
                          for t in record["turns"])
            conversations.append(Conversation(record["id"], part, turns))
    return conversations


@lru_cache(maxsize=1)
def _short_names() -> Dict[str, str]:
    from knowledge.store.queries import all_school_facts

    return {s.name.lower(): s.short_name.lower() for s in all_school_facts()}


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-")
    return " ".join(text.lower().split())


def _has(reply: str, item: str) -> bool:
    if item == "@not_in_source":
        return bool(_NOT_IN_SOURCE.search(reply))
    if item == "@no_dollar_figure":
        return not _DOLLARS.search(reply)
    if item == "@asks":
        return "?" in reply
    wanted = _normal(item)
    if wanted in reply:
        return True
    short = _short_names().get(wanted)
    return bool(short) and re.search(rf"(?<![a-z]){re.escape(short)}(?![a-z])", reply) is not None


def problems(turn: Turn, reply: str) -> List[str]:
    """What is wrong with this reply to this turn (nothing: the turn is right)."""
    found = []
    text = _normal(reply)
    if turn.in_domain:
        if not text:
            found.append("empty reply")
        if NOT_UNDERSTOOD in text:
            found.append("said it didn't get it")
    if _BROKEN.search(reply):
        found.append("broken text (traceback, repr or template)")
    for item in turn.expect:
        options: Sequence[str] = item["any"] if isinstance(item, dict) else [item]
        if not any(_has(text, str(option)) for option in options):
            found.append(f"missing {item!r}")
    for item in turn.reject:
        if _normal(str(item)) in text:
            found.append(f"contains {item!r}")
    return found


def not_understood(turn: Turn, reply: str) -> bool:
    return turn.in_domain and NOT_UNDERSTOOD in _normal(reply)


@dataclass(frozen=True)
class Result:
    conversation: str
    number: int  # the turn's place in its conversation, from 1
    turn: Turn
    reply: str
    problems: Tuple[str, ...]


def set_of(conversation_id: str) -> str:
    """The set a conversation belongs to: its id's letter ("k-07" -> "k")."""
    return conversation_id.split("-", 1)[0]


def run(part: str, say: Callable[[str, str], str], sets: Sequence[str] = (),
        users_at_once: int = 1) -> List[Result]:
    """Every conversation of a part (or of its `sets` only), each as a new user:
    `say(sender, text)` -> reply. With `users_at_once` > 1, that many conversations go on
    at the same time (each its turns in order), as users of a server do: `say` must be safe
    to call from threads then (REST is; the in-process bot is not)."""
    conversations = [c for c in load(part) if not sets or set_of(c.id) in sets]
    with ThreadPoolExecutor(max_workers=users_at_once) as pool:
        talks = list(pool.map(lambda conversation: _talk(conversation, say), conversations))
    return [result for talk in talks for result in talk]


def _talk(conversation: Conversation, say: Callable[[str, str], str]) -> List[Result]:
    sender = f"set-{conversation.id}-{uuid.uuid4().hex[:6]}"
    results = []
    for number, turn in enumerate(conversation.turns, 1):
        reply = say(sender, turn.user)
        results.append(Result(conversation.id, number, turn, reply,
                              tuple(problems(turn, reply))))
    return results


def share_right(results: Sequence[Result]) -> float:
    return sum(not r.problems for r in results) / max(len(results), 1)


def share_not_understood(results: Sequence[Result]) -> float:
    in_domain = [r for r in results if r.turn.in_domain]
    return sum(not_understood(r.turn, r.reply) for r in in_domain) / max(len(in_domain), 1)


def described(results: Sequence[Result]) -> str:
    return "\n".join(f"[{r.conversation} #{r.number} {r.turn.kind}] {r.turn.user}\n  -> "
                     f"{r.reply[:300]}\n  !! {'; '.join(r.problems)}"
                     for r in results if r.problems)
