"""What to answer: a Question, in the state of the conversation, becomes outcomes (data for
knowledge/replying/) and the next state.

Every act reads the state it needs and writes back what the next message may point at: the
schools in focus, what was asked about them, the list shown (rows, page and criteria), the
user's profile, and a question waiting for an answer.
"""
from dataclasses import replace
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from knowledge.deciding import lookup
from knowledge.deciding.outcomes import (
    AnsweringSentences, CareerPath, Comparison, DidYouMean, EmployerBenefit, FactsNotHeld,
    FeatureFindings, GuideTopic, MissingRanks, NotListed, Outcome, OutOfPocket, ProfileQuestion,
    RankingPage, Recommendation, Said, SchoolTopics, Sources, StatesTable, UnknownNames)
from knowledge.deciding.ranking import best_of, between_bounds, loosened, offers, rank
from knowledge.deciding.recommend import recommend
from knowledge.question import Criteria, Question, Relative
from knowledge.state import ConversationState, Pending, Profile, ShownList
from knowledge.store.guides import career, employer_benefit
from knowledge.store.queries import (SchoolFacts, all_school_facts, other_school, school_facts,
                                     state_stats, states_in_table)

PAGE_SIZE = 5
# A filtered list this short is shown whole: a user who asked "which are under 12k" wants
# every one of them, not 5 and "say show more" (seen in three writers' sets, round 5).
WHOLE_LIST_UP_TO = 10
COMPARED_FIELDS = {"tuition": "tuition", "graduation_rate": "grad_rate", "rank_score": "score",
                   "value": "value"}
SORT_FIELDS = {"tuition_low": "tuition", "tuition_high": "tuition", "grad_rate": "grad_rate",
               "grad_rate_low": "grad_rate", "value": "value", "score": "score",
               "score_low": "score"}

Decision = Tuple[List[Outcome], ConversationState]


def decide(question: Question, state: ConversationState) -> Decision:
    handler: Dict[str, Callable[[Question, ConversationState], Decision]] = {
        "facts": _facts, "rank": _rank, "more": _more, "compare": _compare,
        "recommend": _recommend, "profile": _recommend, "states": _states, "guide": _guide,
        "career": _career, "employer": _employer, "affirm": _affirm, "deny": _deny,
        "source": _source,
    }
    if question.profile:
        state = state.but(profile=state.profile.updated(question.profile))
    if question.act not in ("affirm", "deny", "recommend", "empty"):
        state = state.but(pending=None)  # the user moved on; nothing still waits for a yes
    act = handler.get(question.act)
    if act is None:
        return [Said(question.act)], state.but(unlisted=())
    outcomes, new_state = act(question, state)
    unlisted = tuple(school.name for o in outcomes if isinstance(o, NotListed)
                     for school in o.schools)
    # "is stanford ranked?" then "whats its tuition": "its" is Stanford, still not listed
    return outcomes, new_state.but(unlisted=unlisted if not new_state.focus else ())


def _source(question: Question, state: ConversationState) -> Decision:
    """"Source" / "where is that from?": the lines behind the last answer (kept in the state
    by knowledge.conversation); the state stays as it is, so the talk goes on from there."""
    if not state.cited:
        return [Said("no_sources")], state
    return [Sources(state.cited, _facts_of(state.valued))], state


# --- one school or a few ------------------------------------------------------------------

def _focused(state: ConversationState, schools: Sequence[SchoolFacts], question: Question
             ) -> ConversationState:
    """These schools in focus; after "which of those is ranked highest" the one that is
    comes last, where one step along the ranking starts ("and who's ranked right after
    it"); "and grad rates?" still asks of them all, "is it cheaper" of the one (leader)."""
    names = tuple(s.name for s in schools)
    sort = question.criteria.values.get("sort_by")
    if sort not in SORT_FIELDS or len(schools) < 2 or not question.one_answer:
        return state.with_focus(names)
    best = best_of(schools, sort)
    return state.with_focus((*(n for n in names if n != best), best)).but(leader=best)


