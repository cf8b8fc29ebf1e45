"""Beyond one process: the knowledge store on PostgreSQL, two Rasa replicas sharing a
PostgreSQL tracker store and a Redis lock store, one action server — all real servers on
loopback. A user's turns alternate between the replicas; then a replica restarts. Then the
faults: the action server killed and brought back, PostgreSQL and Redis restarted, the
knowledge store reloaded while the bot answers."""
import asyncio
import json
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import List

import psycopg2
import pytest
import redis
import requests
from rasa.core.lock import TicketLock
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine.url import make_url

from deployment.locks import AtomicRedisLockStore
from deployment.stores import EnvLockStore, EnvTrackerStore
from knowledge.store import load, models
from tests.backing_services import create_database, postgres_server, redis_server
from tests.conftest import TEST_STORE_VARIABLE
from tests.rasa_servers import (PROJECT_ROOT, RASA, free_port, rasa_env, rasa_server, say_text,
                                started)

pytestmark = pytest.mark.rasa

STORE_TESTS = ["tests/test_store.py", "tests/test_ranking.py", "tests/test_guidance.py",
               "tests/test_compare_and_recommend.py", "tests/test_conversation.py",
               "tests/test_source_references.py"]


@pytest.fixture(scope="module")
def backing(tmp_path_factory):
    work = tmp_path_factory.mktemp("deploy")
    with postgres_server() as postgres, redis_server(work) as redis_service:
        yield {"postgres": postgres, "redis": redis_service, "work": work}


