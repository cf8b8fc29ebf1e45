"""Beyond one process: the knowledge store on PostgreSQL, two Rasa replicas sharing a
PostgreSQL tracker store and a Redis lock store, one action server — all real servers on
loopback. A user's turns alternate between the replicas; then a replica restarts."""
import asyncio
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import psycopg2
import pytest
import redis
from sqlalchemy.engine.url import make_url

from deployment.locks import AtomicRedisLockStore
from deployment.stores import EnvLockStore
from tests.backing_services import create_database, postgres_server, redis_server
from tests.conftest import TEST_STORE_VARIABLE
from tests.rasa_servers import PROJECT_ROOT, action_server, rasa_env, rasa_server, say_text

pytestmark = pytest.mark.rasa

STORE_TESTS = ["tests/test_store.py", "tests/test_ranking.py", "tests/test_guidance.py",
               "tests/test_compare_and_recommend.py", "tests/test_conversation.py",
               "tests/test_source_references.py"]


@pytest.fixture(scope="module")
def backing(tmp_path_factory):
    work = tmp_path_factory.mktemp("deploy")
    with postgres_server() as postgres, redis_server(work) as redis_url:
        yield {"postgres": postgres, "redis": redis_url, "work": work}


def _lock_stores(redis_url: str, replicas: int) -> list:
    """One lock store per simulated Rasa replica, as deployment.stores builds them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LOCK_STORE_URL", redis_url)
        return [EnvLockStore() for _ in range(replicas)]


def test_tickets_issued_at_once_by_two_replicas_are_unique(backing):
    stores = _lock_stores(backing["redis"], 2)
    assert all(isinstance(store, AtomicRedisLockStore) for store in stores)
    conversation = f"tickets-{uuid.uuid4().hex[:8]}"
    with ThreadPoolExecutor(max_workers=16) as pool:
        tickets = list(pool.map(lambda i: stores[i % 2].issue_ticket(conversation), range(40)))
    assert sorted(tickets) == list(range(40))
    for number in tickets:
        stores[number % 2].cleanup(conversation, number)
    assert stores[0].get_lock(conversation) is None  # the last cleanup deleted the queue


def test_turns_of_one_conversation_never_overlap_across_replicas(backing):
    stores = _lock_stores(backing["redis"], 2)
    conversation = f"turns-{uuid.uuid4().hex[:8]}"
    inside, overlaps, served = [0], [], []

    async def turn(store, number):
        async with store.lock(conversation, wait_time_in_seconds=0.01):
            inside[0] += 1
            overlaps.append(inside[0] > 1)
            await asyncio.sleep(0.01)
            served.append(number)
            inside[0] -= 1

    async def everyone():
        await asyncio.gather(*(turn(stores[i % 2], i) for i in range(12)))

    asyncio.run(everyone())
    assert sorted(served) == list(range(12)) and not any(overlaps)


def test_store_tests_pass_on_postgresql(backing):
    url = create_database(backing["postgres"], "knowledge_tests")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             *STORE_TESTS], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            env={**rasa_env(), TEST_STORE_VARIABLE: url}, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


class Replicas:
    """Two Rasa servers over the same stores; either can be restarted."""

    def __init__(self, model, action_url, work, env):
        self.model, self.action_url, self.work, self.env = model, action_url, work, env
        self.stacks = [ExitStack(), ExitStack()]
        self.urls = [self._start(0), self._start(1)]

    def _start(self, index):
        return self.stacks[index].enter_context(
            rasa_server(self.model, self.action_url, self.work, env=self.env))

    def restart(self, index):
        self.stacks[index].close()
        self.stacks[index] = ExitStack()
        self.urls[index] = self._start(index)

    def close(self):
        for stack in self.stacks:
            stack.close()


@pytest.fixture(scope="module")
def deployment(trained_model, backing):
    knowledge = create_database(backing["postgres"], "knowledge")
    tracker = create_database(backing["postgres"], "tracker")
    env = {"KNOWLEDGE_DB_URL": knowledge, "TRACKER_STORE_URL": tracker,
           "LOCK_STORE_URL": backing["redis"]}
    loaded = subprocess.run([sys.executable, "-m", "knowledge.store.load"], cwd=PROJECT_ROOT,
                            env={**rasa_env(), **env}, capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    with action_server(backing["work"], env=env) as action_url:
        replicas = Replicas(trained_model, action_url, backing["work"], env)
        try:
            yield replicas, tracker, backing["redis"]
        finally:
            replicas.close()


def user_turns(tracker_url: str, sender: str) -> list:
    connection = psycopg2.connect(str(make_url(tracker_url)))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT data FROM events WHERE sender_id = %s AND type_name = 'user' "
                           "ORDER BY id", (sender,))
            return [row[0] for row in cursor.fetchall()]
    finally:
        connection.close()


def test_context_survives_alternating_replicas_and_a_restart(deployment):
    replicas, tracker_url, redis_url = deployment
    user = f"user-{uuid.uuid4().hex[:8]}"
    a, b = replicas.urls
    redis_before = redis_calls(redis_url)
    assert "Clark University is #8" in say_text(a, user, "tell me about Clark")
    assert "$54,760 per year" in say_text(b, user, "and its tuition?")  # the slot, via SQL
    assert "Worcester" in say_text(a, user, "where is it located?")
    replicas.restart(0)
    a = replicas.urls[0]
    assert "Clark University is a private university" in say_text(a, user, "is it public?")
    assert "98% graduation rate" in say_text(b, user, "what's its graduation rate")
    turns = user_turns(tracker_url, user)
    assert len(turns) == 5  # no turn lost
    # each turn takes and frees the conversation's lock in Redis: at least two calls a turn
    assert redis_calls(redis_url) - redis_before >= 2 * len(turns), "the lock store was unused"


def redis_calls(url):
    """Commands Redis has served so far, not counting the INFO asking it."""
    stats = redis.Redis.from_url(url).info("commandstats")
    return sum(entry["calls"] for name, entry in stats.items() if name != "cmdstat_info")


def test_simultaneous_turns_on_both_replicas_are_both_kept(deployment):
    replicas, tracker_url, _ = deployment
    user = f"user-{uuid.uuid4().hex[:8]}"
    questions = ["tuition at CMU", "tuition at USC", "tuition at UW", "tuition at NYU"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        replies = list(pool.map(lambda item: say_text(replicas.urls[item[0] % 2], user, item[1]),
                                enumerate(questions)))
    assert all("per year" in reply for reply in replies)
    assert len(user_turns(tracker_url, user)) == len(questions)
