"""Rank and filter the listed schools: sort keys, filters, the value formula, unknowns.

`rank(Criteria(sort_by="tuition_low", state="CA", control="public", max_tuition=20000))`
returns every matching school in order. The filters are one parameterised SQLAlchemy query;
ties keep the source's own rank order. A school whose graduation rate the source does not
list is never ranked as if it were 0: sorted by graduation rate it comes last (and is
reported as unranked), and a minimum-graduation-rate filter leaves it out (and says so).
"""
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import case, select

from knowledge.store import models
from knowledge.store.queries import SchoolFacts, school_facts_where

VALUE_UNIT = 10_000  # value = score points per $10,000 of yearly tuition
VALUE_FORMULA = "score ÷ (yearly tuition / $10,000)"

SORT_KEYS: Dict[str, str] = {
    "score": "the ranking's score",
    "tuition_low": "tuition, cheapest first",
    "tuition_high": "tuition, most expensive first",
    "grad_rate": "graduation rate, highest first",
    "value": f"value ({VALUE_FORMULA}), best first",
}


def value_of(facts: SchoolFacts) -> float:
    """Score points per $10,000 of yearly tuition: 81.7 at $11,524 -> 70.9."""
    return facts.score / (facts.tuition_per_year / VALUE_UNIT)


@dataclass(frozen=True)
class Criteria:
    sort_by: str = "score"
    state: Optional[str] = None  # postal code
    city: Optional[str] = None
    control: Optional[str] = None  # "public" | "private"
    max_tuition: Optional[int] = None
    min_grad_rate: Optional[int] = None
    limit: Optional[int] = None  # "top N"

    def __post_init__(self):
        if self.sort_by not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.sort_by!r}; one of {', '.join(SORT_KEYS)}")
        if self.control not in (None, "public", "private"):
            raise ValueError(f"control must be public or private, not {self.control!r}")

    def refined(self, **changes: Any) -> "Criteria":
        """These criteria with some changed; a new state replaces the city and vice versa."""
        changes = {key: value for key, value in changes.items() if value is not None}
        if "state" in changes and "city" not in changes:
            changes["city"] = None
        if "city" in changes and "state" not in changes:
            changes["state"] = None
        return replace(self, **changes)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Optional[Dict[str, Any]]) -> "Criteria":
        known = {key: value for key, value in (data or {}).items()
                 if key in cls.__dataclass_fields__}
        return cls(**known)


@dataclass(frozen=True)
class Ranking:
    criteria: Criteria
    schools: Tuple[SchoolFacts, ...]  # ranked, the top-N limit applied
    unranked: Tuple[SchoolFacts, ...] = ()  # listed last: the sort key is unknown for them
    left_out: Tuple[SchoolFacts, ...] = field(default=())  # unknown for a filter: excluded

    @property
    def listed(self) -> Tuple[SchoolFacts, ...]:
        return self.schools + self.unranked


def _filters(criteria: Criteria) -> List[Any]:
    school = models.School
    conditions = []
    if criteria.state:
        conditions.append(school.state == criteria.state)
    if criteria.city:
        conditions.append(school.city == criteria.city)
    if criteria.control:
        conditions.append(school.control == criteria.control)
    if criteria.max_tuition is not None:
        conditions.append(school.tuition_per_year <= criteria.max_tuition)
    return conditions


def _order(sort_by: str) -> List[Any]:
    school = models.School
    orders = {
        "score": [school.score.desc()],
        "tuition_low": [school.tuition_per_year.asc()],
        "tuition_high": [school.tuition_per_year.desc()],
        "grad_rate": [case((school.graduation_rate.is_(None), 1), else_=0),
                      school.graduation_rate.desc()],
        "value": [(school.score * VALUE_UNIT / school.tuition_per_year).desc()],
    }
    return [*orders[sort_by], school.rank.asc()]


def rank(criteria: Criteria = Criteria()) -> Ranking:
    """Every school matching the criteria, best first by the sort key."""
    matching = school_facts_where(_filters(criteria), _order(criteria.sort_by))
    left_out: Tuple[SchoolFacts, ...] = ()
    if criteria.min_grad_rate is not None:
        left_out = tuple(s for s in matching if s.graduation_rate is None)
        matching = [s for s in matching if s.graduation_rate is not None
                    and s.graduation_rate >= criteria.min_grad_rate]
    ranked = [s for s in matching if criteria.sort_by != "grad_rate" or s.graduation_rate is not None]
    unranked = [s for s in matching if s not in ranked]
    if criteria.limit:
        ranked, unranked = ranked[:criteria.limit], unranked[:max(0, criteria.limit - len(ranked))]
    return Ranking(criteria, tuple(ranked), tuple(unranked), left_out)
