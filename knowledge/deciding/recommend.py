"""Recommend programs for what a user said about themselves (knowledge.state.Profile), with
one-line reasons built from the store's facts.

A school earns points for each thing it fits: being where the user is (their city counts
more than their state), a format they need (online counts anywhere: for someone who cannot
move, an online program fits as well as a local one), the budget, the goal, public/private.
Ties go to the school whose profile is closest in meaning to what the user said of their
interests (at most INTEREST_WEIGHT), then to the cheaper one when money is tight or the user
asked for the cheapest first (a budget alone is a limit, not a wish), then to the source's
score. Where the user is, a format they need, public/private and a stated
budget are limits, not wishes: a school that breaks one comes after every school that breaks
none, however well it fits the rest; when four or five schools keep every limit all of
them are shown, and when only two do (or one, for a user who cannot move), no school that
breaks one is added to them (it fills the list only when fewer keep them all). What a
school does not fit is said too, so a list that cannot satisfy everything says so instead
of pretending.
"""
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple


from knowledge.deciding.lookup import content_words, meaning_vectors, score_sentences
from knowledge.deciding.ranking import offers
from knowledge.state import Profile
from knowledge.store.queries import SchoolFacts, StudyFormat, all_school_facts
from knowledge.understanding.vocabulary import metro_neighbours

TOP = 3
# Schools keeping every limit the user set are all shown, up to this many: "stretch it to
# 12k" lets in 7, and the user wants to see which (as with a filtered list, decide.py).
MOST = 10
# Two schools that keep every limit are a choice: no school that breaks one is added to them
# ("i live in pennsylvania and want a public school": Pitt and Penn State, not CMU). For a
# user who cannot move, one is enough ("staying in texas, 10k/yr is my ceiling": UNT alone,
# not San Jose State); one who would move for the right program sees the nearest others.
ENOUGH_KEEPING = 2
# A format the source does not say a school offers is unknown, not refused: it breaks less
# than a place missed ("teacher in houston, evenings only, staying in texas": UNT, whose
# evening options the source does not give, before Syracuse online in New York).
UNCONFIRMED = 0.5
# For someone staying where they are who did not ask for online study, an online program
# elsewhere is a fallback, not the same as a school there: it breaks more than an unconfirmed
# format ("not leaving georgia, 15k ceiling": UGA, then UW online; "staying in texas, evenings
# only": UNT, whose evening options the source does not give, then the online programs).
ONLINE_INSTEAD_OF_PLACE = 0.75
# For someone who cannot move from their city, a school in another city of their state breaks
# less than an online program elsewhere and is said not to be in their city ("pharmacist in
# philly, relocating is out, 25k": Pitt and Penn State, 300 km off, then UW online; Penn, in
# the city, named over the budget). A city of metro_areas is no move (Evanston for Chicago);
# for a city no listed school is in (Everett), the source has nothing nearer than its state.
ANOTHER_CITY = 0.5
CHEAP_SHARE = 1 / 3  # "money is tight" without a figure: the cheapest third of the rows fits
# For someone who cannot move, a school in their city must beat an online program that also
# fits their goal (city 3 > remote 1 + goal 1).
WEIGHTS = {"city": 3.0, "state": 1.5, "near": 2.0, "format": 1.5, "remote": 1.0,
           "budget": 1.0, "goal": 1.0, "control": 1.0}
PLACE_FITS = ("city", "near", "state")
INTEREST_WEIGHT = 3.0  # per point of closeness above INTEREST_FLOOR
INTEREST_FLOOR = 0.45  # below it a profile's best sentence is not about what the user said


@dataclass(frozen=True)
class Fit:
    kind: str  # a key of WEIGHTS
    reason: str
    detail: Optional[Tuple[str, ...]] = None  # e.g. the program and its quoted format


