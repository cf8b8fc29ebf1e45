"""Outcomes -> replies: the text (and quick-reply buttons) every channel shows. A reply may
instead name a fixed response ("greet", "out_of_scope") that the channel layer words."""
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Type

from knowledge.deciding import outcomes as o
from knowledge.replying import school_answers as answers
from knowledge.replying.citations import sources_reply
from knowledge.replying.comparisons import comparison_reply, comparison_table
from knowledge.replying.guide_answers import (benefit_reply, career_reply, guide_point_reply,
                                              guide_reply, states_reply)
from knowledge.replying.ranking_answers import ranking_answer
from knowledge.replying.recommendations import BUTTONS, profile_question, recommendation_reply
from knowledge.replying.source_labels import label, profiles
from knowledge.replying.suggestions import after_overview, after_ranking
from knowledge.replying.tables import Table
from knowledge.replying.unknowns import (facts_not_held_reply, missing_ranks_reply,
                                         not_listed_reply, unknown_names_reply)

Button = Tuple[str, str]  # (title, the text it sends)
FORMAT_FEATURES = ("online study", "part-time study")  # features a study format answers
FIXED = ("greet", "thank", "goodbye", "help", "out_of_scope", "unclear")
SAID = {
    "empty": "I didn't get a message. Ask about an ML master's program, e.g. “tuition at CMU” "
             "or “cheapest programs in California”, or type “help”.",
    "what_else": "Okay! What would you like to know? E.g. “tell me about Penn” or “help”.",
    "which_school_then": "Okay — which school did you mean? You can use a short name like "
                         "“CMU” or “UC Irvine”.",
    "which_schools": "Which schools should I compare? Name two to five, e.g. “compare CMU and "
                     "USC” or “which is cheaper, Penn or NYU?”",
    "no_list": "There's no list to continue yet. Ask e.g. “cheapest programs in California” or "
               "“top 5 by graduation rate”.",
    "list_end": "That's the whole list.",
    "no_sources": "The last answer quotes no line of the source, so there is none to show. Ask "
                  "e.g. “tuition at CMU”, then “Source” shows the line it comes from.",
}
REFUSED = ("I left out {numbers}: I can only use figures the way the source gives them — "
           "amounts from $0 up (e.g. “under $30k”), percentages up to 100%, ranks and counts "
           "from 1.")


@dataclass(frozen=True)
class Reply:
    text: str = ""
    buttons: Tuple[Button, ...] = ()
    fixed: Optional[str] = None  # a fixed response, worded by the channel layer (FIXED)
    # what the text of a ranking or comparison shows, as data, for channels that draw it
    table: Optional[Table] = None


def refused_reply(numbers: Sequence[str]) -> Reply:
    """The numbers of a message that no answer can use, said plainly."""
    quoted = [f"“{n[:40]}…”" if len(n) > 40 else f"“{n}”" for n in numbers[:3]]
    return Reply(REFUSED.format(numbers=" and ".join(quoted)))


def _said(outcome: o.Said) -> Reply:
    if outcome.kind in FIXED:
        return Reply(fixed=outcome.kind)
    if outcome.kind == "which_school":
        return Reply(answers.which_school(outcome.topic or "overview"))
    return Reply(SAID.get(outcome.kind, SAID["what_else"]))


def _school_topics(outcome: o.SchoolTopics) -> Reply:
    parts = [part for school in outcome.schools
             for part in answers.answers_for(outcome.topics, school)]
    median = outcome.state_median
    if median is not None and median.median_tuition is not None:
        parts.append(f"For comparison, the source's states table gives {median.name} a median "
                     f"tuition of {answers.money(median.median_tuition)} "
                     f"({median.programs} programs).")
    buttons: Tuple[Button, ...] = ()
    if outcome.topics == ("overview",) and len(outcome.schools) == 1:
        buttons = tuple(after_overview(outcome.schools[0]))
    return Reply("\n\n".join(parts), buttons)


def _feature(outcome: o.FeatureFindings) -> Reply:
    lines = []
    with_evidence = {e.school for e in outcome.evidence}
    if len(outcome.schools) > 3:  # asked of every profile: who has it, and how many don't
        schools = [s for s in outcome.schools if s.name in with_evidence]
        others = len(outcome.schools) - len(schools)
        if not schools:
            return Reply(answers.with_source(
                f"The source does not say which schools offer {outcome.feature}: none of "
                f"the {len(outcome.schools)} profiles it gives mentions it.", label("profiles")))
        lines.append(f"The profiles that mention {outcome.feature} ({len(schools)} of "
                     f"{len(outcome.schools)}; the other {others} say nothing about it):")
        outcome = o.FeatureFindings(outcome.feature, tuple(schools), outcome.evidence)
    for school in outcome.schools:
        found = list(dict.fromkeys(e.text for e in outcome.evidence  # (one program's one
                                   if e.school == school.name))  # quote, for two formats: once)
        if found:
            lines.append(f"{school.name} — the source says: " + " ".join(
                text if text.startswith(("“", "Master", "MS", "all")) or "“" in text
                else f"“{text}”" for text in found))
        elif not school.has_profile:
            lines.append(f"The source does not say whether {school.name} offers {outcome.feature}"
                         f": it gives full profiles only for the top {profiles()}, and "
                         f"{school.short_name} is #{school.rank}.")
        else:
            lines.append(f"The source does not say whether {school.name} offers "
                         f"{outcome.feature}: its profile does not mention it." +
                         _full_time_only(school, outcome.feature))
    return Reply(answers.with_source("\n".join(lines), label("profiles")))


