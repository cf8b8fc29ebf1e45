"""Tracker and lock stores chosen by environment variables, so one endpoints.yml serves a
laptop and a multi-replica deployment:

* TRACKER_STORE_URL, e.g. postgresql://rasa:secret@db:5432/rasa?sslmode=require -> Rasa's
  SQLTrackerStore (conversations shared by every Rasa replica); unset -> the same store on a
  SQLite file (TRACKER_STORE_DB, default build/conversations.db: one machine, kept across
  restarts); `memory://` -> in memory (one process), bounded (see
  BoundedInMemoryTrackerStore). deployment.tracker_url decides, for the insights report too.
* LOCK_STORE_URL, e.g. redis://redis:6379/1 or rediss://user:secret@redis:6380/1 -> a Redis
  lock store (one turn of a conversation at a time across replicas; deployment.locks makes
  Rasa's RedisLockStore atomic); unset -> in memory.

Every part of a URL is used: its query string (sslmode, sslrootcert, ssl_cert_reqs, ...),
the rediss:// scheme (TLS) and a Redis user.

endpoints.yml names these classes as custom store types; Rasa instantiates them with the
endpoint's settings, and each returns the store the environment asks for. Loading this
module also applies deployment.speedups to the Rasa server.
"""
import logging
import os
import time
from collections import OrderedDict
from typing import Any, Dict, Optional

import sqlalchemy as sa
from rasa.core.lock_store import InMemoryLockStore, LockStore
from rasa.core.tracker_store import (InMemoryTrackerStore, SQLTrackerStore, TrackerStore,
                                     create_engine_kwargs)
from sqlalchemy.engine.url import make_url
from sqlalchemy.orm import sessionmaker

from deployment import speedups
from deployment.locks import AtomicRedisLockStore
from deployment.tracker_url import TRACKER_STORE_URL, tracker_store_url  # noqa: F401 (named here by callers)

logger = logging.getLogger(__name__)
speedups.apply()

LOCK_STORE_URL = "LOCK_STORE_URL"
# Bounds of the in-memory tracker store (see BoundedInMemoryTrackerStore).
MAX_CONVERSATIONS = "TRACKER_STORE_MAX_CONVERSATIONS"
IDLE_HOURS = "TRACKER_STORE_IDLE_HOURS"
DEFAULT_MAX_CONVERSATIONS = 5000
DEFAULT_IDLE_HOURS = 24.0


def sql_tracker_settings(url: str) -> Dict[str, Any]:
    """SQLTrackerStore's settings for a URL. Rasa rebuilds the engine URL from these parts,
    so the query string (sslmode=require, ...) must be passed on, not dropped."""
    parsed = make_url(url)
    return dict(dialect=parsed.drivername, host=parsed.host, port=parsed.port,
                db=parsed.database, username=parsed.username, password=parsed.password,
                query=dict(parsed.query) or None)


class PingedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQLTrackerStore with pool_pre_ping: a pooled connection is checked (and
    replaced if the database dropped it, e.g. after a PostgreSQL restart) before a turn uses
    it. Rasa's own engine would hand out the dead connection, failing the first turns."""

    engine: sa.engine.Engine

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        url = self.engine.url  # after Rasa's login_db handling, the working database
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        if url.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", _write_ahead_log)
        self.sessionmaker = sessionmaker(bind=self.engine)


def _write_ahead_log(connection: Any, _record: Any) -> None:
    """SQLite (the one-machine default) in WAL mode, synced at checkpoints: each turn's save
    was a journalled, fsynced commit, and bench/load.py (20 users) measured p50 466-505 ms
    against 199 ms in memory. A power cut may lose the last turns, never corrupt the file;
    deployments that cannot lose a turn use PostgreSQL (TRACKER_STORE_URL)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class BoundedInMemoryTrackerStore(InMemoryTrackerStore):
    """The in-memory tracker store, bounded: it keeps at most `max_conversations`
    conversations and forgets one no turn has touched for `idle_seconds`, least recently
    active first. Rasa's keeps every conversation for the life of the process. A forgotten
    conversation that comes back starts afresh, as with a new sender id."""

    def __init__(self, domain, event_broker=None,
                 max_conversations: int = DEFAULT_MAX_CONVERSATIONS,
                 idle_seconds: float = 3600 * DEFAULT_IDLE_HOURS, **kwargs: Any) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.max_conversations, self.idle_seconds = max_conversations, idle_seconds
        self.last_saved: "OrderedDict[str, float]" = OrderedDict()  # least recent first

    async def save(self, tracker) -> None:
        await super().save(tracker)
        now = time.monotonic()
        self.last_saved[tracker.sender_id] = now
        self.last_saved.move_to_end(tracker.sender_id)
        while self.last_saved and (len(self.last_saved) > self.max_conversations or
                                   next(iter(self.last_saved.values())) < now - self.idle_seconds):
            sender_id, _ = self.last_saved.popitem(last=False)
            self.store.pop(sender_id, None)


def _bounded_in_memory_store(domain, event_broker) -> BoundedInMemoryTrackerStore:
    return BoundedInMemoryTrackerStore(
        domain, event_broker=event_broker,
        max_conversations=int(os.environ.get(MAX_CONVERSATIONS) or DEFAULT_MAX_CONVERSATIONS),
        idle_seconds=3600 * float(os.environ.get(IDLE_HOURS) or DEFAULT_IDLE_HOURS))


class EnvTrackerStore:
    """`tracker_store: {type: deployment.stores.EnvTrackerStore}` in endpoints.yml. With
    SQLite, Rasa's settings carry the file's path as `db` (and no host): Rasa rebuilds the URL
    sqlite:///<path> from them."""

    def __new__(cls, domain=None, event_broker=None, host: Optional[str] = None,
                **kwargs: Any) -> TrackerStore:
        url = tracker_store_url()
        if url is None:
            return _bounded_in_memory_store(domain, event_broker)
        settings = sql_tracker_settings(url)
        logger.info(f"tracker store: {settings['dialect']} at {settings['host']}:"
                    f"{settings['port']}/{settings['db']}")
        return PingedSQLTrackerStore(domain=domain, event_broker=event_broker,
                                     **{**settings, **kwargs})


class EnvLockStore:
    """`lock_store: {type: deployment.stores.EnvLockStore}` in endpoints.yml."""

    def __new__(cls, endpoint_config=None) -> LockStore:
        url = os.environ.get(LOCK_STORE_URL)
        if not url:
            return InMemoryLockStore()
        parsed = make_url(url)
        logger.info(f"lock store: Redis at {parsed.host}:{parsed.port}")
        return AtomicRedisLockStore.from_url(
            url, key_prefix=os.environ.get("LOCK_STORE_PREFIX") or None)