@dataclass(frozen=True)
class Match:
    school: SchoolFacts
    fits: Tuple[Fit, ...]
    misses: Tuple[str, ...]  # what it does not fit, or the source cannot confirm
    broken: float = 0  # how many of the user's limits (place, format, public/private,
    # budget) it breaks; a format the source does not confirm counts UNCONFIRMED
    interest: float = 0.0
    interest_sentence: Optional[str] = None  # the profile sentence closest to the user's words

    @property
    def place_points(self) -> float:
        return sum(WEIGHTS[fit.kind] for fit in self.fits if fit.kind in PLACE_FITS)

    @property
    def points(self) -> float:
        return sum(WEIGHTS[fit.kind] for fit in self.fits) + INTEREST_WEIGHT * self.interest


def _cheap_limit() -> int:
    tuitions = sorted(s.tuition_per_year for s in all_school_facts())
    return tuitions[max(0, int(len(tuitions) * CHEAP_SHARE) - 1)] if tuitions else 0


def _bound_to_a_listed_city(profile: Profile) -> bool:
    return profile.city_bound and any(s.city == profile.city for s in all_school_facts())


def _place_fit(school: SchoolFacts, profile: Profile) -> Tuple[Optional[Fit], Optional[str]]:
    if profile.city and school.city == profile.city:
        return Fit("city", f"in {school.city}"), None
    if school.state in profile.states and _bound_to_a_listed_city(profile) and \
            school.city not in metro_neighbours(profile.city):
        return Fit("state", f"in {school.city}, {school.state}"), f"not in {profile.city}"
    if school.state in profile.states:
        kind = "near" if profile.city else "state"
        return Fit(kind, f"in {school.city}, {school.state}"), None
    wants_place = profile.city or profile.state
    if wants_place and (profile.stays_local or profile.format == "online") and \
            offers(school, "online"):
        return None, None  # the format fit covers it (an online program needs no move)
    if wants_place:
        return None, f"not in {profile.city or ' or '.join(profile.states)}"
    return None, None


def _format_fit(school: SchoolFacts, profile: Profile) -> Tuple[Optional[Fit], Optional[str]]:
    wanted = profile.format or ("online" if profile.stays_local and (
        profile.city or profile.state) else None)
    if wanted is None:
        return None, None
    evidence = [f for f in school.study_formats
                if f.format == wanted or (wanted == "part_time" and f.format == "online")]
    label = "online" if wanted == "online" else "part-time"
    if evidence:
        # each program that fits, the asked format first: "part time, not online ... a few
        # evenings a week" finds UW's evening MSDS, not only its online part-time program
        programs: Dict[str, StudyFormat] = {}
        for found in sorted(evidence, key=lambda f: f.format != wanted):
            programs.setdefault(found.program, found)
        kind = "format" if profile.format else "remote"  # implied by "can't move": weaker
        return Fit(kind, f"{label}: " + "; ".join(
            f"{f.program} — “{f.quote}”" for f in programs.values())), None
    if profile.format is None:
        return None, None  # only implied by "can't move": no need to say
    return None, f"the source does not say it offers {label} study"


def _check(school: SchoolFacts, profile: Profile, cheap: int
           ) -> Tuple[List[Fit], List[str], float]:
    fits: List[Fit] = []
    misses: List[str] = []
    broken = 0.0
    for (found, missed), weight in ((_place_fit(school, profile), 1.0),
                                    (_format_fit(school, profile), UNCONFIRMED)):
        if found:
            fits.append(found)
        if missed:
            misses.append(missed)
            broken += weight if not found else ANOTHER_CITY  # a place or a format they
            # asked for, not kept (or their state kept but not their city)
    if (profile.city or profile.state) and profile.stays_local and \
            profile.format != "online" and not any(
            f.kind in ("city", "state", "near") for f in fits) and offers(school, "online"):
        broken += ONLINE_INSTEAD_OF_PLACE  # (no miss said: the online program is the reason)
    tuition = f"${school.tuition_per_year:,}/yr"
    if profile.budget is not None:
        if school.tuition_per_year <= profile.budget:
            fits.append(Fit("budget", f"fits your ${profile.budget:,} budget: {tuition}"))
        else:
            misses.append(f"over your ${profile.budget:,} budget: {tuition}")
            broken += 1
    elif profile.budget_low and school.tuition_per_year <= cheap:
        fits.append(Fit("budget", f"among the cheapest listed: {tuition}"))
    if profile.goal == "research":
        if school.research_labs:
            count = len(school.research_labs)
            fits.append(Fit("goal", f"research: {count} lab{'s' if count > 1 else ''} listed, "
                                    f"e.g. {school.research_labs[0].name}"))
        else:
            misses.append("no research labs listed in the source")
    elif profile.goal == "industry":
        partners = (school.industry_partners or school.top_employers)[:3]
        if partners:
            fits.append(Fit("goal", f"industry: {', '.join(partners)}"))
        else:
            misses.append("no industry partners or employers listed in the source")
    if profile.control:
        if school.control == profile.control:
            fits.append(Fit("control", school.control))
        else:
            misses.append(school.control)
            broken += 1
    return fits, misses, broken


