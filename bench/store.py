"""Knowledge-store latency, without Rasa: `.venv/bin/python bench/store.py [--runs 300]`.

Times what one chat turn asks of knowledge/ — resolving a mention, a school's facts, rankings
with filters, a comparison, a recommendation, guide lookups — against the store named by
KNOWLEDGE_DB_URL (the SQLite file by default), and prints p50/p95 per query in milliseconds.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.conversation import respond  # noqa: E402
from knowledge.deciding.ranking import rank  # noqa: E402
from knowledge.question import Criteria, Message  # noqa: E402
from knowledge.store import load  # noqa: E402
from knowledge.store.engine import database_url  # noqa: E402
from knowledge.store.queries import school_facts, school_resolver  # noqa: E402

TARGET_P95_MS = 2.0  # for the store and the words; turns that run the sentence encoder cost more


def after(*turns: str) -> dict:
    """The conversation state after these turns (each query then times one more turn)."""
    state: dict = {}
    for text in turns:
        state = respond(Message(text), state).state
    return state


def turn(text: str, state: dict = None) -> Callable[[], object]:
    return lambda: respond(Message(text), state or {})


TOP_10 = after("top 10 programs")
CLARK_LENGTH = after("how long is the Clark program?")
UW = after("tell me about UW")

QUERIES: Dict[str, Callable[[], object]] = {
    "resolve alias (CMU)": lambda: school_resolver().resolve("CMU"),
    "resolve typo (carnegie melon)": lambda: school_resolver().resolve("carnegie melon"),
    "school facts (CMU)": lambda: school_facts("Carnegie Mellon University"),
    "rank: public CA cheapest <= $20k": lambda: rank(Criteria(
        sort_by="tuition_low", states=("CA",), control="public", max_tuition=20000)),
    "turn: tuition at carnegie melon": turn("how much is tuition at carnegie melon?"),
    "turn: top 5 public under $20k in CA": turn("top 5 public programs under $20k in california"),
    "turn: and Emory? (carried over)": turn("and Emory?", CLARK_LENGTH),
    "turn: the third one (a row)": turn("more about the third one", TOP_10),
    "turn: any of these public? (rows)": turn("are any of these state schools?", TOP_10),
    "turn: cheaper than Brandeis": turn("which private schools are cheaper than Brandeis?"),
    "turn: compare CMU, USC and UW": turn("compare CMU, USC and UW"),
    "turn: acceptance rate at Penn": turn("what is the acceptance rate at Penn"),
    "turn: tuition at Caltech": turn("tuition at Caltech"),
    "turn: median tuition GA vs NY": turn("median tuition in Georgia vs New York"),
    "turn: does Amazon pay?": turn("does Amazon pay for a master's?"),
    "turn: recommend from facts": turn("I'm in Ohio, can't leave my job, budget 30k"),
    "turn: who's funding it (encoder)": turn("who's funding it", UW),
    "turn: recommend from interests (encoder)": turn(
        "my son wants to do sports analytics, anything on your list like that?"),
}


def percentile(samples: List[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--load", action="store_true", help="rebuild the store first")
    args = parser.parse_args()
    if args.load:
        load.load()
    print(f"store: {database_url()}  runs per query: {args.runs}")
    print(f"{'query':40} {'p50 ms':>8} {'p95 ms':>8}")
    worst = 0.0
    for name, query in QUERIES.items():
        query()  # warm caches, as a running action server has
        samples = []
        for _ in range(args.runs):
            started = time.perf_counter()
            query()
            samples.append((time.perf_counter() - started) * 1000)
        p95 = percentile(samples, 0.95)
        worst = max(worst, p95)
        print(f"{name:40} {statistics.median(samples):8.3f} {p95:8.3f}")
    print(f"worst p95: {worst:.3f} ms (target < {TARGET_P95_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
