"""Reply text for "help me choose": what the user told us, three programs with the reasons
they fit (and what they don't), and the one question still worth asking."""
from typing import Optional, Sequence, Set

from knowledge.deciding.recommend import Match
from knowledge.replying.guide_answers import benefit_reply
from knowledge.replying.ranking_answers import FORMAT_LABELS, names_with_figures, state_label
from knowledge.replying.school_answers import graduation_rate_text, money, number
from knowledge.replying.source_labels import label
from knowledge.state import Profile
from knowledge.store.guides import BenefitFacts
from knowledge.store.queries import SchoolFacts

QUESTIONS = {
    "budget": "What's your tuition budget per year?",
    "place": "Where do you want to study — a US state or city — or do you need online or "
             "part-time study?",
    "goal": "What's your goal: research (e.g. a PhD later) or an industry job?",
    "control": "Public or private university — or either?",
}
BUTTONS = {
    "budget": (("Under $15k", "$15k"), ("Under $30k", "$30k"), ("Under $65k", "$65k"),
               ("Skip", "skip")),
    "place": (("California", "California"), ("Massachusetts", "Massachusetts"),
              ("Online", "online"), ("Part-time", "part-time"), ("Skip", "skip")),
    "goal": (("Research / PhD", "research"), ("Industry job", "industry"), ("Skip", "skip")),
    "control": (("Public", "public"), ("Private", "private"), ("Either", "skip")),
}


def describe(profile: Profile) -> str:
    parts = []
    if profile.budget is not None:
        parts.append(f"budget up to {money(profile.budget)}/yr")
    elif profile.budget_low:
        parts.append("tight budget")
    if profile.city:
        parts.append(f"in {profile.city}, {profile.state}" if profile.state else
                     f"in {profile.city}")
    elif profile.state:
        parts.append(f"in {' or '.join(state_label(code) for code in profile.states)}")
    if profile.stays_local:
        parts.append("can't relocate")
    if profile.format:
        parts.append(FORMAT_LABELS[profile.format])
    if profile.goal:
        parts.append("research/PhD" if profile.goal == "research" else "industry career")
    if profile.control:
        parts.append(profile.control)
    if profile.employer:
        parts.append(f"works at {profile.employer}")
    return ", ".join(parts)


def profile_question(question: str, profile: Profile, first: bool) -> str:
    known = describe(profile)
    lead = (f"Got it — {known}. " if known else
            "Let's find programs that fit you — a few quick questions, skip any. ")
    return f"{lead}{QUESTIONS[question]}"


def _facts_line(match: Match, profile: Profile) -> str:
    school = match.school
    told = any(fit.kind == "budget" for fit in match.fits) or profile.budget is not None
    tuition = "" if told else f"; {money(school.tuition_per_year)}/yr"  # said once
    return (f"{graduation_rate_text(school)}; #{school.rank}, score {number(school.score)}"
            f"{tuition}")


def _left_out_there(profile: Profile, fit_kinds: Set[str], there: Sequence[SchoolFacts]
                    ) -> str:
    """None of the matches is where the user is: the schools there that other limits left out
    ("In Worcester itself, the source lists Clark University (#8, $54,760/yr)"), or that the
    source lists none there (not "no program in San Diego" when one is, over the budget)."""
    where = profile.city or " or ".join(state_label(code) for code in profile.states)
    budget = profile.budget
    over = budget is not None and all(s.tuition_per_year > budget for s in there)
    if fit_kinds & {"state", "near"} and (over and not profile.city_bound or not there):
        return ""  # nearby schools fit; those there are over the budget, as the list says
    if not there:
        return f"The source lists no program in {where} among its rows."
    return (f"In {where} itself, the source lists {names_with_figures(there)}"
            + (f", above your {money(budget)} budget." if budget is not None and over else "."))


def recommendation_reply(profile: Profile, matches: Sequence[Match], missing: Sequence[str],
                         benefit: Optional[BenefitFacts], also: Sequence[SchoolFacts],
                         there: Sequence[SchoolFacts]) -> str:
    known = describe(profile) or "no preferences yet"
    alone = len(matches) == 1 and not matches[0].misses  # the only school keeping them all
    lines = [f"One listed school fits everything you said ({known}):" if alone
             else f"Top {len(matches)} for you ({known}):"]
    for position, match in enumerate(matches, 1):
        school = match.school
        near = [f"close to what you said: “{match.interest_sentence}”"] \
            if match.interest_sentence and profile.interests else []
        reasons = "; ".join([*(fit.reason for fit in match.fits), *near,
                             _facts_line(match, profile)])
        if match.misses:
            reasons += f" — but {'; '.join(match.misses)}"
        lines.append(f"{position}. {school.name} ({school.city}, {school.state}) — {reasons}")
    full = sum(1 for match in matches if not match.misses)
    if full == 0 and any(m.misses for m in matches):
        lines.append("No listed school fits everything you said, so these fit the most.")
    elif 0 < full < len(matches):
        lines.append(f"Only {full} of these fit{'s' if full == 1 else ''} everything you "
                     f"said; the others fit the most.")
    fit_kinds = {fit.kind for m in matches for fit in m.fits}
    if profile.city and "city" not in fit_kinds or \
            profile.state and not fit_kinds & {"city", "state", "near"}:
        left_out = _left_out_there(profile, fit_kinds, there)
        if left_out:
            lines.append(left_out)
    if also and profile.format:
        lines.append(f"Also {FORMAT_LABELS[profile.format]} according to the source: "
                     + "; ".join(f"{s.name} ({s.study_formats[0].program})" for s in also) + ".")
    if benefit:
        lines.append(benefit_reply(benefit).split("\n(Source")[0])
    if missing:
        ask = {"budget": "your budget", "place": "where you'd study (or online/part-time)",
               "goal": "research or industry", "control": "public or private"}
        # A question, as an advisor would ask it, for the first thing missing
        others = " or ".join(ask[m] for m in missing[1:])
        lines.append(QUESTIONS[missing[0]] + " That would narrow these down"
                     + (f" (so would {others})" if others else "")
                     + " — or change anything, e.g. “make my budget $40k”.")
    else:
        lines.append("Change anything, e.g. “make my budget $40k” or “any state”.")
    lines.append(f"(Source: {label('table_and_profiles')}.)")
    return "\n".join(lines)
