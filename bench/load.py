"""Load benchmark: N simulated users hold real multi-turn conversations against the REST
channel for a fixed time; prints messages/s, p50/p95/p99 latency per turn, and errors.

    .venv/bin/python bench/load.py [--users 20] [--seconds 60] [--think 0.3] [--url URL]

Each user pauses a random 0.5-1.5 x --think seconds between turns (0 = back to back, which
measures the server's capacity rather than a user's latency).

Without --url it starts its own action server and Rasa server (the newest model in models/;
`make train` first) on loopback, with the environment's stores (KNOWLEDGE_DB_URL,
TRACKER_STORE_URL, LOCK_STORE_URL), and stops them afterwards.
"""
import argparse
import asyncio
import itertools
import random
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import List

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.rasa_servers import action_server, rasa_server  # noqa: E402

CONVERSATIONS = [
    ["hi", "tell me about Clark", "and its tuition?", "where is it located?", "thanks"],
    ["what are the cheapest programs in California?", "only public ones", "show more",
     "compare UCI and UCSC"],
    ["what does an NLP engineer do?", "does Amazon pay for a master's?",
     "median tuition in Texas?", "should I do a thesis?"],
    ["help me choose", "$30k", "skip", "industry", "public", "make my budget $15k"],
    ["how much is tuition at carnegie melon?", "what's the graduation rate at NYU",
     "which is cheaper, Penn or NYU?", "bye"],
]


def percentile(samples: List[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def user(session, url, deadline, start_index, latencies, errors, think):
    for conversation in itertools.islice(itertools.cycle(CONVERSATIONS), start_index, None):
        sender = f"load-{uuid.uuid4().hex[:10]}"
        for text in conversation:
            if time.monotonic() >= deadline:
                return
            started = time.perf_counter()
            try:
                async with session.post(f"{url}/webhooks/rest/webhook",
                                        json={"sender": sender, "message": text}) as response:
                    body = await response.json()
                    if response.status != 200 or not body:
                        errors.append(f"{response.status} {text!r} -> {body!r}"[:200])
            except Exception as error:  # a benchmark counts failures instead of stopping
                errors.append(f"{type(error).__name__}: {error}"[:200])
            latencies.append((time.perf_counter() - started) * 1000)
            if think:
                await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))


async def run_load(url: str, users: int, seconds: float, think: float):
    latencies: List[float] = []
    errors: List[str] = []
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        # one warm-up turn so model loading is not measured
        async with session.post(f"{url}/webhooks/rest/webhook",
                                json={"sender": "warmup", "message": "hi"}) as response:
            await response.read()
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(*(user(session, url, deadline, i, latencies, errors, think)
                               for i in range(users)))
        elapsed = time.monotonic() - started
    return latencies, errors, elapsed


def newest_model() -> Path:
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        sys.exit("no model in models/: run `make train` first")
    return models[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=0.3,
                        help="mean pause between a user's turns in seconds (0: back to back)")
    parser.add_argument("--url", help="an already running Rasa server")
    parser.add_argument("--model", type=Path, help="model to serve (default: newest in models/)")
    args = parser.parse_args()
    with ExitStack() as stack:
        url = args.url
        if not url:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            action_url = stack.enter_context(action_server(workdir))
            url = stack.enter_context(rasa_server(args.model or newest_model(), action_url,
                                                       workdir))
        latencies, errors, elapsed = asyncio.run(run_load(url, args.users, args.seconds,
                                                             args.think))
    if not latencies:
        print("no turns completed")
        return 1
    print(f"load: {args.users} users, think time {args.think:g} s, {elapsed:.0f} s, "
          f"{len(latencies)} turns")
    print(f"throughput {len(latencies) / elapsed:.1f} messages/s")
    print(f"latency per turn: p50 {statistics.median(latencies):.0f} ms, "
          f"p95 {percentile(latencies, 0.95):.0f} ms, p99 {percentile(latencies, 0.99):.0f} ms, "
          f"max {max(latencies):.0f} ms")
    print(f"errors: {len(errors)}")
    for error in errors[:5]:
        print("  ", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