def _facts_of(names) -> Tuple[SchoolFacts, ...]:
    return tuple(f for f in (school_facts(name) for name in names) if f is not None)


def _facts(question: Question, state: ConversationState) -> Decision:
    outcomes: List[Outcome] = []
    schools = _facts_of(question.schools)
    if question.unlisted:
        others = tuple(o for o in (other_school(n) for n in question.unlisted) if o)
        rows = tuple(s for s in states_in_table()
                     if any(o.states_table == s.top_program for o in others))
        # "is ucsd on there? i'd love to live in san diego": the listed schools of that city
        cities = question.criteria.values.get("cities") or (question.profile.get("city"),)
        nearby = tuple(s for s in all_school_facts() if s.city in cities) if not schools else ()
        outcomes.append(NotListed(others, rows, question.topics, nearby))
    if question.missing_ranks:
        outcomes.append(MissingRanks(question.missing_ranks))
    if question.unknown_mentions and not schools and not question.unlisted:
        outcomes.append(UnknownNames(question.unknown_mentions))
    if question.suggestion and not schools and not question.unlisted:
        mention, suggested = question.suggestion
        pending = Pending("confirm_school", school=suggested, topics=question.topics)
        return [*outcomes, DidYouMean(mention, suggested)], state.but(pending=pending)
    if not schools:
        if outcomes and question.unlisted:  # the school talked about now is not a listed
            # one: "and brandeis?" next asks the same of Brandeis, not to compare it
            return outcomes, state.but(last_act="facts", focus=(),
                                       topics=question.topics or state.topics)
        if outcomes:
            return outcomes, state.but(last_act="facts")
        if question.unknown_facts:
            return [FactsNotHeld(question.unknown_facts, ())], state.but(last_act="facts")
        return [Said("which_school", (question.topics or ("overview",))[0])], state
    outcomes += _about_schools(question, schools, state)
    if question.across:
        schools = _facts_of(dict.fromkeys(e.school for o in outcomes for e in getattr(
            o, "evidence", ()))) or schools[:0]
    asked_rank = question.by_rank
    new_state = _focused(state, schools, question).but(
        topics=question.topics or state.topics if not question.features and not
        question.unknown_facts else question.topics,
        features=question.features, unknown_facts=question.unknown_facts,
        last_act="rank_lookup" if asked_rank else "facts", stepped_from=question.stepped_from,
        covered_dollars=question.covered_dollars, covered_share=question.covered_share)
    return outcomes, new_state


def _about_schools(question: Question, schools: Tuple[SchoolFacts, ...],
                   state: ConversationState) -> List[Outcome]:
    if question.covered_dollars or question.covered_share:
        return [OutOfPocket(schools, question.covered_dollars, question.covered_share)]
    if question.open_question:
        evidence = tuple(lookup.answering_sentences(
            schools, question.ask_text, question.topics if question.across else ()))
        if evidence:
            return [AnsweringSentences(schools, evidence)]
        if question.across and not question.features:
            return [Said("which_school", (question.topics or ("overview",))[0])]
    outcomes: List[Outcome] = []
    topics = list(question.topics)
    numeric = [t for t in topics if t in COMPARED_FIELDS]
    if len(schools) > 1 and numeric:
        outcomes.append(Comparison(schools, tuple(COMPARED_FIELDS[t] for t in numeric)))
        topics = [t for t in topics if t not in numeric]
    median = None
    if question.state_fields and question.states:
        median = state_stats(question.states[0])
    if topics:
        outcomes.append(SchoolTopics(schools, tuple(topics), median))
    silent = [s for s in schools if s.has_profile and not s.admissions]
    if "admissions" in topics and silent:  # "do i need a cs background for it": no admission
        said = tuple(lookup.answering_sentences(silent, question.ask_text))  # facts, but the
        if said:  # profile may say who the program is for
            outcomes.append(AnsweringSentences(tuple(silent), said))
    found_before = set()
    for feature in question.features:
        evidence = tuple(e for school in schools for e in lookup.feature_evidence(school, feature))
        if evidence and evidence in found_before:
            continue  # "evening or online classes?": one online program answers both
        found_before.add(evidence)
        outcomes.append(FeatureFindings(feature, schools, evidence))
    if question.unknown_facts:
        held = [e for fact in question.unknown_facts for school in schools
                for e in lookup.stated_anyway(school, fact)]
        if held:  # "what do UW grads earn": its profile says so, though the source in general
            outcomes.append(AnsweringSentences(schools, tuple(held)))
        unheld = tuple(f for f in question.unknown_facts if not any(
            lookup.stated_anyway(school, f) for school in schools))
        if unheld:
            outcomes.append(FactsNotHeld(unheld, tuple(
                s for s in schools if not any(e.school == s.name for e in held))))
    if not outcomes:  # an open question about the school(s): the sentence that answers it
        evidence = tuple(lookup.answering_sentences(schools, question.ask_text))
        if evidence:
            outcomes.append(AnsweringSentences(schools, evidence))
        else:
            outcomes.append(SchoolTopics(schools, ("overview",)))
    return outcomes


