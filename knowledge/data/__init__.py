"""The curated data files: facts read from the source document, and the vocabulary of how
users say things. Data, not code: reviewed like code, loaded by knowledge.store.load."""
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict

import yaml

DATA_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def read_data(name: str) -> Dict[str, Any]:
    """One data file, parsed (cached: the files do not change while a process runs)."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
