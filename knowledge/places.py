"""Place mentions -> filters: a US state (name or postal code) or a listed school's city.

A name that is both ("New York") is taken as the state, which contains the city.
"""
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Tuple

from knowledge.queries import cities, state_names
from knowledge.store import cached_per_store


@dataclass(frozen=True)
class Place:
    kind: str  # "state" | "city"
    value: str  # state code, or the city as the store spells it
    label: str  # "California", "Boston, MA"


@cached_per_store
def _places() -> Tuple[Tuple[str, Place], ...]:
    """(lower-case name, place), longest name first; states before cities of the same name."""
    names = state_names()
    places = [(name.lower(), Place("state", code, name)) for code, name in names.items()]
    places += [(city.lower(), Place("city", city, f"{city}, {state}"))
               for city, state in cities() if city.lower() not in {n.lower() for n in names.values()}]
    return tuple(sorted(places, key=lambda pair: -len(pair[0])))


def find_place(texts: Iterable[str]) -> Optional[Place]:
    """The first state or listed city named in any of the texts (case-insensitive), or a
    state's postal code written in capitals ("in CA")."""
    codes = state_names()
    for text in texts:
        lowered = f" {(text or '').lower()} "
        hits = [(match.start(), place) for name, place in _places()
                for match in re.finditer(rf"(?<![a-z]){re.escape(name)}(?![a-z])", lowered)]
        if hits:
            return min(hits, key=lambda hit: hit[0])[1]
        for code in re.findall(r"\b(?:in|near|around)\s+([A-Z]{2})\b", text or ""):
            if code in codes:
                return Place("state", code, codes[code])
    return None
