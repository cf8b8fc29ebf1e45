"""Reply text for the guidance topics: guides, career paths, employer benefits, the states
table. Every figure is read from the store (the guides' own points), none is written here."""
from typing import List, Optional, Sequence, Tuple

from knowledge.replying.school_answers import (bullets, median_tuition, money, top_program,
                                              with_source)
from knowledge.replying.source_labels import label
from knowledge.store.guides import (BenefitFacts, CareerFacts, GuideFacts, careers,
                                    employer_benefits, federal_tax_free_points, guide)
from knowledge.store.queries import SchoolFacts, StateStats, school_count, states_in_table

GUIDE_KEYS = ("thesis", "specializations", "part_time", "work_experience", "salary",
              "financing", "employer_benefits", "program_types")
STATE_FIELDS = ("programs", "median_tuition", "top_program")


def _guide(key: str) -> GuideFacts:
    facts = guide(key)
    if facts is None:
        raise ValueError(f"no guide {key!r} in the store; known: {', '.join(GUIDE_KEYS)}")
    return facts


def _source(key: str) -> str:
    return label("guide", section=_guide(key).source_section)


def guide_reply(key: str) -> str:
    facts = _guide(key)
    parts = [f"{facts.title}: {facts.summary}"]
    for group in facts.groups:
        parts.append(f"{group.name}:\n{bullets(group.points)}")
    if facts.closing:
        parts.append(facts.closing)
    return with_source("\n".join(parts), _source(key))


def guide_point_reply(key: str, lead: str, asks_pay: bool = False) -> str:
    """The one point of a guide that begins with these words ("Data Engineering — ... median
    salary $145,000"); asked what it pays when the point gives no salary, the reply says so."""
    facts = _guide(key)
    points = [p for g in facts.groups for p in g.points if p.lower().startswith(lead.lower())]
    if not points:
        return guide_reply(key)
    reply = f"{facts.title}, as the source lists them: {points[0]}"
    if asks_pay and "$" not in points[0]:
        reply += f"\nThe source gives no salary figure for {lead}."
    return with_source(reply, _source(key))


def career_reply(found: Optional[CareerFacts], asked: Optional[str] = None,
                 asks_pay: bool = False) -> str:
    """One career path of the source, or all of them (saying so when one was asked for
    that the source does not describe); asked what one pays, whether the source says."""
    source = label("careers")
    if found:
        reply = f"{found.title} (SOC {found.soc}): {found.description}"
        if found.title == careers()[0].title:  # the source's salary figure is for ML engineers
            reply += f"\n{_guide('salary').summary}"
        elif asks_pay:
            reply += (f"\nThe source gives no salary figure for {found.title}; the one it "
                      f"gives is for ML engineers: {_guide('salary').summary}")
        return with_source(reply, source)
    listed = bullets(f"{c.title} (SOC {c.soc})" for c in careers())
    head = f"The source describes no career called “{asked}”. " if asked else ""
    return with_source(f"{head}The source's {len(careers())} ML career paths:\n{listed}\n"
                       f"Ask about one, e.g. “what does an NLP engineer do?”", source)


def _benefit_rules() -> str:
    """The guide's general points on employer benefits (the federal tax-free limit, the
    share of companies that help), as the source states them."""
    facts = _guide("employer_benefits")
    sentences = [*federal_tax_free_points(), facts.summary.split(". ", 1)[-1]]
    return " ".join(s if s.rstrip().endswith((".", "!", "?")) else f"{s}." for s in sentences)


def benefit_reply(found: Optional[BenefitFacts], asked: Optional[str] = None) -> str:
    """An employer's tuition benefit, or the whole list (saying so when an employer was
    asked about that the source does not list), with the general rules."""
    if found:
        return with_source(f"{found.employer}: {found.benefit}.\n{_benefit_rules()}",
                           _source("employer_benefits"))
    listed = bullets(f"{b.employer} — {b.benefit}" for b in employer_benefits())
    head = f"The source lists no tuition benefit for “{asked}”. " if asked else ""
    return with_source(f"{head}Top employer tuition benefits in the source:\n{listed}\n"
                       f"{_benefit_rules()}", _source("employer_benefits"))


def _state_line(stats: StateStats, fields: Sequence[str] = ()) -> str:
    parts = {"programs": f"{stats.programs} ML master's programs",
             "median_tuition": f"median tuition {median_tuition(stats)}",
             "top_program": f"top program {top_program(stats)}"}
    shown = [parts[f] for f in STATE_FIELDS]  # the whole row: a figure alone misleads
    return f"{stats.name}: {', '.join(shown)}"


def _listed_line(code: str, schools: Sequence[SchoolFacts]) -> str:
    if not schools:
        return f"The source lists no program in {code} among its {school_count()} rows."
    rows = ", ".join(f"{s.name} (#{s.rank}, {money(s.tuition_per_year)}/yr)" for s in schools)
    return f"Listed in the ranking's rows ({code}): {rows}."


def states_reply(states: Sequence[StateStats], fields: Sequence[str],
                 listed: Sequence[Tuple[str, Sequence[SchoolFacts]]]) -> str:
    """The states-table rows of the states asked about (or the whole table)."""
    source = label("states_table")
    table = states_in_table()
    if not states:
        rows = bullets(_state_line(s, ()) for s in table)
        return with_source(f"The source's states table ({len(table)} states):\n{rows}", source)
    lines = []
    for stats in states:
        if stats.programs is None:
            covered = ", ".join(s.name for s in table)
            lines.append(f"The source's states table does not include {stats.name} (it covers "
                         f"{covered}), so it gives no figures for programs there.")
        else:
            lines.append(_state_line(stats, fields) + ".")
    lines += _cheaper_state(states, fields)
    lines += [_listed_line(code, schools) for code, schools in listed]
    return with_source("\n".join(lines), source)


def _cheaper_state(states: Sequence[StateStats], fields: Sequence[str]) -> List[str]:
    """"which one's cheaper" of two or more states: the lowest median tuition."""
    known = sorted((s for s in states if s.median_tuition is not None),
                   key=lambda s: s.median_tuition or 0)
    if "median_tuition" not in fields or len(known) < 2 or \
            known[0].median_tuition == known[1].median_tuition:
        return []
    low, next_ = known[0], known[1]
    return [f"Lower median tuition: {low.name} ({median_tuition(low)} vs "
            f"{median_tuition(next_)} for {next_.name})."]
