"""Quick replies worth offering after an answer: (button title, the text it sends)."""
from typing import List, Tuple

from knowledge.store.queries import SchoolFacts, all_school_facts
from knowledge.question import Criteria

Button = Tuple[str, str]


def _neighbour(facts: SchoolFacts) -> SchoolFacts:
    """The school ranked right above (or, for #1, right below) this one."""
    schools = {s.rank: s for s in all_school_facts()}
    return schools.get(facts.rank - 1) or schools.get(facts.rank + 1) or facts


def after_overview(facts: SchoolFacts) -> List[Button]:
    other = _neighbour(facts)
    buttons = [("Tuition", f"tuition at {facts.name}"),
               ("Programs", f"degree programs at {facts.name}")]
    if other.name != facts.name:
        buttons.append((f"Compare with {other.short_name}",
                        f"compare {facts.name} and {other.name}"))
    return buttons


def after_ranking(criteria: Criteria, more_rows: bool) -> List[Button]:
    buttons = [("Show more", "show more")] if more_rows else []
    if criteria.control is None:
        buttons += [("Only public", "only public ones"), ("Only private", "only private ones")]
    return buttons
