"""Where the conversations are kept, from the environment: one answer for the Rasa server
(deployment.stores) and for the insights report (deployment.insights), which must read the
store the server writes. No Rasa import, so the report starts in a fraction of a second.

* TRACKER_STORE_URL set: that SQLAlchemy URL (PostgreSQL in a deployment), or `memory://` for
  Rasa's in-memory store, bounded (conversations lost on restart, one process only);
* unset: a SQLite file, TRACKER_STORE_DB or build/conversations.db of this checkout, so a
  single machine keeps its conversations (and their ratings) across restarts.
"""
import os
from pathlib import Path
from typing import Optional

TRACKER_STORE_URL = "TRACKER_STORE_URL"
TRACKER_STORE_DB = "TRACKER_STORE_DB"
MEMORY_URL = "memory://"
DEFAULT_DB = Path(__file__).resolve().parent.parent / "build" / "conversations.db"


def tracker_store_url() -> Optional[str]:
    """The SQL tracker store's URL, or None for the in-memory store. The default SQLite file's
    folder is made here, as SQLite creates the file but not its folder."""
    url = os.environ.get(TRACKER_STORE_URL)
    if url:
        return None if url.strip() == MEMORY_URL else url
    path = Path(os.environ.get(TRACKER_STORE_DB) or DEFAULT_DB).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"