# --- lists --------------------------------------------------------------------------------

def _criteria(question: Question, state: ConversationState) -> Criteria:
    shown = state.last_list
    base = shown.criteria if question.refine and shown and shown.criteria else Criteria()
    change = question.criteria
    if question.dropped_states and question.refine and base.states:
        values = dict(change.values)  # "swap ohio for florida": Ohio out, Florida in
        kept = tuple(s for s in base.states if s not in question.dropped_states)
        values["states"] = tuple(dict.fromkeys((*kept, *values.get("states", ()))))
        values.pop("excluded_states", None)
        change = replace(change, values=values)
    elif question.adds and question.refine and {"states", "cities"} & set(change.values):
        values = dict(change.values)  # "include evanston too": places join the list's
        for name in ("states", "cities"):
            values[name] = tuple(dict.fromkeys((*getattr(base, name), *values.get(name, ()))))
        change = replace(change, values=values)
    criteria = base.changed(change)
    if base.limit and "limit" not in change.values and \
            criteria.filters_only() != base.filters_only() and \
            base.limit >= len(rank(replace(base, limit=None)).listed):
        criteria = replace(criteria, limit=None)  # "let me see 7" of 7, then "up to 21k":
        # the count showed every match, so the new matches show too
    if question.anchors:
        bounds = question.comparatives or (("tuition", "below"),)
        relative = [r for f, d in bounds for r in (
            between_bounds(f, question.anchors) if d == "between" else
            [Relative(f, d, anchor) for anchor in question.anchors])]
        earlier = criteria.relative
        if question.correction:  # "sorry not emory, i meant cheaper than nyu": NYU's bound
            earlier = tuple(r for r in earlier if r.field not in {f for f, _d in bounds})
        criteria = replace(criteria, relative=tuple(dict.fromkeys((*earlier, *relative))))
    return criteria


def _rank(question: Question, state: ConversationState) -> Decision:
    criteria = _criteria(question, state)
    ranking = rank(criteria)
    if question.open_question and not criteria.limit:
        described = lookup.school_described([s for s in ranking.listed if s.has_profile],
                                            question.ask_text)
        if described:  # "which one lets you stack certificates": that school, not a list
            school = _facts_of((described[0].school,))
            return [AnsweringSentences(school, tuple(described))], state.with_focus(
                (described[0].school,)).but(last_act="facts")
    size = criteria.limit or PAGE_SIZE
    if not criteria.limit and len(ranking.listed) <= WHOLE_LIST_UP_TO and \
            criteria.filters_only() != Criteria():  # "under 12k" finds 7: all 7, not 5 of them
        size = len(ranking.listed)
    if criteria.limit == 1 or criteria.names:  # ties of "the cheapest", every row asked about
        size = max(size, len(ranking.listed))
    nearest = None if ranking.listed else loosened(criteria)
    page = RankingPage(ranking, 0, size, question.asked_count,
                       question.schools if question.from_rows else (), nearest)
    if criteria.names and state.last_list:  # a question about the list: the list stays
        found = tuple(s.name for s in ranking.listed)
        return [page], state.with_focus(found).but(last_act="rank_within")
    remembered = replace(criteria, limit=None) if criteria.limit == 1 else criteria
    after = _after_list(state, "ranking", ranking, remembered, 0, size)
    if nearest and len(nearest[1].listed) == 1:  # "none in florida under 15k; without the
        return [page], after.with_focus((nearest[1].listed[0].name,))  # minimum, UCF": "is
    return [page], after  # it online?" asks of UCF


