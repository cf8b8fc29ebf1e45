"""Honest answers where the source is silent: schools outside its 25 listed rows (saying
where it names them, if it does), ranks it does not show, facts it holds for no school, and
names that match no school. None of them gives a figure the source does not give."""
from typing import Sequence

from knowledge.replying.school_answers import median_tuition, money, with_source
from knowledge.replying.source_labels import label, listed_span, ranks
from knowledge.store.queries import (OtherSchoolFacts, SchoolFacts, StateStats, school_count,
                                     all_school_facts)



def not_listed_reply(schools: Sequence[OtherSchoolFacts], states_rows: Sequence[StateStats],
                     topics: Sequence[str], nearby: Sequence[SchoolFacts] = ()) -> str:
    lines = []
    named = [t for t in topics if t != "overview"]
    what = ", ".join(t.replace("_", " ") for t in named) + " figures" if named else \
        "tuition, rank, graduation rate or score"
    for school in schools:
        lines.append(f"{school.name} is not among the {school_count()} programs the source "
                     f"lists ({listed_span()}), so it gives no {what} for it.")
        # Asked for a figure of it, no other dollar figure is put beside "no figure": a
        # state's median or a salary quote would read as the answer to "stanford tuition?"
        for row in states_rows:
            if row.top_program == school.states_table:
                median = "" if named else f", median tuition {median_tuition(row)}"
                lines.append(f"The source's states table names {school.states_table} as "
                             f"{row.name}'s top program ({row.name}: {row.programs} "
                             f"programs{median}).")
        for mention in school.mentions:
            # a figure is quoted for the topic it answers ("GT OMSCS = $7K total": tuition)
            if named and "$" in mention.quote and not set(named) & set(mention.answers):
                continue
            lines.append(f"The source mentions it in “{mention.section}”: “{mention.quote}” "
                         f"(line {mention.line}).")
    for city in dict.fromkeys(s.city for s in nearby):
        here = ", ".join(f"{s.name} (#{s.rank}, {money(s.tuition_per_year)}/yr)"
                         for s in nearby if s.city == city)
        lines.append(f"In {city}, the source lists {here}.")
    return with_source("\n".join(lines), label("table_and_states"))


def missing_ranks_reply(missing: Sequence[int]) -> str:
    lines = []
    for rank in missing:
        if rank > ranks() or rank < 1:
            lines.append(f"There is no #{rank}: the source ranks {ranks()} programs.")
        else:
            lines.append(f"The source does not show #{rank}: its table lists only "
                         f"{listed_span()}, so I can't say which school is #{rank}.")
    last = max(all_school_facts(), key=lambda s: s.rank)
    lines.append(f"The last row it lists is #{last.rank}, {last.name}.")
    return with_source("\n".join(lines), label("table_showing"))


def facts_not_held_reply(facts: Sequence[str], schools: Sequence[SchoolFacts]) -> str:
    about = " or ".join(s.name for s in schools) if schools else "any school"
    lines = [f"The source gives no {fact} for {about}." for fact in facts]
    admissions = [s for s in schools if s.admissions]
    if any("acceptance" in f or "test" in f for f in facts):
        for school in admissions:
            listed = "; ".join(f"{a.fact.upper()} {a.value}" + (f" ({a.detail})" if a.detail
                                                                 else "")
                               for a in school.admissions)
            lines.append(f"What it does give for admission to {school.name}: {listed}.")
    if schools and any("tuition" in f for f in facts):  # "are those in-state rates?": the one
        # figure it gives, whoever pays it
        lines.append("The one yearly tuition it gives: " + "; ".join(
            f"{s.name} {money(s.tuition_per_year)}" for s in schools) + ".")
    return with_source("\n".join(lines), label("any_part"))


def unknown_names_reply(names: Sequence[str]) -> str:
    shown = ", ".join(f"“{name}”" for name in names)
    return (f"I couldn't find {shown} among the {school_count()} programs the source lists "
            f"({listed_span()}), so I have no facts about it. Try a listed school, e.g. "
            f"“Carnegie Mellon” or “UC Irvine”.")


