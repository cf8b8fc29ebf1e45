"""Where an answer's figures come from, down to the lines of the source document.

Each answer's outcomes name the lines behind it (`lines_behind`), from the line references
the curated data keeps (knowledge/data: a school's `source_lines`, a state's, guide's,
career's or benefit's `line`); the conversation keeps them, and "Source" (a quick reply, or
"where is that from?") answers with the section and line of each, quoting the line when the
document is at hand, and the formula of any derived figure (value).

The document's path: ADVISOR_SOURCE_PATH, by default ../shared/source/<document> beside the
project (the project keeps references to it, not a copy).
"""
import os
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from knowledge.data import read_data
from knowledge.deciding import outcomes as o
from knowledge.deciding.ranking import VALUE_FORMULA, VALUE_UNIT, value_of
from knowledge.replying.source_labels import source
from knowledge.store.queries import SchoolFacts

SOURCE_PATH_VARIABLE = "ADVISOR_SOURCE_PATH"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SOURCE_BUTTON = ("Source", "source")  # (title, the text it sends)
MAX_LINES_SHOWN = 12
MAX_QUOTE_CHARS = 240

Ref = Tuple[int, str]  # (line of the source, what it is: "Carnegie Mellon University, table row")

# A school topic -> the keys of the school's `source_lines` that hold it.
TOPIC_LINES: Dict[str, Tuple[str, ...]] = {
    "tuition": ("table",), "location": ("table",), "type": ("table",),
    "graduation_rate": ("table",), "rank_score": ("table",),
    "overview": ("table", "stand_out", "overview"), "programs": ("programs",),
    "labs": ("labs",), "partners": ("partners",), "employers": ("careers",),
    "faculty": ("faculty",), "admissions": ("admissions",),
    "accreditation": ("accreditation",),
}
LIST_LABELS = {"careers": "careers_list", "employer_benefits": "employer_benefits"}
PROFILE_KEYS = ("stand_out", "insight", "overview", "programs", "labs", "partners", "careers",
                "faculty", "admissions", "accreditation")


@lru_cache(maxsize=1)
def _school_lines() -> Dict[str, Dict[str, int]]:
    return {s["name"]: dict(s.get("source_lines") or {})
            for s in read_data("schools.yaml")["schools"]}


def _label(key: str) -> str:
    return source()["line_labels"][key]


def _school(name: str, keys: Iterable[str]) -> List[Ref]:
    lines = _school_lines().get(name, {})
    return [(lines[key], f"{name}, {_label(key)}") for key in keys if key in lines]


def _rows(schools: Iterable[SchoolFacts]) -> List[Ref]:
    return [ref for school in schools for ref in _school(school.name, ("table",))]


def _state_rows(codes: Optional[Sequence[str]]) -> List[Ref]:
    """The states table's rows of these states (None: every row)."""
    return [(state["line"], f"{state['name']}, {_label('states_row')}")
            for state in read_data("states.yaml")["states"]
            if "line" in state and (codes is None or state["code"] in codes)]


def _guide(key: str) -> List[Ref]:
    for guide in read_data("guides.yaml")["guides"]:
        if guide["key"] == key:
            return [(line, f"“{guide['source_section']}”") for line in guide["source_lines"]]
    return []


def _listed(section: str, title_key: str, wanted: Optional[str]) -> List[Ref]:
    return [(item["line"], f"{item[title_key]}, {_label(LIST_LABELS[section])}")
            for item in read_data("guides.yaml")[section] if wanted in (None, item[title_key])]


