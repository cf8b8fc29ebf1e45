"""What a ranking question asks for -> Criteria: from extracted entities first, then from
the words of the message (so a missed entity still counts)."""
import re
from typing import Any, Dict, Iterable, List, Mapping, Optional

from knowledge.understanding import vocabulary as words
from knowledge.understanding.places import find_place
from knowledge.deciding.ranking import Criteria

Entities = Mapping[str, List[str]]
_SORT_CUES = re.compile(r"\b(highest|best|top|sort|order|rank|most|lowest)\b", re.IGNORECASE)


def _from_entities(entities: Entities, name: str, parse) -> Optional[Any]:
    return next((value for value in map(parse, entities.get(name, ())) if value is not None),
                None)


def _bare_percent(text: str) -> Optional[int]:
    found = words.percent(text)
    if found is None and text.strip().isdigit() and int(text.strip()) <= 100:
        found = int(text.strip())
    return found


def requested_changes(text: str, entities: Entities) -> Dict[str, Any]:
    """The criteria this message names; keys of Criteria, only those mentioned."""
    text = text or ""
    changes: Dict[str, Any] = {
        "sort_by": _from_entities(entities, "sort_key", words.sort_key) or words.sort_key(text),
        "control": _from_entities(entities, "ownership", words.control) or words.control(text),
        "max_tuition": _from_entities(entities, "amount", lambda e: words.amount(e, bare=True))
        or words.amount(text),
        "min_grad_rate": _from_entities(entities, "percent", _bare_percent)
        or words.percent(text),
        "limit": _from_entities(entities, "count", lambda e: words.count(e, bare=True))
        or words.count(text),
    }
    if changes["min_grad_rate"] is not None and changes["sort_by"] == "grad_rate" \
            and not _SORT_CUES.search(text):
        changes["sort_by"] = None  # "grad rate above 95%" is a filter, not the sort order
    place = find_place([*entities.get("state", ()), *entities.get("city", ())]) \
        or find_place([text])
    if place is not None:
        changes[place.kind] = place.value
    return {key: value for key, value in changes.items() if value is not None}


def criteria_for(text: str, entities: Entities, previous: Optional[Criteria] = None
                 ) -> Criteria:
    """New criteria from the message, refining `previous` when given."""
    return (previous or Criteria()).refined(**requested_changes(text, entities))


def entity_values(entities: Iterable[Mapping[str, Any]]) -> Dict[str, List[str]]:
    """Rasa-style entity dicts -> {entity name: [surface texts]}, without repeats."""
    grouped: Dict[str, List[str]] = {}
    for entity in entities or ():
        value = str(entity.get("value") or "").strip()
        if value and value not in grouped.setdefault(entity.get("entity", ""), []):
            grouped[entity["entity"]].append(value)
    return grouped
