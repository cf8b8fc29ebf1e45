"""The insights report: what the conversations in the tracker store say the bot should learn
next. `python -m deployment.insights [--days N] [--top N] [--json]` (or `make insights`) reads
the store the Rasa server writes (the same environment: build/conversations.db, TRACKER_STORE_DB
or TRACKER_STORE_URL; deployment.tracker_url) and prints

* the messages most often not understood ("didn't get that") and answered as out of scope,
* the answers rated down, each with the question before it (and how many were rated up),
* conversations, user turns and ratings per day (UTC),
* the topics asked most (the NLU's intent of each message).

It reads Rasa's `events` table with plain SQL (the same on SQLite and PostgreSQL, and no Rasa
import: it runs in a fraction of a second) and the events' own JSON, as Rasa wrote it.
"""
import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

import sqlalchemy as sa
from sqlalchemy.engine.url import make_url

from actions.feedback import DOWN, FEEDBACK_INTENT, UP, rating_of
from deployment.tracker_url import MEMORY_URL, TRACKER_STORE_URL, tracker_store_url

# The bot's responses that mean a miss (actions/converse.py FIXED_RESPONSES: knowledge/'s
# "unclear" and "out_of_scope"). Rasa records the response a message was made from in the bot
# event's metadata (`utter_action`), whatever its wording, so a reworded response still counts.
MISSES = {"utter_default": "not_understood", "utter_out_of_scope": "out_of_scope"}
Event = Mapping[str, Any]


@dataclass
class Rated:
    """A rated answer: the user's question, the bot's reply to it, and when it was rated."""
    sender_id: str
    rated_at: float
    question: Optional[str]
    answer: str


@dataclass
class Report:
    not_understood: Counter = field(default_factory=Counter)
    out_of_scope: Counter = field(default_factory=Counter)
    rated: Dict[str, List[Rated]] = field(default_factory=lambda: {UP: [], DOWN: []})
    # day -> [conversations (their ids), user turns, rated up, rated down]
    days: Dict[str, list] = field(default_factory=dict)
    topics: Counter = field(default_factory=Counter)


