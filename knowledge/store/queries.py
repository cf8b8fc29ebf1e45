"""Read-only queries of the knowledge store: the facts of one school, names for resolving.

All queries are SQLAlchemy expressions with bound parameters; results are plain frozen
dataclasses, so callers never hold a session or a lazy ORM object.
"""
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from knowledge.store import models
from knowledge.understanding.resolve import SchoolResolver
from knowledge.store.engine import cached_per_store, session_scope


@dataclass(frozen=True)
class Program:
    name: str
    length: Optional[str]
    format: Optional[str]


@dataclass(frozen=True)
class Lab:
    name: str
    focus: Optional[str]


@dataclass(frozen=True)
class Person:
    name: str
    area: Optional[str]


@dataclass(frozen=True)
class Admission:
    fact: str
    value: str
    detail: Optional[str]


@dataclass(frozen=True)
class StudyFormat:
    format: str  # "online" | "part_time" | "full_time"
    program: str
    quote: str
    line: int


@dataclass(frozen=True)
class SchoolFacts:
    rank: int
    name: str
    city: str
    state: str
    state_name: str
    control: str
    tuition_per_year: int
    graduation_rate: Optional[int]
    score: float
    stand_out: Optional[str]
    insight: Optional[str]
    overview: Optional[str]
    aliases: Tuple[str, ...]
    degree_programs: Tuple[Program, ...]
    research_labs: Tuple[Lab, ...]
    industry_partners: Tuple[str, ...]
    top_employers: Tuple[str, ...]
    common_roles: Tuple[str, ...]
    faculty: Tuple[Person, ...]
    admissions: Tuple[Admission, ...]
    accreditations: Tuple[str, ...]
    location_advantages: Tuple[str, ...]
    notes: Dict[str, str]
    study_formats: Tuple[StudyFormat, ...] = ()

    @property
    def has_profile(self) -> bool:
        """Only the top 10 have a full profile in the source."""
        return self.overview is not None

    @property
    def short_name(self) -> str:
        return self.aliases[0] if self.aliases else self.name


_SCHOOL_RELATIONS = ("aliases", "degree_programs", "research_labs", "industry_partners",
                     "top_employers", "common_roles", "faculty", "admissions", "accreditations",
                     "location_advantages", "notes", "study_formats")


def _facts(school: models.School, state_name: str) -> SchoolFacts:
    return SchoolFacts(
        rank=school.rank, name=school.name, city=school.city, state=school.state,
        state_name=state_name, control=school.control, tuition_per_year=school.tuition_per_year,
        graduation_rate=school.graduation_rate, score=school.score, stand_out=school.stand_out,
        insight=school.insight, overview=school.overview,
        aliases=tuple(a.alias for a in school.aliases),
        degree_programs=tuple(Program(p.name, p.length, p.format) for p in school.degree_programs),
        research_labs=tuple(Lab(lab.name, lab.focus) for lab in school.research_labs),
        industry_partners=tuple(p.name for p in school.industry_partners),
        top_employers=tuple(e.name for e in school.top_employers),
        common_roles=tuple(r.title for r in school.common_roles),
        faculty=tuple(Person(f.name, f.area) for f in school.faculty),
        admissions=tuple(Admission(a.fact, a.value, a.detail) for a in school.admissions),
        accreditations=tuple(a.name for a in school.accreditations),
        location_advantages=tuple(a.text for a in school.location_advantages),
        notes={n.field: n.text for n in school.notes},
        study_formats=tuple(StudyFormat(f.format, f.program, f.quote, f.line)
                            for f in school.study_formats),
    )


def _with_relations(statement):
    return statement.options(*(selectinload(getattr(models.School, rel))
                               for rel in _SCHOOL_RELATIONS))


@cached_per_store
def _facts_by_name() -> Mapping[str, SchoolFacts]:
    """Every school's facts, in rank order, read once per process (see cached_per_store)."""
    with session_scope() as session:
        rows = session.execute(
            _with_relations(select(models.School, models.State.name)
                            .join(models.State, models.State.code == models.School.state)
                            .order_by(models.School.rank))
        ).all()
        return MappingProxyType({row[0].name: _facts(*row) for row in rows})


def school_facts_where(conditions: Sequence[Any] = (), order: Sequence[Any] = ()
                       ) -> List[SchoolFacts]:
    """The schools matching every SQLAlchemy condition, in `order` (default: rank).
    One light query picks and orders the schools; their facts come from the snapshot."""
    facts = _facts_by_name()
    if not conditions and not order:
        return list(facts.values())
    with session_scope() as session:
        names = session.execute(select(models.School.name).where(*conditions)
                                .order_by(*(order or (models.School.rank,)))).scalars().all()
    return [facts[name] for name in names]


