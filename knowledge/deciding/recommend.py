"""Recommend programs for a student's answers (budget, place or format, goal, public/private)
with one-line reasons built from the store's facts.

Every answer may be "any". A school earns a point for each answer it fits; the top 3 by
points, then by the source's score, are returned. What a school does not fit is said too,
so a list that cannot satisfy everything says so instead of pretending.
"""
import re
from dataclasses import asdict, dataclass
from typing import Dict, List, Mapping, Optional, Tuple

from knowledge.understanding import vocabulary as words
from knowledge.replying.school_answers import money, number
from knowledge.understanding.places import find_place
from knowledge.store.queries import SchoolFacts, all_school_facts, state_stats

ANY = "any"
TOP = 3
SLOTS = ("budget", "location", "goal", "control")


@dataclass(frozen=True)
class Preferences:
    """Answers as stored in slots: budget "20000"; location "CA", "city:Boston", "online"
    or "part_time"; goal "research"/"industry"; control "public"/"private"; or "any"."""
    budget: str = ANY
    location: str = ANY
    goal: str = ANY
    control: str = ANY

    @classmethod
    def from_slots(cls, slots: Mapping[str, Optional[str]]) -> "Preferences":
        return cls(**{name: str(slots.get(name) or ANY) for name in SLOTS})

    def to_slots(self) -> Dict[str, str]:
        return asdict(self)

    def describe(self) -> str:
        parts = []
        if self.budget != ANY:
            parts.append(f"budget up to {money(int(self.budget))}/yr")
        if self.location != ANY:
            parts.append(location_label(self.location))
        if self.goal != ANY:
            parts.append("research/PhD" if self.goal == "research" else "industry career")
        if self.control != ANY:
            parts.append(self.control)
        return ", ".join(parts) or "no preferences"


def location_label(location: str) -> str:
    if location == "online":
        return "online"
    if location == "part_time":
        return "part-time"
    if location.startswith("city:"):
        return f"in {location[5:]}"
    stats = state_stats(location)
    return f"in {stats.name if stats else location}"


# --- parsing one answer (form or change); None means "not understood" -------------------

def parse_budget(text: str) -> Optional[str]:
    if words.is_skip(text) or re.search(r"\bno (limit|budget|max)|unlimited\b", text or "", re.I):
        return ANY
    found = words.amount(text, bare=True)
    return str(found) if found else None


def parse_location(text: str) -> Optional[str]:
    if words.is_skip(text) or re.search(r"\bany (state|place|where)\b", text or "", re.I):
        return ANY
    fmt = words.study_format(text)
    if fmt:
        return fmt
    place = find_place([text])
    if place is None:
        return None
    return place.value if place.kind == "state" else f"city:{place.value}"


def parse_goal(text: str) -> Optional[str]:
    return ANY if words.is_skip(text) else words.goal(text)


def parse_control(text: str) -> Optional[str]:
    if words.is_skip(text) or re.search(r"\b(either|both|any type|don'?t mind)\b", text or "",
                                        re.I):
        return ANY
    return words.control(text)


PARSERS = {"budget": parse_budget, "location": parse_location, "goal": parse_goal,
           "control": parse_control}


def changes_in(text: str, entities: Mapping[str, List[str]]) -> Dict[str, str]:
    """Which answers a message like "make my budget $30k" or "any state" changes."""
    changes: Dict[str, str] = {}
    amount = next((a for a in (words.amount(e, bare=True) for e in entities.get("amount", ()))
                   if a), None) or words.amount(text)
    if amount:
        changes["budget"] = str(amount)
    elif re.search(r"\bno (limit|budget)|unlimited|any (budget|price)\b", text or "", re.I):
        changes["budget"] = ANY
    for slot in ("location", "goal", "control"):
        if slot == "location" and re.search(r"\b(any|no) (state|place|location)|anywhere\b",
                                            text or "", re.I):
            changes[slot] = ANY
            continue
        value = PARSERS[slot](text)
        if value and value != ANY:
            changes[slot] = value
    return changes


