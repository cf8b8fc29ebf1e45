"""The stores without servers: the knowledge store's reload (atomic, and followed by every
process's caches) on SQLite, and the Rasa tracker and lock stores deployment.stores builds
from URLs (every part of the URL used; the in-memory tracker store bounded). The same on
PostgreSQL and Redis, and under faults, is in tests/test_deployment.py."""
import asyncio
import copy
import threading

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, func, insert, select

from deployment import stores
from knowledge.data import read_data
from knowledge.store import engine, load, models
from knowledge.store.queries import school_count, school_facts
from knowledge.store.replace import replace_store


@pytest.fixture
def own_store(tmp_path, monkeypatch):
    """A store of this test's own (a SQLite file), loaded without sentence embeddings (the
    encoder takes seconds; these tests are about tables, not vectors)."""
    monkeypatch.setattr(load, "embeddings", lambda texts: None)
    monkeypatch.setenv(engine.URL_VARIABLE, f"sqlite:///{tmp_path / 'knowledge.db'}")
    load.load()
    yield engine.get_engine()
    engine.clear_caches()


def schools_with(**changes):
    """read_data, with schools.yaml's first school changed."""
    def read(name):
        data = read_data(name)
        if name == "schools.yaml":
            data = copy.deepcopy(data)
            data["schools"][0].update(changes)
        return data
    return read


def test_a_bad_data_file_leaves_the_store_as_it_was(own_store, monkeypatch):
    first = read_data("schools.yaml")["schools"][0]["name"]
    monkeypatch.setattr(load, "read_data", schools_with(control="unknown"))
    with pytest.raises(ValueError, match="control must be public or private"):
        load.load()
    engine.clear_caches()
    assert school_count() == 25 and school_facts(first) is not None


def test_readers_see_the_whole_old_or_new_store_during_a_reload(own_store):
    counts, errors, done = [], [], threading.Event()

    def reader():
        while not done.is_set():
            try:
                with own_store.connect() as connection:
                    counts.append(connection.execute(
                        select(func.count()).select_from(models.School.__table__)).scalar())
            except Exception as error:  # e.g. "no such table" while the old loader dropped it
                errors.append(error)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for _ in range(3):
            load.load()
    finally:
        done.set()
        thread.join()
    assert not errors and counts and set(counts) == {25}


def test_a_failed_fill_leaves_the_store_as_it_was(tmp_path):
    metadata = MetaData()
    numbers = Table("numbers", metadata, Column("n", Integer, primary_key=True))
    store = create_engine(f"sqlite:///{tmp_path / 'numbers.db'}", future=True)
    replace_store(store, metadata, lambda session: session.execute(insert(numbers), [{"n": 1}]))

    def failing(session):
        session.execute(insert(numbers), [{"n": 2}])
        raise RuntimeError("the connection was lost")

    with pytest.raises(RuntimeError):
        replace_store(store, metadata, failing)
    with store.connect() as connection:
        assert connection.execute(select(numbers.c.n)).scalars().all() == [1]
    assert [path.name for path in tmp_path.iterdir()] == ["numbers.db"]  # no leftovers


def test_caches_follow_a_reload_by_another_process(own_store, monkeypatch):
    first = read_data("schools.yaml")["schools"][0]
    assert school_facts(first["name"]).tuition_per_year == first["tuition_per_year"]
    # The loader runs elsewhere (an init job): this process's caches are not cleared by it.
    monkeypatch.setattr(load, "clear_caches", lambda: None)
    monkeypatch.setattr(load, "read_data", schools_with(tuition_per_year=12345))
    load.load()
    monkeypatch.setattr(engine, "VERSION_CHECK_SECONDS", 0.0)
    assert school_facts(first["name"]).tuition_per_year == 12345


def test_cached_facts_are_served_while_the_store_is_unreachable(own_store, monkeypatch):
    first = read_data("schools.yaml")["schools"][0]["name"]
    facts = school_facts(first)
    unreachable = create_engine("postgresql://nobody@127.0.0.1:9/none", future=True)
    monkeypatch.setattr(engine, "engine_for", lambda url: unreachable)
    monkeypatch.setattr(engine, "VERSION_CHECK_SECONDS", 0.0)
    assert school_facts(first) is facts  # the version check failed: the cache still serves


# --- Rasa's tracker and lock stores, as endpoints.yml gets them ---------------------------

def test_tracker_store_url_keeps_its_query_and_pings_pooled_connections(tmp_path, monkeypatch):
    monkeypatch.setenv(stores.TRACKER_STORE_URL, f"sqlite:///{tmp_path / 'tracker.db'}?timeout=7")
    store = stores.EnvTrackerStore(domain=Domain.empty())
    assert dict(store.engine.url.query) == {"timeout": "7"}  # e.g. sslmode=require
    assert store.engine.pool._pre_ping  # a connection PostgreSQL dropped is replaced first


def test_tracker_store_settings_of_a_postgresql_url():
    settings = stores.sql_tracker_settings(
        "postgresql://rasa:s%40cret@db:5433/tracker?sslmode=require&sslrootcert=/ca.pem")
    assert settings == dict(dialect="postgresql", host="db", port=5433, db="tracker",
                            username="rasa", password="s@cret",
                            query={"sslmode": "require", "sslrootcert": "/ca.pem"})


def test_lock_store_uses_every_part_of_a_redis_url(monkeypatch):
    monkeypatch.setenv(stores.LOCK_STORE_URL,
                       "rediss://bot:secret@redis.example:6380/2?ssl_cert_reqs=none")
    options = stores.EnvLockStore().red.connection_pool.connection_kwargs  # (no connection)
    assert (options["host"], options["port"], options["db"]) == ("redis.example", 6380, 2)
    assert (options["username"], options["password"]) == ("bot", "secret")
    assert options["ssl_cert_reqs"] == "none"
    assert stores.EnvLockStore().red.connection_pool.connection_class.__name__ == \
        "SSLConnection"
    monkeypatch.setenv(stores.LOCK_STORE_URL, "redis://redis.example")
    assert stores.EnvLockStore().red.connection_pool.connection_kwargs["db"] == 1  # Rasa's


def _talk(store, sender_ids):
    async def save_all():
        for sender_id in sender_ids:
            tracker = DialogueStateTracker(sender_id, slots=[])
            tracker.update(UserUttered("hello"))
            await store.save(tracker)
    asyncio.run(save_all())


def test_in_memory_tracker_store_keeps_a_bounded_number_of_conversations(monkeypatch):
    monkeypatch.setenv(stores.TRACKER_STORE_URL, "memory://")
    monkeypatch.setenv(stores.MAX_CONVERSATIONS, "3")
    store = stores.EnvTrackerStore(domain=Domain.empty())
    _talk(store, ["a", "b", "c", "a", "d"])  # "a" spoke again after "b"
    assert sorted(asyncio.run(store.keys())) == ["a", "c", "d"]


def test_in_memory_tracker_store_forgets_idle_conversations(monkeypatch):
    monkeypatch.setenv(stores.TRACKER_STORE_URL, "memory://")
    monkeypatch.setenv(stores.IDLE_HOURS, "1")
    store = stores.EnvTrackerStore(domain=Domain.empty())
    clock = [1000.0]
    monkeypatch.setattr(stores.time, "monotonic", lambda: clock[0])
    _talk(store, ["old"])
    clock[0] += 3000
    _talk(store, ["recent"])
    clock[0] += 1000  # "old" has been idle 4000 s, over the hour
    _talk(store, ["new"])
    assert sorted(asyncio.run(store.keys())) == ["new", "recent"]
    assert asyncio.run(store.retrieve("old")) is None
