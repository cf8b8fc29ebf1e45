"""Rank and filter the listed schools: sort keys, filters, the value formula, unknowns.

`rank(Criteria(sort_by="tuition_low", states=("CA",), control="public", max_tuition=20000))`
returns every matching school in order. Ties keep the source's own rank order. A school whose
graduation rate the source does not list is never ranked as if it were 0: sorted by
graduation rate it comes last (and is reported as unranked), and a graduation-rate filter
leaves it out (and says so). The store's 25 rows are read once per process
(knowledge.store.queries), so filtering them here is cheaper than a query.
"""
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from knowledge.question import Criteria, Relative
from knowledge.store.queries import SchoolFacts, all_school_facts, school_facts

VALUE_UNIT = 10_000  # value = score points per $10,000 of yearly tuition
VALUE_FORMULA = "score ÷ (yearly tuition / $10,000)"


def value_of(facts: SchoolFacts) -> float:
    """Score points per $10,000 of yearly tuition: 81.7 at $11,524 -> 70.9."""
    return facts.score / (facts.tuition_per_year / VALUE_UNIT)


def serves(offered: str, wanted: str) -> bool:
    """A program offered in one format serves a user who wants another. Fully online study
    counts as a part-time format too: the source's part-time guide lists "fully asynchronous
    online" among its part-time format options."""
    return offered == wanted or (wanted == "part_time" and offered == "online")


def offers(facts: SchoolFacts, study_format: str) -> bool:
    """The profile says the school offers this format (or one that serves it)."""
    return any(serves(f.format, study_format) for f in facts.study_formats)


@dataclass(frozen=True)
class Ranking:
    criteria: Criteria
    schools: Tuple[SchoolFacts, ...]  # ranked
    unranked: Tuple[SchoolFacts, ...] = ()  # listed last: the sort key is unknown for them
    left_out: Tuple[SchoolFacts, ...] = field(default=())  # unknown for a filter: excluded
    silent: Tuple[SchoolFacts, ...] = ()  # a format filter: the source does not say for them

    @property
    def listed(self) -> Tuple[SchoolFacts, ...]:
        return self.schools + self.unranked


_SORTS: Dict[str, Callable[[SchoolFacts], tuple]] = {
    "score": lambda s: (-s.score, s.rank),
    "score_low": lambda s: (s.score, -s.rank),
    "tuition_low": lambda s: (s.tuition_per_year, s.rank),
    "tuition_high": lambda s: (-s.tuition_per_year, s.rank),
    # an unknown graduation rate sorts last either way (never as if it were 0)
    "grad_rate": lambda s: (s.graduation_rate is None, -(s.graduation_rate or 0), s.rank),
    "grad_rate_low": lambda s: (s.graduation_rate is None, s.graduation_rate or 0, s.rank),
    "value": lambda s: (-value_of(s), s.rank),
}
_RELATIVE_VALUE: Dict[str, Callable[[SchoolFacts], Optional[float]]] = {
    "tuition": lambda s: s.tuition_per_year,
    "grad_rate": lambda s: s.graduation_rate,
    "rank": lambda s: -s.rank,  # "above" = ranked better = a smaller rank number
}


def between_bounds(field: str, schools: Sequence[str]) -> List[Relative]:
    """"ranked between brandeis and emory": above the lower of the two, below the higher
    (none if either is not listed or its value is unknown)."""
    anchors = [school_facts(name) for name in schools]
    value = _RELATIVE_VALUE[field]
    known = sorted((a for a in anchors if a is not None and value(a) is not None),
                   key=lambda a: value(a))  # type: ignore[arg-type,return-value]
    if len(anchors) != 2 or len(known) != 2:
        return []
    return [Relative(field, "above", known[0].name), Relative(field, "below", known[1].name)]


def _passes_relative(school: SchoolFacts, relative: Relative) -> Optional[bool]:
    """None when either graduation rate is unknown (the bound cannot be checked)."""
    anchor = school_facts(relative.school)
    if anchor is None:
        return None
    value = _RELATIVE_VALUE[relative.field]
    mine, theirs = value(school), value(anchor)
    if mine is None or theirs is None:
        return None
    if school.name == anchor.name:
        return False
    return mine < theirs if relative.direction == "below" else mine > theirs


