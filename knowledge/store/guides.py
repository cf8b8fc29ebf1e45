"""Guidance facts of the source from the store: guides (thesis, financing, ...), career
paths and employer tuition benefits, and matching a user's words to a career or employer."""
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from sqlalchemy import select

from knowledge.store import models
from knowledge.store.engine import cached_per_store, session_scope
from knowledge.understanding.vocabulary import ends_with_phrase, find, tokens


@dataclass(frozen=True)
class GuideGroup:
    name: str
    source_heading: Optional[str]
    points: Tuple[str, ...]


@dataclass(frozen=True)
class GuideFacts:
    key: str
    title: str
    source_section: str
    summary: str
    closing: Optional[str]
    groups: Tuple[GuideGroup, ...]


@dataclass(frozen=True)
class CareerFacts:
    title: str
    soc: str
    description: str


@dataclass(frozen=True)
class BenefitFacts:
    employer: str
    benefit: str


@cached_per_store
def guide(key: str) -> Optional[GuideFacts]:
    with session_scope() as session:
        row = session.get(models.Guide, key)
        if row is None:
            return None
        groups: Dict[str, GuideGroup] = {}
        for point in row.points:
            group = groups.get(point.group_name) or GuideGroup(point.group_name,
                                                               point.source_heading, ())
            groups[point.group_name] = GuideGroup(group.name, group.source_heading,
                                                  group.points + (point.text,))
        return GuideFacts(row.key, row.title, row.source_section, row.summary, row.closing,
                          tuple(groups.values()))


def federal_tax_free_points() -> Tuple[str, ...]:
    """The employer-benefits guide's points on the federal tax-free employer education
    benefit ("Many programs qualify for the federal $5,250 tax-free ..."), as stated."""
    facts = guide("employer_benefits")
    return tuple(p for g in (facts.groups if facts else ()) for p in g.points
                 if "tax-free" in p)


@cached_per_store
def careers() -> Tuple[CareerFacts, ...]:
    with session_scope() as session:
        rows = session.execute(select(models.Career).order_by(models.Career.position)).scalars()
        return tuple(CareerFacts(r.title, r.soc, r.description) for r in rows)


@cached_per_store
def employer_benefits() -> Tuple[BenefitFacts, ...]:
    with session_scope() as session:
        rows = session.execute(select(models.EmployerBenefit)
                               .order_by(models.EmployerBenefit.position)).scalars()
        return tuple(BenefitFacts(r.employer, r.benefit) for r in rows)


@cached_per_store
def _terms_for(kind: str) -> Tuple[Tuple[str, str], ...]:
    """(term, target) of one kind, longest term first."""
    with session_scope() as session:
        rows = session.execute(select(models.Term.term, models.Term.target)
                               .where(models.Term.kind == kind)).all()
    return tuple(sorted(((term, target) for term, target in rows), key=lambda r: -len(r[0])))


@cached_per_store
def _term_table(kind: str) -> Tuple[Tuple[Tuple[str, ...], str], ...]:
    """The kind's terms as token tuples, longest first, built once per store (find_term runs
    several times on every message); a career also in the plural."""
    found = _terms_for(kind)
    if kind == "career":
        found = (*found, *((f"{term}s", target) for term, target in found
                           if not term.endswith("s")))
    return tuple(sorted(((tokens(term), target) for term, target in found),
                        key=lambda item: -len(item[0])))


def find_term(kind: str, texts: List[str], last: bool = False) -> Optional[str]:
    """The career title / employer named first (or `last`) in the texts (whole words, any
    case), but not one named right after a swap-out cue ("google not amazon"); a career
    also in the plural ("and research scientists")."""
    table = _term_table(kind)
    for text in texts:
        words = tokens(text)
        hits = find(words, table)
        kept = [hit for hit in hits if not ends_with_phrase(words, hit.start, "swap_out_cues")]
        if kept or hits:
            return (kept or hits)[-1 if last else 0].value
    return None


def career(title: str) -> Optional[CareerFacts]:
    return next((c for c in careers() if c.title == title), None)


def employer_benefit(employer: str) -> Optional[BenefitFacts]:
    return next((b for b in employer_benefits() if b.employer == employer), None)


def terms(kind: str) -> List[str]:
    """Every name of a career ("career") or employer ("employer") the store knows."""
    return [term for term, _target in _terms_for(kind)]
