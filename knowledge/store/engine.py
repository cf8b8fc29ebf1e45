"""Engine and sessions of the knowledge store, from one environment variable.

KNOWLEDGE_DB_URL: any SQLAlchemy URL (postgresql://user:pw@host/db for deployments);
default: the SQLite file build/knowledge.db in the project folder.
"""
import os
import time
from contextlib import contextmanager
from functools import lru_cache, wraps
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple, TypeVar

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from knowledge.store.models import StoreVersion

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
# How long a process may answer from cached facts after the loader replaced the store: each
# process reads the store's version token at most this often (one tiny query), and drops its
# caches when the token changes.
VERSION_CHECK_SECONDS = float(os.environ.get("KNOWLEDGE_VERSION_CHECK_SECONDS") or 2.0)
_versions: Dict[str, Tuple[float, Optional[str]]] = {}  # url -> (checked at, token)


def store_version(url: str) -> Optional[str]:
    """The token of the load the store at `url` holds, as last checked. A store the check
    cannot read (it is down, or predates versions) keeps the version last seen."""
    checked_at, token = _versions.get(url, (None, None))
    now = time.monotonic()
    if checked_at is not None and now - checked_at < VERSION_CHECK_SECONDS:
        return token
    try:
        with engine_for(url).connect() as connection:
            latest = connection.execute(select(StoreVersion.token)).scalar()
    except SQLAlchemyError:
        latest = token
    if checked_at is not None and latest != token:
        clear_caches()  # the entries of the old version would never be read again
    _versions[url] = (now, latest)
    return latest


def cached_per_store(function: Callable[..., Result]) -> Callable[..., Result]:
    """Memoize a read of the store per store URL and version. The loader replaces the store
    as a whole and gives it a new version token, so a fact read once is valid until the
    token changes (see store_version). Cached results must be immutable (tuples, frozen
    dataclasses)."""
    cached = lru_cache(maxsize=None)(lambda _url, _version, *args: function(*args))
    _CACHES.append(cached)

    @wraps(function)
    def read(*args):
        url = database_url()
        return cached(url, store_version(url), *args)

    return read


def clear_caches() -> None:
    _versions.clear()
    for cache in _CACHES:
        cache.cache_clear()