def _after_list(state: ConversationState, kind: str, ranking, criteria: Optional[Criteria],
                start: int, size: int) -> ConversationState:
    rows = tuple(s.name for s in ranking.listed)
    end = min(len(rows), start + size)
    shown = ShownList(kind, rows, criteria, start, end, size)
    focus = rows[start:end] if end - start == 1 else ()
    new_state = state.but(last_list=shown, last_act="rank")
    return new_state.with_focus(focus) if focus else new_state.but(focus=())


def _more(question: Question, state: ConversationState) -> Decision:
    shown = state.last_list
    if shown is None:
        return [Said("no_list")], state
    size = question.page_size or shown.page_size or PAGE_SIZE
    if shown.kind == "ranking" and shown.criteria is not None:
        ranking = rank(replace(shown.criteria, limit=None))
        page = RankingPage(ranking, shown.end, size)
        return [page], _after_list(state, "ranking", ranking, shown.criteria, shown.end, size)
    rows = _facts_of(shown.rows[shown.end:shown.end + size])
    if not rows:
        return [Said("list_end")], state
    moved = replace(shown, start=shown.end, end=shown.end + len(rows))
    return [Comparison(rows, ())], state.but(last_list=moved).with_focus(
        tuple(s.name for s in rows))


def _compare(question: Question, state: ConversationState) -> Decision:
    schools = _facts_of(question.schools)
    outcomes: List[Outcome] = []
    if question.unlisted:
        others = tuple(o for o in (other_school(n) for n in question.unlisted) if o)
        rows = tuple(s for s in states_in_table()
                     if any(o.states_table == s.top_program for o in others))
        outcomes.append(NotListed(others, rows, ()))
    fields = tuple(dict.fromkeys(COMPARED_FIELDS[t] for t in question.topics
                                 if t in COMPARED_FIELDS))
    sort = question.criteria.values.get("sort_by")
    if not fields and sort in SORT_FIELDS and sort != "score":
        fields = (SORT_FIELDS[sort],)
    if not fields and sort == "score" and question.criteria:
        fields = ("score",)
    other_topics = tuple(t for t in question.topics if t not in COMPARED_FIELDS)
    if len(schools) >= 2:
        outcomes.append(Comparison(schools[:5], fields))
    if other_topics and schools:
        outcomes.append(SchoolTopics(schools[:5], other_topics))
    if len(schools) == 1:
        outcomes.append(SchoolTopics(schools, ("overview",)))
    if not outcomes:
        return [Said("which_schools")], state
    names = tuple(s.name for s in schools[:5])
    shown = ShownList("comparison", names, None, 0, len(names), len(names) or PAGE_SIZE)
    remembered = tuple(t for t, f in COMPARED_FIELDS.items() if f in fields) + other_topics
    return outcomes, _focused(state, schools[:5], question).but(
        last_act="compare",  # rows of a list compared: the list stays ("add missouri")
        last_list=shown if len(names) >= 2 and not question.from_rows else state.last_list,
        topics=remembered or question.topics)


def _states(question: Question, state: ConversationState) -> Decision:
    codes = question.states or state.states
    stats = tuple(s for s in (state_stats(code) for code in codes) if s)
    listed = tuple((s.code, tuple(f for f in all_school_facts() if f.state == s.code))
                   for s in stats)
    outcome = StatesTable(stats, question.state_fields, listed)
    rows = tuple(f.name for _code, facts in listed for f in facts)
    new_state = state.but(states=codes, state_fields=question.state_fields, last_act="states")
    if rows:
        criteria = Criteria(states=tuple(codes))
        new_state = new_state.but(last_list=ShownList("ranking", rows, criteria, 0, len(rows),
                                                      PAGE_SIZE))
    return [outcome], new_state


