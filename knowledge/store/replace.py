"""Replace the whole knowledge store in one step, while action servers read it.

A reload must never show a reader an empty, half-filled or missing table, and a load that
fails (a bad data file, a lost connection) must leave the store as it was. So the new store
is built completely beside the one in use and then put in its place in one short step:

* PostgreSQL: the tables are created and filled in a staging schema, then one transaction
  drops the old tables and moves the new ones into the store's schema. Readers keep reading
  the old tables until that transaction commits (a reader arriving during it waits a few
  milliseconds and then reads the new tables).
* SQLite file: the new store is written to a file beside the store's, then renamed over it
  (an atomic rename). A reader with the old file open finishes on the old file.
* Any other database: drop, create and fill in one transaction (atomic where the database
  has transactional DDL).
"""
import os
import time
from pathlib import Path
from typing import Callable

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

Fill = Callable[[Session], None]

STAGING_SCHEMA = "knowledge_staging"
# The swap waits at most this long for a table a reader holds, then gives way and retries.
# It is shorter than PostgreSQL's deadlock_timeout (1 s), so in a lock cycle with a reader
# (the reader holds table B and wants A, the swap holds A and wants B) the swap gives up
# first and the reader's turn is not the one aborted.
SWAP_LOCK_TIMEOUT = "500ms"
SWAP_ATTEMPTS = 20


def replace_store(engine: Engine, metadata, fill: Fill) -> None:
    """Make the store at `engine` hold exactly `metadata`'s tables as `fill` fills them."""
    if engine.dialect.name == "postgresql":
        _replace_postgresql(engine, metadata, fill)
    elif engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        _replace_sqlite_file(engine, metadata, fill)
    else:
        with engine.begin() as connection:
            metadata.drop_all(connection)
            _create_and_fill(connection, metadata, fill)


def _create_and_fill(connection: Connection, metadata, fill: Fill) -> None:
    metadata.create_all(connection)
    with Session(bind=connection, future=True) as session:
        fill(session)
        session.flush()  # the connection's transaction commits it


def _replace_postgresql(engine: Engine, metadata, fill: Fill) -> None:
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {STAGING_SCHEMA} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {STAGING_SCHEMA}"))
        # Unqualified table names (every model's) go to the staging schema.
        staging = connection.execution_options(schema_translate_map={None: STAGING_SCHEMA})
        _create_and_fill(staging, metadata, fill)
    for attempt in range(SWAP_ATTEMPTS):
        try:
            with engine.begin() as connection:
                _swap_in_staging(connection, metadata)
            return
        except OperationalError as error:  # a reader held a table past the lock timeout
            if "lock timeout" not in str(error.orig) or attempt == SWAP_ATTEMPTS - 1:
                raise
            time.sleep(0.1 * (attempt + 1))


def _swap_in_staging(connection: Connection, metadata) -> None:
    schema = connection.execute(text("SELECT current_schema()")).scalar()
    connection.execute(text(f"SET LOCAL lock_timeout = '{SWAP_LOCK_TIMEOUT}'"))
    in_use = set(inspect(connection).get_table_names(schema=schema))
    old = [table.name for table in metadata.sorted_tables if table.name in in_use]
    if old:
        connection.execute(text("DROP TABLE " + ", ".join(f'"{schema}"."{name}"'
                                                          for name in old) + " CASCADE"))
    for table in metadata.sorted_tables:
        connection.execute(text(f'ALTER TABLE {STAGING_SCHEMA}."{table.name}" '
                                f'SET SCHEMA "{schema}"'))
    connection.execute(text(f"DROP SCHEMA {STAGING_SCHEMA}"))


def _replace_sqlite_file(engine: Engine, metadata, fill: Fill) -> None:
    path = Path(engine.url.database)
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f"{path.name}.loading-{os.getpid()}")
    building.unlink(missing_ok=True)
    staging = create_engine(f"sqlite:///{building}", future=True)
    try:
        with staging.begin() as connection:
            _create_and_fill(connection, metadata, fill)
        staging.dispose()
        os.replace(building, path)  # atomic: a reader opens either the old file or the new
    finally:
        staging.dispose()
        building.unlink(missing_ok=True)
