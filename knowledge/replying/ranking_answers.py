"""Reply text for rankings: a page of rows, what was filtered, what is unknown, and why."""
from typing import List, Optional

from knowledge.replying.school_answers import TABLE_SOURCE, graduation_rate_text, money, number, with_source
from knowledge.store.queries import SchoolFacts, school_count, state_stats
from knowledge.deciding.ranking import SORT_KEYS, VALUE_FORMULA, Criteria, Ranking, rank, value_of

PAGE_SIZE = 5


def describe(criteria: Criteria) -> str:
    """"public, in California, under $20,000/yr, graduation rate ≥ 95%, top 5"."""
    parts = []
    if criteria.control:
        parts.append(criteria.control)
    if criteria.city:
        parts.append(f"in {criteria.city}")
    if criteria.state:
        parts.append(f"in {state_label(criteria.state)}")
    if criteria.max_tuition is not None:
        parts.append(f"tuition up to {money(criteria.max_tuition)}/yr")
    if criteria.min_grad_rate is not None:
        parts.append(f"graduation rate at least {criteria.min_grad_rate}%")
    if criteria.limit:
        parts.append(f"top {criteria.limit}")
    return ", ".join(parts)


def state_label(code: str) -> str:
    stats = state_stats(code)
    return stats.name if stats else code


def row(position: int, facts: SchoolFacts, sort_by: str) -> str:
    line = (f"{position}. {facts.name} (#{facts.rank}, {facts.city}, {facts.state}, "
            f"{facts.control}) — {money(facts.tuition_per_year)}/yr, "
            f"{graduation_rate_text(facts)}, score {number(facts.score)}")
    if sort_by == "value":
        line += f", value {value_of(facts):.1f}"
    return line


def _names(schools) -> str:
    names = [s.short_name for s in schools]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _notes(ranking: Ranking) -> List[str]:
    notes = []
    if ranking.unranked:
        notes.append(f"{_names(ranking.unranked)}: no graduation rate in the source, so "
                     f"listed last, unranked.")
    if ranking.left_out:
        notes.append(f"Left out because the source lists no graduation rate: "
                     f"{_names(ranking.left_out)}.")
    if ranking.criteria.sort_by == "value":
        notes.append(f"Value = {VALUE_FORMULA}: score points per $10k of yearly tuition.")
    if ranking.criteria.state:
        notes.append(_state_note(ranking.criteria.state))
    return [note for note in notes if note]


def _state_note(code: str) -> Optional[str]:
    stats = state_stats(code)
    if stats is None or stats.programs is None:
        return None
    return (f"The source's states table: {stats.name} has {stats.programs} ML master's "
            f"programs in all, median tuition {money(stats.median_tuition)}, top program "
            f"{stats.top_program}.")


FILTER_NAMES = {"max_tuition": "tuition limit", "min_grad_rate": "graduation-rate minimum",
                "control": "public/private filter", "city": "city", "state": "state"}


def _no_match(criteria: Criteria) -> str:
    text = (f"None of the {school_count()} schools the source lists match: "
            f"{describe(criteria)}.")
    for field, name in FILTER_NAMES.items():
        if getattr(criteria, field) is not None:
            relaxed = rank(Criteria.from_dict({**criteria.to_dict(), field: None}))
            if relaxed.listed:
                loosened = describe(relaxed.criteria) or "no filter"
                return (f"{text} Without the {name} ({loosened}), {len(relaxed.listed)} "
                        f"{'does' if len(relaxed.listed) == 1 else 'do'}, e.g. "
                        f"{relaxed.listed[0].name}.")
    return text


def ranking_reply(ranking: Ranking, page: int = 0) -> str:
    """One page (5 rows) of a ranking, with its criteria and notes."""
    listed = ranking.listed
    if not listed:
        return with_source(_no_match(ranking.criteria), TABLE_SOURCE)
    start = page * PAGE_SIZE
    if start >= len(listed):
        return f"That's all: {len(listed)} matching schools, shown above."
    shown = listed[start:start + PAGE_SIZE]
    filters = describe(ranking.criteria)
    head = (f"By {SORT_KEYS[ranking.criteria.sort_by]}"
            f"{' — ' + filters if filters else ''}: {len(listed)} of the {school_count()} "
            f"listed schools match.")
    if start:
        head = f"Rows {start + 1}-{start + len(shown)} of {len(listed)}:"
    lines = [row(start + i + 1, facts, ranking.criteria.sort_by) for i, facts in enumerate(shown)]
    more = len(listed) - start - len(shown)
    tail = [*_notes(ranking)] if not start else []
    if more > 0:
        tail.append(f"{more} more — say “show more”.")
    return with_source("\n".join([head, *lines, *tail]), TABLE_SOURCE)
