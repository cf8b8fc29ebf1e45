"""Reply text for questions about one school: one place, so every channel reads the same.

Every figure comes from a SchoolFacts record; where the source is silent the reply says so
instead of guessing. Each answer ends with the part of the source it comes from.
"""
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from knowledge.deciding.ranking import VALUE_FORMULA, value_of
from knowledge.replying.source_labels import label, profile_note, ranking_name, ranks
from knowledge.store.queries import SchoolFacts, StateStats, all_school_facts, school_count
from knowledge.store.sentences import split_sentences

TABLE_SOURCE = label("table")


def money(amount: int) -> str:
    return f"${amount:,}"


def top_program(stats: StateStats) -> str:
    """A row of the states table: its top program, and whether the source lists that school
    among its rows ("UT Austin": no figures of its own)."""
    top = stats.top_program or ""
    listed = any(school.name.startswith(top) for school in all_school_facts())
    return top if listed else f"{top} (not among the {school_count()} listed rows)"


def median_tuition(stats: StateStats) -> str:
    """A row of the source's states table: its median tuition, which every row gives."""
    if stats.median_tuition is None:
        raise ValueError(f"{stats.name} is not in the source's states table")
    return money(stats.median_tuition)


def number(value: float) -> str:
    """94.4 -> '94.4', 64.0 -> '64' (as the source prints them)."""
    return f"{value:g}"


def _profile_source(facts: SchoolFacts) -> str:
    return label("profile", school=facts.short_name)


def with_source(text: str, source: str) -> str:
    return f"{text}\n(Source: {source}.)"


def bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _joined(label: str, detail: Optional[str]) -> str:
    return f"{label} — {detail}" if detail else label


# Topics only a full profile holds, and what the answer says is missing without one.
NOT_PROFILED = {"programs": "degree-program details", "labs": "research labs",
                "partners": "industry partners", "faculty": "notable faculty",
                "employers": "career outcomes", "admissions": "admission requirements"}


def _no_profile(facts: SchoolFacts, what: str) -> str:
    return with_source(
        f"The source has no {what} for {facts.name}: {profile_note()}, and "
        f"{facts.short_name} is #{facts.rank}. What it does list: {row_summary(facts)}.",
        TABLE_SOURCE)


def graduation_rate_text(facts: SchoolFacts) -> str:
    if facts.graduation_rate is None:
        return "graduation rate not listed"
    return f"{facts.graduation_rate}% graduation rate"


def _row_details(facts: SchoolFacts) -> str:
    return (f"{facts.city}, {facts.state}, {facts.control}, "
            f"{money(facts.tuition_per_year)} per year, {graduation_rate_text(facts)}")


def row_summary(facts: SchoolFacts) -> str:
    """The school's whole ranking-table row in one line."""
    return f"#{facts.rank}, {_row_details(facts)}, score {number(facts.score)}/100"


def overview(facts: SchoolFacts) -> str:
    head = (f"{facts.name} is #{facts.rank} of {ranks()} in {ranking_name()} "
            f"(score {number(facts.score)}/100): "
            f"{_row_details(facts)}.")
    if not facts.has_profile:
        return with_source(f"{head} The source gives its ranking row only; {profile_note()}.",
                           TABLE_SOURCE)
    first = split_sentences(facts.overview)[:1]
    program = f"\nProgram overview: {first[0]}" if first else ""
    return with_source(f"{head}\nWhat stands out: {facts.stand_out}{program}",
                       _profile_source(facts))


def tuition(facts: SchoolFacts) -> str:
    return with_source(
        f"Tuition at {facts.name} is {money(facts.tuition_per_year)} per year "
        f"({facts.control}; #{facts.rank} in {ranking_name()}).", TABLE_SOURCE)


def location(facts: SchoolFacts) -> str:
    text = f"{facts.name} is in {facts.city}, {facts.state_name} ({facts.state})."
    if not facts.location_advantages:
        return with_source(text, TABLE_SOURCE)
    return with_source(f"{text} Location advantages:\n{bullets(facts.location_advantages)}",
                        _profile_source(facts))


def school_type(facts: SchoolFacts) -> str:
    return with_source(f"{facts.name} is a {facts.control} university.", TABLE_SOURCE)


def graduation_rate(facts: SchoolFacts) -> str:
    if facts.graduation_rate is None:
        return with_source(
            f"The source lists no graduation rate for {facts.name} (its table shows “—”), "
            f"so I can't give one.", TABLE_SOURCE)
    text = f"{facts.name} has a {facts.graduation_rate}% graduation rate."
    note = facts.notes.get("graduation_rate")
    return with_source(f"{text}\nNote: {note}" if note else text, TABLE_SOURCE)


def rank_score(facts: SchoolFacts) -> str:
    return with_source(
        f"{facts.name} is ranked #{facts.rank} of {ranks()} in {ranking_name()}, "
        f"with a score of {number(facts.score)}/100.", TABLE_SOURCE)


