"""Reply text for the guidance topics: guides, career paths, employer benefits, states."""
from typing import List, Optional

from knowledge.replying.school_answers import bullets, money, with_source
from knowledge.store.guides import (career, careers, employer_benefit, employer_benefits, find_term,
                              guide)
from knowledge.understanding.places import find_place
from knowledge.store.queries import school_count, school_facts_where, state_stats, states_in_table
from knowledge.store import models

GUIDE_KEYS = ("thesis", "specializations", "part_time", "work_experience", "salary",
              "financing", "employer_benefits", "program_types")


def guide_reply(key: str) -> str:
    facts = guide(key)
    if facts is None:
        raise ValueError(f"no guide {key!r} in the store; known: {', '.join(GUIDE_KEYS)}")
    parts = [f"{facts.title}: {facts.summary}"]
    for group in facts.groups:
        parts.append(f"{group.name}:\n{bullets(group.points)}")
    if facts.closing:
        parts.append(facts.closing)
    return with_source("\n".join(parts), f"2026 ranking, “{facts.source_section}”")


def _career_list() -> str:
    return bullets(f"{c.title} (SOC {c.soc})" for c in careers())


def career_reply(mentions: List[str], text: str) -> str:
    """One career path if the user named one the source describes, else all eight."""
    title = find_term("career", [*mentions, text])
    source = "2026 ranking, “Career Paths”"
    if title:
        facts = career(title)
        reply = f"{facts.title} (SOC {facts.soc}): {facts.description}"
        if facts.title == "AI/ML Engineer":
            reply += ("\nML engineers earn a median salary of $157,000 with 40% projected job "
                      "growth through 2032 (BLS OES 2024).")
        return with_source(reply, source)
    unknown = next((m for m in mentions if m.strip()), None)
    head = (f"The source describes no career called “{unknown.strip()[:60]}”. "
            if unknown else "")
    return with_source(f"{head}The source's {len(careers())} ML career paths:\n"
                       f"{_career_list()}\nAsk about one, e.g. “what does an NLP engineer do?”",
                       source)


def benefit_reply(mentions: List[str], text: str) -> str:
    """An employer's tuition benefit, or the whole list and the general rules."""
    source = "2026 ranking, “Employer Tuition Sponsorship”"
    employer = find_term("employer", [*mentions, text])
    general = ("Many programs qualify for the federal $5,250 tax-free employer education "
               "benefit; 56% of companies offer some form of educational assistance (SHRM).")
    if employer:
        facts = employer_benefit(employer)
        return with_source(f"{facts.employer}: {facts.benefit}.\n{general}", source)
    listed = bullets(f"{b.employer} — {b.benefit}" for b in employer_benefits())
    unknown = next((m for m in mentions if m.strip()), None)
    head = (f"The source lists no tuition benefit for “{unknown.strip()[:60]}”. "
            if unknown else "")
    return with_source(f"{head}Top employer tuition benefits in the source:\n{listed}\n"
                       f"{general}", source)


def _listed_schools_in(code: str) -> str:
    schools = school_facts_where([models.School.state == code])
    if not schools:
        return f"None of the {school_count()} listed ranking rows is in this state."
    rows = ", ".join(f"{s.short_name} (#{s.rank}, {money(s.tuition_per_year)}/yr)"
                     for s in schools)
    return f"Listed in the ranking's rows: {rows}."


def state_reply(mentions: List[str], text: str) -> str:
    """The states-table row of a named state (or city's state), else the whole table."""
    source = "2026 ranking, “Top States for Machine Learning Master's Programs”"
    table = states_in_table()
    place = find_place([*mentions, text])
    code: Optional[str] = place.state if place else None
    if code is None:
        rows = bullets(f"{s.name}: {s.programs} programs, median tuition "
                       f"{money(s.median_tuition)}, top program {s.top_program}" for s in table)
        return with_source(f"The source's states table ({len(table)} states):\n{rows}", source)
    stats = state_stats(code)
    if stats.programs is None:
        covered = ", ".join(s.name for s in table)
        return with_source(f"The source's states table does not include {stats.name} (it "
                           f"covers {covered}). {_listed_schools_in(code)}", source)
    return with_source(f"{stats.name}: {stats.programs} ML master's programs, median tuition "
                       f"{money(stats.median_tuition)}, top program {stats.top_program}.\n"
                       f"{_listed_schools_in(code)}", source)
