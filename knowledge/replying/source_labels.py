"""How replies name the source and its parts, from knowledge/data/source.yaml (no label or
count of the document is written in Python)."""
from typing import Any, Dict

from knowledge.data import read_data


def source() -> Dict[str, Any]:
    return read_data("source.yaml")


def label(name: str, **fields: str) -> str:
    """A source label ("2026 ranking, top-50 table"), its {fields} filled."""
    return source()["labels"][name].format(**fields)


def ranking_name() -> str:
    return source()["ranking"]


def ranks() -> int:
    """How many programs the source's table ranks (50)."""
    return int(source()["ranks"])


def listed_span() -> str:
    """"ranks 1-25 of its top 50": what the source's table lists of what it ranks."""
    return f"ranks 1-{source()['listed_rows']} of its top {ranks()}"


def profiles() -> int:
    """How many schools the source profiles in full (10)."""
    return int(source()["profiles"])


def profile_note() -> str:
    return f"the source gives full profiles only for the top {profiles()}"