def _lock_stores(redis_url: str, replicas: int) -> list:
    """One lock store per simulated Rasa replica, as deployment.stores builds them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LOCK_STORE_URL", redis_url)
        return [EnvLockStore() for _ in range(replicas)]


def test_tickets_issued_at_once_by_two_replicas_are_unique(backing):
    stores = _lock_stores(backing["redis"].url, 2)
    assert all(isinstance(store, AtomicRedisLockStore) for store in stores)
    conversation = f"tickets-{uuid.uuid4().hex[:8]}"
    with ThreadPoolExecutor(max_workers=16) as pool:
        tickets = list(pool.map(lambda i: stores[i % 2].issue_ticket(conversation), range(40)))
    assert sorted(tickets) == list(range(40))
    for number in tickets:
        stores[number % 2].cleanup(conversation, number)
    assert stores[0].get_lock(conversation) is None  # the last cleanup deleted the queue


def test_turns_of_one_conversation_never_overlap_across_replicas(backing):
    stores = _lock_stores(backing["redis"].url, 2)
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


def test_a_conversation_named_like_a_lock_key_does_not_block_another(backing):
    """Sender ids are the client's choice: "x:mutex" was the key of x's queue mutex."""
    store = _lock_stores(backing["redis"].url, 1)[0]
    victim = f"victim-{uuid.uuid4().hex[:8]}"

    async def turn_of_victim_during_a_turn_of_the_other() -> float:
        async with store.lock(f"{victim}:mutex"):
            started_at = time.monotonic()
            async with store.lock(victim, wait_time_in_seconds=0.01):
                return time.monotonic() - started_at

    assert asyncio.run(turn_of_victim_during_a_turn_of_the_other()) < 1.0


def test_a_slow_redis_delays_its_turn_but_not_the_replica(backing):
    store = _lock_stores(backing["redis"].url, 1)[0]
    pauser = redis.Redis.from_url(backing["redis"].url)

    async def scenario() -> List[float]:
        await asyncio.to_thread(store.get_lock, "warm-up")  # connect before the pause
        pauser.execute_command("CLIENT", "PAUSE", 1500)  # Redis answers nobody for 1.5 s
        gaps, last = [], time.monotonic()
        turn = asyncio.ensure_future(_one_turn(store, f"slow-{uuid.uuid4().hex[:8]}"))
        while not turn.done():  # the replica's other conversations: the loop must keep going
            await asyncio.sleep(0.02)
            gaps.append(time.monotonic() - last)
            last = time.monotonic()
        await turn
        return gaps

    gaps = asyncio.run(scenario())
    assert sum(gaps) > 1.0 and max(gaps) < 0.5


async def _one_turn(store, conversation: str) -> None:
    async with store.lock(conversation, wait_time_in_seconds=0.01):
        pass


def test_a_queue_update_interleaved_by_another_replica_is_redone(backing, monkeypatch):
    """One replica is between reading the queue and writing it back (a slow Redis, a GC
    pause) when another issues a ticket: both tickets must count, and nothing may fail."""
    first, second = _lock_stores(backing["redis"].url, 2)
    conversation = f"interleaved-{uuid.uuid4().hex[:8]}"
    issue, others = TicketLock.issue_ticket, []

    def issue_with_another_replica_in_between(lock, lifetime):
        if not others:
            others.append(None)
            others[0] = second.issue_ticket(conversation)
        return issue(lock, lifetime)

    monkeypatch.setattr(TicketLock, "issue_ticket", issue_with_another_replica_in_between)
    mine = first.issue_ticket(conversation)
    assert sorted([mine, others[0]]) == [0, 1]
    assert [ticket.number for ticket in first.get_lock(conversation).tickets] == [0, 1]


def test_the_lock_store_works_at_once_after_a_redis_restart(backing):
    """(redis-py replaces a pooled connection Redis closed when it is checked out.)"""
    store = _lock_stores(backing["redis"].url, 1)[0]
    asyncio.run(_one_turn(store, f"before-{uuid.uuid4().hex[:8]}"))  # pooled connections
    backing["redis"].restart()
    asyncio.run(_one_turn(store, f"after-{uuid.uuid4().hex[:8]}"))


def test_the_tracker_store_works_at_once_after_a_postgresql_restart(backing, monkeypatch):
    monkeypatch.setenv("TRACKER_STORE_URL",
                       create_database(backing["postgres"].url, "tracker_restart"))
    store = EnvTrackerStore(domain=Domain.empty())
    tracker = DialogueStateTracker("restart", slots=[])
    tracker.update(UserUttered("hello"))
    asyncio.run(store.save(tracker))
    backing["postgres"].restart()
    assert asyncio.run(store.retrieve("restart")).latest_message.text == "hello"


def test_readers_see_the_old_or_new_store_during_a_reload_on_postgresql(backing, monkeypatch):
    monkeypatch.setattr(load, "embeddings", lambda texts: None)  # tables, not vectors
    store = create_engine(create_database(backing["postgres"].url, "knowledge_reload"),
                          future=True)
    load.load(store)
    counts, errors, done = [], [], threading.Event()

    def reader():  # as an action server reads: several tables in one transaction
        while not done.is_set():
            try:
                with store.connect() as connection:
                    counts.append((
                        connection.execute(select(func.count()).select_from(
                            models.School.__table__)).scalar(),
                        connection.execute(select(func.count()).select_from(
                            models.Alias.__table__)).scalar() > 0))
            except Exception as error:
                errors.append(error)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for _ in range(3):
            load.load(store)
    finally:
        done.set()
        thread.join()
    assert not errors and counts and set(counts) == {(25, True)}


def test_store_tests_pass_on_postgresql(backing):
    url = create_database(backing["postgres"].url, "knowledge_tests")
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


class ActionServer:
    """The action server, on a fixed port so that it can be killed and brought back where
    the Rasa servers' endpoints point."""

    def __init__(self, work, env):
        self.work, self.env, self.port = work, env, free_port()
        self.url = f"http://127.0.0.1:{self.port}/webhook"
        self.stack = ExitStack()
        self.start()

    def start(self):
        self.process = self.stack.enter_context(started(
            [RASA, "run", "actions", "--port", str(self.port), "--actions", "actions"],
            f"http://127.0.0.1:{self.port}/health", self.work / f"actions-{self.port}.log",
            self.env))

    def kill(self):
        self.process.kill()
        self.stack.close()

    def close(self):
        self.stack.close()