def school_facts(name: str) -> Optional[SchoolFacts]:
    """Every fact of the school with this exact canonical name, or None."""
    return _facts_by_name().get(name)


def all_school_facts() -> List[SchoolFacts]:
    """Every school, in rank order."""
    return list(_facts_by_name().values())


@cached_per_store
def school_names_and_aliases() -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    with session_scope() as session:
        schools = session.execute(
            select(models.School).options(selectinload(models.School.aliases))
            .order_by(models.School.rank)).scalars().all()
        return tuple((s.name, tuple(a.alias for a in s.aliases)) for s in schools)


@cached_per_store
def state_names() -> Mapping[str, str]:
    """Postal code -> state name."""
    with session_scope() as session:
        return MappingProxyType(dict(session.execute(select(models.State.code,
                                                            models.State.name)).all()))


@cached_per_store
def cities() -> Tuple[Tuple[str, str], ...]:
    """(city, state code) of every listed school, without repeats."""
    with session_scope() as session:
        return tuple(tuple(row) for row in session.execute(
            select(models.School.city, models.School.state).distinct()
            .order_by(models.School.city)).all())


def school_count() -> int:
    return len(_facts_by_name())


@cached_per_store
def school_resolver() -> SchoolResolver:
    """The resolver over the store's schools (built once per store URL)."""
    places = [*state_names().values(), *(city for city, _state in cities())]
    return SchoolResolver(school_names_and_aliases(), places=places)


@dataclass(frozen=True)
class StateStats:
    code: str
    name: str
    programs: Optional[int]  # None: the state is not in the source's states table
    median_tuition: Optional[int]
    top_program: Optional[str]


def _state_stats(state: models.State) -> StateStats:
    return StateStats(state.code, state.name, state.programs, state.median_tuition,
                      state.top_program)


@cached_per_store
def state_stats(code: str) -> Optional[StateStats]:
    with session_scope() as session:
        state = session.get(models.State, code)
        return _state_stats(state) if state else None


@cached_per_store
def states_in_table() -> Tuple[StateStats, ...]:
    """The states of the source's "Top States" table, most programs first."""
    with session_scope() as session:
        states = session.execute(select(models.State).where(models.State.programs.is_not(None))
                                 .order_by(models.State.programs.desc(), models.State.name)
                                 ).scalars().all()
        return tuple(_state_stats(state) for state in states)


@dataclass(frozen=True)
class Mention:
    """Where the source names a school outside its listed rows."""
    section: str
    line: int
    quote: str
    answers: Tuple[str, ...] = ()  # the topics its figure answers ("tuition" for "$7K total")


@dataclass(frozen=True)
class OtherSchoolFacts:
    """A school the source does not list among its 25 rows."""
    name: str
    aliases: Tuple[str, ...]
    states_table: Optional[str]  # its name as a state's top program, if it is one
    mentions: Tuple[Mention, ...]


@cached_per_store
def other_schools() -> Tuple[OtherSchoolFacts, ...]:
    with session_scope() as session:
        rows = session.execute(select(models.OtherSchool).options(
            selectinload(models.OtherSchool.aliases), selectinload(models.OtherSchool.mentions))
            .order_by(models.OtherSchool.id)).scalars().all()
        return tuple(OtherSchoolFacts(
            row.name, tuple(sorted(a.alias for a in row.aliases)), row.states_table,
            tuple(Mention(m.section, m.line, m.quote, tuple(m.answers.split()))
                  for m in row.mentions)) for row in rows)


def other_school(name: str) -> Optional[OtherSchoolFacts]:
    """A school outside the listed rows, by its canonical name."""
    return next((school for school in other_schools() if school.name == name), None)


@dataclass(frozen=True)
class ProfileSentences:
    """One school's profile sentences and their embeddings (one row per sentence)."""
    parts: Tuple[str, ...]
    texts: Tuple[str, ...]
    embeddings: Optional[Any]  # numpy array (n, 384), or None without the encoder


@cached_per_store
def profile_sentences(name: str) -> ProfileSentences:
    import numpy as np

    with session_scope() as session:
        rows = session.execute(
            select(models.ProfileSentence.part, models.ProfileSentence.text,
                   models.ProfileSentence.embedding)
            .join(models.School, models.School.id == models.ProfileSentence.school_id)
            .where(models.School.name == name).order_by(models.ProfileSentence.position)).all()
    vectors = None
    if rows and all(row.embedding for row in rows):
        vectors = np.stack([np.frombuffer(row.embedding, dtype=np.float32) for row in rows])
    return ProfileSentences(tuple(r.part for r in rows), tuple(r.text for r in rows), vectors)
