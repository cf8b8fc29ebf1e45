"""Engine and sessions of the knowledge store, from one environment variable.

KNOWLEDGE_DB_URL: any SQLAlchemy URL (postgresql://user:pw@host/db for deployments);
default: the SQLite file build/knowledge.db in the project folder.
"""
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "build" / "knowledge.db"
URL_VARIABLE = "KNOWLEDGE_DB_URL"


def database_url() -> str:
    return os.environ.get(URL_VARIABLE) or f"sqlite:///{DEFAULT_DB_PATH}"


@lru_cache(maxsize=None)
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
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
