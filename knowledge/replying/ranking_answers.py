"""Reply text for rankings: a page of rows, what was filtered, what is unknown, and why;
and the same page as a table (knowledge.replying.tables) for channels that draw one."""
from dataclasses import dataclass, replace
from typing import List, Optional, Sequence, Tuple

from knowledge.deciding.ranking import VALUE_FORMULA, Ranking, loosened, rank, serves, value_of
from knowledge.question import SCORE_STEP, SORT_KEYS, Criteria
from knowledge.replying.source_labels import listed_span, source as source_data
from knowledge.replying.school_answers import (
    TABLE_SOURCE, graduation_rate_text, median_tuition, money, number, top_program,
    with_source)
from knowledge.replying.tables import Table, school_table
from knowledge.store.queries import SchoolFacts, school_count, school_facts, state_stats

FORMAT_LABELS = {"online": "online", "part_time": "part-time"}
RELATIVE_LABELS = {("tuition", "below"): "cheaper than", ("tuition", "above"): "dearer than",
                   ("grad_rate", "above"): "a higher graduation rate than",
                   ("grad_rate", "below"): "a lower graduation rate than",
                   ("rank", "above"): "ranked above", ("rank", "below"): "ranked below"}


def names(schools: Sequence[SchoolFacts], short: bool = True) -> str:
    return _joined([s.short_name if short else s.name for s in schools])


def _joined(shown: Sequence[str]) -> str:
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def names_with_figures(schools: Sequence[SchoolFacts]) -> str:
    return _joined([f"{s.name} (#{s.rank}, {money(s.tuition_per_year)}/yr)" for s in schools])


def state_label(code: str) -> str:
    stats = state_stats(code)
    return stats.name if stats else code


def _relative(criteria: Criteria) -> List[str]:
    parts = []
    for relative in criteria.relative:
        anchor = school_facts(relative.school)
        if anchor is None:
            continue
        figure = {"tuition": f"{money(anchor.tuition_per_year)}/yr",
                  "grad_rate": graduation_rate_text(anchor),
                  "rank": f"#{anchor.rank}"}[relative.field]
        label = RELATIVE_LABELS[(relative.field, relative.direction)]
        parts.append(f"{label} {anchor.short_name} ({figure})")
    return parts


def describe(criteria: Criteria) -> str:
    """"public, in California, $15,000-$35,000/yr, graduation rate ≥ 95%, top 5"."""
    parts = []
    if criteria.names:
        parts.append(f"among {names([f for f in map(school_facts, criteria.names) if f])}")
    if criteria.excluded:
        parts.append(f"besides {names([f for f in map(school_facts, criteria.excluded) if f])}")
    if criteria.min_rank and criteria.max_rank:
        parts.append(f"ranked #{criteria.min_rank}-#{criteria.max_rank}")
    elif criteria.max_rank:
        parts.append(f"within the source's top {criteria.max_rank}")
    if criteria.control:
        parts.append(criteria.control)
    if criteria.group:
        parts.append(f"{criteria.group} campuses")
    places = [*criteria.cities, *(state_label(code) for code in criteria.states)]
    if places:
        parts.append(f"in {' or '.join(places)}")
    if criteria.excluded_states:
        parts.append(f"outside {' and '.join(map(state_label, criteria.excluded_states))}")
    if criteria.min_tuition is not None and criteria.max_tuition is not None:
        parts.append(f"tuition {money(criteria.min_tuition)}-{money(criteria.max_tuition)}/yr")
    elif criteria.max_tuition is not None:
        parts.append(f"tuition up to {money(criteria.max_tuition)}/yr")
    elif criteria.min_tuition is not None:
        parts.append(f"tuition at least {money(criteria.min_tuition)}/yr")
    parts += _score_parts(criteria)
    if criteria.min_grad_rate is not None and criteria.min_grad_rate == criteria.max_grad_rate:
        parts.append(f"graduation rate {criteria.min_grad_rate}%")
    elif criteria.min_grad_rate is not None:
        parts.append(f"graduation rate at least {criteria.min_grad_rate}%")
    if criteria.max_grad_rate is not None and criteria.max_grad_rate != criteria.min_grad_rate:
        parts.append(f"graduation rate at most {criteria.max_grad_rate}%")
    parts += _relative(criteria)
    if criteria.formats:
        parts.append(_formats_text(criteria))
    if criteria.limit and criteria.limit > 1:
        parts.append(f"top {criteria.limit}")
    return ", ".join(parts)


def _formats_text(criteria: Criteria) -> str:
    """"part-time study", "online or part-time study"."""
    return " or ".join(FORMAT_LABELS[f] for f in criteria.formats) + " study"


def _score_parts(criteria: Criteria) -> List[str]:
    """"score 65-66", "score above 60" (a strict bound is stored nudged: see SCORE_STEP)."""
    low, high = criteria.min_score, criteria.max_score
    if low is not None and high is not None and low == round(low, 1) and high == round(high, 1):
        return [f"score {number(low)}-{number(high)}"]
    parts = []
    if low is not None:
        parts.append(f"score at least {number(low)}" if low == round(low, 1) else
                     f"score above {number(round(low - SCORE_STEP, 1))}")
    if high is not None:
        parts.append(f"score at most {number(high)}" if high == round(high, 1) else
                     f"score below {number(round(high + SCORE_STEP, 1))}")
    return parts