def _interests(profile: Profile, schools: List[SchoolFacts]
               ) -> List[Tuple[float, Optional[str]]]:
    """How far above INTEREST_FLOOR each school's closest profile sentence scores against
    one of the user's clauses about what draws them (meaning and shared words, as a
    question's answer is found: knowledge.deciding.lookup), and that sentence."""
    clauses = [" ".join(content_words(clause)) for clause in _clauses(profile.about)]
    best: Dict[str, Tuple[float, Optional[str]]] = {}
    for clause, vector in zip(clauses, meaning_vectors(clauses)):
        for evidence in score_sentences(schools, clause, vector=vector):
            if evidence.score > best.get(evidence.school, (0.0, None))[0]:
                best[evidence.school] = (evidence.score, evidence.text)
    scores = []
    for school in schools:
        score, sentence = best.get(school.name, (0.0, None))
        scores.append((score - INTEREST_FLOOR, sentence) if score > INTEREST_FLOOR
                      else (0.0, None))
    return scores


def _clauses(text: str) -> List[str]:
    """The user's words cut where their thoughts change ("i care about how ml lands on
    society and policy"), each saying something: one interest is closest
    to one clause, not to the whole story."""
    parts = [p.strip() for p in re.split(r"[.!?;,(]+|\bbut\b|\bso\b", text or "")]
    return [p for p in parts if content_words(p) and len(p.split()) >= 3]


def recommend(profile: Profile, top: int = TOP) -> List[Match]:
    schools = all_school_facts()
    cheap = _cheap_limit()
    interests = _interests(profile, schools)
    matches = []
    for school, (interest, sentence) in zip(schools, interests):
        fits, misses, broken = _check(school, profile, cheap)
        matches.append(Match(school, tuple(fits), tuple(misses), broken, interest, sentence))
    # "money is tight", "cheapest first": the cheaper the better; a budget alone is a limit,
    # and within it the better program is the better advice (so "stretch to 12k" brings UW
    # in, not more of the same cheapest rows)
    cheaper_first = profile.budget_low
    # For someone who cannot move, nearer comes first whatever draws them: "not leaving the
    # city" in New York puts NYU before Syracuse, however close Syracuse's profile reads
    nearer_first = profile.stays_local
    matches.sort(key=lambda m: (m.broken, -m.place_points if nearer_first else 0,
                                -round(m.points, 3),
                                m.school.tuition_per_year if cheaper_first else 0,
                                -m.school.score, m.school.rank))
    limited = profile.budget is not None or profile.control or profile.state or profile.city \
        or profile.format
    keeping = sum(1 for m in matches if m.broken == 0)
    if limited and top < keeping <= MOST:
        top = keeping
    elif limited and (ENOUGH_KEEPING if not profile.stays_local else 1) <= keeping < top:
        # no school that breaks a limit joins them (one whose format is only unconfirmed may)
        top = min(top, sum(1 for m in matches if m.broken <= UNCONFIRMED))
    return matches[:top]