def day_of(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d")


def _key(text: str) -> str:
    """Messages counted as one whatever their case and spacing ("Asdf  qwer" = "asdf qwer")."""
    return " ".join(text.lower().split())


def add_conversation(report: Report, sender_id: str, events: Iterable[Event],
                     since: float = 0.0) -> None:
    """Adds one conversation's events (Rasa's event dicts, oldest first) to the report; only
    events at or after `since` count, the earlier ones still give a rating its question."""
    question: Optional[str] = None  # the last user message that was not a rating
    answer: List[str] = []          # the bot's messages answering it
    answering = False               # False after a rating: its thanks is no part of the answer
    for event in events:
        kind, counts = event.get("event"), event.get("timestamp", 0.0) >= since
        if kind == "bot" and answering:
            if event.get("text"):  # not a payload alone (a table's, for the widget)
                answer.append(event["text"])
            miss = MISSES.get(str((event.get("metadata") or {}).get("utter_action")))
            if miss and counts:
                getattr(report, miss)[_key(question or "")] += 1
        if kind != "user":
            continue
        parse = event.get("parse_data") or {}
        rating = rating_of(parse)
        intent = (parse.get("intent") or {}).get("name") or "none"
        answering = intent != FEEDBACK_INTENT
        if answering:
            question, answer = event.get("text") or "", []
        if not counts:
            continue
        day = report.days.setdefault(day_of(event["timestamp"]), [set(), 0, 0, 0])
        day[0].add(sender_id)
        if intent == FEEDBACK_INTENT:
            if rating:
                day[2 if rating == UP else 3] += 1
                report.rated[rating].append(Rated(sender_id, event["timestamp"], question,
                                                  "\n".join(answer)))
        else:
            day[1] += 1
            report.topics[intent] += 1


def read_conversations(url: str, since: float) -> Iterator[Tuple[str, List[Event]]]:
    """(sender id, its user and bot events oldest first) of every conversation with an event
    at or after `since`, one conversation in memory at a time."""
    engine = sa.create_engine(url, **_engine_options(url))
    query = sa.text(
        "SELECT sender_id, data FROM events WHERE type_name IN ('user', 'bot') AND sender_id IN "
        "(SELECT DISTINCT sender_id FROM events WHERE timestamp >= :since) "
        "ORDER BY sender_id, timestamp, id")
    try:
        with engine.connect() as connection:
            rows = connection.execution_options(stream_results=True).execute(
                query, {"since": since})
            for sender_id, group in groupby(rows, key=lambda row: row[0]):
                yield sender_id, [json.loads(data) for _, data in group]
    finally:
        engine.dispose()


def _engine_options(url: str) -> Dict[str, Any]:
    """Rasa's own engine options for a PostgreSQL URL (its POSTGRESQL_SCHEMA search path), so
    the report reads the schema the server writes; SQLite needs none (and no Rasa import)."""
    if make_url(url).get_backend_name() == "sqlite":
        return {}
    from rasa.core.tracker_store import create_engine_kwargs
    return create_engine_kwargs(url)


def build_report(conversations: Iterable[Tuple[str, Sequence[Event]]],
                 since: float = 0.0) -> Report:
    report = Report()
    for sender_id, events in conversations:
        add_conversation(report, sender_id, events, since)
    return report


def as_dict(report: Report, top: int) -> Dict[str, Any]:
    """The report as plain data (--json): lists most frequent first, days oldest first."""
    def ranked(counter: Counter, name: str) -> List[Dict[str, Any]]:
        return [{name: key, "count": count} for key, count in counter.most_common(top)]

    return {
        "not_understood": ranked(report.not_understood, "message"),
        "out_of_scope": ranked(report.out_of_scope, "message"),
        "rated_down": [asdict(rated) for rated in report.rated[DOWN]],
        "rated_up": [asdict(rated) for rated in report.rated[UP]],
        "days": [{"day": day, "conversations": len(ids), "user_turns": turns,
                  "rated_up": up, "rated_down": down}
                 for day, (ids, turns, up, down) in sorted(report.days.items())],
        "topics": ranked(report.topics, "intent"),
    }


def _cut(text: Optional[str], limit: int = 300) -> str:
    text = " ".join((text or "(none)").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def render(data: Mapping[str, Any]) -> str:
    """The report as text for a terminal."""
    lines: List[str] = []

    def counted(title: str, rows: List[Dict[str, Any]], name: str) -> None:
        lines.extend(["", title] + [f"  {row['count']:5}  {row[name]}" for row in rows]
                     + ([] if rows else ["  (none)"]))

    counted("Not understood (\"didn't get that\"), most frequent first:",
            data["not_understood"], "message")
    counted("Answered as out of scope, most frequent first:", data["out_of_scope"], "message")
    lines.extend(["", f"Answers rated down: {len(data['rated_down'])} "
                      f"(rated up: {len(data['rated_up'])})"])
    for rated in data["rated_down"]:
        when = datetime.fromtimestamp(rated["rated_at"], timezone.utc).strftime("%Y-%m-%d %H:%M")
        lines.extend([f"  - Q: {_cut(rated['question'])}", f"    A: {_cut(rated['answer'])}",
                      f"    ({rated['sender_id']}, {when} UTC)"])
    lines.extend(["", "Per day (UTC): conversations, user turns, ratings up/down"])
    lines.extend(f"  {d['day']}  {d['conversations']:5}  {d['user_turns']:6}  "
                 f"{d['rated_up']:4} / {d['rated_down']}" for d in data["days"])
    counted("Topics asked most (intent):", data["topics"], "intent")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deployment.insights",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=float, help="only the last N days (default: all)")
    parser.add_argument("--top", type=int, default=20, help="rows of each ranked list (20)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    url = tracker_store_url()
    if url is None:
        print(f"{TRACKER_STORE_URL}={MEMORY_URL}: the conversations live in the Rasa server's "
              "memory, which no other process can read. Use the default SQLite store or "
              "a database URL (README \"Insights\").", file=sys.stderr)
        return 2
    shown = repr(make_url(url))  # the password masked
    database = make_url(url).database
    if make_url(url).get_backend_name() == "sqlite" and not Path(database or "").is_file():
        print(f"No conversations yet: {database} does not exist.", file=sys.stderr)
        return 1  # (connecting would create an empty file)
    since = time.time() - 86400 * args.days if args.days else 0.0
    try:
        data = as_dict(build_report(read_conversations(url, since), since), args.top)
    except (sa.exc.OperationalError, sa.exc.ProgrammingError) as error:  # e.g. no events table
        print(f"Cannot read the conversations in {shown} (none saved yet?): "
              f"{error.orig}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"store": shown, "since": since or None, **data}, indent=2,
                         ensure_ascii=False))
    else:
        period = f"the last {args.days:g} days" if args.days else "all time"
        print(f"Insights from {shown}, {period}" + render(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