@pytest.fixture(scope="module")
def deployment(trained_model, backing):
    knowledge = create_database(backing["postgres"].url, "knowledge")
    tracker = create_database(backing["postgres"].url, "tracker")
    env = {"KNOWLEDGE_DB_URL": knowledge, "TRACKER_STORE_URL": tracker,
           "LOCK_STORE_URL": backing["redis"].url}
    loaded = subprocess.run([sys.executable, "-m", "knowledge.store.load"], cwd=PROJECT_ROOT,
                            env={**rasa_env(), **env}, capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    actions = ActionServer(backing["work"], env)
    replicas = Replicas(trained_model, actions.url, backing["work"], env)
    try:
        yield replicas, tracker, backing["redis"].url, actions, env
    finally:
        replicas.close()
        actions.close()


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
    replicas, tracker_url, redis_url, _, _ = deployment
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
    replicas, tracker_url, _, _, _ = deployment
    user = f"user-{uuid.uuid4().hex[:8]}"
    questions = ["tuition at CMU", "tuition at USC", "tuition at UW", "tuition at NYU"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        replies = list(pool.map(lambda item: say_text(replicas.urls[item[0] % 2], user, item[1]),
                                enumerate(questions)))
    assert all("per year" in reply for reply in replies)
    assert len(user_turns(tracker_url, user)) == len(questions)


# --- Faults: something behind the bot fails mid-conversation and comes back -----------------

class Conversation:
    """One user's turns over REST, alternating between the replicas. Every turn must get an
    HTTP response without a 5xx; a turn with an expected answer must get it, and is then
    one the tracker store must hold afterwards."""

    def __init__(self, replicas, tracker_url):
        self.replicas, self.tracker_url = replicas, tracker_url
        self.user = f"user-{uuid.uuid4().hex[:8]}"
        self.turns, self.answered = 0, []

    def say(self, text, expected=None):
        server = self.replicas.urls[self.turns % 2]
        self.turns += 1
        response = requests.post(f"{server}/webhooks/rest/webhook",
                                 json={"sender": self.user, "message": text}, timeout=90)
        assert response.status_code < 500, (text, response.status_code, response.text[:500])
        reply = "\n".join(message.get("text", "") for message in response.json())
        if expected is None:  # a turn while something is down: a sentence all the same
            assert reply.strip(), f"no reply to {text!r}"  # (channels/guard.py)
        else:
            assert expected in reply, (text, reply)
            self.answered.append(text)
        return reply

    def answered_turns_are_stored(self):
        stored = iter(json.loads(data)["text"] for data in user_turns(self.tracker_url,
                                                                       self.user))
        assert all(text in stored for text in self.answered), self.answered  # in order


def _goes_on_after(fault, repair, deployment):
    """A conversation with a focus (Clark), a turn during the fault, then more turns that
    need the focus: the conversation goes on where it was."""
    replicas, tracker_url = deployment[:2]
    talk = Conversation(replicas, tracker_url)
    talk.say("tell me about Clark", "Clark University is #8")
    fault()
    try:
        talk.say("and its tuition?")
    finally:
        repair()
    talk.say("where is it located?", "Worcester")
    talk.say("and its tuition?", "$54,760 per year")
    talk.say("what's its graduation rate", "98% graduation rate")
    talk.answered_turns_are_stored()


def test_the_conversation_goes_on_after_the_action_server_is_killed(deployment):
    actions = deployment[3]
    _goes_on_after(actions.kill, actions.start, deployment)


def test_the_conversation_goes_on_after_postgresql_restarts(deployment, backing):
    postgres = backing["postgres"]
    _goes_on_after(postgres.stop, postgres.start, deployment)


def test_the_conversation_goes_on_after_redis_restarts(deployment, backing):
    redis_service = backing["redis"]
    _goes_on_after(redis_service.stop, redis_service.start, deployment)


def test_answers_go_on_while_the_knowledge_store_is_reloaded(deployment):
    replicas, tracker_url, _, actions, env = deployment
    talk = Conversation(replicas, tracker_url)
    loader = subprocess.Popen([sys.executable, "-m", "knowledge.store.load"], cwd=PROJECT_ROOT,
                              env={**rasa_env(), **env}, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    # An action server (re)started during the reload (a rolling update) has no cached facts
    # yet: its first turns read the store's tables while the loader works.
    actions.kill()
    actions.start()
    during = 0
    while loader.poll() is None:
        talk.say("what are the cheapest programs in California?", "1. San Jose State University")
        during += 1
    _, errors = loader.communicate()
    assert loader.returncode == 0, errors
    time.sleep(2.5)  # past KNOWLEDGE_VERSION_CHECK_SECONDS: the action server reads the new store
    talk.say("tuition at USC", "$66,640 per year")
    talk.say("what are the cheapest programs in California?", "1. San Jose State University")
    assert during >= 3, "the reload was over before the bot was asked"
    talk.answered_turns_are_stored()