def row(position: int, facts: SchoolFacts, sort_by: str) -> str:
    line = (f"{position}. {facts.name} (#{facts.rank}, {facts.city}, {facts.state}, "
            f"{facts.control}) — {money(facts.tuition_per_year)}/yr, "
            f"{graduation_rate_text(facts)}, score {number(facts.score)}")
    if sort_by == "value":
        line += f", value {value_of(facts):.1f}"
    return line


def _notes(ranking: Ranking) -> List[str]:
    notes = []
    by_grad = ranking.criteria.sort_by in ("grad_rate", "grad_rate_low")
    if ranking.unranked and by_grad:
        notes.append(f"{names(ranking.unranked)}: no graduation rate in the source, so "
                     f"listed last, unranked.")
    if ranking.left_out:
        notes.append(f"Left out because the source lists no graduation rate: "
                     f"{names(ranking.left_out)}.")
    programs = _format_programs(ranking)
    if programs:
        notes.append(f"Programs that offer it, as the source says: {programs}.")
    if ranking.silent:
        notes.append(f"The source does not say whether these offer it (no profile, or a "
                     f"profile that does not say): {names(ranking.silent)}.")
    if "part_time" in ranking.criteria.formats:
        notes.append("Fully online programs count as part-time options: the source's "
                     "part-time guide lists “fully asynchronous online” among them.")
    if ranking.criteria.sort_by == "value":
        notes.append(f"Value = {VALUE_FORMULA}: score points per $10k of yearly tuition.")
        pick = source_data()["best_value"]
        notes.append(f"The source's own key findings name a best value: “{pick['quote']}”.")
    for code in ranking.criteria.states:
        if ranking.listed and all(s.state != code for s in ranking.listed):
            notes.append(f"The source lists no program in {state_label(code)} among its "
                         f"{school_count()} rows ({listed_span()}) that fits.")
        note = _state_note(code)
        if note:
            notes.append(note)
    return notes


def _format_programs(ranking: Ranking) -> str:
    """"which of those could i do online": for each school listed, the degree program the
    source says is offered that way (Syracuse: MS in Applied Data Science)."""
    parts = []
    for school in ranking.listed:
        programs = [f.program for f in school.study_formats if f.program and any(
            serves(f.format, wanted) for wanted in ranking.criteria.formats)]
        if programs:
            parts.append(f"{school.short_name}: {' and '.join(dict.fromkeys(programs))}")
    return "; ".join(parts)


def _state_note(code: str) -> Optional[str]:
    stats = state_stats(code)
    if stats is None or stats.programs is None:
        return None
    return (f"The source's states table: {stats.name} has {stats.programs} ML master's "
            f"programs in all, median tuition {median_tuition(stats)}, top program "
            f"{top_program(stats)}.")


FILTER_NAMES = {"max_tuition": "tuition limit", "min_tuition": "tuition minimum",
                "min_grad_rate": "graduation-rate minimum", "control": "public/private filter",
                "cities": "city", "states": "state", "formats": "format filter",
                "group": "group", "max_rank": "top-N range",
                "min_rank": "rank range", "min_score": "score minimum",
                "max_score": "score maximum"}


RELAXED_SHOWN = 5  # schools named when a list comes back empty and one filter less finds some
RELAXED_WITH_FIGURES = 3  # up to this many, each with its rank and tuition


