"""Shared fixtures: a real SQLite knowledge store file, built once per test session."""
import os

import pytest

from knowledge import load


@pytest.fixture(scope="session", autouse=True)
def knowledge_store(tmp_path_factory):
    """Every test (and every server a test starts) uses a fresh store file, loaded from data."""
    db_file = tmp_path_factory.mktemp("store") / "knowledge.db"
    os.environ["KNOWLEDGE_DB_URL"] = f"sqlite:///{db_file}"
    load.load()
    return db_file