def _full_time_only(school, feature: str) -> str:
    """What the profile does say of the format, when asked about part-time or online study:
    "the MS in Machine Learning and Data Science “is a 15-month full-time program”", else
    its programs and their lengths ("MS, 16 months (3-4 semesters)")."""
    if feature not in FORMAT_FEATURES:
        return ""
    said = [f for f in school.study_formats if f.format == "full_time"]
    if said:
        return "".join(f" What it does say: the {f.program} “{f.quote}”." for f in said)
    lengths = [f"{p.name}, {p.length}" for p in school.degree_programs if p.length]
    return f" What it does list: {'; '.join(lengths)}." if lengths else ""


def _sentences(outcome: o.AnsweringSentences) -> Reply:
    by_school: Dict[str, List[str]] = {}
    for evidence in outcome.evidence:
        by_school.setdefault(evidence.school, []).append(evidence.text)
    lines = [f"{name} — the source says: " + " ".join(f"“{t}”" for t in texts)
             for name, texts in by_school.items()]
    return Reply(answers.with_source("\n".join(lines), label("profiles")))


def _ranking(outcome: o.RankingPage) -> Reply:
    ranking = outcome.ranking
    more = len(ranking.listed) > outcome.start + outcome.size or (
        ranking.criteria.limit is not None and ranking.criteria.limit > 1)
    text, table = ranking_answer(ranking, outcome.start, outcome.size, outcome.asked_count,
                                 outcome.nearest)
    return Reply(text, tuple(after_ranking(ranking.criteria, more)), table=table)


def _recommendation(outcome: o.Recommendation) -> Reply:
    return Reply(recommendation_reply(outcome.profile, outcome.matches, outcome.missing,
                                      outcome.employer, outcome.also, outcome.there))


def _question(outcome: o.ProfileQuestion) -> Reply:
    return Reply(profile_question(outcome.question, outcome.profile, first=True),
                 BUTTONS[outcome.question])


def _out_of_pocket(outcome: o.OutOfPocket) -> Reply:
    """"tuition − what the employer pays = out of pocket", per school, worked out in full so
    every figure can be checked: the tuition is the source's, the rest the user's."""
    lines = []
    for school in outcome.schools:
        tuition = school.tuition_per_year
        if outcome.covered_share:
            covered = round(tuition * outcome.covered_share / 100)
            paid = f"{outcome.covered_share}% of it ({answers.money(covered)})"
        else:
            offered = outcome.covered_dollars or 0
            covered = min(tuition, offered)
            paid = answers.money(covered) if covered == offered else \
                f"{answers.money(covered)} (of up to {answers.money(offered)})"
        lines.append(f"{school.name}: {answers.money(tuition)}/yr tuition − {paid} from your "
                     f"employer = about {answers.money(tuition - covered)}/yr out of pocket.")
    lines.append("The tuition is the source's figure; what your employer pays is yours, and "
                 "fees, taxes and a plan's own limits are not in the source.")
    return Reply(answers.with_source("\n".join(lines), answers.TABLE_SOURCE))


RENDERERS: Dict[Type[o.Outcome], Callable] = {
    o.OutOfPocket: _out_of_pocket,
    o.Said: _said,
    o.SchoolTopics: _school_topics,
    o.FeatureFindings: _feature,
    o.AnsweringSentences: _sentences,
    o.FactsNotHeld: lambda x: Reply(facts_not_held_reply(x.facts, x.schools)),
    o.NotListed: lambda x: Reply(not_listed_reply(x.schools, x.states_rows, x.topics,
                                                  x.nearby)),
    o.UnknownNames: lambda x: Reply(unknown_names_reply(x.names)),
    o.MissingRanks: lambda x: Reply(missing_ranks_reply(x.ranks)),
    o.RankingPage: _ranking,
    o.Comparison: lambda x: Reply(comparison_reply(x.schools, x.fields),
                                  table=comparison_table(x.schools, x.fields)),
    o.Recommendation: _recommendation,
    o.ProfileQuestion: _question,
    o.StatesTable: lambda x: Reply(states_reply(x.states, x.fields, x.listed)),
    o.GuideTopic: lambda x: Reply(guide_point_reply(x.key, x.point, x.asks_pay) if x.point
                                   else guide_reply(x.key)),
    o.CareerPath: lambda x: Reply(career_reply(x.career, x.asked, x.asks_pay)),
    o.EmployerBenefit: lambda x: Reply(benefit_reply(x.benefit, x.asked)),
    o.Sources: lambda x: Reply(sources_reply(x.lines, x.valued)),
    o.DidYouMean: lambda x: Reply(answers.did_you_mean(x.mention, x.school),
                                  (("Yes", "yes"), ("No", "no"))),
}


def render(outcomes: Sequence[o.Outcome]) -> List[Reply]:
    return [RENDERERS[type(outcome)](outcome) for outcome in outcomes]