# --- the user -----------------------------------------------------------------------------

def _ready(profile: Profile, asking: bool, told: int, tells_only: bool,
           advised: bool = False) -> bool:
    """Recommend now, or ask the next question? Asked nothing yet, one fact is enough to
    start (the reply says what would narrow it down); in the middle of "help me choose", ask
    on until three are known, unless the user just told two at once. Told about themselves
    without asking anything ("icu nurse in pittsburgh, into clinical data"): ask on until the
    place is known with the budget, that they cannot move (the few schools there are the
    answer) or the format they need, or three facts. Nothing missing (every question
    answered or skipped, or "stop asking") or the answer to the question that ended a
    recommendation (`advised`): recommend."""
    if not profile.missing() or advised:
        return True
    if tells_only:
        return profile.facts_known >= 3 or bool(profile.state or profile.city) and (
            profile.known("budget") or profile.stays_local or profile.format is not None)
    if asking:
        return profile.facts_known >= 3 or (profile.facts_known >= 2 and told >= 2)
    return profile.facts_known >= 1


def _recommend(question: Question, state: ConversationState) -> Decision:
    profile = state.profile
    pending = state.pending
    asking = pending is not None and pending.kind == "profile"
    told = len(set(question.profile) - {"about", "skipped"})  # facts this message gave
    if not _ready(profile, asking, told, question.tells_only,
                  advised=pending is not None and asking and pending.advised):
        ask = profile.missing()[0]
        return [ProfileQuestion(ask, profile)], state.but(
            pending=Pending("profile", question=ask), last_act="recommend")
    matches = tuple(recommend(profile))
    benefit = employer_benefit(profile.employer) if profile.employer else None
    names = tuple(m.school.name for m in matches)
    shown = ShownList("recommendation", names, None, 0, len(names), len(names))
    also = tuple(s for s in all_school_facts() if profile.format and s.name not in names
                 and offers(s, profile.format))
    where = Criteria(cities=(profile.city,)) if profile.city else Criteria(states=profile.states)
    there = tuple(rank(where).listed) if profile.city or profile.state else ()
    outcome = Recommendation(profile, matches, profile.missing(), benefit, also, there)
    # "it" after a recommendation is the top pick; "those" are all of them. The reply ends
    # asking what is missing: "under 20k" next answers it
    missing = profile.missing()
    pending = Pending("profile", question=missing[0], advised=True) if missing else None
    return [outcome], state.with_focus(names).but(pending=pending, last_act="recommend",
                                                 last_list=shown, focus=names[:1])


def _guide(question: Question, state: ConversationState) -> Decision:
    if question.schools:  # "really want cmu. is no experience a problem": CMU stays in view
        state = state.with_focus(question.schools)
    return [GuideTopic(question.guide or "program_types", question.guide_point,
                       question.asks_pay)], state.but(
        last_act="guide", guide=question.guide)


def _career(question: Question, state: ConversationState) -> Decision:
    found = career(question.career) if question.career else None
    return [CareerPath(found, question.unknown_term, question.asks_pay)], state.but(
        last_act="career", career=question.career)


def _employer(question: Question, state: ConversationState) -> Decision:
    found = employer_benefit(question.employer) if question.employer else None
    return [EmployerBenefit(found, question.unknown_term)], state.but(
        last_act="employer", employer=question.employer)


def _affirm(question: Question, state: ConversationState) -> Decision:
    pending = state.pending
    if pending is None or pending.kind != "confirm_school" or not pending.school:
        return [Said("what_else")], state.but(pending=None)
    answered = question.but(act="facts", schools=(pending.school,),
                            topics=pending.topics or ("overview",), suggestion=None)
    return _facts(answered, state.but(pending=None))


def _deny(question: Question, state: ConversationState) -> Decision:
    pending = state.pending
    if pending is not None and pending.kind == "confirm_school":
        return [Said("which_school_then")], state.but(pending=None)
    return [Said("what_else")], state.but(pending=None)
