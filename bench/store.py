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

from knowledge.store import load  # noqa: E402
from knowledge.deciding.advisor import answer_question  # noqa: E402
from knowledge.deciding.compare import compare_reply  # noqa: E402
from knowledge.understanding.criteria import criteria_for  # noqa: E402
from knowledge.replying.guide_answers import benefit_reply, career_reply, guide_reply, state_reply  # noqa: E402,E501
from knowledge.store.queries import school_facts, school_resolver  # noqa: E402
from knowledge.deciding.ranking import Criteria, rank  # noqa: E402
from knowledge.replying.ranking_answers import ranking_reply  # noqa: E402
from knowledge.deciding.recommend import Preferences, recommendation_reply  # noqa: E402
from knowledge.store.engine import database_url  # noqa: E402

TARGET_P95_MS = 2.0

QUERIES: Dict[str, Callable[[], object]] = {
    "resolve alias (CMU)": lambda: school_resolver().resolve("CMU"),
    "resolve typo (carnegie melon)": lambda: school_resolver().resolve("carnegie melon"),
    "find school in 30-word text": lambda: school_resolver().find_in_text(
        "hi there I was wondering how much the tuition is per year at the university of "
        "washington in seattle because I am thinking about applying next fall maybe"),
    "school facts (CMU)": lambda: school_facts("Carnegie Mellon University"),
    "answer: tuition at carnegie melon": lambda: answer_question(
        "tuition", ["carnegie melon"], "tuition at carnegie melon", None),
    "rank: default": lambda: rank(),
    "rank: public CA cheapest <= $20k": lambda: rank(Criteria(
        sort_by="tuition_low", state="CA", control="public", max_tuition=20000)),
    "rank: grad rate >= 95, value": lambda: rank(Criteria(sort_by="value", min_grad_rate=95)),
    "ranking reply from words": lambda: ranking_reply(rank(criteria_for(
        "top 5 public programs under $20k in california", {}))),
    "compare CMU, USC and UW": lambda: compare_reply([], "compare CMU, USC and UW", None),
    "recommend (budget, research, public)": lambda: recommendation_reply(
        Preferences(budget="20000", goal="research", control="public")),
    "guide: thesis": lambda: guide_reply("thesis"),
    "career: NLP engineer": lambda: career_reply([], "what does an NLP engineer do?"),
    "employer: Amazon": lambda: benefit_reply([], "does Amazon pay for a master's?"),
    "state: Texas": lambda: state_reply([], "median tuition in Texas?"),
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
