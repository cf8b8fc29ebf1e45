"""Place mentions -> filters: a US state (name or postal code) or a listed school's city.

A name that is both ("New York") is taken as the state, which contains the city.
"""
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Tuple

from knowledge.store.queries import cities, state_names
from knowledge.store.engine import cached_per_store
from knowledge.understanding.vocabulary import earliest_phrase


@dataclass(frozen=True)
class Place:
    kind: str  # "state" | "city"
    value: str  # state code, or the city as the store spells it
    state: str  # the state code (a city's state)


@cached_per_store
def _places() -> Tuple[Tuple[str, Place], ...]:
    """(lower-case name, place), longest name first; states before cities of the same name."""
    places = [(name.lower(), Place("state", code, code)) for code, name in state_names().items()]
    state_keys = {key for key, _place in places}
    places += [(city.lower(), Place("city", city, state)) for city, state in cities()
               if city.lower() not in state_keys]
    return tuple(sorted(places, key=lambda pair: -len(pair[0])))


def find_place(texts: Iterable[str]) -> Optional[Place]:
    """The first state or listed city named in any of the texts (case-insensitive), or a
    state's postal code written in capitals ("in CA")."""
    texts = list(texts)
    named = earliest_phrase(texts, _places())
    if named is not None:
        return named
    codes = state_names()
    for text in texts:
        for code in re.findall(r"\b(?:in|near|around)\s+([A-Z]{2})\b", text or ""):
            if code in codes:
                return Place("state", code, code)
    return None