# --- matching ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    school: SchoolFacts
    fits: Tuple[str, ...]  # reasons it fits the answers
    misses: Tuple[str, ...]  # answers it does not fit, or the source cannot confirm

    @property
    def points(self) -> int:
        return len(self.fits)


def _format_evidence(school: SchoolFacts, fmt: str) -> Optional[str]:
    pattern = r"online" if fmt == "online" else r"part[- ]time"
    for program in school.degree_programs:
        if program.format and re.search(pattern, program.format, re.I):
            return f"{program.name}: {program.format}"
    if school.overview and re.search(pattern, school.overview, re.I):
        return "its profile mentions a " + ("fully online option" if fmt == "online"
                                            else "part-time option")
    return None


def _check(school: SchoolFacts, prefs: Preferences) -> Tuple[List[str], List[str]]:
    fits: List[str] = []
    misses: List[str] = []
    tuition = f"{money(school.tuition_per_year)}/yr"
    if prefs.budget != ANY:
        budget = int(prefs.budget)
        (fits if school.tuition_per_year <= budget else misses).append(
            f"{'fits' if school.tuition_per_year <= budget else 'over'} your "
            f"{money(budget)} budget: {tuition}")
    if prefs.location in ("online", "part_time"):
        evidence = _format_evidence(school, prefs.location)
        label = location_label(prefs.location)
        if evidence:
            fits.append(f"{label}: {evidence}")
        else:
            misses.append(f"the source does not say it offers {label} study")
    elif prefs.location != ANY:
        here = (school.city == prefs.location[5:] if prefs.location.startswith("city:")
                else school.state == prefs.location)
        (fits if here else misses).append(
            f"{'in' if here else 'not in'} {location_label(prefs.location)[3:]}")
    if prefs.goal == "research":
        if school.research_labs:
            count = len(school.research_labs)
            fits.append(f"research: {count} lab{'s' if count > 1 else ''} listed, e.g. "
                        f"{school.research_labs[0].name}")
        else:
            misses.append("no research labs listed in the source")
    elif prefs.goal == "industry":
        partners = (school.industry_partners or school.top_employers)[:3]
        if partners:
            fits.append(f"industry: {', '.join(partners)}")
        else:
            misses.append("no industry partners or employers listed in the source")
    if prefs.control != ANY:
        (fits if school.control == prefs.control else misses).append(school.control)
    return fits, misses


def recommend(prefs: Preferences, top: int = TOP) -> List[Match]:
    matches = []
    for school in all_school_facts():
        fits, misses = _check(school, prefs)
        matches.append(Match(school, tuple(fits), tuple(misses)))
    matches.sort(key=lambda m: (-m.points, -m.school.score, m.school.rank))
    return matches[:top]


def _facts_line(school: SchoolFacts, prefs: Preferences) -> str:
    grad = (f"{school.graduation_rate}% graduation rate" if school.graduation_rate is not None
            else "graduation rate not listed")
    tuition = "" if prefs.budget != ANY else f"; {money(school.tuition_per_year)}/yr"
    return f"{grad}; #{school.rank}, score {number(school.score)}{tuition}"


def recommendation_reply(prefs: Preferences) -> str:
    matches = recommend(prefs)
    lines = [f"Top {len(matches)} for you ({prefs.describe()}):"]
    for position, match in enumerate(matches, 1):
        school = match.school
        reasons = "; ".join([*match.fits, _facts_line(school, prefs)])
        if match.misses:
            reasons += f" — but {'; '.join(match.misses)}"
        lines.append(f"{position}. {school.name} ({school.city}, {school.state}) — {reasons}")
    full = sum(1 for match in matches if not match.misses)
    if full == 0:
        lines.append("No listed school fits every answer, so these fit the most.")
    elif full < len(matches):
        lines.append(f"Only {full} listed school{'s' if full > 1 else ''} fit"
                     f"{'' if full > 1 else 's'} every answer; the others fit the most.")
    lines.append("Change an answer anytime, e.g. “make my budget $40k” or “any state”.")
    lines.append("(Source: 2026 ranking, top-50 table and top-10 profiles.)")
    return "\n".join(lines)