def _no_match(ranking: Ranking, nearest: Optional[Tuple[str, Ranking]] = None) -> str:
    """No row matches: what the source says of the place, and the nearest rows one filter
    less finds (`nearest`, as the decision found it, else looked for here)."""
    criteria = ranking.criteria
    if criteria.min_rank and not rank(Criteria(min_rank=criteria.min_rank)).listed:
        return (f"The source lists only {school_count()} rows ({listed_span()}): it names no "
                f"school ranked #{criteria.min_rank}-#{criteria.max_rank}, so I have no "
                f"figures for them.")
    places = [*criteria.cities, *(state_label(code) for code in criteria.states)]
    text = (f"The source lists no program that matches among its {school_count()} rows "
            f"({listed_span()}): {describe(criteria)}.")
    there = Criteria(states=criteria.states, cities=criteria.cities, excluded=criteria.excluded)
    if places and not rank(there).listed:  # "any other texas schools" (besides UNT) too
        besides = [f for f in map(school_facts, criteria.excluded) if f]
        text = (f"The source lists no {'other ' if besides else ''}program in "
                f"{' or '.join(places)} among its {school_count()} rows ({listed_span()})"
                + (f" besides {names(besides)}." if besides else "."))
        table = [s for s in map(state_stats, criteria.states) if s and s.programs is None]
        if table:
            text += (f" Its states table does not cover {names_of(table)} either, so I have "
                     f"no figures for programs there.")
        for row in (s for s in map(state_stats, criteria.states) if s and s.programs):
            text += (f" Its states table gives {row.name} {row.programs} ML master's programs, "
                     f"median tuition {median_tuition(row)}, top program "
                     f"{top_program(row)}.")
        if not (criteria.control or criteria.max_tuition or criteria.min_tuition or
                criteria.formats or criteria.min_grad_rate):
            return text  # only a place: nothing else to loosen
    if ranking.silent:
        offer = "offers" if len(ranking.silent) == 1 else "offer"
        text += (f" The source does not say whether {names(ranking.silent)} {offer} "
                 f"{_formats_text(criteria)}.")
    if criteria.names and criteria.control:  # "any of those public?": none is, all are private
        kinds = {facts.control for facts in map(school_facts, criteria.names) if facts}
        if len(kinds) == 1 and criteria.control not in kinds:
            text += (f" Not one of those is {criteria.control}: "
                     f"{'it is' if len(criteria.names) == 1 else f'all {len(criteria.names)} are'}"
                     f" {kinds.pop()}.")
    nearest = nearest or loosened(criteria)
    if nearest is None:
        return text
    name, relaxed = nearest
    found = relaxed.listed
    # a few: with their rank and tuition, the figures a loosened bound is about
    shown = names_with_figures(found) if len(found) <= RELAXED_WITH_FIGURES else \
        names(found, short=False) if len(found) <= RELAXED_SHOWN + 1 else \
        f"{', '.join(s.name for s in found[:RELAXED_SHOWN])} and " \
        f"{len(found) - RELAXED_SHOWN} more"
    return (f"{text} Without the {FILTER_NAMES[name]} ({describe(relaxed.criteria) or 'no filter'}"
            f"), {len(found)} {'does' if len(found) == 1 else 'do'}: {shown}.")


def names_of(states) -> str:
    shown = [s.name for s in states]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


@dataclass(frozen=True)
class Page:
    """One page of a ranking as the reply says it: its first line, rows and notes."""
    head: str
    first: int  # the position of the first row shown (1-based)
    schools: Tuple[SchoolFacts, ...]
    tail: Tuple[str, ...]


def _page(ranking: Ranking, start: int = 0, size: int = 5,
         asked_count: Optional[int] = None) -> Optional[Page]:
    """The page from `start`, or None when there is no row to show."""
    listed = ranking.listed
    if start >= len(listed):
        return None
    shown = listed[start:start + size]
    criteria = ranking.criteria
    matching = len(rank(replace(criteria, limit=None)).listed) if criteria.limit else len(listed)
    filters = describe(replace(criteria, limit=None))
    by = f"By {SORT_KEYS[criteria.sort_by]}{' — ' + filters if filters else ''}"
    if criteria.limit == 1:
        head = f"{by}:"
    else:
        showing = f"; the top {len(shown)}:" if len(shown) < matching else "."
        verb = "matches" if matching == 1 else "match"
        head = f"{by}: {matching} of the {school_count()} listed schools {verb}{showing}"
    if start:
        head = f"Rows {start + 1}-{start + len(shown)} of {matching}:"
    tail = _notes(ranking) if not start else []
    if asked_count and asked_count > len(listed) and not start:
        tail.insert(0, f"You asked for {asked_count}; the source lists {school_count()} rows "
                       f"({listed_span()}), and {len(listed)} match.")
    more = matching - start - len(shown) if criteria.limit != 1 else 0
    if more > 0:
        tail.append(f"{more} more — say “show more”.")
    return Page(head, start + 1, tuple(shown), tuple(tail))


FIGURES = ("tuition", "grad_rate", "score")  # first: what a narrow screen shows unscrolled
WHERE = ("rank", "location", "control")


def ranking_answer(ranking: Ranking, start: int = 0, size: int = 5,
                   asked_count: Optional[int] = None,
                   nearest: Optional[Tuple[str, Ranking]] = None
                   ) -> Tuple[str, Optional[Table]]:
    """One page of a ranking, with its criteria and notes: the text, and the same page as a
    table (None when no row is listed). Value is a column only when the ranking is by value,
    as in the text. `nearest`: an empty list's loosened rows, if the decision found them."""
    if not ranking.listed:
        return with_source(_no_match(ranking, nearest), TABLE_SOURCE), None
    shown = _page(ranking, start, size, asked_count)
    if shown is None:
        return f"That's all: {len(ranking.listed)} matching schools, shown above.", None
    sort_by = ranking.criteria.sort_by
    lines = [row(shown.first + i, facts, sort_by) for i, facts in enumerate(shown.schools)]
    keys = ("school", *FIGURES, *(("value",) if sort_by == "value" else ()), *WHERE)
    table = school_table("ranking", shown.head, shown.schools, keys, shown.tail, TABLE_SOURCE,
                         first_position=shown.first)
    return with_source("\n".join([shown.head, *lines, *shown.tail]), TABLE_SOURCE), table


def ranking_reply(ranking: Ranking, start: int = 0, size: int = 5,
                  asked_count: Optional[int] = None) -> str:
    return ranking_answer(ranking, start, size, asked_count)[0]