def _filtered(criteria: Criteria) -> Tuple[List[SchoolFacts], List[SchoolFacts],
                                           List[SchoolFacts]]:
    """(matching, left out for an unknown graduation rate, silent on a format)."""
    matching, left_out, silent = [], [], []
    for school in all_school_facts():
        if not _passes_known_filters(school, criteria):
            continue
        grad_bound = criteria.min_grad_rate is not None or criteria.max_grad_rate is not None \
            or any(r.field == "grad_rate" for r in criteria.relative)
        if grad_bound:  # a graduation-rate bound is checked only against a known rate
            rate = school.graduation_rate
            if rate is None:
                left_out.append(school)
                continue
            if criteria.min_grad_rate is not None and rate < criteria.min_grad_rate:
                continue
            if criteria.max_grad_rate is not None and rate > criteria.max_grad_rate:
                continue
        if not all(_passes_relative(school, r) for r in criteria.relative):
            continue
        if criteria.formats and not any(offers(school, f) for f in criteria.formats):
            if not school.has_profile or not school.study_formats:
                silent.append(school)
            continue
        matching.append(school)
    return matching, left_out, silent


def _passes_known_filters(school: SchoolFacts, criteria: Criteria) -> bool:
    checks = (
        # states and cities together are places joined ("chicago, and add missouri")
        not (criteria.states or criteria.cities) or school.state in criteria.states
        or school.city in criteria.cities,
        criteria.control is None or school.control == criteria.control,
        criteria.min_tuition is None or school.tuition_per_year >= criteria.min_tuition,
        criteria.max_tuition is None or school.tuition_per_year <= criteria.max_tuition,
        criteria.max_rank is None or school.rank <= criteria.max_rank,
        criteria.min_rank is None or school.rank >= criteria.min_rank,
        criteria.min_score is None or school.score >= criteria.min_score,
        criteria.max_score is None or school.score <= criteria.max_score,
        criteria.group is None or school.name.startswith(criteria.group),
        not criteria.names or school.name in criteria.names,
        school.name not in criteria.excluded,
        school.state not in criteria.excluded_states,
    )
    return all(checks)


def best_of(schools: Sequence[SchoolFacts], sort_by: str) -> str:
    """The school that comes first by the sort key (an unknown value never does)."""
    return min(schools, key=_SORTS[sort_by]).name


def rank(criteria: Criteria = Criteria()) -> Ranking:
    """Every school matching the criteria, best first by the sort key."""
    matching, left_out, silent = _filtered(criteria)
    ordered = sorted(matching, key=_SORTS[criteria.sort_by])
    by_grad = criteria.sort_by in ("grad_rate", "grad_rate_low")
    ranked = [s for s in ordered if not by_grad or s.graduation_rate is not None]
    unranked = [s for s in ordered if s not in ranked]
    if criteria.limit:
        key = _SORTS[criteria.sort_by]
        tied = [s for s in ranked[1:] if key(s)[:-1] == key(ranked[0])[:-1]] \
            if criteria.limit == 1 and ranked else []  # "which is cheapest": all tied first
        ranked, unranked = ranked[:criteria.limit], unranked[:max(0, criteria.limit - len(ranked))]
        ranked += tied
    return Ranking(criteria, tuple(ranked), tuple(unranked), tuple(left_out), tuple(silent))


# The filters an empty list is loosened by, one at a time, in this order (the first that
# finds rows is the one the reply drops).
LOOSENED_IN_TURN = ("max_tuition", "min_tuition", "min_grad_rate", "control", "cities", "states",
                    "formats", "group", "max_rank", "min_rank", "min_score", "max_score")


def loosened(criteria: Criteria) -> Optional[Tuple[str, Ranking]]:
    """An empty list's nearest rows: (the filter dropped, the ranking without it), or None.
    With a place, the format goes first: the place is where the user lives or asked about
    ("which ranked schools are in illinois" from someone who works full time), while the
    source confirms formats only in its top-10 profiles."""
    order = list(LOOSENED_IN_TURN)
    if criteria.formats and (criteria.states or criteria.cities):
        order.remove("formats")
        order.insert(0, "formats")
    for name in order:
        if getattr(criteria, name) not in (None, ()):
            relaxed = rank(Criteria.from_dict({**criteria.to_dict(), name: None}))
            if relaxed.listed:
                return name, relaxed
    return None