def _of(outcome: o.Outcome) -> List[Ref]:  # noqa: C901 - one line of lookup per outcome kind
    if isinstance(outcome, o.SchoolTopics):
        return [ref for school in outcome.schools for topic in outcome.topics
                for ref in _school(school.name, TOPIC_LINES.get(topic, ("table",)))] + \
            (_state_rows([outcome.state_median.code]) if outcome.state_median else [])
    if isinstance(outcome, (o.FeatureFindings, o.AnsweringSentences)):
        shown = {e.school for e in outcome.evidence}
        return [ref for school in outcome.schools if school.name in shown
                for ref in _school(school.name, PROFILE_KEYS)]
    if isinstance(outcome, o.RankingPage):
        return _rows(outcome.ranking.listed[outcome.start:outcome.start + outcome.size])
    if isinstance(outcome, o.Comparison):
        return _rows(outcome.schools)
    if isinstance(outcome, o.Recommendation):
        return _rows(m.school for m in outcome.matches) + \
            (_listed("employer_benefits", "employer", outcome.employer.employer)
             if outcome.employer else [])
    if isinstance(outcome, (o.NotListed, o.MissingRanks)):  # what the table lists, and
        # where the source names the school anyway
        mentions = outcome.schools if isinstance(outcome, o.NotListed) else ()
        return [(source()["showing_line"], _label("showing"))] + \
            [(m.line, f"{school.name}, {m.section}") for school in mentions
             for m in school.mentions] + \
            (_state_rows([s.code for s in outcome.states_rows])
             if isinstance(outcome, o.NotListed) else [])
    if isinstance(outcome, o.StatesTable):
        return _state_rows([s.code for s in outcome.states] or None)
    if isinstance(outcome, o.GuideTopic):
        return _guide(outcome.key)
    if isinstance(outcome, o.CareerPath):
        return _listed("careers", "title", outcome.career.title if outcome.career else None)
    if isinstance(outcome, o.EmployerBenefit):
        return _listed("employer_benefits", "employer",
                       outcome.benefit.employer if outcome.benefit else None)
    return []


def _values(outcome: o.Outcome) -> List[SchoolFacts]:
    """The schools whose derived value the answer shows."""
    if isinstance(outcome, o.RankingPage) and outcome.ranking.criteria.sort_by == "value":
        return list(outcome.ranking.listed[outcome.start:outcome.start + outcome.size])
    if isinstance(outcome, o.Comparison) and (not outcome.fields or "value" in outcome.fields):
        return list(outcome.schools)
    return []


def lines_behind(outcomes: Sequence[o.Outcome]) -> Tuple[Tuple[int, str], ...]:
    """The source lines an answer's figures come from, in order, without repeats."""
    return tuple(dict.fromkeys(ref for outcome in outcomes for ref in _of(outcome)))


def valued_schools(outcomes: Sequence[o.Outcome]) -> Tuple[str, ...]:
    return tuple(dict.fromkeys(s.name for outcome in outcomes for s in _values(outcome)))


def document_path() -> Path:
    configured = os.environ.get(SOURCE_PATH_VARIABLE)
    return Path(configured) if configured else \
        PROJECT_ROOT.parent / "shared" / "source" / source()["document"]


@lru_cache(maxsize=4)
def _document(path: Path) -> Optional[Tuple[str, ...]]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        return None


def quoted_line(number: int) -> Optional[str]:
    """The document's line (1-based), cut for a chat, when the document is at hand."""
    lines = _document(document_path())
    if not lines or not 0 < number <= len(lines):
        return None
    text = " ".join(lines[number - 1].split())
    return text if len(text) <= MAX_QUOTE_CHARS else text[:MAX_QUOTE_CHARS - 1] + "…"


def value_derivation(school: SchoolFacts) -> str:
    """"value = score ÷ (yearly tuition / $10,000) = 81.7 ÷ 1.1524 = 70.9"."""
    return (f"{school.name}: value = {VALUE_FORMULA} = {school.score:g} ÷ "
            f"{school.tuition_per_year / VALUE_UNIT:g} = {value_of(school):.1f}")


def sources_reply(lines: Sequence[Ref], valued: Sequence[SchoolFacts]) -> str:
    """Each line behind the last answer: its number, what it is, and its words."""
    parts = [f"Where that comes from in the source ({source()['document']}):"]
    for number, about in lines[:MAX_LINES_SHOWN]:
        quote = quoted_line(number)
        parts.append(f"• line {number} — {about}" + (f": “{quote}”" if quote else ""))
    if len(lines) > MAX_LINES_SHOWN:
        parts.append(f"…and {len(lines) - MAX_LINES_SHOWN} more lines.")
    parts += [f"Derived — {value_derivation(school)}" for school in valued]
    return "\n".join(parts)
