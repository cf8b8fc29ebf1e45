"""Side-by-side comparisons: every school's row, or the fields asked for, and who wins each.
Unknown values are shown as not listed and never win. The same comparison as a table
(knowledge.replying.tables) for channels that draw one."""
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence

from knowledge.deciding.ranking import VALUE_FORMULA, value_of
from knowledge.replying.school_answers import (
    TABLE_SOURCE, graduation_rate_text, money, number, with_source)
from knowledge.replying.tables import Table, school_table
from knowledge.store.queries import SchoolFacts


@dataclass(frozen=True)
class Field:
    label: str
    value: Callable[[SchoolFacts], Optional[float]]
    shown: Callable[[SchoolFacts], str]
    best: str  # what winning means: "cheapest", "highest graduation rate", ...
    higher_wins: bool


FIELDS = {
    "tuition": Field("tuition", lambda s: s.tuition_per_year,
                     lambda s: f"{money(s.tuition_per_year)}/yr", "cheapest", False),
    "grad_rate": Field("graduation rate", lambda s: s.graduation_rate, graduation_rate_text,
                       "highest graduation rate", True),
    "score": Field("score", lambda s: s.score,
                   lambda s: f"#{s.rank}, score {number(s.score)}", "highest ranked", True),
    "value": Field("value", value_of,
                   lambda s: f"value {value_of(s):.1f} (score {number(s.score)}, "
                             f"{money(s.tuition_per_year)}/yr)", "best value", True),
}
SUMMARY_FIELDS = ("score", "tuition", "grad_rate", "value")


def _verdict(field: Field, schools: Sequence[SchoolFacts]) -> str:
    known = [(s, v) for s in schools if (v := field.value(s)) is not None]
    missing = [s.short_name for s in schools if field.value(s) is None]
    gap = f" ({', '.join(missing)}: not listed in the source)" if missing else ""
    if len(known) < 2:
        return f"I can't say which has the {field.best}: the source lists too few{gap}."
    ordered = [s for s, _v in sorted(known, key=lambda pair: pair[1], reverse=field.higher_wins)]
    top = [s for s in ordered if field.value(s) == field.value(ordered[0])]
    if len(top) > 1:
        tie = f"a tie between {', '.join(s.short_name for s in top)} ({field.shown(top[0])})"
        if field.label == "score":
            tie += f"; the source ranks {top[0].short_name} first (#{top[0].rank})"
        return f"{field.best.capitalize()}: {tie}{gap}."
    winner, runner_up = ordered[0], ordered[1]
    # "how much more is it", "how far apart are their scores": the gap, worked out from rows
    difference = ""
    if field.label == "tuition":
        difference = (f", {money(runner_up.tuition_per_year - winner.tuition_per_year)} a year "
                      f"less")
    elif field.label == "score":
        difference = f", {number(round(winner.score - runner_up.score, 1))} points higher"
    elif field.label == "graduation rate":
        points = (winner.graduation_rate or 0) - (runner_up.graduation_rate or 0)
        difference = f", {points} percentage point{'' if points == 1 else 's'} higher"
    return (f"{field.best.capitalize()}: {winner.name} ({field.shown(winner)} vs "
            f"{field.shown(runner_up)} for {runner_up.short_name}{difference}){gap}.")


def _line(facts: SchoolFacts) -> str:
    return (f"{facts.name} — #{facts.rank}, {facts.city}, {facts.state}, {facts.control}, "
            f"{money(facts.tuition_per_year)}/yr, {graduation_rate_text(facts)}, "
            f"score {number(facts.score)}, value {value_of(facts):.1f}")


def _value_note(fields: Sequence[str]) -> List[str]:
    return [f"(Value = {VALUE_FORMULA}.)"] if "value" in fields or not fields else []


def comparison_reply(schools: Sequence[SchoolFacts], fields: Sequence[str]) -> str:
    """The schools side by side: on the fields asked for, or on every field."""
    body: List[str] = []
    if fields:
        for name in fields:
            field = FIELDS[name]
            body += [f"{field.label.capitalize()}:",
                     *(f"{s.name}: {field.shown(s)}" for s in schools), _verdict(field, schools)]
    else:
        body += ["Side by side:", *(_line(s) for s in schools),
                 *(_verdict(FIELDS[f], schools) for f in SUMMARY_FIELDS)]
    body += _value_note(fields)
    return with_source("\n".join(body), TABLE_SOURCE)


ALL_COLUMNS = ("school", "rank", "location", "control", "tuition", "grad_rate", "score", "value")
CHARTED = ("tuition", "grad_rate", "score")  # the source's own figures, drawn as bars


def comparison_table(schools: Sequence[SchoolFacts], fields: Sequence[str]) -> Table:
    """The comparison as data: a row per school with every column, or the school's rank and
    the fields asked for; the verdicts as notes; a chart for each figure compared."""
    asked = [key for name in fields for key in (("rank", name) if name == "score" else (name,))]
    keys = ("school", *dict.fromkeys(asked)) if fields else ALL_COLUMNS
    compared = fields or SUMMARY_FIELDS
    title = "Side by side" + (": " + ", ".join(FIELDS[f].label for f in fields) if fields else "")
    notes = [*(_verdict(FIELDS[f], schools) for f in compared), *_value_note(fields)]
    return school_table("comparison", title, schools, keys, notes, TABLE_SOURCE,
                        charts=tuple(fields) if fields else CHARTED)
