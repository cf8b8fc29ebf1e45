"""Tracker and lock stores chosen by environment variables, so one endpoints.yml serves a
laptop and a multi-replica deployment:

* TRACKER_STORE_URL, e.g. postgresql://rasa:secret@db:5432/rasa -> Rasa's SQLTrackerStore
  (conversations shared by every Rasa replica); unset -> in memory (one process).
* LOCK_STORE_URL, e.g. redis://redis:6379/1 -> a Redis lock store (one turn of a
  conversation at a time across replicas; deployment.locks makes Rasa's RedisLockStore
  atomic); unset -> in memory.

endpoints.yml names these classes as custom store types; Rasa instantiates them with the
endpoint's settings, and each returns the store the environment asks for. Loading this
module also applies deployment.speedups to the Rasa server.
"""
import logging
import os
from typing import Any, Optional

from rasa.core.lock_store import InMemoryLockStore, LockStore
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore, TrackerStore
from sqlalchemy.engine.url import make_url

from deployment import speedups
from deployment.locks import AtomicRedisLockStore

logger = logging.getLogger(__name__)
speedups.apply()

TRACKER_STORE_URL = "TRACKER_STORE_URL"
LOCK_STORE_URL = "LOCK_STORE_URL"


class EnvTrackerStore:
    """`tracker_store: {type: deployment.stores.EnvTrackerStore}` in endpoints.yml."""

    def __new__(cls, domain=None, event_broker=None, host: Optional[str] = None,
                **kwargs: Any) -> TrackerStore:
        url = os.environ.get(TRACKER_STORE_URL)
        if not url:
            return InMemoryTrackerStore(domain, event_broker=event_broker)
        parsed = make_url(url)
        logger.info(f"tracker store: SQL at {parsed.host}:{parsed.port}/{parsed.database}")
        return SQLTrackerStore(domain=domain, event_broker=event_broker,
                               dialect=parsed.drivername, host=parsed.host, port=parsed.port,
                               db=parsed.database, username=parsed.username,
                               password=parsed.password, **kwargs)


class EnvLockStore:
    """`lock_store: {type: deployment.stores.EnvLockStore}` in endpoints.yml."""

    def __new__(cls, endpoint_config=None) -> LockStore:
        url = os.environ.get(LOCK_STORE_URL)
        if not url:
            return InMemoryLockStore()
        parsed = make_url(url)
        logger.info(f"lock store: Redis at {parsed.host}:{parsed.port}")
        return AtomicRedisLockStore(host=parsed.host or "localhost",
                                    port=parsed.port or 6379, db=int(parsed.database or 1),
                                    password=parsed.password,
                                    key_prefix=os.environ.get("LOCK_STORE_PREFIX") or None)
