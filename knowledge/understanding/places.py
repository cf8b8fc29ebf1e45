"""Place mentions -> filters: US states (name, or postal code in capitals), the listed
schools' cities (and their nicknames: "nyc"), and regions ("west coast").

A name that is both a state and a city ("New York", "Washington") is taken as the state,
which contains the city, unless the user says the city ("nyc", "new york city").
"""
import re
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence, Tuple

from knowledge.store.engine import cached_per_store
from knowledge.store.queries import cities, state_names
from knowledge.understanding.vocabulary import Tokens, find, phrase_values, tokens, vocabulary


@dataclass(frozen=True)
class Place:
    kind: str  # "state" | "city"
    value: str  # state code, or the city as the store spells it
    state: str  # the state code (a city's state)
    start: int = 0  # token positions in the message
    end: int = 0


@cached_per_store
def _place_table() -> Tuple[Tuple[Tokens, Tuple[Place, ...]], ...]:
    """(name tokens, places it names), longest first; states before cities of one name."""
    states = state_names()
    city_state = dict(cities())
    pairs: List[Tuple[Tokens, Tuple[Place, ...]]] = []
    pairs += [(tokens(name), (Place("state", code, code),)) for code, name in states.items()]
    state_keys = {phrase for phrase, _places in pairs}
    pairs += [(tokens(city), (Place("city", city, state),)) for city, state in cities()
              if tokens(city) not in state_keys]
    for city, nicknames in vocabulary()["city_aliases"].items():
        if city in city_state:
            pairs += [(tokens(nick), (Place("city", city, city_state[city]),))
                      for nick in nicknames]
    known = {phrase for phrase, _places in pairs}
    pairs += [(tokens(city), (Place("city", city, code),))
              for city, code in vocabulary()["other_cities"].items()
              if tokens(city) not in known and code in states]
    for part, names in vocabulary()["city_regions"].items():
        pairs.append((tokens(part), tuple(Place("city", name, city_state[name])
                                          for name in names if name in city_state)))
    for region_tokens, codes in phrase_values("regions"):
        pairs.append((region_tokens, tuple(Place("state", code, code) for code in codes)))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def elsewhere(place: Place) -> bool:
    """A city of vocabulary other_cities (no listed school is there): where a user lives,
    which places them in its state for advice, but does not narrow a list ("dallas area.
    which school has the lowest graduation rate?" asks of all 25)."""
    return place.kind == "city" and other_city(place.value)


def other_city(name: str) -> bool:
    """A city of vocabulary other_cities: no listed school is there."""
    return name in vocabulary()["other_cities"]


def find_places(text: str, words: Tokens, covered: Sequence[bool] = ()) -> List[Place]:
    """Every place named, in order; tokens that are part of a school's name are skipped."""
    visible = tuple("" if i < len(covered) and covered[i] else word
                    for i, word in enumerate(words))
    found: List[Place] = []
    for hit in find(visible, _place_table()):
        found += [Place(p.kind, p.value, p.state, hit.start, hit.end) for p in hit.value]
    codes = state_names()
    named = {words[i] for p in found for i in range(p.start, min(p.end, len(words)))}
    for code in re.findall(r"\b(?:in|near|around|from|to|or|and|vs)\s+([A-Z]{2})\b", text or ""):
        if code.lower() in named:
            continue  # "vfx compositor in LA": the city its letters already named
        if code in codes and all(p.value != code for p in found):
            found.append(Place("state", code, code, len(words), len(words)))
    ambiguous = set(vocabulary()["place_code_context"]["capitals_not_codes"])
    capitals = {code.lower() for code in re.findall(r"\b([A-Z]{2})\b", text or "")
                if code in codes and code not in ambiguous}
    found += _lowercase_codes(visible, found, capitals)
    placed = {p.value for p in found if p.start < len(words)}  # a code found where it stands
    found = [p for p in found if p.start < len(words) or p.value not in placed]  # counts once
    return sorted(found, key=lambda place: place.start)


def _lowercase_codes(words: Tokens, found: Sequence[Place], capitals: Iterable[str] = ()
                     ) -> List[Place]:
    """"schools in pa", "ca vs ny", "which MA ones", "ny schools": a postal code beside a
    place word or before a word for schools (a code in capitals other than
    capitals_not_codes, or one of the lower-case codes)."""
    lowercase = set(vocabulary()["lowercase_state_codes"])
    context = vocabulary()["place_code_context"]
    nouns = set(context["before_school_nouns"])
    places: List[Place] = []
    added = True
    while added:  # "how about ny or pa": a code joined to a code read just before
        added = False
        starts = {p.start for p in (*found, *places)}
        ends = {p.end for p in (*found, *places)}
        for i, word in enumerate(words):
            before, after = words[i - 1:i], words[i + 1:i + 2]
            before_noun = after and after[0] in nouns  # "which MA ones", "ny schools"
            if (word in lowercase or word in capitals) and i not in starts and \
                    not any(p.start <= i < p.end for p in found) and (
                    before_noun or before and before[0] in context["before"]
                    or after and after[0] in context["after"]
                    or before and before[0] in context["joiners"] and i - 1 in ends
                    or after and after[0] in context["joiners"] and i + 2 in starts):
                places.append(Place("state", word.upper(), word.upper(), i, i + 1))
                added = True
                break
    return sorted(places, key=lambda place: place.start)


def find_place(texts: Iterable[str]) -> Optional[Place]:
    """The first state or listed city named in any of the texts."""
    for text in texts:
        found = find_places(text, tokens(text))
        if found:
            return found[0]
    return None