def programs(facts: SchoolFacts) -> str:
    if not facts.degree_programs:
        return _no_profile(facts, NOT_PROFILED["programs"])
    lines = []
    for program in facts.degree_programs:
        details = [program.length or "length not stated"]
        if program.format:
            details.append(program.format)
        lines.append(f"{program.name} — {'; '.join(details)}")
    return with_source(f"Degree programs at {facts.name}:\n{bullets(lines)}",
                        _profile_source(facts))


def _listing(facts: SchoolFacts, items, title: str, missing: str) -> str:
    """A titled list from the profile, or an honest 'not listed'."""
    if not facts.has_profile:
        return _no_profile(facts, missing)
    if not items:
        return with_source(f"The source lists no {missing} for {facts.name}.",
                            _profile_source(facts))
    return with_source(f"{title} {facts.name}:\n{bullets(items)}", _profile_source(facts))


def labs(facts: SchoolFacts) -> str:
    return _listing(facts, [_joined(lab.name, lab.focus) for lab in facts.research_labs],
                    "Research labs and institutes at", NOT_PROFILED["labs"])


def partners(facts: SchoolFacts) -> str:
    return _listing(facts, facts.industry_partners, "Industry partners of",
                    NOT_PROFILED["partners"])


def faculty(facts: SchoolFacts) -> str:
    return _listing(facts, [_joined(person.name, person.area) for person in facts.faculty],
                    "Notable faculty at", NOT_PROFILED["faculty"])


def employers(facts: SchoolFacts) -> str:
    if not facts.has_profile:
        return _no_profile(facts, NOT_PROFILED["employers"])
    parts = []
    if facts.top_employers:
        parts.append(f"Top employers of {facts.name} graduates: {', '.join(facts.top_employers)}.")
    if facts.common_roles:
        parts.append(f"Common roles: {', '.join(facts.common_roles)}.")
    if not parts:
        text = f"The source lists no top employers or common roles for {facts.name}."
        if facts.industry_partners:  # the nearest it says: who works with the program
            text += f" It names its industry partners: {', '.join(facts.industry_partners)}."
        return with_source(text, _profile_source(facts))
    return with_source(" ".join(parts), _profile_source(facts))


def admissions(facts: SchoolFacts) -> str:
    if not facts.has_profile:
        return _no_profile(facts, NOT_PROFILED["admissions"])
    if not facts.admissions:
        return with_source(
            f"The source gives no admission requirements (such as a GPA) for {facts.name}.",
            _profile_source(facts))
    lines = [_joined(f"{a.fact.upper()} {a.value}", a.detail) for a in facts.admissions]
    return with_source(f"Admissions at {facts.name}:\n{bullets(lines)}", _profile_source(facts))


def accreditation(facts: SchoolFacts) -> str:
    return _listing(facts, facts.accreditations, "Accreditations of", "accreditation")


def value(facts: SchoolFacts) -> str:
    return with_source(
        f"{facts.name}'s value is {value_of(facts):.1f}: score {number(facts.score)} ÷ "
        f"({money(facts.tuition_per_year)} / $10,000). Value = {VALUE_FORMULA}, score points "
        f"per $10k of yearly tuition.", TABLE_SOURCE)


TOPICS: Dict[str, Callable[[SchoolFacts], str]] = {
    "overview": overview,
    "tuition": tuition,
    "location": location,
    "type": school_type,
    "graduation_rate": graduation_rate,
    "rank_score": rank_score,
    "programs": programs,
    "labs": labs,
    "partners": partners,
    "employers": employers,
    "faculty": faculty,
    "admissions": admissions,
    "accreditation": accreditation,
    "value": value,
}


def answer(topic: str, facts: SchoolFacts) -> str:
    return TOPICS[topic](facts)


def answers_for(topics: Sequence[str], facts: SchoolFacts) -> List[str]:
    """Each topic's answer; of a school without a profile, the topics only a profile holds
    share one "the source has no labs or partners ..." (its row said once, not per topic)."""
    missing = [NOT_PROFILED[t] for t in topics if t in NOT_PROFILED]
    if facts.has_profile or len(missing) < 2:
        return [answer(topic, facts) for topic in topics]
    said = " or ".join([", ".join(missing[:-1]), missing[-1]])
    return [_no_profile(facts, said),
            *(answer(topic, facts) for topic in topics if topic not in NOT_PROFILED)]


def which_school(topic: str) -> str:
    example = "tuition at CMU" if topic == "overview" else f"{topic.replace('_', ' ')} at CMU"
    return f"Which school do you mean? Name one, e.g. “{example}”."


def did_you_mean(mention: str, suggestion: str) -> str:
    return f"I'm not sure which school “{mention.strip()}” is. Did you mean {suggestion}?"
