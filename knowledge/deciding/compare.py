"""Side-by-side comparison of 2..5 listed schools, on every field or on the one asked for.

Schools come from the extracted mentions and the message's words; with one school named,
the school the conversation is about is the other. Unknown values are shown as unknown and
never win a comparison.
"""
from dataclasses import dataclass
from typing import Callable, Iterable, List, Optional, Tuple

from knowledge.understanding import vocabulary
from knowledge.replying.school_answers import TABLE_SOURCE, graduation_rate_text, money, number, with_source
from knowledge.store.queries import SchoolFacts, school_facts, school_resolver
from knowledge.deciding.ranking import VALUE_FORMULA, value_of

MAX_SCHOOLS = 5


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
    "tuition_high": Field("tuition", lambda s: s.tuition_per_year,
                          lambda s: f"{money(s.tuition_per_year)}/yr", "most expensive", True),
    "grad_rate": Field("graduation rate", lambda s: s.graduation_rate, graduation_rate_text,
                       "highest graduation rate", True),
    "score": Field("score", lambda s: s.score,
                   lambda s: f"#{s.rank}, score {number(s.score)}", "highest ranked", True),
    "value": Field("value", value_of, lambda s: f"value {value_of(s):.1f}", "best value", True),
}
# sort keys of the vocabulary -> compared field
_FIELD_OF_SORT_KEY = {"tuition_low": "tuition", "tuition_high": "tuition_high",
                      "grad_rate": "grad_rate", "score": "score", "value": "value"}
SUMMARY_FIELDS = ("score", "tuition", "grad_rate", "value")


@dataclass(frozen=True)
class Comparison:
    text: str
    schools: Tuple[str, ...]  # canonical names compared (empty when none)


def schools_named(mentions: Iterable[str], text: str, context_school: Optional[str]
                  ) -> Tuple[List[str], List[str]]:
    """(schools found in order, mentions that match no listed school)."""
    resolver = school_resolver()
    found: List[str] = []
    unknown: List[str] = []
    for mention in mentions:
        resolution = resolver.resolve(mention)
        if resolution.found:
            found.append(resolution.school)
        elif mention.strip():
            unknown.append(mention.strip())
    in_text = [r.school for r in resolver.find_all_in_text(text, allow_places=True)]
    ordered = sorted(set(found) | set(in_text),
                     key=lambda name: (in_text.index(name) if name in in_text else len(text)))
    if len(ordered) == 1 and context_school and context_school not in ordered:
        ordered.insert(0, context_school)
    return ordered, unknown


def _verdict(field: Field, schools: List[SchoolFacts]) -> str:
    known = [s for s in schools if field.value(s) is not None]
    missing = [s.short_name for s in schools if field.value(s) is None]
    gap = f" ({', '.join(missing)}: not listed in the source)" if missing else ""
    if len(known) < 2:
        return f"I can't say which has the {field.best}: the source lists too few{gap}."
    ordered = sorted(known, key=field.value, reverse=field.higher_wins)
    top = [s for s in ordered if field.value(s) == field.value(ordered[0])]
    if len(top) > 1:
        return f"{field.best.capitalize()}: a tie between {', '.join(s.short_name for s in top)}{gap}."
    winner, runner_up = ordered[0], ordered[1]
    return (f"{field.best.capitalize()}: {winner.short_name} ({field.shown(winner)} vs "
            f"{field.shown(runner_up)} for {runner_up.short_name}){gap}.")


def _line(facts: SchoolFacts) -> str:
    return (f"{facts.short_name} — #{facts.rank}, {facts.city}, {facts.state}, {facts.control}, "
            f"{money(facts.tuition_per_year)}/yr, {graduation_rate_text(facts)}, "
            f"score {number(facts.score)}, value {value_of(facts):.1f}")


def compare_reply(mentions: Iterable[str], text: str, context_school: Optional[str]
                  ) -> Comparison:
    names, unknown = schools_named(list(mentions), text, context_school)
    prefix = (f"“{unknown[0][:60]}” is not among the listed schools. " if unknown else "")
    if len(names) < 2:
        return Comparison(f"{prefix}Which schools should I compare? Name two to five, e.g. "
                          f"“compare CMU and USC” or “which is cheaper, Penn or NYU?”",
                          tuple(names))
    if len(names) > MAX_SCHOOLS:
        prefix += f"I compare up to {MAX_SCHOOLS} at a time; here are the first {MAX_SCHOOLS}. "
        names = names[:MAX_SCHOOLS]
    schools = [school_facts(name) for name in names]
    key = vocabulary.sort_key(text)
    if key is not None and key != "score" or "rank" in text.lower():
        field = FIELDS[_FIELD_OF_SORT_KEY[key or "score"]]
        lines = [f"{s.short_name}: {field.shown(s)}" for s in schools]
        body = "\n".join([f"{field.label.capitalize()}:", *lines, _verdict(field, schools)])
    else:
        body = "\n".join(["Side by side:", *(_line(s) for s in schools),
                          *(_verdict(FIELDS[f], schools) for f in SUMMARY_FIELDS)])
    if "value" in body:
        body += f"\n(Value = {VALUE_FORMULA}.)"
    return Comparison(with_source(prefix + body, TABLE_SOURCE), tuple(names))
