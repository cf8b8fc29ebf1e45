"""Engine and sessions of the knowledge store, from one environment variable.

KNOWLEDGE_DB_URL: any SQLAlchemy URL (postgresql://user:pw@host/db for deployments);
default: the SQLite file build/knowledge.db in the project folder.
"""
import os
from contextlib import contextmanager
from functools import lru_cache, wraps
from pathlib import Path
from typing import Callable, List, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "build" / "knowledge.db"
URL_VARIABLE = "KNOWLEDGE_DB_URL"


def database_url() -> str:
    return os.environ.get(URL_VARIABLE) or f"sqlite:///{DEFAULT_DB_PATH}"


@lru_cache(maxsize=None)
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    server = not url.startswith("sqlite")
    engine = create_engine(url, future=True, pool_pre_ping=server)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def get_engine() -> Engine:
    return engine_for(database_url())


@contextmanager
def session_scope(engine: Engine = None):
    """A session that commits on success and rolls back on error."""
    session: Session = sessionmaker(bind=engine or get_engine(), future=True)()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


Result = TypeVar("Result")
_CACHES: List = []


def cached_per_store(function: Callable[..., Result]) -> Callable[..., Result]:
    """Memoize a read of the store per store URL. The store is read-only while the bot runs
    (the loader rebuilds it before start), so a process reads each fact once; the loader
    calls clear_caches(). Cached results must be immutable (tuples, frozen dataclasses)."""
    cached = lru_cache(maxsize=None)(lambda _url, *args: function(*args))
    _CACHES.append(cached)

    @wraps(function)
    def read(*args):
        return cached(database_url(), *args)

    return read


def clear_caches() -> None:
    for cache in _CACHES:
        cache.cache_clear()
